// Fixed-size unsigned integers as arrays of 64-bit limbs, least significant first.
//
// The building blocks under the prime fields of src/crypto/ff: carry-propagating add and
// subtract, comparison, shifts, hex parsing. Everything is constexpr so that field
// constants can be derived from the modulus at compile time, and branch-free in the
// values (loops run over the limb count only), so these helpers are safe on secrets.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include "base/int.hpp"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

// Loops over the limb count are unrolled completely (-O2 alone keeps them as loops, with
// the limbs in memory).
#define DUSK_FF_UNROLL _Pragma("GCC unroll 16")

namespace dusk::crypto::ff {

template <size_t N>
using Limbs = std::array<u64, N>;

// Single-limb primitives. Carries and borrows are 0 or 1. On x86-64 the intrinsics give
// GCC clean adc/sbb chains, which it does not find through __int128.
constexpr u64 add_carry(u64 a, u64 b, u64& carry) {
#if defined(__x86_64__)
  if (!std::is_constant_evaluated()) {
    unsigned long long r;
    carry = _addcarry_u64(static_cast<unsigned char>(carry), a, b, &r);
    return r;
  }
#endif
  u128 t = static_cast<u128>(a) + b + carry;
  carry = static_cast<u64>(t >> 64);
  return static_cast<u64>(t);
}
constexpr u64 sub_borrow(u64 a, u64 b, u64& borrow) {
#if defined(__x86_64__)
  if (!std::is_constant_evaluated()) {
    unsigned long long r;
    borrow = _subborrow_u64(static_cast<unsigned char>(borrow), a, b, &r);
    return r;
  }
#endif
  u128 t = static_cast<u128>(a) - b - borrow;
  borrow = static_cast<u64>(t >> 64) & 1;
  return static_cast<u64>(t);
}
// a * b + c + carry, which always fits in 128 bits; the high half goes to carry.
constexpr u64 mul_add(u64 a, u64 b, u64 c, u64& carry) {
#if defined(__x86_64__)
  if (!std::is_constant_evaluated()) {
    // The two additions as adc chains into the high word: GCC otherwise keeps the
    // 128-bit sums in memory.
    u128 p = static_cast<u128>(a) * b;
    unsigned long long lo, hi = static_cast<u64>(p >> 64);
    unsigned char k = _addcarry_u64(0, static_cast<u64>(p), c, &lo);
    _addcarry_u64(k, hi, 0, &hi);
    k = _addcarry_u64(0, lo, carry, &lo);
    _addcarry_u64(k, hi, 0, &hi);
    carry = hi;
    return lo;
  }
#endif
  u128 t = static_cast<u128>(a) * b + c + carry;
  carry = static_cast<u64>(t >> 64);
  return static_cast<u64>(t);
}

// All-ones when bit is 1, zero when 0 (bit must be 0 or 1).
constexpr u64 mask_from_bit(u64 bit) { return u64{0} - bit; }

// out = a + b; returns the carry out.
template <size_t N>
constexpr u64 add(Limbs<N>& out, const Limbs<N>& a, const Limbs<N>& b) {
  u64 c = 0;
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) out[i] = add_carry(a[i], b[i], c);
  return c;
}
// out = a - b; returns the borrow out.
template <size_t N>
constexpr u64 sub(Limbs<N>& out, const Limbs<N>& a, const Limbs<N>& b) {
  u64 c = 0;
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) out[i] = sub_borrow(a[i], b[i], c);
  return c;
}

// Branch-free select: mask must be all-ones (pick a) or zero (pick b).
template <size_t N>
constexpr Limbs<N> select(u64 mask, const Limbs<N>& a, const Limbs<N>& b) {
  Limbs<N> r{};
  DUSK_FF_UNROLL
  for (size_t i = 0; i < N; ++i) r[i] = (a[i] & mask) | (b[i] & ~mask);
  return r;
}

// 1 if a < b, else 0; constant time.
template <size_t N>
constexpr u64 less_than(const Limbs<N>& a, const Limbs<N>& b) {
  Limbs<N> t{};
  return sub(t, a, b);
}

template <size_t N>
constexpr bool is_zero(const Limbs<N>& a) {
  u64 acc = 0;
  DUSK_FF_UNROLL
  for (u64 x : a) acc |= x;
  return acc == 0;
}

template <size_t N>
constexpr bool bit(const Limbs<N>& a, size_t i) {
  return (a[i / 64] >> (i % 64)) & 1;
}

// Number of significant bits (0 for zero). Variable time; for constants.
template <size_t N>
constexpr size_t bit_length(const Limbs<N>& a) {
  for (size_t i = N; i-- > 0;) {
    if (a[i] != 0) return 64 * i + (64 - static_cast<size_t>(__builtin_clzll(a[i])));
  }
  return 0;
}

// a >> s for 0 < s < 64 (s is a public constant).
template <size_t N>
constexpr Limbs<N> shift_right(const Limbs<N>& a, unsigned s) {
  Limbs<N> r{};
  for (size_t i = 0; i < N; ++i) {
    r[i] = a[i] >> s;
    if (i + 1 < N) r[i] |= a[i + 1] << (64 - s);
  }
  return r;
}

// a / d for a small divisor d > 0, rounding down (for deriving constants).
template <size_t N>
constexpr Limbs<N> div_small(const Limbs<N>& a, u64 d) {
  Limbs<N> q{};
  u128 rem = 0;
  for (size_t i = N; i-- > 0;) {
    u128 cur = (rem << 64) | a[i];
    q[i] = static_cast<u64>(cur / d);
    rem = cur % d;
  }
  return q;
}

// Parses a hexadecimal constant (optional 0x prefix, digits only) at compile time. A value
// that does not fit in N limbs or a bad digit is a compile error when used in a constant
// expression (the throw cannot be evaluated).
template <size_t N>
constexpr Limbs<N> from_hex(std::string_view s) {
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s.remove_prefix(2);
  Limbs<N> r{};
  size_t nibble = 0;
  for (size_t i = s.size(); i-- > 0; ++nibble) {
    char ch = s[i];
    u64 d = ch >= '0' && ch <= '9'   ? static_cast<u64>(ch - '0')
            : ch >= 'a' && ch <= 'f' ? static_cast<u64>(ch - 'a' + 10)
            : ch >= 'A' && ch <= 'F' ? static_cast<u64>(ch - 'A' + 10)
                                     : throw "from_hex: not a hex digit";
    if (nibble >= 16 * N) {
      if (d != 0) throw "from_hex: value does not fit";
      continue;
    }
    r[nibble / 16] |= d << (4 * (nibble % 16));
  }
  return r;
}

}  // namespace dusk::crypto::ff
