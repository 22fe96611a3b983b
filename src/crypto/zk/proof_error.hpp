// The failures of the zero-knowledge proof verifiers: one enum for Groth16
// (crypto/groth16) and PLONK (crypto/plonk), their snarkjs JSON readers
// (snarkjs_values.hpp) and Groth16's binary form, so that a caller handles a bad key or
// proof the same way whichever proof system it uses. Points and field elements fail
// with the shared encoding codes (crypto/encoding_error.hpp), under the same numbers.
//
// A proof that decodes but does not satisfy the verification equation is not a
// failure: verify() returns false. Failures are for inputs that are malformed or
// inconsistent.
#pragma once

#include <cstddef>

#include "base/result.hpp"
#include "crypto/encoding_error.hpp"

namespace dusk::crypto::zk {

enum class ProofError : u8 {
  DUSK_ENCODING_ERROR_VALUES,  // a point or field element of a key or proof; kBadLength
                               // also: binary form of the wrong size
  kBadJson = kEncodingErrorEnd,  // not JSON, or a member is missing or has the wrong type
  kWrongProtocol,          // "protocol" is not the verifier's ("groth16", "plonk")
  kWrongCurve,             // "curve" names another curve than the verifier's
  kBadNumber,              // a number is not a canonical decimal string (digits only, no
                           // sign, no leading zero, at most 160 digits)
  kScalarOutOfRange,       // a public input, evaluation or key scalar is >= r
  kCountMismatch,          // nPublic, the number of IC points and the number of public
                           // inputs disagree
  kTooManyInputs,          // more public inputs than kMaxPublicInputs
  kBadDomain,              // PLONK: the evaluation domain (power, w) is impossible or
                           // inconsistent, or has fewer points than public inputs
};
using ProofFailure = Failure<ProofError>;
template <typename T>
using ProofResult = Result<T, ProofFailure>;

// A bound on public inputs, so that a hostile key cannot make us allocate or compute
// without limit (snarkjs circuits have a few to a few hundred).
inline constexpr unsigned kMaxPublicInputs = 1u << 16;

// A bound on the size of a JSON document (key, proof, public inputs) before parsing.
inline constexpr std::size_t kMaxJsonSize = 64u << 20;

}  // namespace dusk::crypto::zk

DUSK_WIDENS_ENCODING_ERROR(dusk::crypto::zk::ProofError)
