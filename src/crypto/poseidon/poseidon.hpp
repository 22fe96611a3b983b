// Poseidon over the BLS12-381 scalar field with Dusk's parameters (Hades252 as
// dusk-poseidon uses it): width 5, 8 full rounds (4 before, 4 after) and 60 partial
// rounds, S-box x^5 (partial rounds: on the last element), round constants added before
// the S-box, then the 5x5 MDS matrix.
//
// The constants are generated here, by the procedure Dusk documents (facts, no table
// copied): c_k = from_bytes_wide(SHA-512^k("poseidon-for-plonk")) + c_{k-1}, c_0's
// predecessor 1 (the 64 bytes a little-endian integer mod r); the MDS matrix is the
// Cauchy matrix M[i][j] = 1 / (i + (j + 5)). Upstream stores both in Montgomery form and
// loads the stored limbs as plain integers, so the values its permutation uses are each
// constant times R = 2^256 mod r: so are ours (the known answers check it).
//
// Sponge (SAFE, eprint 2023/522, as dusk-safe implements it): state [tag, 0, 0, 0, 0],
// rate 4 (elements 1..4), capacity 1. Absorbing adds each input to the next rate
// element, permuting first when the rate is full; the first squeeze after absorbing
// permutes, then squeezes read elements 1, 2, ..., permuting again when the rate is
// used up (which also restarts absorption at element 1). Nothing pads the input: the tag
// (safe.hpp) carries the lengths, which is why hashes go through safe.hpp and hash.hpp
// and this raw sponge is for known-answer tests and those layers.
//
//   poseidon::Sponge s(tag); s.absorb(x); ...; Fr out = s.squeeze();
#pragma once

#include <array>
#include <span>

#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::poseidon {

using Fr = bls12_381::Fr;

inline constexpr size_t kWidth = 5;
inline constexpr size_t kFullRounds = 8;
inline constexpr size_t kPartialRounds = 60;
inline constexpr size_t kRounds = kFullRounds + kPartialRounds;

struct Parameters {
  std::array<std::array<Fr, kWidth>, kRounds> round_constants;
  std::array<std::array<Fr, kWidth>, kWidth> mds;
};
// Generated once (thread-safe), then shared.
const Parameters& parameters();

// The same permutation rewritten for speed (the Poseidon paper, appendix B): the
// partial rounds' constants moved so that each adds one constant (to the S-box element)
// and the rest is carried into the next full round; and their MDS multiplications
// factored, M = M'' M' with M' fixing the S-box element (so it commutes with the S-box
// and moves into the round before), leaving each partial round but the first a sparse
// M'' (identity but the last row and column: 9 multiplications instead of 25). The
// circuit gadget uses the same factors.
struct OptimizedParameters {
  // Per round, the constants added before the S-boxes: full rounds all five, partial
  // rounds only the last (index 4); the first full round after the partials carries
  // what the partial rounds moved.
  std::array<std::array<Fr, kWidth>, kRounds> round_constants;
  // The first partial round's matrix (dense), then the sparse M'' of each later one:
  // out_i = x_i + column[i] x_4 (i < 4), out_4 = sum_j row[j] x_j (j <= 4).
  std::array<std::array<Fr, kWidth>, kWidth> first_partial;
  struct Sparse {
    std::array<Fr, kWidth - 1> column;
    std::array<Fr, kWidth> row;
  };
  std::array<Sparse, kPartialRounds - 1> sparse;
};
const OptimizedParameters& optimized_parameters();

// The Hades permutation, in place (the optimized form above).
void permute(std::array<Fr, kWidth>& state);

namespace detail {
// The permutation exactly as specified, round by round (tests compare the two).
void permute_reference(std::array<Fr, kWidth>& state);
}

class Sponge {
 public:
  explicit Sponge(Fr tag = Fr::zero());
  void absorb(const Fr& x);
  Fr squeeze();

 private:
  static constexpr size_t kRate = kWidth - 1;
  std::array<Fr, kWidth> state_{};
  size_t pos_absorb_ = 0;      // next rate element to absorb into
  size_t pos_squeeze_ = kRate;  // next rate element to read; kRate: permute first
};

}  // namespace dusk::crypto::poseidon
