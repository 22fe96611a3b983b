// Reading snarkjs's PLONK files: verification_key.json, proof.json, public.json.
//
// Formats (snarkjs 0.7, `snarkjs zkey export verificationkey`, `plonk prove`):
//   verification_key.json  {"protocol": "plonk", "curve": "bn128", "nPublic": n,
//                           "power": p, "k1": Fr, "k2": Fr, "Qm", "Ql", "Qr", "Qo",
//                           "Qc", "S1", "S2", "S3": G1, "X_2": G2, "w": Fr}
//   proof.json             {"A", "B", "C", "Z", "T1", "T2", "T3", "Wxi", "Wxiw": G1,
//                           "eval_a", "eval_b", "eval_c", "eval_s1", "eval_s2",
//                           "eval_zw": Fr, "protocol": "plonk", "curve": "bn128"}
//                           (the last two optional)
//   public.json            [decimal string x n]
// with numbers, points and the checks of crypto/zk/snarkjs_values.hpp (every error a
// zk::ProofError code naming the member at fault). Scalars (k1, k2, w, evaluations)
// must be below r (kScalarOutOfRange), as snarkjs's evaluationsAreValid requires; power
// is a JSON integer. Consistency of the domain (power, w, nPublic) is checked by
// prepare() (snarkjs_verifier.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/plonk/snarkjs_verifier.hpp"

namespace dusk::crypto::plonk::snarkjs {

ProofResult<VerifyingKey> parse_verification_key(std::string_view json);
ProofResult<Proof> parse_proof(std::string_view json);
ProofResult<std::vector<Fr>> parse_public_inputs(std::string_view json);

}  // namespace dusk::crypto::plonk::snarkjs
