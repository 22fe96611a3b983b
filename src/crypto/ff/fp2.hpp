// Quadratic extension Fp2 = Fp[u] / (u^2 + 1) of a prime field with p = 3 mod 4 (so -1
// is not a square): ff::Fp2T<Fp>. BLS12-381 and BN254 both build their towers on it.
//
// Elements are c0 + c1*u with c0, c1 in Fp. Same contract as ff::Field: values are
// plain, everything but *_vartime is constant time, encodings are left to the users
// (ZCash, EIP-2537 and EIP-197 order the halves differently).
#pragma once

#include <optional>

#include "crypto/ff/field.hpp"

namespace dusk::crypto::ff {

template <typename Fp>
class Fp2T {
 public:
  using Base = Fp;
  static_assert(Fp::Constants::kPIs3Mod4, "Fp2 = Fp[u]/(u^2+1) needs p = 3 mod 4");

  Fp c0, c1;

  constexpr Fp2T() = default;
  constexpr Fp2T(const Fp& a0, const Fp& a1) : c0(a0), c1(a1) {}
  explicit constexpr Fp2T(const Fp& a0) : c0(a0) {}

  static constexpr Fp2T zero() { return Fp2T(); }
  static constexpr Fp2T one() { return Fp2T(Fp::one()); }
  static constexpr Fp2T u() { return Fp2T(Fp::zero(), Fp::one()); }

  friend constexpr Fp2T operator+(const Fp2T& a, const Fp2T& b) {
    return {a.c0 + b.c0, a.c1 + b.c1};
  }
  friend constexpr Fp2T operator-(const Fp2T& a, const Fp2T& b) {
    return {a.c0 - b.c0, a.c1 - b.c1};
  }
  constexpr Fp2T operator-() const { return {-c0, -c1}; }

  // An Fp2 value whose coefficients are unreduced 2N-limb integers below p R, for lazy
  // reduction in the tower (Aranha, Karabina, Longa, Gebotys and Lopez, "Faster
  // explicit formulas for computing pairings over ordinary curves", 2011): sums and
  // differences of products are formed wide, modulo p R (which keeps every value below
  // p R whatever the sequence), and each coefficient is reduced once at the end, one
  // Montgomery reduction instead of one per product.
  struct Wide {
    typename Fp::Wide c0, c1;

    friend constexpr Wide operator+(const Wide& a, const Wide& b) {
      return {Fp::add_wide(a.c0, b.c0), Fp::add_wide(a.c1, b.c1)};
    }
    friend constexpr Wide operator-(const Wide& a, const Wide& b) {
      return {Fp::sub_wide(a.c0, b.c0), Fp::sub_wide(a.c1, b.c1)};
    }
    // this * (k + u), as Fp2T::mul_by_k_plus_u.
    template <u64 K>
    constexpr Wide mul_by_k_plus_u() const {
      if constexpr (K == 1) {
        return {Fp::sub_wide(c0, c1), Fp::add_wide(c0, c1)};
      } else {
        return {Fp::sub_wide(mul_small(c0, K), c1), Fp::add_wide(c0, mul_small(c1, K))};
      }
    }
    constexpr Fp2T reduce() const { return {Fp::reduce(c0), Fp::reduce(c1)}; }

   private:
    static constexpr typename Fp::Wide mul_small(const typename Fp::Wide& x, u64 k) {
      typename Fp::Wide acc{}, base = x;
      for (; k != 0; k >>= 1, base = Fp::add_wide(base, base)) {
        if (k & 1) acc = Fp::add_wide(acc, base);
      }
      return acc;
    }
  };

  // Karatsuba without the reduction: (a0 + a1 u)(b0 + b1 u) =
  // (a0 b0 - a1 b1) + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) u, the three products kept
  // as 2N-limb integers. Bounds: a0 b0 - a1 b1 is in (-p^2, p^2) and becomes
  // non-negative by adding p R; a0 b1 + a1 b0 < 2p^2 < p R, exact.
  static constexpr Wide mul_wide(const Fp2T& a, const Fp2T& b) {
    auto t0 = Fp::mul_wide(a.c0.mont(), b.c0.mont());
    auto t1 = Fp::mul_wide(a.c1.mont(), b.c1.mont());
    auto t2 = Fp::mul_wide(Fp::add_unreduced(a.c0, a.c1), Fp::add_unreduced(b.c0, b.c1));
    return {Fp::sub_wide(t0, t1), Fp::sub_wide_nonneg(Fp::sub_wide_nonneg(t2, t0), t1)};
  }
  // The complex squaring without the reduction: (a0 + a1)(a0 - a1) + 2 a0 a1 u, with
  // a0 - a1 taken as a0 + (p - a1) < 2p, so the products stay below 4p^2 < p R.
  static constexpr Wide square_wide(const Fp2T& a) {
    static_assert(Fp::Constants::kP[Fp::kLimbs - 1] < (u64{1} << 62), "needs 4p^2 < p R");
    return {Fp::mul_wide(Fp::add_unreduced(a.c0, a.c1), Fp::add_unreduced(a.c0, -a.c1)),
            Fp::mul_wide(a.c0.mont(), Fp::add_unreduced(a.c1, a.c1))};
  }

  // The product with two reductions instead of three Montgomery products.
  friend constexpr Fp2T operator*(const Fp2T& a, const Fp2T& b) {
    return mul_wide(a, b).reduce();
  }
  friend constexpr Fp2T operator*(const Fp2T& a, const Fp& k) { return {a.c0 * k, a.c1 * k}; }

  constexpr Fp2T& operator+=(const Fp2T& b) { return *this = *this + b; }
  constexpr Fp2T& operator-=(const Fp2T& b) { return *this = *this - b; }
  constexpr Fp2T& operator*=(const Fp2T& b) { return *this = *this * b; }

  // Complex squaring: (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 u; 2 products.
  constexpr Fp2T square() const {
    Fp t = c0 * c1;
    return {(c0 + c1) * (c0 - c1), t.dbl()};
  }
  constexpr Fp2T dbl() const { return {c0.dbl(), c1.dbl()}; }
  constexpr Fp2T halve() const { return {c0.halve(), c1.halve()}; }
  constexpr Fp2T mul_small(u64 k) const { return {c0.mul_small(k), c1.mul_small(k)}; }
  // this * u = -c1 + c0 u.
  constexpr Fp2T mul_by_u() const { return {-c1, c0}; }
  // this * (k + u) for a small constant k: the non-residue of Fp6 towers (k = 1 for
  // BLS12-381, 9 for BN254). (a0 + a1 u)(k + u) = (k a0 - a1) + (a0 + k a1) u.
  template <u64 K>
  constexpr Fp2T mul_by_k_plus_u() const {
    if constexpr (K == 1) {
      return {c0 - c1, c0 + c1};
    } else {
      return {c0.mul_small(K) - c1, c0 + c1.mul_small(K)};
    }
  }

  // The p-power Frobenius: conjugation c0 - c1 u.
  constexpr Fp2T conjugate() const { return {c0, -c1}; }
  constexpr Fp2T frobenius_map(unsigned k) const { return (k & 1) ? conjugate() : *this; }
  // c0^2 + c1^2, the norm to Fp.
  constexpr Fp norm() const { return c0.square() + c1.square(); }

  // 1/this (0 for 0): conjugate / norm, with the constant-time base-field inverse.
  Fp2T inverse() const;
  Fp2T inverse_vartime() const;
  // this^e, exponent public (little-endian limbs).
  Fp2T pow(std::span<const u64> e) const;

  // A square root, or nullopt. Constant time (three base-field exponentiations, see
  // the .hpp of the implementation). Which root is returned is unspecified.
  std::optional<Fp2T> sqrt() const;
  // The same, given s with s^2 = norm() (one base-field exponentiation instead of two):
  // for callers that already hold the norm's root, like the SSWU map of hash-to-curve.
  std::optional<Fp2T> sqrt_given_norm_root(const Fp& s) const;
  // Whether this is a square (0 included): its norm is a square in Fp.
  bool is_square() const { return norm().legendre() >= 0; }

  constexpr bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
  constexpr bool is_one() const { return c0.is_one() && c1.is_zero(); }
  friend constexpr bool operator==(const Fp2T& a, const Fp2T& b) {
    return (a.c0 == b.c0) & (a.c1 == b.c1);
  }
  static constexpr Fp2T select(bool choose_b, const Fp2T& a, const Fp2T& b) {
    return {Fp::select(choose_b, a.c0, b.c0), Fp::select(choose_b, a.c1, b.c1)};
  }
};

}  // namespace dusk::crypto::ff
