// Division (Knuth's algorithm D on 64-bit limbs, quotient digits by reciprocal) and the
// operations built on it.
#include "base/uint256.hpp"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace dusk {
namespace {

// (hi:lo) / d and the remainder. Precondition: hi < d, so the quotient fits 64 bits. On
// x86-64 that is one DIV instruction; the generic u128 division calls __udivti3, which
// cannot assume the precondition and is several times slower.
inline u64 div_2by1(u64 hi, u64 lo, u64 d, u64& rem) {
#if defined(__x86_64__)
  u64 q;
  __asm__("divq %4" : "=a"(q), "=d"(rem) : "a"(lo), "d"(hi), "rm"(d));
  return q;
#else
  const u128 num = (static_cast<u128>(hi) << 64) | lo;
  rem = static_cast<u64>(num % d);
  return static_cast<u64>(num / d);
#endif
}

// x - y - borrow_in, the borrow out in `borrow` (0 or 1): one SBB on x86-64.
inline u64 sub_borrow(u64 x, u64 y, u64& borrow) {
#if defined(__x86_64__)
  unsigned long long out;
  borrow = _subborrow_u64(static_cast<unsigned char>(borrow), x, y, &out);
  return out;
#else
  const u64 t = x - y;
  const u64 b1 = x < y;
  const u64 out = t - borrow;
  borrow = b1 | (t < borrow);
  return out;
#endif
}

// The reciprocal of a normalized two-limb divisor (d1:d0, top bit of d1 set):
// floor((2^192 - 1) / (d1:d0)) - 2^64, Möller and Granlund, "Improved division by
// invariant integers" (IEEE Trans. Computers, 2011), algorithm 6; its first step is the
// one-limb reciprocal floor((2^128 - 1) / d1) - 2^64, one DIV.
u64 reciprocal_3by2(u64 d1, u64 d0) {
  u64 unused;
  u64 v = div_2by1(~d1, ~u64{0}, d1, unused);
  u64 p = d1 * v + d0;
  if (p < d0) {
    --v;
    if (p >= d1) {
      --v;
      p -= d1;
    }
    p -= d1;
  }
  const u128 t = static_cast<u128>(v) * d0;
  const u64 t1 = static_cast<u64>(t >> 64), t0 = static_cast<u64>(t);
  p += t1;
  if (p < t1) {
    --v;
    if (p > d1 || (p == d1 && t0 >= d0)) --v;
  }
  return v;
}

// (u2:u1:u0) / (d1:d0) for (u2:u1) < (d1:d0), with v = reciprocal_3by2(d1, d0): the
// same paper, algorithm 5 (two multiplications and no DIV).
u64 div_3by2(u64 u2, u64 u1, u64 u0, u64 d1, u64 d0, u64 v) {
  const u128 q = static_cast<u128>(v) * u2 + ((static_cast<u128>(u2) << 64) | u1);
  u64 q1 = static_cast<u64>(q >> 64);
  const u64 q0 = static_cast<u64>(q);
  // (r1:r0) = (u1 - q1 d1 : u0) - d0 q1 - (d1:d0), modulo 2^128, in 64-bit halves.
  const u128 t = static_cast<u128>(d0) * q1;
  u64 borrow = 0;
  u64 r0 = sub_borrow(u0, static_cast<u64>(t), borrow);
  u64 r1 = sub_borrow(u1 - q1 * d1, static_cast<u64>(t >> 64), borrow);
  borrow = 0;
  r0 = sub_borrow(r0, d0, borrow);
  r1 = sub_borrow(r1, d1, borrow);
  ++q1;
  if (r1 >= q0) {  // one too many: add the divisor back
    --q1;
    const u64 lo = r0 + d0;
    r1 += d1 + (lo < d0);
    r0 = lo;
  }
  if (r1 > d1 || (r1 == d1 && r0 >= d0)) ++q1;  // one too few
  return q1;
}

// Divides u (m limbs) by v (N limbs, v[N-1] != 0, 2 <= N <= m) with Knuth's algorithm D
// (TAOCP vol. 2, 4.3.1), N a constant so the limb loops unroll. Writes m - N + 1
// quotient limbs to q and N remainder limbs to r. m <= 8 covers the 512-bit MULMOD
// product. The quotient digit is estimated from the remainder's top three limbs and
// the divisor's top two by div_3by2 (never too small, at most one too large), so the
// add-back step corrects it.
template <int N>
void knuth_divrem(const u64* u, int m, const u64* v, u64* q, u64* r) {
  // D1: normalize so the divisor's top bit is set. (x >> 1) >> (63 - s) is the bits
  // shifted out of x, 0 when s is 0, without a branch or a shift by 64.
  const unsigned s = static_cast<unsigned>(__builtin_clzll(v[N - 1]));
  u64 vn[N], un[9];
#pragma GCC unroll 4
  for (int i = N - 1; i > 0; --i) vn[i] = (v[i] << s) | ((v[i - 1] >> 1) >> (63 - s));
  vn[0] = v[0] << s;
  un[m] = (u[m - 1] >> 1) >> (63 - s);
  for (int i = m - 1; i > 0; --i) un[i] = (u[i] << s) | ((u[i - 1] >> 1) >> (63 - s));
  un[0] = u[0] << s;

  const u64 d1 = vn[N - 1], d0 = vn[N - 2];
  const u64 reciprocal = reciprocal_3by2(d1, d0);
  for (int j = m - N; j >= 0; --j) {
    // D3: the estimate. The remainder's top two limbs never exceed the divisor's; when
    // equal, the digit is 2^64 - 1 or one less.
    const u64 u2 = un[j + N], u1 = un[j + N - 1];
    const u64 qhat = (u2 == d1 && u1 == d0) ? ~u64{0} : div_3by2(u2, u1, un[j + N - 2], d1, d0, reciprocal);
    // D4: un[j..j+N] -= qhat * vn: the product's N + 1 limbs, then one borrow chain.
    u64 p[N + 1];
    u64 mul_carry = 0;
#pragma GCC unroll 4
    for (int i = 0; i < N; ++i) {
      const u128 t = static_cast<u128>(qhat) * vn[i] + mul_carry;
      p[i] = static_cast<u64>(t);
      mul_carry = static_cast<u64>(t >> 64);
    }
    p[N] = mul_carry;
    u64 borrow = 0;
#pragma GCC unroll 5
    for (int i = 0; i <= N; ++i) un[i + j] = sub_borrow(un[i + j], p[i], borrow);
    q[j] = qhat;
    if (borrow != 0) {
      // D6: the estimate was one too large: add back.
      --q[j];
      u64 carry = 0;
#pragma GCC unroll 4
      for (int i = 0; i < N; ++i) {
        const u128 t = static_cast<u128>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<u64>(t);
        carry = static_cast<u64>(t >> 64);
      }
      un[j + N] += carry;
    }
  }
  // D8: unnormalize the remainder.
#pragma GCC unroll 4
  for (int i = 0; i < N; ++i) r[i] = (un[i] >> s) | ((un[i + 1] << 1) << (63 - s));
}

// u (m limbs) divided by v (n limbs, v[n-1] != 0, n <= m): m - n + 1 quotient limbs to
// q, n remainder limbs to r.
void divrem(const u64* u, int m, const u64* v, int n, u64* q, u64* r) {
  switch (n) {
    case 1: {
      // One-limb divisor: schoolbook division by a digit (the remainder stays below it).
      u64 rem = 0;
      for (int i = m - 1; i >= 0; --i) q[i] = div_2by1(rem, u[i], v[0], rem);
      r[0] = rem;
      return;
    }
    case 2: return knuth_divrem<2>(u, m, v, q, r);
    case 3: return knuth_divrem<3>(u, m, v, q, r);
    default: return knuth_divrem<4>(u, m, v, q, r);
  }
}

int significant_limbs(const u64* x, int n) {
  while (n > 0 && x[n - 1] == 0) --n;
  return n;
}

// x mod m for x of `len` limbs; m != 0.
Uint256 reduce(const u64* x, int len, const Uint256& m) {
  const int m_len = significant_limbs(x, len);
  const int n = significant_limbs(m.w.data(), 4);
  Uint256 r;
  if (m_len < n) {
    for (int i = 0; i < m_len; ++i) r.w[i] = x[i];
    return r;
  }
  u64 q[8];
  divrem(x, m_len, m.w.data(), n, q, r.w.data());
  return r;
}

}  // namespace

DivMod divmod(const Uint256& a, const Uint256& b) {
  if (a.fits_u64() && b.fits_u64()) return {Uint256{a.w[0] / b.w[0]}, Uint256{a.w[0] % b.w[0]}};
  if (a < b) return {Uint256{}, a};
  const int m = significant_limbs(a.w.data(), 4);
  const int n = significant_limbs(b.w.data(), 4);
  DivMod out;
  divrem(a.w.data(), m, b.w.data(), n, out.quot.w.data(), out.rem.w.data());
  return out;
}

namespace {
// True when x is a sign-extended 64-bit value: every limb above the lowest is a copy of
// its sign bit (contracts' signed arithmetic is mostly on such values).
bool fits_i64(const Uint256& x) {
  const u64 sign = static_cast<u64>(static_cast<i64>(x.w[0]) >> 63);
  return ((x.w[1] ^ sign) | (x.w[2] ^ sign) | (x.w[3] ^ sign)) == 0;
}
// |x| of a sign-extended 64-bit value, as u64 (-2^63 gives 2^63).
u64 magnitude64(const Uint256& x) {
  return static_cast<i64>(x.w[0]) < 0 ? u64{0} - x.w[0] : x.w[0];
}
}  // namespace

Uint256 evm_sdiv(const Uint256& a, const Uint256& b) {
  if (b.is_zero()) return {};
  if (fits_i64(a) && fits_i64(b)) {
    // One 64-bit division of the magnitudes instead of three 256-bit negations and a
    // call; -2^63 / -1 is 2^63, which 256 bits hold.
    const Uint256 q{magnitude64(a) / magnitude64(b)};
    return (static_cast<i64>(a.w[0]) < 0) != (static_cast<i64>(b.w[0]) < 0) ? -q : q;
  }
  const bool na = is_negative(a), nb = is_negative(b);
  // |a| / |b| with the sign fixed afterwards; -2^255 negates to itself, which as an
  // unsigned magnitude is exactly 2^255, so the overflow case needs no special branch.
  const Uint256 q = divmod(na ? -a : a, nb ? -b : b).quot;
  return na != nb ? -q : q;
}

Uint256 evm_smod(const Uint256& a, const Uint256& b) {
  if (b.is_zero()) return {};
  if (fits_i64(a) && fits_i64(b)) {
    const Uint256 r{magnitude64(a) % magnitude64(b)};
    return static_cast<i64>(a.w[0]) < 0 ? -r : r;
  }
  const bool na = is_negative(a), nb = is_negative(b);
  const Uint256 r = divmod(na ? -a : a, nb ? -b : b).rem;
  return na ? -r : r;
}

Uint256 evm_addmod(const Uint256& a, const Uint256& b, const Uint256& m) {
  if (m.is_zero()) return {};
  const auto [sum, carry] = add_with_carry(a, b);
  const u64 x[5] = {sum.w[0], sum.w[1], sum.w[2], sum.w[3], carry ? u64{1} : u64{0}};
  return reduce(x, 5, m);
}

Uint256 evm_mulmod(const Uint256& a, const Uint256& b, const Uint256& m) {
  if (m.is_zero()) return {};
  const std::array<u64, 8> p = mul_full(a, b);
  return reduce(p.data(), 8, m);
}

Uint256 exp(Uint256 base, const Uint256& exponent) {
  Uint256 result{1};
  const unsigned bits = bit_width(exponent);
  for (unsigned i = 0; i < bits; ++i) {
    if ((exponent.w[i / 64] >> (i % 64)) & 1) result = result * base;
    if (i + 1 < bits) base = base * base;
  }
  return result;
}

Uint256 Uint256::from_be(const u8* bytes, size_t n) {
  u8 buf[32] = {};
  if (n > 32) n = 32;
  if (n != 0) std::memcpy(buf + 32 - n, bytes, n);
  return from_be(buf);
}

Result<Uint256> Uint256::from_hex(std::string_view hex) {
  if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex.remove_prefix(2);
  if (hex.empty()) return Error("uint256 hex: no digits");
  if (hex.size() > 64) return Error("uint256 hex: more than 64 digits");
  Uint256 r;
  for (char c : hex) {
    u64 d;
    if (c >= '0' && c <= '9') d = static_cast<u64>(c - '0');
    else if (c >= 'a' && c <= 'f') d = static_cast<u64>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') d = static_cast<u64>(c - 'A' + 10);
    else return Error(std::string("uint256 hex: invalid digit '") + c + "'");
    r = shl(r, 4);
    r.w[0] |= d;
  }
  return r;
}

std::string Uint256::to_hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "0x";
  const unsigned bits = bit_width(*this);
  const unsigned digits = bits == 0 ? 1 : (bits + 3) / 4;
  for (unsigned i = digits; i-- > 0;) out += kDigits[(w[i / 16] >> (4 * (i % 16))) & 0xf];
  return out;
}

}  // namespace dusk
