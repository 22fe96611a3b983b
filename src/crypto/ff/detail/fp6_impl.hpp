// Out-of-line members of ff::Fp6T; included by the .cpp that instantiates it.
#pragma once

#include "crypto/ff/detail/fp2_impl.hpp"
#include "crypto/ff/fp6.hpp"

namespace dusk::crypto::ff {

template <typename Params>
Fp6T<Params> Fp6T<Params>::mul(const Fp6T& b) const {
  // Karatsuba over Fp2 with lazy reduction: the six Fp2 products and their sums stay
  // wide (Fp2::Wide) and each of the six base-field coefficients is reduced once: 6
  // Montgomery reductions instead of 12.
  using W = typename Fp2::Wide;
  const Fp6T& a = *this;
  W t0 = Fp2::mul_wide(a.c0, b.c0);
  W t1 = Fp2::mul_wide(a.c1, b.c1);
  W t2 = Fp2::mul_wide(a.c2, b.c2);
  // a1 b2 + a2 b1, a0 b1 + a1 b0, a0 b2 + a2 b0 by Karatsuba.
  W u12 = Fp2::mul_wide(a.c1 + a.c2, b.c1 + b.c2) - t1 - t2;
  W u01 = Fp2::mul_wide(a.c0 + a.c1, b.c0 + b.c1) - t0 - t1;
  W u02 = Fp2::mul_wide(a.c0 + a.c2, b.c0 + b.c2) - t0 - t2;
  return {(u12.template mul_by_k_plus_u<kXi>() + t0).reduce(),
          (u01 + t2.template mul_by_k_plus_u<kXi>()).reduce(), (u02 + t1).reduce()};
}

template <typename Params>
Fp6T<Params> Fp6T<Params>::square() const {
  // (a0 + a1 v + a2 v^2)^2 = (a0^2 + 2 a1 a2 xi) + (2 a0 a1 + a2^2 xi) v
  //                        + (a1^2 + 2 a0 a2) v^2, with a1^2 + 2 a0 a2 recovered from
  // (a0 - a1 + a2)^2 (Chung and Hasan, "Asymmetric squaring formulae", 2007).
  Fp2 s0 = c0.square();
  Fp2 s1 = (c0 * c1).dbl();
  Fp2 s2 = (c0 - c1 + c2).square();
  Fp2 s3 = (c1 * c2).dbl();
  Fp2 s4 = c2.square();
  return {mul_by_xi(s3) + s0, mul_by_xi(s4) + s1, s1 + s2 + s3 - s0 - s4};
}

template <typename Params>
Fp6T<Params> Fp6T<Params>::mul_by_01(const Fp2& b0, const Fp2& b1) const {
  // Lazy reduction as in mul(): 6 reductions instead of 10.
  using W = typename Fp2::Wide;
  W t0 = Fp2::mul_wide(c0, b0);
  W t1 = Fp2::mul_wide(c1, b1);
  return {((Fp2::mul_wide(c1 + c2, b1) - t1).template mul_by_k_plus_u<kXi>() + t0)
              .reduce(),                                                // a0 b0 + a2 b1 xi
          (Fp2::mul_wide(c0 + c1, b0 + b1) - t0 - t1).reduce(),        // a0 b1 + a1 b0
          (Fp2::mul_wide(c0 + c2, b0) - t0 + t1).reduce()};            // a2 b0 + a1 b1
}

template <typename Params>
Fp6T<Params> Fp6T<Params>::mul_by_1(const Fp2& b1) const {
  return {mul_by_xi(c2 * b1), c0 * b1, c1 * b1};
}

namespace detail {

// The Fp2 values behind Fp6 inversion: with t0..t2 below, (c0 + c1 v + c2 v^2) times
// (t0 + t1 v + t2 v^2) is the Fp2 scalar f.
template <typename Fp6>
void fp6_adjugate(const Fp6& a, typename Fp6::Fp2& t0, typename Fp6::Fp2& t1,
                  typename Fp6::Fp2& t2, typename Fp6::Fp2& f) {
  t0 = a.c0.square() - Fp6::mul_by_xi(a.c1 * a.c2);
  t1 = Fp6::mul_by_xi(a.c2.square()) - a.c0 * a.c1;
  t2 = a.c1.square() - a.c0 * a.c2;
  f = a.c0 * t0 + Fp6::mul_by_xi(a.c2 * t1 + a.c1 * t2);
}

}  // namespace detail

template <typename Params>
Fp6T<Params> Fp6T<Params>::inverse() const {
  Fp2 t0, t1, t2, f;
  detail::fp6_adjugate(*this, t0, t1, t2, f);
  Fp2 fi = f.inverse();
  return {t0 * fi, t1 * fi, t2 * fi};
}

template <typename Params>
Fp6T<Params> Fp6T<Params>::inverse_vartime() const {
  Fp2 t0, t1, t2, f;
  detail::fp6_adjugate(*this, t0, t1, t2, f);
  Fp2 fi = f.inverse_vartime();
  return {t0 * fi, t1 * fi, t2 * fi};
}

namespace detail {

// Frobenius coefficients of Fp6: xi^((p^k - 1)/3) for v and xi^(2(p^k - 1)/3) for v^2,
// k = 0..5, derived at compile time from the modulus.
template <typename Params>
struct Fp6Frobenius {
  using Fp2 = Fp2T<typename Params::Fp>;
  static constexpr std::array<Fp2, 6> kV =
      frobenius_powers<Fp2, 6>(xi_power<Fp2, Params::kXi>(3));
  static constexpr std::array<Fp2, 6> kV2 = [] {
    std::array<Fp2, 6> out{};
    for (size_t k = 0; k < 6; ++k) out[k] = kV[k] * kV[k];
    return out;
  }();
};

}  // namespace detail

template <typename Params>
Fp6T<Params> Fp6T<Params>::frobenius_map(unsigned k) const {
  using F = detail::Fp6Frobenius<Params>;
  unsigned i = k % 6;
  return {c0.frobenius_map(k), c1.frobenius_map(k) * F::kV[i], c2.frobenius_map(k) * F::kV2[i]};
}

}  // namespace dusk::crypto::ff
