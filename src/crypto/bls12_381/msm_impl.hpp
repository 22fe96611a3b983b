// Pippenger's method over any a = 0 short Weierstrass curve of point.hpp (see msm.hpp for
// the algorithm). Included only by msm.cpp, which instantiates it for G1 and G2; a curve
// of another module can instantiate it the same way.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "crypto/bls12_381/point.hpp"

namespace dusk::crypto::bls12_381::detail {

// A point in XYZZ coordinates: (X/ZZ, Y/ZZZ) with ZZ^3 = ZZZ^2; ZZ = 0 is the identity.
template <typename F>
struct Xyzz {
  F x, y, zz, zzz;
  bool is_identity() const { return zz.is_zero(); }
};

// 2 (x, y) for an affine point, into XYZZ (mdbl-2008-s, a = 0).
template <typename F>
Xyzz<F> xyzz_dbl_affine(const F& x, const F& y) {
  const F u = y.dbl();
  const F v = u.square();
  const F w = u * v;
  const F s = x * v;
  const F xx = x.square();
  const F m = xx.dbl() + xx;
  Xyzz<F> r;
  r.x = m.square() - s.dbl();
  r.y = m * (s - r.x) - w * y;
  r.zz = v;
  r.zzz = w;
  return r;
}

// 2 P in XYZZ (dbl-2008-s, a = 0).
template <typename F>
Xyzz<F> xyzz_dbl(const Xyzz<F>& p) {
  const F u = p.y.dbl();
  const F v = u.square();
  const F w = u * v;
  const F s = p.x * v;
  const F xx = p.x.square();
  const F m = xx.dbl() + xx;
  Xyzz<F> r;
  r.x = m.square() - s.dbl();
  r.y = m * (s - r.x) - w * p.y;
  r.zz = v * p.zz;
  r.zzz = w * p.zzz;
  return r;
}

// acc += (x, -y) or (x, y): mixed addition (madd-2008-s), with the identity and
// doubling cases handled by branches (variable time).
template <typename F>
void xyzz_add_affine(Xyzz<F>& acc, const F& x, const F& y_signed) {
  if (acc.is_identity()) {
    acc = {x, y_signed, F::one(), F::one()};
    return;
  }
  const F u2 = x * acc.zz;
  const F s2 = y_signed * acc.zzz;
  const F p = u2 - acc.x;
  const F r = s2 - acc.y;
  if (p.is_zero()) {
    if (r.is_zero()) acc = xyzz_dbl_affine(x, y_signed);
    else acc.zz = F::zero(), acc.zzz = F::zero();  // P + (-P)
    return;
  }
  const F pp = p.square();
  const F ppp = p * pp;
  const F q = acc.x * pp;
  const F x3 = r.square() - ppp - q.dbl();
  acc.y = r * (q - x3) - acc.y * ppp;
  acc.x = x3;
  acc.zz = acc.zz * pp;
  acc.zzz = acc.zzz * ppp;
}

// acc += b, both XYZZ (add-2008-s), variable time.
template <typename F>
void xyzz_add(Xyzz<F>& acc, const Xyzz<F>& b) {
  if (b.is_identity()) return;
  if (acc.is_identity()) {
    acc = b;
    return;
  }
  const F u1 = acc.x * b.zz;
  const F u2 = b.x * acc.zz;
  const F s1 = acc.y * b.zzz;
  const F s2 = b.y * acc.zzz;
  const F p = u2 - u1;
  const F r = s2 - s1;
  if (p.is_zero()) {
    if (r.is_zero()) acc = xyzz_dbl(acc);
    else acc.zz = F::zero(), acc.zzz = F::zero();
    return;
  }
  const F pp = p.square();
  const F ppp = p * pp;
  const F q = u1 * pp;
  const F x3 = r.square() - ppp - q.dbl();
  acc.y = r * (q - x3) - s1 * ppp;
  acc.x = x3;
  acc.zz = acc.zz * b.zz * pp;
  acc.zzz = acc.zzz * b.zzz * ppp;
}

// XYZZ to homogeneous projective: (X ZZZ : Y ZZ : ZZ ZZZ).
template <typename Curve>
Projective<Curve> xyzz_to_projective(const Xyzz<typename Curve::F>& p) {
  if (p.is_identity()) return Projective<Curve>::identity();
  Projective<Curve> r;
  r.x = p.x * p.zzz;
  r.y = p.y * p.zz;
  r.z = p.zz * p.zzz;
  return r;
}

inline unsigned pippenger_window_bits(size_t n) {
  unsigned log2n = 0;
  while ((n >> (log2n + 1)) != 0) ++log2n;
  if (log2n > 12) return log2n - 3;
  if (log2n > 8) return log2n - 2;
  if (log2n > 4) return log2n - 1;
  return 2;
}

// The signed digit of window w (bits w c - 1 .. w c + c - 1, bit -1 being 0) of a
// 4-limb scalar: in [-2^(c-1), 2^(c-1)].
inline int booth_window(const std::array<u64, 4>& k, unsigned w, unsigned c) {
  const int start = static_cast<int>(w * c) - 1;
  u64 v = 0;
  for (unsigned b = 0; b <= c; ++b) {  // c + 1 bits, lowest first
    const int bit = start + static_cast<int>(b);
    if (bit < 0 || bit >= 256) continue;
    v |= ((k[static_cast<unsigned>(bit) / 64] >> (static_cast<unsigned>(bit) % 64)) & 1) << b;
  }
  const int iv = static_cast<int>(v);
  return (iv & 1) + (iv >> 1) - ((iv >> c) << c);
}

template <typename Curve>
Projective<Curve> pippenger(std::span<const Affine<Curve>> points, std::span<const std::array<u64, 4>> scalars,
                            unsigned c) {
  using F = typename Curve::F;
  const size_t n = points.size();
  // c windows cover bits up to windows * c - 1 >= 255, whose top bit (the sign of the last
  // digit) is 0 for scalars below 2^255, so the digits sum to k.
  const unsigned windows = (256 + c - 1) / c;
  std::vector<Xyzz<F>> buckets(size_t{1} << (c - 1));
  Projective<Curve> result;
  for (unsigned w = windows; w-- > 0;) {
    for (unsigned d = 0; d < c && w + 1 != windows; ++d) result = result.dbl();
    for (auto& b : buckets) b.zz = F::zero(), b.zzz = F::zero();
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      if (points[i].infinity) continue;
      const int digit = booth_window(scalars[i], w, c);
      if (digit == 0) continue;
      any = true;
      if (digit > 0) xyzz_add_affine(buckets[static_cast<size_t>(digit - 1)], points[i].x, points[i].y);
      else xyzz_add_affine(buckets[static_cast<size_t>(-digit - 1)], points[i].x, -points[i].y);
    }
    if (!any) continue;
    // sum_j (j + 1) B_j by a running sum from the top bucket down.
    Xyzz<F> running{F::zero(), F::zero(), F::zero(), F::zero()};
    Xyzz<F> sum = running;
    for (size_t j = buckets.size(); j-- > 0;) {
      xyzz_add(running, buckets[j]);
      xyzz_add(sum, running);
    }
    result = result + xyzz_to_projective<Curve>(sum);
  }
  return result;
}

}  // namespace dusk::crypto::bls12_381::detail
