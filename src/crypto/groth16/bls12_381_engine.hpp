// The pairing engine that instantiates Groth16 (verifier.hpp, snarkjs_json.hpp,
// binary_form.hpp) for BLS12-381.
//
// An engine is a struct of types and static functions, all the verifier needs from a
// curve:
//   Fq, Fq2, Fr              base field, its quadratic extension, scalar field
//   G1, G1Affine, G2, G2Affine, Gt
//   kSnarkjsCurve            the "curve" name snarkjs writes ("bls12381", "bn128")
//   kG1Size, kG2Size         sizes of the point encodings of the binary form
//   g1_in_subgroup, g2_in_subgroup   membership of points already on the curve
//   multi_pairing            prod e(P_i, Q_i), one final exponentiation, for plain pairs
//                            or with Q prepared (G2Prepared, prepare_g2: the Miller
//                            loop's lines of a fixed Q computed once)
//   g1_to_bytes / g1_from_bytes, g2_to_bytes / g2_from_bytes   the point encodings;
//                            decoding fully validates and reports ProofError codes
//   g1_mul                   [k]P for public k (variable time: proofs are public)
// Here the encodings are the ZCash compressed forms (serialization.hpp), 48 and 96
// bytes, and the pairing is the optimal ate pairing of pairing.hpp (which yields the
// cube of the textbook value; every check here compares products of pairings computed
// the same way, so that changes nothing).
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/groth16/error.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/bls12_381/pairing.hpp"

namespace dusk::crypto::groth16 {

struct Bls12_381Engine {
  using Fq = bls12_381::Fp;
  using Fq2 = bls12_381::Fp2;
  using Fr = bls12_381::Fr;
  using G1 = bls12_381::G1;
  using G1Affine = bls12_381::G1Affine;
  using G2 = bls12_381::G2;
  using G2Affine = bls12_381::G2Affine;
  using Gt = bls12_381::Fp12;
  using PairingInput = bls12_381::PairingInput;
  using G2Prepared = bls12_381::G2Prepared;
  using PreparedPairingInput = bls12_381::PreparedPairingInput;

  static constexpr std::string_view kName = "BLS12-381";
  static constexpr std::string_view kSnarkjsCurve = "bls12381";
  static constexpr size_t kG1Size = 48;
  static constexpr size_t kG2Size = 96;

  static bool g1_in_subgroup(const G1Affine& p) {
    return bls12_381::g1_in_subgroup(G1::from_affine(p));
  }
  static bool g2_in_subgroup(const G2Affine& p) {
    return bls12_381::g2_in_subgroup(G2::from_affine(p));
  }
  static Gt multi_pairing(std::span<const PairingInput> pairs) {
    return bls12_381::multi_pairing(pairs);
  }
  static G2Prepared prepare_g2(const G2Affine& q) { return bls12_381::prepare_g2(q); }
  static Gt multi_pairing(std::span<const PreparedPairingInput> pairs) {
    return bls12_381::multi_pairing(pairs);
  }
  static G1 g1_mul(const G1Affine& p, const Fr& k) {
    return bls12_381::g1_mul_glv(G1::from_affine(p), k);
  }

  static std::array<u8, kG1Size> g1_to_bytes(const G1Affine& p);
  static std::array<u8, kG2Size> g2_to_bytes(const G2Affine& p);
  static ProofResult<G1Affine> g1_from_bytes(ByteView bytes);
  static ProofResult<G2Affine> g2_from_bytes(ByteView bytes);
};

}  // namespace dusk::crypto::groth16
