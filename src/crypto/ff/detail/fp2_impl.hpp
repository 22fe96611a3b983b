// Out-of-line members of ff::Fp2T; included by the .cpp that instantiates it.
#pragma once

#include "crypto/ff/fp2.hpp"

namespace dusk::crypto::ff {

template <typename Fp>
Fp2T<Fp> Fp2T<Fp>::inverse() const {
  Fp t = norm().inverse();
  return {c0 * t, -(c1 * t)};
}

template <typename Fp>
Fp2T<Fp> Fp2T<Fp>::inverse_vartime() const {
  Fp t = norm().inverse_vartime();
  return {c0 * t, -(c1 * t)};
}

template <typename Fp>
Fp2T<Fp> Fp2T<Fp>::pow(std::span<const u64> e) const {
  Fp2T acc = one();
  bool started = false;  // skips squaring 1 (the exponent is public)
  for (size_t i = 64 * e.size(); i-- > 0;) {
    if (started) acc = acc.square();
    if ((e[i / 64] >> (i % 64)) & 1) {
      acc = started ? acc * *this : *this;
      started = true;
    }
  }
  return acc;
}

// Square root through the norm (the "complex method"): for a = a0 + a1 u with norm
// n = a0^2 + a1^2 = s^2, a root x0 + x1 u satisfies x0^2 = d1 = (a0 + s)/2 or
// x0^2 = d2 = (a0 - s)/2, and x1 = a1 / (2 x0). d1 d2 = -(a1/2)^2, so when a1 != 0 exactly
// one of them is a square (-1 is not, p = 3 mod 4), and one exponentiation serves both:
// with d = d1, t = d^((p-3)/4) and x = t d,
//   - d a square: x^2 = d and x t = 1, so the root is x + (a1 t / 2) u;
//   - d not a square: x^2 = -d and x t = -1, so x0 = (a1/2) / x = -(a1/2) t is a root of
//     d2 = (a1/2)^2 / x^2, x1 = a1 / (2 x0) = x, and the root is -(a1 t / 2) + x u.
// When a1 = 0, one of d1, d2 is a0 and the other 0; taking d = d2 when d1 = 0 makes d = a0
// (or 0 for a = 0), and the same two formulas give sqrt(a0) or sqrt(-a0) u. Every case is
// computed and chosen by selects; the final check rejects non-squares and a wrong s.
template <typename Fp>
std::optional<Fp2T<Fp>> Fp2T<Fp>::sqrt_given_norm_root(const Fp& s) const {
  const Fp d1 = (c0 + s).halve();
  const Fp d2 = (c0 - s).halve();
  const Fp d = Fp::select(d1.is_zero(), d1, d2);
  const Fp t = d.pow(Fp::Constants::kPMinus3Over4);
  const Fp x = t * d;
  const Fp half_a1_t = c1.halve() * t;
  const bool square = x.square() == d;
  Fp2T r(Fp::select(square, -half_a1_t, x), Fp::select(square, x, half_a1_t));
  if (!(r.square() == *this)) return std::nullopt;
  return r;
}

template <typename Fp>
std::optional<Fp2T<Fp>> Fp2T<Fp>::sqrt() const {
  auto s = norm().sqrt();
  if (!s) return std::nullopt;  // not a square in Fp2
  return sqrt_given_norm_root(*s);
}

}  // namespace dusk::crypto::ff
