// The point evaluation precompile of EIP-4844 (address 0x0a, from Cancun): verifies a
// KZG proof that the blob behind a versioned hash evaluates to y at z.
//
// Input: exactly 192 bytes,
//   versioned_hash (32) || z (32) || y (32) || commitment (48) || proof (48).
// The call succeeds when versioned_hash = 0x01 || sha256(commitment)[1:] and
// verify_kzg_proof(commitment, z, y, proof) is true; it returns
//   FIELD_ELEMENTS_PER_BLOB (4096) || BLS_MODULUS, each as 32 big-endian bytes.
// Gas: 50,000 whatever the input. Failures (consuming all gas, see precompile.hpp), in
// go-ethereum's words: "invalid input length", "mismatched versioned hash",
// "error verifying kzg proof: <why>" (z or y >= r, a point that does not decode, or a
// proof that is false).
//
// The trusted setup is the process's (crypto/kzg/default_setup.hpp: EIP-4844's mainnet
// setup, loaded once from DUSK_KZG_TRUSTED_SETUP or the build's default). If it cannot
// be loaded, every call fails with "kzg trusted setup unavailable: <why>": a node must
// not run like that (it would fail calls other nodes accept), so it calls
// point_evaluation_trusted_setup() at startup and refuses to start on an error.
#pragma once

#include <array>
#include <string>

#include "crypto/kzg/trusted_setup.hpp"
#include "duskevm/precompiles/precompile.hpp"

namespace dusk::evm {

inline constexpr u8 kPointEvaluationAddress = 0x0a;
inline constexpr u64 kPointEvaluationGas = 50000;
inline constexpr size_t kPointEvaluationInputSize = 192;
inline constexpr u8 kVersionedHashVersionKzg = 0x01;

// kzg_to_versioned_hash: 0x01 || sha256(commitment)[1:].
std::array<u8, 32> kzg_to_versioned_hash(ByteView commitment);

// The precompile with a given setup (for tests and tools that hold their own).
PrecompileResult point_evaluation(ByteView input, const crypto::kzg::TrustedSetup& setup);

// Where the process-wide setup is read from (the rule above), and the setup itself,
// loaded on the first call.
std::string point_evaluation_trusted_setup_path();
const crypto::kzg::KzgResult<crypto::kzg::TrustedSetup>& point_evaluation_trusted_setup();

// "KZG_POINT_EVALUATION": gas 50,000; run = point_evaluation with the process-wide setup.
extern const Precompile kPointEvaluation;

}  // namespace dusk::evm
