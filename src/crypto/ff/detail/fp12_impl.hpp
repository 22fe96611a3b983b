// Out-of-line members of ff::Fp12T; included by the .cpp that instantiates it.
#pragma once

#include "crypto/ff/fp12.hpp"
#include "crypto/ff/detail/fp6_impl.hpp"

namespace dusk::crypto::ff {

template <typename Params>
Fp12T<Params> Fp12T<Params>::mul(const Fp12T& b) const {
  Fp6 aa = c0 * b.c0;
  Fp6 bb = c1 * b.c1;
  Fp6 cross = (c0 + c1) * (b.c0 + b.c1) - aa - bb;
  return {bb.mul_by_v() + aa, cross};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::square() const {
  // (c0 + c1 w)^2 = (c0^2 + v c1^2) + 2 c0 c1 w, with c0^2 + v c1^2 =
  // (c0 + c1)(c0 + v c1) - c0 c1 - v c0 c1.
  Fp6 ab = c0 * c1;
  Fp6 s = (c0 + c1) * (c0 + c1.mul_by_v());
  return {s - ab - ab.mul_by_v(), ab.dbl()};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::mul_by_014(const Fp2& o0, const Fp2& o1, const Fp2& o4) const {
  // ell = s0 + s1 w with s0 = o0 + o1 v, s1 = o4 v.
  Fp6 aa = c0.mul_by_01(o0, o1);
  Fp6 bb = c1.mul_by_1(o4);
  Fp6 cross = (c0 + c1).mul_by_01(o0, o1 + o4) - aa - bb;
  return {bb.mul_by_v() + aa, cross};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::mul_by_034(const Fp2& o0, const Fp2& o3, const Fp2& o4) const {
  // ell = s0 + s1 w with s0 = o0, s1 = o3 + o4 v.
  Fp6 aa = c0 * o0;
  Fp6 bb = c1.mul_by_01(o3, o4);
  Fp6 cross = (c0 + c1).mul_by_01(o0 + o3, o4) - aa - bb;
  return {bb.mul_by_v() + aa, cross};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::inverse() const {
  // (c0 + c1 w)^-1 = (c0 - c1 w) / (c0^2 - v c1^2).
  Fp6 t = (c0.square() - c1.square().mul_by_v()).inverse();
  return {c0 * t, -(c1 * t)};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::inverse_vartime() const {
  Fp6 t = (c0.square() - c1.square().mul_by_v()).inverse_vartime();
  return {c0 * t, -(c1 * t)};
}

namespace detail {

// w^(p^k) = w * xi^((p^k - 1)/6) (w^6 = xi), k = 0..11, derived at compile time.
template <typename Params>
struct Fp12Frobenius {
  using Fp2 = Fp2T<typename Params::Fp>;
  static constexpr std::array<Fp2, 12> kW =
      frobenius_powers<Fp2, 12>(xi_power<Fp2, Params::kXi>(6));
};

}  // namespace detail

template <typename Params>
Fp12T<Params> Fp12T<Params>::frobenius_map(unsigned k) const {
  const Fp2& g = detail::Fp12Frobenius<Params>::kW[k % 12];
  return {c0.frobenius_map(k), c1.frobenius_map(k) * g};
}

template <typename Params>
Fp12T<Params> Fp12T<Params>::pow(std::span<const u64> e) const {
  Fp12T acc = one();
  bool started = false;
  for (size_t i = 64 * e.size(); i-- > 0;) {
    if (started) acc = acc.square();
    if ((e[i / 64] >> (i % 64)) & 1) {
      acc = started ? acc * *this : *this;
      started = true;
    }
  }
  return acc;
}

}  // namespace dusk::crypto::ff
