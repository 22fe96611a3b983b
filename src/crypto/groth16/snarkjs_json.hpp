// Reading snarkjs's Groth16 files: verification_key.json, proof.json, public.json.
//
// Formats (snarkjs 0.7, `snarkjs zkey export verificationkey`, `groth16 prove`):
//   verification_key.json  {"protocol": "groth16", "curve": "bn128" | "bls12381",
//                           "nPublic": n, "vk_alpha_1": G1, "vk_beta_2": G2,
//                           "vk_gamma_2": G2, "vk_delta_2": G2, "IC": [G1 x (n + 1)],
//                           ...}   (other members, e.g. vk_alphabeta_12, are ignored)
//   proof.json             {"pi_a": G1, "pi_b": G2, "pi_c": G1,
//                           "protocol": "groth16", "curve": ...}  (the last two optional)
//   public.json            [decimal string x n]
// where a G1 point is [x, y, "1"] and a G2 point [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]
// (projective with Z = 1), coordinates as decimal strings; the identity, which snarkjs
// writes as ["0", "1", "0"] (G2: [["0","0"], ["1","0"], ["0","0"]]), is accepted in
// exactly that form.
//
// The values are read by crypto/zk/snarkjs_values.hpp (shared with PLONK).
// Validation is strict, at the boundary, in this order: JSON syntax and shape
// (kBadJson), protocol (kWrongProtocol), curve name against the engine's
// (kWrongCurve), every number a canonical decimal (kBadNumber), coordinates < p
// (kNotCanonical), points on the curve (kNotOnCurve) and in the order-r subgroup
// (kNotInSubgroup), public inputs < r (kScalarOutOfRange), counts: IC has nPublic + 1
// points and nPublic <= kMaxPublicInputs (kCountMismatch, kTooManyInputs). A value that
// passes is safe to hand to verifier.hpp. Error messages name the member at fault.
// Inputs larger than kMaxJsonSize are rejected (kBadJson) before parsing.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/groth16/verifier.hpp"

namespace dusk::crypto::groth16 {

using zk::kMaxJsonSize;

template <typename E>
ProofResult<VerifyingKey<E>> parse_verification_key(std::string_view json);
template <typename E>
ProofResult<Proof<E>> parse_proof(std::string_view json);
template <typename E>
ProofResult<std::vector<typename E::Fr>> parse_public_inputs(std::string_view json);

}  // namespace dusk::crypto::groth16
