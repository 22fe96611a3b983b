#include "duskevm/precompiles/point_evaluation.hpp"

#include "crypto/kzg/default_setup.hpp"

#include <algorithm>
#include <cstdlib>

#include "crypto/hash/sha256.hpp"
#include "crypto/kzg/kzg.hpp"

namespace dusk::evm {

namespace {

namespace kzg = crypto::kzg;

u64 point_evaluation_gas(ByteView) { return kPointEvaluationGas; }

PrecompileResult point_evaluation_run(ByteView input) {
  const kzg::KzgResult<kzg::TrustedSetup>& setup = point_evaluation_trusted_setup();
  if (!setup) return invalid_input("kzg trusted setup unavailable: " + setup.error().message);
  return point_evaluation(input, *setup);
}

}  // namespace

std::array<u8, 32> kzg_to_versioned_hash(ByteView commitment) {
  std::array<u8, 32> h = crypto::sha256(commitment);
  h[0] = kVersionedHashVersionKzg;
  return h;
}

PrecompileResult point_evaluation(ByteView input, const kzg::TrustedSetup& setup) {
  if (input.size() != kPointEvaluationInputSize) return invalid_input("invalid input length");
  const ByteView versioned_hash = input.subspan(0, 32);
  const ByteView z = input.subspan(32, 32);
  const ByteView y = input.subspan(64, 32);
  const ByteView commitment = input.subspan(96, 48);
  const ByteView proof = input.subspan(144, 48);
  const std::array<u8, 32> want = kzg_to_versioned_hash(commitment);
  if (!std::equal(want.begin(), want.end(), versioned_hash.begin()))
    return invalid_input("mismatched versioned hash");
  auto ok = kzg::verify_kzg_proof(commitment, z, y, proof, setup);
  if (!ok) return invalid_input("error verifying kzg proof: " + ok.error().message);
  if (!*ok) return invalid_input("error verifying kzg proof: the proof is false");

  // FIELD_ELEMENTS_PER_BLOB || BLS_MODULUS, 32 big-endian bytes each.
  Bytes out(64, 0);
  out[30] = static_cast<u8>(kzg::kFieldElementsPerBlob >> 8);
  out[31] = static_cast<u8>(kzg::kFieldElementsPerBlob & 0xff);
  const auto& r = crypto::bls12_381::FrParams::kModulus;  // little-endian limbs
  for (size_t i = 0; i < 32; ++i) out[63 - i] = static_cast<u8>(r[i / 8] >> (8 * (i % 8)));
  return out;
}

std::string point_evaluation_trusted_setup_path() { return kzg::default_trusted_setup_path(); }

const kzg::KzgResult<kzg::TrustedSetup>& point_evaluation_trusted_setup() { return kzg::default_trusted_setup(); }

const Precompile kPointEvaluation = {"KZG_POINT_EVALUATION", point_evaluation_gas,
                                     point_evaluation_run};

}  // namespace dusk::evm
