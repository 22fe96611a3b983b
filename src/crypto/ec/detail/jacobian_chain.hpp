// Multiplication by a public 64-bit constant in Jacobian coordinates: the [|x|]P of
// cofactor clearing and of the subgroup checks. Included only by BLS12-381's g1.cpp and
// g2.cpp.
//
// Why Jacobian: these chains are 63 doublings and 5 additions, and a Jacobian doubling on
// an a = 0 curve costs 1M + 5S against 6M + 2S (plus the b3 multiplications) for the
// complete projective one; on G2, where every M and S is an Fp2 operation, the chain
// takes about half the time. (X : Y : Z) stands for (X / Z^2, Y / Z^3); Z = 0 is the
// identity.
//
// Constant time in the point: the doubling formula is exact for every input on an a = 0
// curve (the identity stays Z = 0, a point of order 2 has Y = 0 and doubles to Z = 0);
// the addition computes the generic sum and the doubling and selects among them, the
// other input and the identity, so its exceptional cases cost the same as the regular
// one. The constant itself is public: the sequence of operations depends on its bits.
#pragma once

#include "crypto/ec/point.hpp"

namespace dusk::crypto::ec::detail {

template <typename F>
struct Jacobian {
  F x, y, z;
};

// dbl-2009-l (Explicit-Formulas Database), a = 0.
template <typename F>
Jacobian<F> jacobian_dbl(const Jacobian<F>& p) {
  const F a = p.x.square();
  const F b = p.y.square();
  const F c = b.square();
  F d = (p.x + b).square() - a - c;
  d = d.dbl();
  const F e = a.dbl() + a;
  const F f = e.square();
  Jacobian<F> r;
  r.x = f - d.dbl();
  r.y = e * (d - r.x) - c.dbl().dbl().dbl();
  r.z = (p.y * p.z).dbl();
  return r;
}

// add-2007-bl with its exceptional cases selected away (see the header comment).
template <typename F>
Jacobian<F> jacobian_add(const Jacobian<F>& p, const Jacobian<F>& q) {
  const F z1z1 = p.z.square(), z2z2 = q.z.square();
  const F u1 = p.x * z2z2, u2 = q.x * z1z1;
  const F s1 = p.y * q.z * z2z2, s2 = q.y * p.z * z1z1;
  const F h = u2 - u1;
  const F i = h.dbl().square();
  const F j = h * i;
  const F r = (s2 - s1).dbl();
  const F v = u1 * i;
  Jacobian<F> sum;
  sum.x = r.square() - j - v.dbl();
  sum.y = r * (v - sum.x) - (s1 * j).dbl();
  sum.z = ((p.z + q.z).square() - z1z1 - z2z2) * h;  // 0 when h = 0: P = -Q gives O
  const Jacobian<F> twice = jacobian_dbl(p);
  const bool same = h.is_zero() & r.is_zero();  // P = Q (both finite)
  const bool p_inf = p.z.is_zero(), q_inf = q.z.is_zero();
  Jacobian<F> out;
  // select(c, a, b) returns b when c holds.
  out.x = F::select(same, sum.x, twice.x);
  out.y = F::select(same, sum.y, twice.y);
  out.z = F::select(same, sum.z, twice.z);
  out.x = F::select(p_inf, out.x, q.x);
  out.y = F::select(p_inf, out.y, q.y);
  out.z = F::select(p_inf, out.z, q.z);
  out.x = F::select(q_inf, out.x, p.x);
  out.y = F::select(q_inf, out.y, p.y);
  out.z = F::select(q_inf, out.z, p.z);
  return out;
}

// [k]P for a public k >= 1, by left-to-right double-and-add in Jacobian coordinates.
template <typename Curve>
Projective<Curve> mul_by_public_u64(const Projective<Curve>& p, u64 k) {
  using F = typename Curve::F;
  // Projective (X : Y : Z) = (X/Z, Y/Z) is Jacobian (X Z : Y Z^2 : Z).
  const F zz = p.z.square();
  const Jacobian<F> base{p.x * p.z, p.y * zz, p.z};
  int top = 63;
  while (top > 0 && ((k >> top) & 1) == 0) --top;
  Jacobian<F> acc = base;
  for (int bit = top - 1; bit >= 0; --bit) {
    acc = jacobian_dbl(acc);
    if ((k >> bit) & 1) acc = jacobian_add(acc, base);
  }
  // Jacobian (X : Y : Z) is projective (X Z : Y : Z^3); the identity is (0 : 1 : 0).
  const bool inf = acc.z.is_zero();
  Projective<Curve> r;
  r.x = F::select(inf, acc.x * acc.z, F::zero());
  r.y = F::select(inf, acc.y, F::one());
  r.z = acc.z.square() * acc.z;
  return r;
}

}  // namespace dusk::crypto::ec::detail
