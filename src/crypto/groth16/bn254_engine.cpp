#include "crypto/groth16/bn254_engine.hpp"

#include "crypto/bn254/encoding.hpp"
#include "crypto/groth16/error.hpp"

namespace dusk::crypto::groth16 {

std::array<u8, Bn254Engine::kG1Size> Bn254Engine::g1_to_bytes(const G1Affine& p) {
  return bn254::encode_g1(p);
}

std::array<u8, Bn254Engine::kG2Size> Bn254Engine::g2_to_bytes(const G2Affine& p) {
  return bn254::encode_g2(p);
}

ProofResult<Bn254Engine::G1Affine> Bn254Engine::g1_from_bytes(ByteView bytes) {
  return bn254::decode_g1(bytes);  // its codes are ours (crypto/encoding_error.hpp)
}

ProofResult<Bn254Engine::G2Affine> Bn254Engine::g2_from_bytes(ByteView bytes) {
  return bn254::decode_g2(bytes);  // its codes are ours (crypto/encoding_error.hpp)
}

}  // namespace dusk::crypto::groth16
