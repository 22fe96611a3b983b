// Division (Knuth's algorithm D on 64-bit limbs) and the operations built on it.
#include "duskevm/uint256.hpp"

namespace dusk::evm {
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

// Divides u (m limbs) by v (n limbs, v[n-1] != 0, n <= m) with Knuth's algorithm D (TAOCP
// vol. 2, 4.3.1). Writes m - n + 1 quotient limbs to q and n remainder limbs to r.
// Buffers are fixed size: m <= 8 covers the 512-bit MULMOD product.
void knuth_divrem(const u64* u, int m, const u64* v, int n, u64* q, u64* r) {
  if (n == 1) {
    // Fast path: one-limb divisor, schoolbook division by a digit (rem < v[0] always).
    u64 rem = 0;
    for (int i = m - 1; i >= 0; --i) q[i] = div_2by1(rem, u[i], v[0], rem);
    r[0] = rem;
    return;
  }
  // D1: normalize so the divisor's top bit is set; the quotient estimate is then off by
  // at most 2 and the correction loop below fixes it.
  const unsigned s = static_cast<unsigned>(__builtin_clzll(v[n - 1]));
  u64 vn[8], un[9];
  for (int i = n - 1; i > 0; --i) vn[i] = (v[i] << s) | (s ? v[i - 1] >> (64 - s) : 0);
  vn[0] = v[0] << s;
  un[m] = s ? u[m - 1] >> (64 - s) : 0;
  for (int i = m - 1; i > 0; --i) un[i] = (u[i] << s) | (s ? u[i - 1] >> (64 - s) : 0);
  un[0] = u[0] << s;

  const u64 vtop = vn[n - 1], vnext = vn[n - 2];
  for (int j = m - n; j >= 0; --j) {
    // D3: estimate qhat from the top two limbs of the remainder and the top divisor limb.
    // The remainder's top limb never exceeds vtop; when equal, qhat starts at 2^64 - 1.
    u64 qhat, rhat;
    bool rhat_overflow = false;
    if (un[j + n] >= vtop) {
      qhat = ~u64{0};
      const u128 r128 = ((static_cast<u128>(un[j + n]) << 64) | un[j + n - 1]) -
                     static_cast<u128>(qhat) * vtop;
      rhat = static_cast<u64>(r128);
      rhat_overflow = (r128 >> 64) != 0;
    } else {
      qhat = div_2by1(un[j + n], un[j + n - 1], vtop, rhat);
    }
    while (!rhat_overflow &&
           static_cast<u128>(qhat) * vnext > ((static_cast<u128>(rhat) << 64) | un[j + n - 2])) {
      --qhat;
      rhat += vtop;
      rhat_overflow = rhat < vtop;  // wrapped past 2^64: the test can no longer fail
    }
    // D4: un[j..j+n] -= qhat * vn.
    u64 mul_carry = 0, borrow = 0;
    for (int i = 0; i < n; ++i) {
      const u128 p = static_cast<u128>(qhat) * vn[i] + mul_carry;
      mul_carry = static_cast<u64>(p >> 64);
      const u128 d = static_cast<u128>(un[i + j]) - static_cast<u64>(p) - borrow;
      un[i + j] = static_cast<u64>(d);
      borrow = static_cast<u64>(d >> 127);
    }
    const u128 d = static_cast<u128>(un[j + n]) - mul_carry - borrow;
    un[j + n] = static_cast<u64>(d);
    q[j] = qhat;
    if (d >> 127 != 0) {
      // D6: the estimate was one too large (probability about 2/2^64): add back.
      --q[j];
      u64 carry = 0;
      for (int i = 0; i < n; ++i) {
        const u128 t = static_cast<u128>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<u64>(t);
        carry = static_cast<u64>(t >> 64);
      }
      un[j + n] += carry;
    }
  }
  // D8: unnormalize the remainder.
  for (int i = 0; i < n; ++i) r[i] = (un[i] >> s) | (s ? un[i + 1] << (64 - s) : 0);
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
  knuth_divrem(x, m_len, m.w.data(), n, q, r.w.data());
  return r;
}

}  // namespace

DivMod divmod(const Uint256& a, const Uint256& b) {
  if (a.fits_u64() && b.fits_u64()) return {Uint256{a.w[0] / b.w[0]}, Uint256{a.w[0] % b.w[0]}};
  if (a < b) return {Uint256{}, a};
  const int m = significant_limbs(a.w.data(), 4);
  const int n = significant_limbs(b.w.data(), 4);
  DivMod out;
  knuth_divrem(a.w.data(), m, b.w.data(), n, out.quot.w.data(), out.rem.w.data());
  return out;
}

Uint256 evm_sdiv(const Uint256& a, const Uint256& b) {
  if (b.is_zero()) return {};
  const bool na = is_negative(a), nb = is_negative(b);
  // |a| / |b| with the sign fixed afterwards; -2^255 negates to itself, which as an
  // unsigned magnitude is exactly 2^255, so the overflow case needs no special branch.
  const Uint256 q = divmod(na ? -a : a, nb ? -b : b).quot;
  return na != nb ? -q : q;
}

Uint256 evm_smod(const Uint256& a, const Uint256& b) {
  if (b.is_zero()) return {};
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

}  // namespace dusk::evm
