#include "crypto/groth16/bls12_381_engine.hpp"

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/groth16/error.hpp"

namespace dusk::crypto::groth16 {

std::array<u8, Bls12_381Engine::kG1Size> Bls12_381Engine::g1_to_bytes(const G1Affine& p) {
  return bls12_381::g1_to_compressed(p);
}

std::array<u8, Bls12_381Engine::kG2Size> Bls12_381Engine::g2_to_bytes(const G2Affine& p) {
  return bls12_381::g2_to_compressed(p);
}

ProofResult<Bls12_381Engine::G1Affine> Bls12_381Engine::g1_from_bytes(ByteView bytes) {
  return bls12_381::g1_from_compressed(bytes);  // its codes are ours (crypto/encoding_error.hpp)
}

ProofResult<Bls12_381Engine::G2Affine> Bls12_381Engine::g2_from_bytes(ByteView bytes) {
  return bls12_381::g2_from_compressed(bytes);  // its codes are ours (crypto/encoding_error.hpp)
}

}  // namespace dusk::crypto::groth16
