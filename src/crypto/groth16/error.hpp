// Groth16's error codes are those of every proof verifier here (crypto/zk/proof_error.hpp);
// Groth16Error is their name in this module.
#pragma once

#include "crypto/zk/proof_error.hpp"

namespace dusk::crypto::groth16 {

using Groth16Error = zk::ProofError;
using zk::kMaxPublicInputs;

}  // namespace dusk::crypto::groth16
