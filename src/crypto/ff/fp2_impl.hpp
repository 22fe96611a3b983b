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
// n = a0^2 + a1^2 = s^2, a root x0 + x1 u satisfies x0^2 = (a0 + s)/2 or (a0 - s)/2 and
// x1 = a1 / (2 x0). The two candidates d1, d2 multiply to -(a1/2)^2, so when a1 != 0
// exactly one is a square (-1 is not). With t = d^((p-3)/4), x0 = t*d and 1/x0 = t, so
// each candidate costs one exponentiation and no inversion. When a1 = 0 the root is
// sqrt(a0) or sqrt(-a0)*u, and one candidate is a0 itself: (x0, 0) or (0, x0).
// All cases are computed and chosen by selects.
template <typename Fp>
std::optional<Fp2T<Fp>> Fp2T<Fp>::sqrt() const {
  auto s = norm().sqrt();
  if (!s) return std::nullopt;  // not a square in Fp2
  constexpr auto& e = Fp::Constants::kPMinus3Over4;
  Fp d1 = (c0 + *s).halve();
  Fp d2 = (c0 - *s).halve();
  Fp t1 = d1.pow(e), t2 = d2.pow(e);
  Fp x1 = t1 * d1, x2 = t2 * d2;
  bool first = (x1.square() == d1) & !d1.is_zero();
  Fp x0 = Fp::select(first, x2, x1);
  Fp t = Fp::select(first, t2, t1);
  Fp2T r(x0, c1 * t.halve());
  // a1 = 0 and a0 not a square in Fp: the non-zero candidate is a0, and its x
  // satisfies x^2 = -a0, so (x u)^2 = a0.
  Fp2T r_u(Fp::zero(), Fp::select(d1.is_zero(), x1, x2));
  bool use_u = !(r.square() == *this);
  r = select(use_u, r, r_u);
  if (!(r.square() == *this)) return std::nullopt;
  return r;
}

}  // namespace dusk::crypto::ff
