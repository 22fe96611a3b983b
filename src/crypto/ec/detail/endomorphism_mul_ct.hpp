// Constant-time scalar multiplication with an endomorphism (GLV on G1, GLS on G2): the
// machinery shared by BLS12-381's g1_mul_glv_ct and g2_mul_gls_ct and BN254's
// g1_mul_glv_ct. Included only by those curves' g1.cpp and g2.cpp.
//
// The scalar k is split into K non-negative parts of at most `bits` bits with
// k = sum k_j lambda^j, lambda the eigenvalue of the endomorphism, so that
// [k]P = sum [k_j] E^j(P): K times fewer doublings than a plain window method. The split
// is a constant-time long division (no hardware divide, whose latency can depend on its
// operands). Each part is recoded into signed (Booth) digits of width W, in
// [-2^(W-1), 2^(W-1)]; one table of the multiples 1..2^(W-1) of P is computed, the tables
// of the other bases are its images under the endomorphism (a few multiplications per
// entry). Each window does W doublings and K additions of a table entry read by masked
// selects over the whole table and negated by a select, with the complete formulas, so
// time and memory accesses depend on neither k nor P.
#pragma once

#include <array>

#include "crypto/ec/point.hpp"

namespace dusk::crypto::ec::detail {

// n = n / d and returns n mod d, for d < 2^128, in constant time (restoring division, one
// bit per step, the comparison and subtraction done with masks).
template <size_t N>
u128 divide_ct(std::array<u64, N>& n, u128 d) {
  u128 rem = 0;
  for (size_t i = 64 * N; i-- > 0;) {
    const u64 top = static_cast<u64>(rem >> 127);
    rem = (rem << 1) | ((n[i / 64] >> (i % 64)) & 1);
    const u128 diff = rem - d;
    const u64 borrow = static_cast<u64>(rem < d) & ~top & 1;  // rem (with top) < d
    const u128 keep = -static_cast<u128>(borrow);                // all ones: keep rem
    rem = (rem & keep) | (diff & ~keep);
    const u64 qbit = borrow ^ 1;
    n[i / 64] = (n[i / 64] & ~(u64{1} << (i % 64))) | (qbit << (i % 64));
  }
  return rem;
}

// The Booth digit of window i (bits i W - 1 .. i W + W - 1 of k; bit -1 is 0):
// b_(iW-1) + sum_(j<W-1) 2^j b_(iW+j) - 2^(W-1) b_(iW+W-1). Summed with weights 2^(iW) over
// enough windows (ceil((bits + 1) / W)), the digits give back k.
template <unsigned W>
int booth_digit(u128 k, unsigned i) {
  const unsigned start = i * W;  // bit iW; bit iW - 1 comes from the shifted-in copy
  const u128 shifted = start == 0 ? (k << 1) : (start - 1 >= 128 ? 0 : (k >> (start - 1)));
  const int v = static_cast<int>(shifted & ((u128{1} << (W + 1)) - 1));
  return (v & 1) + (v >> 1) - ((v >> W) << W);
}

template <typename Curve>
Projective<Curve> select_point(bool choose_b, const Projective<Curve>& a, const Projective<Curve>& b) {
  using F = typename Curve::F;
  Projective<Curve> r;
  r.x = F::select(choose_b, a.x, b.x);
  r.y = F::select(choose_b, a.y, b.y);
  r.z = F::select(choose_b, a.z, b.z);
  return r;
}

// sum [k_j] tables[j][1] with tables[j][t - 1] = [t] B_j, for K parts of at most `bits`
// bits, in constant time. Map(point) must give the table entry of the next base from the
// current one (the endomorphism, with its sign).
template <typename Curve, size_t K, unsigned W, typename Map>
Projective<Curve> endomorphism_mul_ct(const Projective<Curve>& p, const std::array<u128, K>& k,
                                      unsigned bits, Map next_base) {
  using P = Projective<Curve>;
  constexpr size_t kTable = size_t{1} << (W - 1);
  std::array<std::array<P, kTable>, K> tables;
  tables[0][0] = p;
  for (size_t t = 1; t < kTable; ++t) tables[0][t] = tables[0][t - 1].add(p);
  for (size_t j = 1; j < K; ++j)
    for (size_t t = 0; t < kTable; ++t) tables[j][t] = next_base(tables[j - 1][t]);

  const unsigned windows = (bits + 1 + W - 1) / W;
  P acc;
  for (unsigned i = windows; i-- > 0;) {
    if (i + 1 != windows)
      for (unsigned d = 0; d < W; ++d) acc = acc.dbl();
    for (size_t j = 0; j < K; ++j) {
      const int digit = booth_digit<W>(k[j], i);
      const int neg_mask = digit >> 31;  // -1 when negative
      const unsigned abs = static_cast<unsigned>((digit ^ neg_mask) - neg_mask);
      P entry;  // the identity for digit 0
      for (size_t t = 0; t < kTable; ++t) entry = select_point(abs == t + 1, entry, tables[j][t]);
      entry = select_point(neg_mask != 0, entry, -entry);
      acc = acc.add(entry);
    }
  }
  return acc;
}

}  // namespace dusk::crypto::ec::detail
