// Quadratic extension Fp12 = Fp6[w] / (w^2 - v): ff::Fp12T<Params>, the target group's
// field for pairings (Params as for Fp6T).
//
// Elements are c0 + c1 w with c0, c1 in Fp6. Over Fp2 the basis is
// (1, v, v^2, w, v w, v^2 w), numbered 0..5; the sparse products mul_by_014 and
// mul_by_034 name the non-zero coefficients of a Miller-loop line in that numbering.
// Constant time throughout except *_vartime.
#pragma once

#include <span>

#include "crypto/ff/fp6.hpp"

namespace dusk::crypto::ff {

template <typename Params>
class Fp12T {
 public:
  using Fp = typename Params::Fp;
  using Fp2 = Fp2T<Fp>;
  using Fp6 = Fp6T<Params>;

  Fp6 c0, c1;

  constexpr Fp12T() = default;
  constexpr Fp12T(const Fp6& a0, const Fp6& a1) : c0(a0), c1(a1) {}
  explicit constexpr Fp12T(const Fp6& a0) : c0(a0) {}

  static constexpr Fp12T zero() { return Fp12T(); }
  static constexpr Fp12T one() { return Fp12T(Fp6::one()); }

  friend constexpr Fp12T operator+(const Fp12T& a, const Fp12T& b) {
    return {a.c0 + b.c0, a.c1 + b.c1};
  }
  friend constexpr Fp12T operator-(const Fp12T& a, const Fp12T& b) {
    return {a.c0 - b.c0, a.c1 - b.c1};
  }
  constexpr Fp12T operator-() const { return {-c0, -c1}; }

  // Karatsuba over Fp6: 3 Fp6 products (18 Fp2 products).
  friend Fp12T operator*(const Fp12T& a, const Fp12T& b) { return a.mul(b); }
  Fp12T& operator*=(const Fp12T& b) { return *this = mul(b); }
  Fp12T mul(const Fp12T& b) const;
  // Complex squaring: 2 Fp6 products.
  Fp12T square() const;

  // Products with a sparse line value ell (Miller loop), cheaper than a full product:
  //
  // mul_by_014(o0, o1, o4): ell = o0 + o1 v + o4 v w, the form of a line for an M-type
  //   sextic twist, as BLS12-381 has (E': y^2 = x^3 + 4(u + 1)): the tangent or chord
  //   through points of E'(Fp2) evaluated at P = (x, y) in G1 gives o0 from the twist
  //   coordinates and o1, o4 scaled by x and y. 13 Fp2 products instead of 18.
  // mul_by_034(o0, o3, o4): ell = o0 + o3 w + o4 v w, the form for a D-type twist, as
  //   BN254 has (E': y^2 = x^3 + 3/(9 + u)). 13 Fp2 products.
  Fp12T mul_by_014(const Fp2& o0, const Fp2& o1, const Fp2& o4) const;
  Fp12T mul_by_034(const Fp2& o0, const Fp2& o3, const Fp2& o4) const;

  // c0 - c1 w: the p^6-power Frobenius, which inverts elements of norm 1 (the
  // cyclotomic subgroup that pairing values live in after the easy part of the final
  // exponentiation).
  constexpr Fp12T conjugate() const { return {c0, -c1}; }

  Fp12T inverse() const;          // 0 for 0; constant time
  Fp12T inverse_vartime() const;  // 0 for 0

  // this^(p^k), k public.
  Fp12T frobenius_map(unsigned k) const;

  // this^e, exponent public (little-endian limbs).
  Fp12T pow(std::span<const u64> e) const;

  constexpr bool is_zero() const { return c0.is_zero() && c1.is_zero(); }
  constexpr bool is_one() const { return c0.is_one() && c1.is_zero(); }
  friend constexpr bool operator==(const Fp12T& a, const Fp12T& b) {
    return (a.c0 == b.c0) & (a.c1 == b.c1);
  }
  static constexpr Fp12T select(bool choose_b, const Fp12T& a, const Fp12T& b) {
    return {Fp6::select(choose_b, a.c0, b.c0), Fp6::select(choose_b, a.c1, b.c1)};
  }
};

}  // namespace dusk::crypto::ff
