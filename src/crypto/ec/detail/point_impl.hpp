// Out-of-line members of Projective<Curve>: included only by the g1.cpp and g2.cpp of
// each curve (bls12_381, bn254), which instantiate them.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>

#include "crypto/ec/point.hpp"

namespace dusk::crypto::ec {

template <typename Curve>
bool Projective<Curve>::is_on_curve() const {
  F zz = z.square();
  return y.square() * z == x.square() * x + Curve::b() * zz * z;
}

// The second half shared by algorithms 7 and 8, from t0 = 3*X1*X2, t1 = Y1*Y2,
// t2 = Z1*Z2, t3, t4 and y3 (before its multiplication by 3b) of the first half.
template <typename Curve>
Projective<Curve> Projective<Curve>::add_tail(F t0, F t1, F t2, const F& t3, const F& t4, F y3) {
  t2 = Curve::mul_by_b3(t2);
  F z3 = t1 + t2;
  t1 = t1 - t2;
  y3 = Curve::mul_by_b3(y3);
  F x3 = t4 * y3;
  t2 = t3 * t1;
  x3 = t2 - x3;
  y3 = y3 * t0;
  t1 = t1 * z3;
  y3 = t1 + y3;
  t0 = t0 * t3;
  z3 = z3 * t4;
  z3 = z3 + t0;
  Projective r;
  r.x = x3;
  r.y = y3;
  r.z = z3;
  return r;
}

// Renes-Costello-Batina algorithm 7 (a = 0): 12M + 2 multiplications by 3b.
template <typename Curve>
Projective<Curve> Projective<Curve>::add(const Projective& q) const {
  F t0 = x * q.x, t1 = y * q.y, t2 = z * q.z;
  F t3 = (x + y) * (q.x + q.y);
  F t4 = t0 + t1;
  t3 = t3 - t4;
  t4 = (y + z) * (q.y + q.z);
  F x3 = t1 + t2;
  t4 = t4 - x3;
  x3 = (x + z) * (q.x + q.z);
  F y3 = t0 + t2;
  y3 = x3 - y3;
  x3 = t0 + t0;
  t0 = x3 + t0;
  return add_tail(t0, t1, t2, t3, t4, y3);
}

// Algorithm 8 (q affine, Z2 = 1): 11M + 2 multiplications by 3b. The formula does not
// cover an affine identity, so that case is selected at the end without a branch.
template <typename Curve>
Projective<Curve> Projective<Curve>::add_mixed(const AffinePoint& q) const {
  F t0 = x * q.x, t1 = y * q.y;
  F t3 = (q.x + q.y) * (x + y);
  F t4 = t0 + t1;
  t3 = t3 - t4;
  t4 = q.y * z + y;
  F y3 = q.x * z + x;
  F x3 = t0 + t0;
  t0 = x3 + t0;
  const Projective sum = add_tail(t0, t1, z, t3, t4, y3);  // Z2 = 1: t2 = Z1
  Projective r;
  r.x = F::select(q.infinity, sum.x, x);
  r.y = F::select(q.infinity, sum.y, y);
  r.z = F::select(q.infinity, sum.z, z);
  return r;
}

// Algorithm 9: 6M + 2S + 1 multiplication by 3b.
template <typename Curve>
Projective<Curve> Projective<Curve>::dbl() const {
  F t0 = y.square();
  F z3 = t0 + t0;
  z3 = z3 + z3;
  z3 = z3 + z3;
  F t1 = y * z;
  F t2 = z.square();
  t2 = Curve::mul_by_b3(t2);
  F x3 = t2 * z3;
  F y3 = t0 + t2;
  z3 = t1 * z3;
  t1 = t2 + t2;
  t2 = t1 + t2;
  t0 = t0 - t2;
  y3 = t0 * y3;
  y3 = x3 + y3;
  t1 = x * y;
  x3 = t0 * t1;
  x3 = x3 + x3;
  Projective r;
  r.x = x3;
  r.y = y3;
  r.z = z3;
  return r;
}

template <typename Curve>
Affine<Curve> Projective<Curve>::to_affine() const {
  F zi = z.inverse();  // 0 for the identity
  AffinePoint r;
  r.x = x * zi;
  r.y = y * zi;
  r.infinity = z.is_zero();
  return r;
}

template <typename Curve>
std::vector<Affine<Curve>> Projective<Curve>::batch_to_affine(
    std::span<const Projective> points) {
  std::vector<AffinePoint> out(points.size());
  // prefix[i] = product of the non-zero z of points[0..i).
  std::vector<F> prefix(points.size() + 1);
  prefix[0] = F::one();
  for (size_t i = 0; i < points.size(); ++i)
    prefix[i + 1] = points[i].is_identity() ? prefix[i] : prefix[i] * points[i].z;
  F inv = prefix[points.size()].inverse();
  for (size_t i = points.size(); i-- > 0;) {
    if (points[i].is_identity()) continue;  // out[i] stays the identity
    F zi = inv * prefix[i];
    inv = inv * points[i].z;
    out[i] = AffinePoint{points[i].x * zi, points[i].y * zi, false};
  }
  return out;
}

template <typename Curve>
Projective<Curve> Projective<Curve>::mul(const Scalar& k) const {
  auto e = k.to_canonical();
  constexpr size_t kBits = 64 * e.size();
  std::array<Projective, 16> table;
  table[0] = identity();
  table[1] = *this;
  for (size_t i = 2; i < 16; ++i) table[i] = table[i - 1].add(*this);
  Projective acc;
  for (size_t w = kBits / 4; w-- > 0;) {
    acc = acc.dbl().dbl().dbl().dbl();
    u64 digit = (e[w / 16] >> (4 * (w % 16))) & 15;
    Projective t;
    for (u64 j = 0; j < 16; ++j) {
      bool hit = (((j ^ digit) - 1) >> 63) != 0;  // j == digit, without a comparison
      t.x = F::select(hit, t.x, table[j].x);
      t.y = F::select(hit, t.y, table[j].y);
      t.z = F::select(hit, t.z, table[j].z);
    }
    acc = acc.add(t);
  }
  return acc;
}

template <typename Curve>
Projective<Curve> Projective<Curve>::mul_vartime(const Scalar& k) const {
  auto e = k.to_canonical();
  return mul_vartime(std::span<const u64>(e));
}

namespace detail {

constexpr int kWnafWidth = 5;

// Width-5 NAF of the non-negative integer k (little-endian limbs, at most
// kMaxScalarLimbs): digits odd in (-16, 16) or zero, at most one non-zero in any 5
// consecutive. Writes naf[0..len) least significant first and returns len.
template <size_t M>
size_t wnaf(std::span<const u64> k, std::array<i8, M>& naf) {
  constexpr size_t kLimbs = 13;
  static_assert(M >= 64 * kLimbs + 1);
  assert(k.size() < kLimbs);
  std::array<u64, kLimbs> n{};
  for (size_t i = 0; i < k.size(); ++i) n[i] = k[i];
  size_t len = 0;
  auto nonzero = [&] {
    for (u64 limb : n)
      if (limb) return true;
    return false;
  };
  while (nonzero()) {
    i8 d = 0;
    if (n[0] & 1) {
      int m = static_cast<int>(n[0] & ((1u << kWnafWidth) - 1));
      if (m >= (1 << (kWnafWidth - 1))) m -= 1 << kWnafWidth;
      d = static_cast<i8>(m);
      if (m > 0) {  // n -= m
        u64 borrow = static_cast<u64>(m);
        for (auto& limb : n) {
          u64 old = limb;
          limb -= borrow;
          borrow = old < borrow;
          if (!borrow) break;
        }
      } else {  // n += -m
        u64 carry = static_cast<u64>(-m);
        for (auto& limb : n) {
          limb += carry;
          carry = limb < carry;
          if (!carry) break;
        }
      }
    }
    naf[len++] = d;
    for (size_t i = 0; i + 1 < n.size(); ++i) n[i] = (n[i] >> 1) | (n[i + 1] << 63);
    n.back() >>= 1;
  }
  return len;
}

// sum [k_i] P_i for public scalars (Straus: one doubling chain, interleaved width-5
// NAFs, odd multiples of each point precomputed). Scalars are limb strings of at most
// kMaxScalarLimbs limbs.
template <typename Curve, size_t K>
Projective<Curve> straus_vartime(const std::array<Projective<Curve>, K>& points,
                                 const std::array<std::span<const u64>, K>& scalars) {
  using P = Projective<Curve>;
  constexpr size_t kOdd = size_t{1} << (kWnafWidth - 2);
  std::array<std::array<i8, 64 * 13 + 1>, K> nafs{};
  std::array<size_t, K> lens{};
  std::array<std::array<P, kOdd>, K> odd;
  size_t len = 0;
  for (size_t j = 0; j < K; ++j) {
    lens[j] = wnaf(scalars[j], nafs[j]);
    len = std::max(len, lens[j]);
    odd[j][0] = points[j];
    P p2 = points[j].dbl();
    for (size_t i = 1; i < kOdd; ++i) odd[j][i] = odd[j][i - 1].add(p2);
  }
  P acc;
  for (size_t i = len; i-- > 0;) {
    acc = acc.dbl();
    for (size_t j = 0; j < K; ++j) {
      if (i >= lens[j]) continue;
      int d = nafs[j][i];
      if (d > 0) acc = acc.add(odd[j][static_cast<size_t>(d / 2)]);
      if (d < 0) acc = acc.add(-odd[j][static_cast<size_t>(-d / 2)]);
    }
  }
  return acc;
}

// n = n / d, returning n mod d (d != 0).
template <size_t N>
u64 divide_in_place(std::array<u64, N>& n, u64 d) {
  u128 rem = 0;
  for (size_t i = N; i-- > 0;) {
    u128 cur = (rem << 64) | n[i];
    n[i] = static_cast<u64>(cur / d);
    rem = cur % d;
  }
  return static_cast<u64>(rem);
}

}  // namespace detail

template <typename Curve>
Projective<Curve> Projective<Curve>::mul_vartime(std::span<const u64> k) const {
  assert(k.size() <= kMaxScalarLimbs);
  return detail::straus_vartime<Curve, 1>({*this}, {k});
}

}  // namespace dusk::crypto::ec
