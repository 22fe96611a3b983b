// The pairing engine that instantiates Groth16 (verifier.hpp, snarkjs_json.hpp,
// binary_form.hpp) for BN254 (snarkjs's "bn128", Ethereum's alt_bn128); see
// bls12_381_engine.hpp for what an engine provides.
//
// The binary form uses the EIP-196/197 encodings (crypto/bn254/encoding.hpp): G1 as
// 64 bytes x || y, G2 as 128 bytes with the imaginary parts first, the identity as all
// zeros. They are uncompressed, so decoding needs no square root, and a proof in this
// form (A || B || C, 256 bytes) is laid out exactly as the ecPairing precompile and the
// Solidity verifiers snarkjs exports take their points.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/groth16/error.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/bn254/g2.hpp"
#include "crypto/bn254/pairing.hpp"

namespace dusk::crypto::groth16 {

struct Bn254Engine {
  using Fq = bn254::Fp;
  using Fq2 = bn254::Fp2;
  using Fr = bn254::Fr;
  using G1 = bn254::G1;
  using G1Affine = bn254::G1Affine;
  using G2 = bn254::G2;
  using G2Affine = bn254::G2Affine;
  using Gt = bn254::Fp12;
  using PairingInput = bn254::PairingInput;
  using G2Prepared = bn254::G2Prepared;
  using PreparedPairingInput = bn254::PreparedPairingInput;

  static constexpr std::string_view kName = "BN254";
  static constexpr std::string_view kSnarkjsCurve = "bn128";
  static constexpr size_t kG1Size = 64;
  static constexpr size_t kG2Size = 128;

  // The cofactor of G1 is 1: every point on the curve is in G1.
  static bool g1_in_subgroup(const G1Affine&) { return true; }
  static bool g2_in_subgroup(const G2Affine& p) {
    return bn254::g2_in_subgroup(G2::from_affine(p));
  }
  static Gt multi_pairing(std::span<const PairingInput> pairs) {
    return bn254::multi_pairing(pairs);
  }
  static G2Prepared prepare_g2(const G2Affine& q) { return bn254::prepare_g2(q); }
  static Gt multi_pairing(std::span<const PreparedPairingInput> pairs) {
    return bn254::multi_pairing(pairs);
  }
  static G1 g1_mul(const G1Affine& p, const Fr& k) {
    return bn254::g1_mul_glv(G1::from_affine(p), k);
  }

  static std::array<u8, kG1Size> g1_to_bytes(const G1Affine& p);
  static std::array<u8, kG2Size> g2_to_bytes(const G2Affine& p);
  static ProofResult<G1Affine> g1_from_bytes(ByteView bytes);
  static ProofResult<G2Affine> g2_from_bytes(ByteView bytes);
};

}  // namespace dusk::crypto::groth16
