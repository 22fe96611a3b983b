// Points of a short Weierstrass curve y^2 = x^3 + b (a = 0) over a field F: the shape
// shared by G1 (over Fp) and G2 (over Fp2) of BLS12-381 and of BN254.
//
// Curve is a struct with `using F`, `using Scalar` (the prime-field type of the group
// order) and static constexpr functions b(), b3() (= 3b), mul_by_b3(F) (t * 3b by
// additions, cheaper than a product), generator_x(), generator_y().
//
// Projective points are homogeneous (X : Y : Z) with x = X/Z, y = Y/Z; the identity is
// (0 : 1 : 0). Addition and doubling use the complete formulas of Renes, Costello and
// Batina ("Complete addition formulas for prime order elliptic curves", 2016, algorithms
// 7, 8 and 9 for a = 0): one branch-free sequence of field operations is correct for
// every pair of inputs (identity, P + P, P + (-P)) provided the curve has no point of
// order 2, which holds for every curve here (E(Fp) and E'(Fp2) have odd order).
// That makes add, add_mixed, dbl and the fixed-window mul constant time; the members
// named *_vartime branch on their (public) inputs.
//
// Thread safety: points are plain values.
#pragma once

#include <span>
#include <vector>

#include "base/int.hpp"

namespace dusk::crypto::ec {

template <typename Curve>
struct Affine {
  using F = typename Curve::F;
  F x, y;
  bool infinity = true;

  static constexpr Affine identity() { return Affine{}; }
  static constexpr Affine generator() {
    return Affine{Curve::generator_x(), Curve::generator_y(), false};
  }
  Affine operator-() const { return Affine{x, -y, infinity}; }
  // y^2 = x^3 + b, or the identity.
  bool is_on_curve() const { return infinity || y.square() == x.square() * x + Curve::b(); }
  friend bool operator==(const Affine& a, const Affine& b) {
    if (a.infinity || b.infinity) return a.infinity == b.infinity;
    return a.x == b.x && a.y == b.y;
  }
};

template <typename Curve>
class Projective {
 public:
  using F = typename Curve::F;
  using Scalar = typename Curve::Scalar;
  using AffinePoint = Affine<Curve>;

  F x, y = F::one(), z;  // default: the identity (0 : 1 : 0)

  static constexpr Projective identity() { return Projective{}; }
  static constexpr Projective generator() { return from_affine(AffinePoint::generator()); }
  static constexpr Projective from_affine(const AffinePoint& p) {
    Projective r;
    r.x = F::select(p.infinity, p.x, F::zero());
    r.y = F::select(p.infinity, p.y, F::one());
    r.z = F::select(p.infinity, F::one(), F::zero());
    return r;
  }

  bool is_identity() const { return z.is_zero(); }
  // Y^2 Z = X^3 + b Z^3 (the identity satisfies it too).
  bool is_on_curve() const;
  // Same point: X1 Z2 = X2 Z1 and Y1 Z2 = Y2 Z1 (also right when either is the identity).
  friend bool operator==(const Projective& a, const Projective& b) {
    return (a.x * b.z == b.x * a.z) & (a.y * b.z == b.y * a.z);
  }

  Projective operator-() const {
    Projective r = *this;
    r.y = -r.y;
    return r;
  }
  friend Projective operator+(const Projective& a, const Projective& b) { return a.add(b); }
  friend Projective operator-(const Projective& a, const Projective& b) { return a.add(-b); }
  Projective& operator+=(const Projective& b) { return *this = add(b); }

  Projective add(const Projective& q) const;          // complete, constant time
  Projective add_mixed(const AffinePoint& q) const;   // complete (q may be the identity)
  Projective dbl() const;                             // complete, constant time

 private:
  static Projective add_tail(F t0, F t1, F t2, const F& t3, const F& t4, F y3);

 public:

  AffinePoint to_affine() const;  // one (constant-time) inversion
  // Normalizes many points with one inversion (Montgomery's trick). Time depends on
  // which points are the identity.
  static std::vector<AffinePoint> batch_to_affine(std::span<const Projective> points);

  // [k]P for a secret scalar: fixed 4-bit windows over all 256 bits of k, table
  // lookups by masked selects, so neither the time nor the memory access pattern
  // depends on k or P.
  Projective mul(const Scalar& k) const;
  // [k]P for a public scalar: width-5 wNAF.
  Projective mul_vartime(const Scalar& k) const;
  // [k]P for a public non-negative integer given as little-endian 64-bit limbs (at most
  // kMaxScalarLimbs of them): the group order, cofactors, the curve parameter.
  static constexpr size_t kMaxScalarLimbs = 12;
  Projective mul_vartime(std::span<const u64> k) const;
};

}  // namespace dusk::crypto::ec
