// The KZG trusted setup of EIP-4844 (the KZG ceremony's output for 4096 elements), read
// from the text format of c-kzg-4844's trusted_setup.txt:
//
//   line 1                  4096   (number of G1 points, FIELD_ELEMENTS_PER_BLOB)
//   line 2                  65     (number of G2 points, KZG_SETUP_G2_LENGTH)
//   next 4096 lines         KZG_SETUP_G1_LAGRANGE: [L_i(s)]G1, compressed, 96 hex digits
//   next 65 lines           KZG_SETUP_G2_MONOMIAL: [s^i]G2, compressed, 192 hex digits
//   next 4096 lines         KZG_SETUP_G1_MONOMIAL: [s^i]G1, compressed, 96 hex digits
//
// Lines end with LF (a CR before it is accepted); nothing but blank lines may follow.
// Loading validates everything and says where it failed ("line N: ..."): the counts,
// each line's length and hex, each point's decoding (strict ZCash form, on the curve,
// in the subgroup), and the consistency of the three lists with one secret s:
//   G1_MONOMIAL[0] = G1, G2_MONOMIAL[0] = G2 (the generators),
//   sum_i G1_LAGRANGE[i] = G1 (the Lagrange basis sums to the constant 1),
//   e(G1_MONOMIAL[1], G2) = e(G1, G2_MONOMIAL[1]) (the same s in both groups).
// Loading decodes about 8,200 points and takes about a second: do it once and share the
// object (it is immutable, so any number of threads may read it).
//
// The Lagrange points are stored in bit-reversed order (bit_reversal_permutation of the
// file's order), the order blob elements use, as the spec's functions apply it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/kzg/blob.hpp"

namespace dusk::crypto::kzg {

inline constexpr size_t kSetupG2Length = 65;

class TrustedSetup {
 public:
  // Parses and validates the text of a setup file (errors: KzgError::kBadTrustedSetup).
  static KzgResult<TrustedSetup> parse(std::string_view text);
  // Reads the file at `path` and parses it; the message names the path.
  static KzgResult<TrustedSetup> load_file(const std::string& path);

  // [L_i(s)]G1 in bit-reversed order: g1_lagrange_brp()[i] goes with blob element i.
  const std::vector<bls12_381::G1Affine>& g1_lagrange_brp() const { return g1_lagrange_brp_; }
  // [s^i]G1, i = 0 .. 4095 (not used by EIP-4844's functions; kept for cell proofs).
  const std::vector<bls12_381::G1Affine>& g1_monomial() const { return g1_monomial_; }
  // [s^i]G2, i = 0 .. 64.
  const std::vector<bls12_381::G2Affine>& g2_monomial() const { return g2_monomial_; }
  // [s]G2 = g2_monomial()[1], the point the verifier pairs with.
  const bls12_381::G2Affine& s_g2() const { return g2_monomial_[1]; }
  // The Miller-loop lines of the four G2 points verification pairs with ([s]G2, -[s]G2,
  // G2, -G2), computed once when the setup is loaded (bls12_381::prepare_g2).
  const bls12_381::G2Prepared& s_g2_lines() const { return s_g2_lines_; }
  const bls12_381::G2Prepared& neg_s_g2_lines() const { return neg_s_g2_lines_; }
  const bls12_381::G2Prepared& g2_lines() const { return g2_lines_; }
  const bls12_381::G2Prepared& neg_g2_lines() const { return neg_g2_lines_; }

 private:
  TrustedSetup() = default;
  std::vector<bls12_381::G1Affine> g1_lagrange_brp_;
  std::vector<bls12_381::G1Affine> g1_monomial_;
  std::vector<bls12_381::G2Affine> g2_monomial_;
  bls12_381::G2Prepared s_g2_lines_, neg_s_g2_lines_, g2_lines_, neg_g2_lines_;
};

}  // namespace dusk::crypto::kzg
