// sum [k_i] P_i for a handful of points and public scalars, on a curve with a GLV
// endomorphism phi (phi(P) = [lambda] P): each k_i is given split as k_i1 + k_i2 lambda
// with halves below 2^128 and their signs (the curve's own glv split), and the sum is
// one Straus chain of 128 doublings over all 2n halves' width-5 NAFs. The odd multiples
// P, 3P, ..., 15P of every point are built once, normalized to affine with a single
// inversion (so every addition in the chain is a mixed one), and phi's table is the
// image of P's under phi (in affine, one multiplication per entry for BN254's
// (beta x, y)).
//
// For the few-point combinations of proof verification (PLONK's 18-term G1 sum), where
// Pippenger does not pay: about 128 doublings + 2n * 22 mixed additions + 8n table
// additions, against n times 128 doublings for n separate multiplications.
//
// Variable time: scalars and points are public. Included by the .cpp file of a curve
// that instantiates it (bn254/g1.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <span>
#include <vector>

#include "crypto/ec/point.hpp"

namespace dusk::crypto::ec {

// One scalar, split: k = (-1)^neg1 k1 + (-1)^neg2 k2 lambda.
struct GlvScalar {
  u128 k1, k2;
  bool neg1, neg2;
};

namespace detail {

inline constexpr int kGlvStrausWidth = 5;
inline constexpr size_t kGlvNafLen = 130;  // a 128-bit magnitude has at most 129 digits

// Width-5 NAF of a 128-bit magnitude, least significant digit first; returns the length.
inline size_t wnaf128(u128 k, std::array<i8, kGlvNafLen>& naf) {
  constexpr int kW = kGlvStrausWidth;
  size_t len = 0;
  while (k != 0) {
    i8 d = 0;
    if (k & 1) {
      int m = static_cast<int>(k & ((1u << kW) - 1));
      if (m >= (1 << (kW - 1))) m -= 1 << kW;
      d = static_cast<i8>(m);
      k = m > 0 ? k - static_cast<u128>(m) : k + static_cast<u128>(-m);
    }
    naf[len++] = d;
    k >>= 1;
  }
  return len;
}

}  // namespace detail

// phi_affine maps an affine point to its image under the endomorphism.
template <typename Curve, typename PhiAffine>
Projective<Curve> glv_straus_vartime(std::span<const Affine<Curve>> points,
                                     std::span<const GlvScalar> scalars,
                                     PhiAffine phi_affine) {
  using P = Projective<Curve>;
  using A = Affine<Curve>;
  constexpr size_t kOdd = size_t{1} << (detail::kGlvStrausWidth - 2);
  const size_t n = points.size();

  // Odd multiples of every point, then one normalization.
  std::vector<P> odd(n * kOdd);
  for (size_t i = 0; i < n; ++i) {
    P* t = &odd[i * kOdd];
    t[0] = P::from_affine(points[i]);
    const P twice = t[0].dbl();
    for (size_t j = 1; j < kOdd; ++j) t[j] = t[j - 1].add(twice);
  }
  const std::vector<A> table = P::batch_to_affine(odd);
  std::vector<A> phi_table(table.size());
  for (size_t i = 0; i < table.size(); ++i) phi_table[i] = phi_affine(table[i]);

  std::vector<std::array<i8, detail::kGlvNafLen>> nafs(2 * n);
  std::vector<size_t> lens(2 * n);
  size_t len = 0;
  for (size_t i = 0; i < n; ++i) {
    lens[2 * i] = detail::wnaf128(scalars[i].k1, nafs[2 * i]);
    lens[2 * i + 1] = detail::wnaf128(scalars[i].k2, nafs[2 * i + 1]);
    len = std::max({len, lens[2 * i], lens[2 * i + 1]});
  }

  P acc;
  for (size_t bit = len; bit-- > 0;) {
    acc = acc.dbl();
    for (size_t h = 0; h < 2 * n; ++h) {
      if (bit >= lens[h]) continue;
      const int d = nafs[h][bit];
      if (d == 0) continue;
      const size_t i = h / 2;
      const A& entry = (h % 2 == 0 ? table : phi_table)[i * kOdd + static_cast<size_t>((d < 0 ? -d : d) / 2)];
      const bool negative = (d < 0) != (h % 2 == 0 ? scalars[i].neg1 : scalars[i].neg2);
      acc = acc.add_mixed(negative ? -entry : entry);
    }
  }
  return acc;
}

}  // namespace dusk::crypto::ec
