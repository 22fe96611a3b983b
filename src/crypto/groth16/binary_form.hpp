// The compact binary form of Groth16 keys, proofs and public inputs, for on-chain use
// (contract calls, transactions): fixed order, the engine's point encodings, no
// self-description.
//
// With g1 and g2 the engine's point sizes (BLS12-381: 48 and 96 bytes, the ZCash
// compressed encodings of serialization.hpp; BN254: 64 and 128 bytes, the EIP-196/197
// encodings):
//   proof          A (g1) || B (g2) || C (g1)          BLS12-381: 192 bytes, BN254: 256
//   verifying key  alpha (g1) || beta (g2) || gamma (g2) || delta (g2)
//                  || n (4 bytes, big-endian, n <= kMaxPublicInputs)
//                  || IC_0 .. IC_n (g1 each)     BLS12-381: 388 + 48 (n+1), BN254: 452 + 64 (n+1)
//   public inputs  x_1 .. x_n, 32 bytes big-endian each, each < r
// Decoding checks the exact length first (kBadLength), then each point fully (flags,
// canonical coordinates, curve, subgroup: kBadEncoding, kNotCanonical, kNotOnCurve,
// kNotInSubgroup), and scalars < r (kScalarOutOfRange). Every value has exactly one
// encoding, so decode(encode(v)) == v and encode(decode(b)) == b.
#pragma once

#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/groth16/verifier.hpp"

namespace dusk::crypto::groth16 {

inline constexpr size_t kScalarSize = 32;

template <typename E>
constexpr size_t proof_size() { return 2 * E::kG1Size + E::kG2Size; }
template <typename E>
constexpr size_t verifying_key_size(size_t num_inputs) {
  return E::kG1Size + 3 * E::kG2Size + 4 + (num_inputs + 1) * E::kG1Size;
}

template <typename E>
Bytes encode_proof(const Proof<E>& proof);
template <typename E>
ProofResult<Proof<E>> decode_proof(ByteView bytes);

// Precondition: vk.ic is not empty.
template <typename E>
Bytes encode_verifying_key(const VerifyingKey<E>& vk);
template <typename E>
ProofResult<VerifyingKey<E>> decode_verifying_key(ByteView bytes);

template <typename E>
Bytes encode_public_inputs(std::span<const typename E::Fr> inputs);
template <typename E>
ProofResult<std::vector<typename E::Fr>> decode_public_inputs(ByteView bytes);

}  // namespace dusk::crypto::groth16
