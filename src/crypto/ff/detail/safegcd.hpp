// Modular inversion by Bernstein-Yang "safegcd" divsteps, batched 62 at a time.
//
// Reference: D. J. Bernstein and B.-Y. Yang, "Fast constant-time gcd computation and
// modular inversion" (2019), and libsecp256k1's doc/safegcd_implementation.md, whose
// structure this follows: a batch of 62 divsteps is computed from the low 64 bits of f
// and g alone as a 2x2 transition matrix scaled by 2^62; the matrix is then applied to
// the full f, g (exact division by 2^62) and to d, e modulo p (division by 2^62 made exact
// by adding a multiple of p, as in Montgomery reduction). Big values use signed 62-bit
// limbs so the matrix products fit in __int128.
//
// inverse_ct runs a fixed number of batches and has no branches or memory accesses that
// depend on the value. For moduli up to 256 bits and up to BLS12-381's p it uses
// "hddivsteps" (delta starts at 1/2 instead of 1; libsecp256k1's
// safegcd_implementation.md, section 8), which need fewer steps: 590 for 256-bit inputs
// and 878 for inputs up to BLS12-381's p (bounds proved by computation: libsecp256k1's
// convex-hull method, and the Coq proofs of dfaranha/safegcd-bounds). Other moduli use
// plain divsteps with the paper's Theorem 11.2 bound ((49d + 57)/17 for d >= 46 bits). inverse_vartime skips runs of
// zero bits, cancels up to 6 bits per step and stops as soon as g = 0; it is for public
// values only.
#pragma once

#include "crypto/ff/detail/limbs.hpp"

namespace dusk::crypto::ff::safegcd {

inline constexpr unsigned kBatch = 62;
inline constexpr i64 kMask62 = (i64{1} << 62) - 1;

// Divsteps that provably bring g to 0 for a modulus of `bits` bits.
constexpr size_t divstep_bound(size_t bits) {
  size_t num = 49 * bits + (bits >= 46 ? 57 : 80);
  return (num + 16) / 17;
}

// Number of signed 62-bit limbs to hold values in (-2p, p) with a sign bit to spare.
constexpr size_t signed62_limbs(size_t bits) { return (bits + 2 + 61) / 62; }

// A number as sum v[i] * 2^(62 i): limbs below the top in [0, 2^62), top limb signed.
template <size_t L>
struct Signed62 {
  i64 v[L];
};

// 2^62 times the product of 62 divstep transition matrices.
struct Transition {
  i64 u, v, q, r;
};

template <size_t L, size_t N>
constexpr Signed62<L> to_signed62(const Limbs<N>& a) {
  Signed62<L> s{};
  for (size_t i = 0; i < L; ++i) {
    size_t off = 62 * i;
    size_t w = off / 64, sh = off % 64;
    u64 x = w < N ? a[w] >> sh : 0;
    if (sh > 2 && w + 1 < N) x |= a[w + 1] << (64 - sh);
    s.v[i] = static_cast<i64>(x & static_cast<u64>(kMask62));
  }
  return s;
}

// Inverse of to_signed62 for a value in [0, 2^(64N)) with normalized limbs.
template <size_t N, size_t L>
constexpr Limbs<N> from_signed62(const Signed62<L>& s) {
  Limbs<N> a{};
  for (size_t i = 0; i < L; ++i) {
    size_t off = 62 * i;
    size_t w = off / 64, sh = off % 64;
    u64 x = static_cast<u64>(s.v[i]);
    if (w < N) a[w] |= x << sh;
    if (sh > 2 && w + 1 < N) a[w + 1] |= x >> (64 - sh);
  }
  return a;
}

// Constant-time divsteps on the low bits of f and g, batched. Two variants share the loop:
//   divsteps (kHalfDelta = false): 62 steps, eta = -delta; a swap sets delta to 1 - delta
//     (eta to -eta - 1), otherwise delta grows by one (eta shrinks by one);
//   hddivsteps (kHalfDelta = true): 59 steps, zeta = -(delta + 1/2), delta starting at
//     1/2; a swap sets zeta to -zeta - 2. The matrix then starts at 8 so that after 59
//     doublings it is scaled by 2^62 like the other's, and update_fg / update_de serve both.
template <bool kHalfDelta>
constexpr i64 divsteps_ct(i64 eta, u64 f, u64 g, Transition& t) {
  constexpr unsigned kSteps = kHalfDelta ? 59 : 62;
  constexpr u64 kStart = kHalfDelta ? 8 : 1;
  u64 u = kStart, v = 0, q = 0, r = kStart;  // unsigned so shifts and negations wrap
  for (unsigned i = 0; i < kSteps; ++i) {
    u64 c1 = static_cast<u64>(eta >> 63);  // all ones when delta > 0
    u64 x = (f ^ c1) - c1, y = (u ^ c1) - c1, z = (v ^ c1) - c1;
    u64 c2 = u64{0} - (g & 1);  // all ones when g is odd
    g += x & c2;
    q += y & c2;
    r += z & c2;
    c1 &= c2;  // swap branch: delta > 0 and g odd
    const u64 flipped = static_cast<u64>(eta) ^ c1;  // -eta - 1 on a swap
    eta = static_cast<i64>(kHalfDelta ? flipped : flipped - c1) - 1;
    f += g & c1;
    u += q & c1;
    v += r & c1;
    g >>= 1;
    u <<= 1;
    v <<= 1;
  }
  t = {static_cast<i64>(u), static_cast<i64>(v), static_cast<i64>(q), static_cast<i64>(r)};
  return eta;
}
inline constexpr unsigned kHdBatch = 59;

// hddivsteps that provably bring g to 0 for this modulus (header comment), or 0 when no
// bound is known and plain divsteps must be used.
template <size_t N>
constexpr size_t hddivstep_bound(const Limbs<N>& p, size_t bits) {
  if (bits <= 256) return 590;
  constexpr Limbs<6> kBls12381P = {0xb9feffffffffaaabull, 0x1eabfffeb153ffffull, 0x6730d2a0f6b0f624ull,
                                   0x64774b84f38512bfull, 0x4b1ba7b6434bacd7ull, 0x1a0111ea397fe69aull};
  if constexpr (N == 6) {
    for (size_t i = N; i-- > 0;) {
      if (p[i] != kBls12381P[i]) return p[i] < kBls12381P[i] ? 878 : 0;
    }
    return 878;
  }
  return 0;
}

// The same 62 divsteps in variable time (libsecp256k1 section 6): zero bits of g are
// shifted out at once, and when delta <= 0 up to 6 low bits of g are cancelled with one
// multiple of f.
constexpr i64 divsteps_62_vartime(i64 eta, u64 f, u64 g, Transition& t) {
  u64 u = 1, v = 0, q = 0, r = 1;
  int i = kBatch;
  for (;;) {
    // Zeros of g, capped at the steps left (the high bits stop the count).
    int zeros = __builtin_ctzll(g | (~u64{0} << i));
    g >>= zeros;
    u <<= zeros;
    v <<= zeros;
    eta -= zeros;
    i -= zeros;
    if (i == 0) break;
    // g is odd.
    if (eta < 0) {
      eta = -eta;
      u64 tf = f, tu = u, tv = v;
      f = g;
      u = q;
      v = r;
      g = u64{0} - tf;
      q = u64{0} - tu;
      r = u64{0} - tv;
    }
    // Cancel the low `limit` bits of g: w = -g / f mod 2^limit, with -1/f mod 2^6 as
    // f (f^2 - 2) (Hacker's Delight style Newton step).
    int limit = (static_cast<int>(eta) + 1) > i ? i : static_cast<int>(eta) + 1;
    if (limit > 6) limit = 6;
    u64 m = (~u64{0} >> (64 - limit)) & 63;
    u64 w = (f * g * (f * f - 2)) & m;
    g += f * w;
    q += u * w;
    r += v * w;
  }
  t = {static_cast<i64>(u), static_cast<i64>(v), static_cast<i64>(q), static_cast<i64>(r)};
  return eta;
}

// (f, g) <- t (f, g) / 2^62, exact.
template <size_t L>
constexpr void update_fg(Signed62<L>& f, Signed62<L>& g, const Transition& t) {
  i128 cf = static_cast<i128>(t.u) * f.v[0] + static_cast<i128>(t.v) * g.v[0];
  i128 cg = static_cast<i128>(t.q) * f.v[0] + static_cast<i128>(t.r) * g.v[0];
  cf >>= 62;
  cg >>= 62;
  for (size_t i = 1; i < L; ++i) {
    cf += static_cast<i128>(t.u) * f.v[i] + static_cast<i128>(t.v) * g.v[i];
    cg += static_cast<i128>(t.q) * f.v[i] + static_cast<i128>(t.r) * g.v[i];
    f.v[i - 1] = static_cast<i64>(cf) & kMask62;
    g.v[i - 1] = static_cast<i64>(cg) & kMask62;
    cf >>= 62;
    cg >>= 62;
  }
  f.v[L - 1] = static_cast<i64>(cf);
  g.v[L - 1] = static_cast<i64>(cg);
}

// (d, e) <- t (d, e) / 2^62 mod p, for d, e in (-2p, p); outputs stay in (-2p, p).
// p_inv62 = p^-1 mod 2^62.
template <size_t L>
constexpr void update_de(Signed62<L>& d, Signed62<L>& e, const Transition& t,
                         const Signed62<L>& p, u64 p_inv62) {
  // Adding p to a negative d or e first keeps the range from growing; folded into the
  // multiples of p added below.
  i64 sd = d.v[L - 1] >> 63, se = e.v[L - 1] >> 63;
  i64 md = (t.u & sd) + (t.v & se);
  i64 me = (t.q & sd) + (t.r & se);
  i128 cd = static_cast<i128>(t.u) * d.v[0] + static_cast<i128>(t.v) * e.v[0];
  i128 ce = static_cast<i128>(t.q) * d.v[0] + static_cast<i128>(t.r) * e.v[0];
  // Choose md, me so the low 62 bits of cd + p md and ce + p me vanish.
  md -= static_cast<i64>((p_inv62 * static_cast<u64>(cd) + static_cast<u64>(md)) &
                         static_cast<u64>(kMask62));
  me -= static_cast<i64>((p_inv62 * static_cast<u64>(ce) + static_cast<u64>(me)) &
                         static_cast<u64>(kMask62));
  cd += static_cast<i128>(p.v[0]) * md;
  ce += static_cast<i128>(p.v[0]) * me;
  cd >>= 62;
  ce >>= 62;
  for (size_t i = 1; i < L; ++i) {
    cd += static_cast<i128>(t.u) * d.v[i] + static_cast<i128>(t.v) * e.v[i] +
          static_cast<i128>(p.v[i]) * md;
    ce += static_cast<i128>(t.q) * d.v[i] + static_cast<i128>(t.r) * e.v[i] +
          static_cast<i128>(p.v[i]) * me;
    d.v[i - 1] = static_cast<i64>(cd) & kMask62;
    e.v[i - 1] = static_cast<i64>(ce) & kMask62;
    cd >>= 62;
    ce >>= 62;
  }
  d.v[L - 1] = static_cast<i64>(cd);
  e.v[L - 1] = static_cast<i64>(ce);
}

// Carries every limb's excess into the next; the top limb keeps the sign.
template <size_t L>
constexpr void propagate(Signed62<L>& x) {
  for (size_t i = 0; i + 1 < L; ++i) {
    x.v[i + 1] += x.v[i] >> 62;
    x.v[i] &= kMask62;
  }
}

// sign(f) * d mod p in [0, p), for d in (-2p, p) and f = +-1 (its top limb gives the sign).
template <size_t L>
constexpr void normalize(Signed62<L>& d, i64 f_top, const Signed62<L>& p) {
  i64 neg = d.v[L - 1] >> 63;
  for (size_t i = 0; i < L; ++i) d.v[i] += p.v[i] & neg;
  propagate(d);  // (-p, p)
  i64 flip = f_top >> 63;
  for (size_t i = 0; i < L; ++i) d.v[i] = (d.v[i] ^ flip) - flip;
  propagate(d);  // (-p, p)
  neg = d.v[L - 1] >> 63;
  for (size_t i = 0; i < L; ++i) d.v[i] += p.v[i] & neg;
  propagate(d);  // [0, p)
}

// Returns e0 / x mod p for x in [0, p), e0 in [0, p); 0 when x = 0. M is a modulus type
// as in montgomery.hpp with an extra kBits. Constant time.
template <typename M>
constexpr Limbs<M::kN> inverse_ct(const Limbs<M::kN>& x, const Limbs<M::kN>& e0) {
  constexpr size_t L = signed62_limbs(M::kBits);
  constexpr size_t kHdBound = hddivstep_bound(M::kP, M::kBits);
  constexpr size_t kBatches = kHdBound != 0 ? (kHdBound + kHdBatch - 1) / kHdBatch
                                            : (divstep_bound(M::kBits) + kBatch - 1) / kBatch;
  constexpr Signed62<L> p = to_signed62<L>(M::kP);
  constexpr u64 p_inv62 = (u64{0} - M::kInv) & static_cast<u64>(kMask62);
  Signed62<L> f = p, g = to_signed62<L>(x), d{}, e = to_signed62<L>(e0);
  i64 eta = -1;  // eta = -delta = -1 for divsteps; zeta = -(1/2 + 1/2) = -1 for hddivsteps
  for (size_t b = 0; b < kBatches; ++b) {
    Transition t{};
    const u64 f0 = static_cast<u64>(f.v[0]) | static_cast<u64>(f.v[1]) << 62;
    const u64 g0 = static_cast<u64>(g.v[0]) | static_cast<u64>(g.v[1]) << 62;
    eta = divsteps_ct<kHdBound != 0>(eta, f0, g0, t);
    update_fg(f, g, t);
    update_de(d, e, t, p, p_inv62);
  }
  normalize(d, f.v[L - 1], p);
  return from_signed62<M::kN>(d);
}

// As inverse_ct, in variable time.
template <typename M>
Limbs<M::kN> inverse_vartime(const Limbs<M::kN>& x, const Limbs<M::kN>& e0) {
  constexpr size_t L = signed62_limbs(M::kBits);
  constexpr Signed62<L> p = to_signed62<L>(M::kP);
  constexpr u64 p_inv62 = (u64{0} - M::kInv) & static_cast<u64>(kMask62);
  Signed62<L> f = p, g = to_signed62<L>(x), d{}, e = to_signed62<L>(e0);
  i64 eta = -1;
  for (;;) {
    i64 any = 0;
    for (size_t i = 0; i < L; ++i) any |= g.v[i];
    if (any == 0) break;
    Transition t{};
    eta = divsteps_62_vartime(eta, static_cast<u64>(f.v[0]) | static_cast<u64>(f.v[1]) << 62,
                              static_cast<u64>(g.v[0]) | static_cast<u64>(g.v[1]) << 62, t);
    update_fg(f, g, t);
    update_de(d, e, t, p, p_inv62);
  }
  normalize(d, f.v[L - 1], p);
  return from_signed62<M::kN>(d);
}

}  // namespace dusk::crypto::ff::safegcd
