// The failures of the BLS signature module: every Result it returns is a BlsResult.
#pragma once

#include <string>
#include <string_view>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::crypto::bls {

enum class BlsError : u8 {
  kBadSecretKey = 1,       // secret key bytes: not 32 long, zero, or an integer >= r
  kShortIkm = 2,           // KeyGen: input keying material shorter than 32 bytes (the
                           // draft's minimum, so the key has 128 bits of entropy at least)
  kBadPublicKey = 3,       // public key bytes fail strict decoding (length, flags,
                           // canonical coordinates, curve, subgroup); the message says which
  kIdentityPublicKey = 4,  // the public key, or an aggregate of public keys, is the identity
                           // (KeyValidate of the draft; such a key verifies forged signatures)
  kBadSignature = 5,       // signature bytes fail strict decoding, as for kBadPublicKey
  kEmptyAggregate = 6,     // aggregation or verification over zero keys or signatures
  kLengthMismatch = 7,     // as many keys as messages (and, in a batch, signatures) required
  kDuplicateMessage = 8,   // AggregateVerify over a repeated message (draft, section 3.1.1)
  kInvalidSignature = 9,   // well-formed inputs, but the pairing equation does not hold
  kRandomness = 10,        // the random source for batch verification failed
  kZeroWeight = 11,        // key weighting: a public key whose weight hashes to 0 mod r
};

using BlsFailure = Failure<BlsError>;
template <typename T>
using BlsResult = Result<T, BlsFailure>;
using BlsStatus = Result<void, BlsFailure>;

// The failure for `code`, its message prefixed with the variant ("bls min-sig: ...").
inline BlsFailure bls_error(BlsError code, std::string_view variant, std::string_view what) {
  return BlsFailure(code, "bls " + std::string(variant) + ": " + std::string(what));
}

}  // namespace dusk::crypto::bls
