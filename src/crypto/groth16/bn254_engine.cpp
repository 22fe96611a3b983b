#include "crypto/groth16/bn254_engine.hpp"

#include "crypto/bn254/encoding.hpp"
#include "crypto/groth16/error.hpp"

namespace dusk::crypto::groth16 {
namespace {

// Maps the point decoder's codes onto ours, keeping its message.
Error map_point_error(const Error& e) {
  using bn254::PointError;
  Groth16Error code = Groth16Error::kBadEncoding;
  switch (static_cast<PointError>(e.code)) {
    case PointError::kBadLength: code = Groth16Error::kBadLength; break;
    case PointError::kNotCanonical: code = Groth16Error::kNotCanonical; break;
    case PointError::kNotOnCurve: code = Groth16Error::kNotOnCurve; break;
    case PointError::kNotInSubgroup: code = Groth16Error::kNotInSubgroup; break;
  }
  return Error(e.message, int(code));
}

}  // namespace

std::array<u8, Bn254Engine::kG1Size> Bn254Engine::g1_to_bytes(const G1Affine& p) {
  return bn254::encode_g1(p);
}

std::array<u8, Bn254Engine::kG2Size> Bn254Engine::g2_to_bytes(const G2Affine& p) {
  return bn254::encode_g2(p);
}

Result<Bn254Engine::G1Affine> Bn254Engine::g1_from_bytes(ByteView bytes) {
  auto r = bn254::decode_g1(bytes);
  if (!r) return map_point_error(r.error());
  return *r;
}

Result<Bn254Engine::G2Affine> Bn254Engine::g2_from_bytes(ByteView bytes) {
  auto r = bn254::decode_g2(bytes);
  if (!r) return map_point_error(r.error());
  return *r;
}

}  // namespace dusk::crypto::groth16
