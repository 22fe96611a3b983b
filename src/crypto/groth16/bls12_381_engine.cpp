#include "crypto/groth16/bls12_381_engine.hpp"

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/groth16/error.hpp"

namespace dusk::crypto::groth16 {
namespace {

// Maps the point decoder's codes onto ours, keeping its message.
Error map_point_error(const Error& e) {
  using bls12_381::PointError;
  Groth16Error code = Groth16Error::kBadEncoding;
  switch (static_cast<PointError>(e.code)) {
    case PointError::kBadLength: code = Groth16Error::kBadLength; break;
    case PointError::kBadFlags:
    case PointError::kBadInfinity: code = Groth16Error::kBadEncoding; break;
    case PointError::kNotCanonical: code = Groth16Error::kNotCanonical; break;
    case PointError::kNotOnCurve: code = Groth16Error::kNotOnCurve; break;
    case PointError::kNotInSubgroup: code = Groth16Error::kNotInSubgroup; break;
  }
  return Error(e.message, int(code));
}

}  // namespace

std::array<u8, Bls12_381Engine::kG1Size> Bls12_381Engine::g1_to_bytes(const G1Affine& p) {
  return bls12_381::g1_to_compressed(p);
}

std::array<u8, Bls12_381Engine::kG2Size> Bls12_381Engine::g2_to_bytes(const G2Affine& p) {
  return bls12_381::g2_to_compressed(p);
}

Result<Bls12_381Engine::G1Affine> Bls12_381Engine::g1_from_bytes(ByteView bytes) {
  auto r = bls12_381::g1_from_compressed(bytes);
  if (!r) return map_point_error(r.error());
  return *r;
}

Result<Bls12_381Engine::G2Affine> Bls12_381Engine::g2_from_bytes(ByteView bytes) {
  auto r = bls12_381::g2_from_compressed(bytes);
  if (!r) return map_point_error(r.error());
  return *r;
}

}  // namespace dusk::crypto::groth16
