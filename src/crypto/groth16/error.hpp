// Groth16's failures are those of every proof verifier here (crypto/zk/proof_error.hpp).
#pragma once

#include "crypto/zk/proof_error.hpp"

namespace dusk::crypto::groth16 {

using zk::ProofError;
using zk::ProofFailure;
using zk::ProofResult;
using zk::kMaxPublicInputs;

}  // namespace dusk::crypto::groth16
