// Uint256: the EVM word, a 256-bit unsigned integer on four 64-bit limbs.
//
// Value type, no allocation, little-endian limb order (w[0] least significant). The
// cheap operations (add, sub, mul, comparisons, bitwise, shifts) are inline and
// constexpr; division and the modular operations live in uint256.cpp.
//
// Arithmetic wraps modulo 2^256 like the EVM's. Operations whose EVM result differs
// from plain arithmetic (division by zero gives 0) are provided as evm_* helpers whose
// comments state the rule; `divmod` itself requires a nonzero divisor.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk {

struct Uint256 {
  std::array<u64, 4> w{};  // w[0] is the least significant limb

  constexpr Uint256() = default;
  constexpr Uint256(u64 v) : w{v, 0, 0, 0} {}  // NOLINT: implicit like a built-in integer
  constexpr Uint256(u64 w0, u64 w1, u64 w2, u64 w3) : w{w0, w1, w2, w3} {}

  static constexpr Uint256 max() { return {~u64{0}, ~u64{0}, ~u64{0}, ~u64{0}}; }

  // 32 bytes, big-endian (the EVM's memory and stack byte order).
  static Uint256 from_be(const u8* bytes32) {
    return {load_be<u64>(bytes32 + 24), load_be<u64>(bytes32 + 16), load_be<u64>(bytes32 + 8),
            load_be<u64>(bytes32)};
  }
  // Up to 32 bytes, big-endian, right-aligned (as PUSHn and CALLDATALOAD read).
  static Uint256 from_be(const u8* bytes, size_t n);
  void to_be(u8* out32) const {
    store_be<u64>(out32, w[3]);
    store_be<u64>(out32 + 8, w[2]);
    store_be<u64>(out32 + 16, w[1]);
    store_be<u64>(out32 + 24, w[0]);
  }
  std::array<u8, 32> to_be() const {
    std::array<u8, 32> out;
    to_be(out.data());
    return out;
  }

  // Hex: optional 0x prefix, 1 to 64 digits, either case. to_hex gives 0x + minimal
  // lower-case digits ("0x0" for zero), the Ethereum JSON "quantity" form.
  static Result<Uint256> from_hex(std::string_view hex);
  std::string to_hex() const;

  constexpr explicit operator bool() const { return (w[0] | w[1] | w[2] | w[3]) != 0; }
  constexpr bool is_zero() const { return !static_cast<bool>(*this); }
  // True when the value fits in 64 bits.
  constexpr bool fits_u64() const { return (w[1] | w[2] | w[3]) == 0; }
  constexpr u64 low64() const { return w[0]; }

  // Limb by limb: the defaulted comparison of the array becomes a memcmp call.
  friend constexpr bool operator==(const Uint256& a, const Uint256& b) {
    return ((a.w[0] ^ b.w[0]) | (a.w[1] ^ b.w[1]) | (a.w[2] ^ b.w[2]) | (a.w[3] ^ b.w[3])) == 0;
  }
};

// ---- carry chains -----------------------------------------------------------------
//
// Add and subtract with carry over the four limbs. At run time on x86-64 with GCC or
// Clang they are add/adc and sub/sbb chains in inline assembly, limbs in and out in
// registers and the other operand read straight from memory. Neither u128 arithmetic
// nor _addcarry_u64 does that inside the interpreter's large function: GCC 12 keeps the
// intermediate limbs (the intrinsics' out-parameters) in stack slots, then copies them to
// the EVM stack slot through vector registers (measured: ADD's handler spent more on
// those copies than on the additions).

namespace detail {
#if defined(__x86_64__) && defined(__GNUC__)
inline Uint256 add_chain(const Uint256& a, const Uint256& b, bool& carry) {
  u64 r0 = a.w[0], r1 = a.w[1], r2 = a.w[2], r3 = a.w[3];
  asm("addq %[b0], %[r0]\n\t"
      "adcq %[b1], %[r1]\n\t"
      "adcq %[b2], %[r2]\n\t"
      "adcq %[b3], %[r3]"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), "=@ccc"(carry)
      : [b0] "rm"(b.w[0]), [b1] "rm"(b.w[1]), [b2] "rm"(b.w[2]), [b3] "rm"(b.w[3]));
  return {r0, r1, r2, r3};
}
inline Uint256 sub_chain(const Uint256& a, const Uint256& b, bool& borrow) {
  u64 r0 = a.w[0], r1 = a.w[1], r2 = a.w[2], r3 = a.w[3];
  asm("subq %[b0], %[r0]\n\t"
      "sbbq %[b1], %[r1]\n\t"
      "sbbq %[b2], %[r2]\n\t"
      "sbbq %[b3], %[r3]"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), "=@ccc"(borrow)
      : [b0] "rm"(b.w[0]), [b1] "rm"(b.w[1]), [b2] "rm"(b.w[2]), [b3] "rm"(b.w[3]));
  return {r0, r1, r2, r3};
}
// The borrow of a - b alone (a < b): one scratch register.
inline bool less_chain(const Uint256& a, const Uint256& b) {
  u64 t;
  bool borrow;
  asm("movq %[a0], %[t]\n\t"
      "subq %[b0], %[t]\n\t"
      "movq %[a1], %[t]\n\t"
      "sbbq %[b1], %[t]\n\t"
      "movq %[a2], %[t]\n\t"
      "sbbq %[b2], %[t]\n\t"
      "movq %[a3], %[t]\n\t"
      "sbbq %[b3], %[t]"
      : [t] "=&r"(t), "=@ccc"(borrow)
      : [a0] "rm"(a.w[0]), [a1] "rm"(a.w[1]), [a2] "rm"(a.w[2]), [a3] "rm"(a.w[3]),
        [b0] "rm"(b.w[0]), [b1] "rm"(b.w[1]), [b2] "rm"(b.w[2]), [b3] "rm"(b.w[3]));
  return borrow;
}
#define DUSK_EVM_ASM_CHAINS 1
#else
#define DUSK_EVM_ASM_CHAINS 0
#endif
}  // namespace detail

// ---- comparisons ---------------------------------------------------------------

constexpr bool operator<(const Uint256& a, const Uint256& b) {
  // Subtract with borrow: the final borrow is a < b, without data-dependent branches.
  // The limb loops here are unrolled so that results stay in registers: a rolled loop
  // writes a temporary limb by limb and the copy to the stack slot then reads it back
  // 16 bytes at a time, which stalls on store forwarding (measured: the largest cost
  // of ADD in the interpreter before this).
#if DUSK_EVM_ASM_CHAINS
  if (!std::is_constant_evaluated()) return detail::less_chain(a, b);
#endif
  u64 borrow = 0;
#pragma GCC unroll 4
  for (int i = 0; i < 4; ++i) {
    u128 d = static_cast<u128>(a.w[i]) - b.w[i] - borrow;
    borrow = static_cast<u64>(d >> 127);
  }
  return borrow != 0;
}
constexpr bool operator>(const Uint256& a, const Uint256& b) { return b < a; }
constexpr bool operator<=(const Uint256& a, const Uint256& b) { return !(b < a); }
constexpr bool operator>=(const Uint256& a, const Uint256& b) { return !(a < b); }

constexpr bool is_negative(const Uint256& a) { return (a.w[3] >> 63) != 0; }
// Two's-complement signed comparisons (SLT, SGT).
constexpr bool slt(const Uint256& a, const Uint256& b) {
  bool na = is_negative(a), nb = is_negative(b);
  return na != nb ? na : a < b;
}
constexpr bool sgt(const Uint256& a, const Uint256& b) { return slt(b, a); }

// ---- add, sub, mul -----------------------------------------------------------------

// a + b with the carry out of bit 255.
struct AddResult {
  Uint256 value;
  bool carry;
};
constexpr AddResult add_with_carry(const Uint256& a, const Uint256& b) {
#if DUSK_EVM_ASM_CHAINS
  if (!std::is_constant_evaluated()) {
    bool carry;
    const Uint256 r = detail::add_chain(a, b, carry);
    return {r, carry};
  }
#endif
  Uint256 r;
  u64 carry = 0;
#pragma GCC unroll 4
  for (int i = 0; i < 4; ++i) {
    u128 s = static_cast<u128>(a.w[i]) + b.w[i] + carry;
    r.w[i] = static_cast<u64>(s);
    carry = static_cast<u64>(s >> 64);
  }
  return {r, carry != 0};
}
constexpr Uint256 operator+(const Uint256& a, const Uint256& b) { return add_with_carry(a, b).value; }

// a - b with the borrow out (true when a < b).
constexpr AddResult sub_with_borrow(const Uint256& a, const Uint256& b) {
#if DUSK_EVM_ASM_CHAINS
  if (!std::is_constant_evaluated()) {
    bool borrow;
    const Uint256 r = detail::sub_chain(a, b, borrow);
    return {r, borrow};
  }
#endif
  Uint256 r;
  u64 borrow = 0;
#pragma GCC unroll 4
  for (int i = 0; i < 4; ++i) {
    u128 d = static_cast<u128>(a.w[i]) - b.w[i] - borrow;
    r.w[i] = static_cast<u64>(d);
    borrow = static_cast<u64>(d >> 127);
  }
  return {r, borrow != 0};
}
constexpr Uint256 operator-(const Uint256& a, const Uint256& b) { return sub_with_borrow(a, b).value; }
constexpr Uint256 operator-(const Uint256& a) { return Uint256{} - a; }

// Low 256 bits of a * b: only the 10 partial products that land below bit 256.
// Schoolbook, the 10 products below 2^256, row by row, on named limbs: with a limb
// array GCC keeps the partial sums in the native stack frame inside the interpreter.
constexpr Uint256 operator*(const Uint256& a, const Uint256& b) {
  const u64 a0 = a.w[0], a1 = a.w[1], a2 = a.w[2], a3 = a.w[3];
  const u64 b0 = b.w[0], b1 = b.w[1], b2 = b.w[2], b3 = b.w[3];
  u128 t = static_cast<u128>(a0) * b0;
  const u64 r0 = static_cast<u64>(t);
  t = static_cast<u128>(a0) * b1 + static_cast<u64>(t >> 64);
  u64 r1 = static_cast<u64>(t);
  t = static_cast<u128>(a0) * b2 + static_cast<u64>(t >> 64);
  u64 r2 = static_cast<u64>(t);
  u64 r3 = a0 * b3 + static_cast<u64>(t >> 64);
  t = static_cast<u128>(a1) * b0 + r1;
  r1 = static_cast<u64>(t);
  t = static_cast<u128>(a1) * b1 + r2 + static_cast<u64>(t >> 64);
  r2 = static_cast<u64>(t);
  r3 += a1 * b2 + static_cast<u64>(t >> 64);
  t = static_cast<u128>(a2) * b0 + r2;
  r2 = static_cast<u64>(t);
  r3 += a2 * b1 + static_cast<u64>(t >> 64) + a3 * b0;
  return {r0, r1, r2, r3};
}

// The full 512-bit product, eight limbs little-endian (for MULMOD).
constexpr std::array<u64, 8> mul_full(const Uint256& a, const Uint256& b) {
  std::array<u64, 8> r{};
#pragma GCC unroll 4
  for (int i = 0; i < 4; ++i) {
    u64 carry = 0;
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
      u128 t = static_cast<u128>(a.w[i]) * b.w[j] + r[i + j] + carry;
      r[i + j] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    r[i + 4] = carry;
  }
  return r;
}

// ---- bitwise ---------------------------------------------------------------------

constexpr Uint256 operator&(const Uint256& a, const Uint256& b) {
  return {a.w[0] & b.w[0], a.w[1] & b.w[1], a.w[2] & b.w[2], a.w[3] & b.w[3]};
}
constexpr Uint256 operator|(const Uint256& a, const Uint256& b) {
  return {a.w[0] | b.w[0], a.w[1] | b.w[1], a.w[2] | b.w[2], a.w[3] | b.w[3]};
}
constexpr Uint256 operator^(const Uint256& a, const Uint256& b) {
  return {a.w[0] ^ b.w[0], a.w[1] ^ b.w[1], a.w[2] ^ b.w[2], a.w[3] ^ b.w[3]};
}
constexpr Uint256 operator~(const Uint256& a) { return {~a.w[0], ~a.w[1], ~a.w[2], ~a.w[3]}; }

// Number of leading zero bits, 256 for zero.
constexpr unsigned clz(const Uint256& a) {
  for (int i = 3; i >= 0; --i)
    if (a.w[i] != 0) return static_cast<unsigned>((3 - i) * 64 + __builtin_clzll(a.w[i]));
  return 256;
}
// Number of significant bits (256 - clz).
constexpr unsigned bit_width(const Uint256& a) { return 256 - clz(a); }

// Shifts by any amount; shifting by 256 or more gives 0 (EVM SHL/SHR semantics).
//
// Written as five limbs (a zero on the side the bits come in from) read at a limb
// offset, with the within-limb shift done by a double shift whose second half is
// masked out when the bit count is 0 (a shift by 64 is undefined): unrolled, no
// data-dependent loop, so the result stays in registers.
constexpr Uint256 shl(const Uint256& a, u64 n) {
  if (n >= 256) return {};
  const unsigned limbs = static_cast<unsigned>(n / 64), bits = static_cast<unsigned>(n % 64);
  const u64 keep = bits == 0 ? 0 : ~u64{0};  // mask for the bits carried from below
  const u64 src[5] = {0, a.w[0], a.w[1], a.w[2], a.w[3]};  // src[k + 1] = a.w[k]
  Uint256 r;
#pragma GCC unroll 4
  for (unsigned i = 0; i < 4; ++i) {
    // r.w[i] = a.w[i - limbs] << bits | a.w[i - limbs - 1] >> (64 - bits).
    const int hi = static_cast<int>(i) - static_cast<int>(limbs) + 1;  // index into src
    const u64 h = hi >= 1 ? src[hi] : 0;
    const u64 l = hi >= 1 ? src[hi - 1] : 0;
    r.w[i] = (h << bits) | ((l >> ((64 - bits) & 63)) & keep);
  }
  return r;
}
constexpr Uint256 shr(const Uint256& a, u64 n) {
  if (n >= 256) return {};
  const unsigned limbs = static_cast<unsigned>(n / 64), bits = static_cast<unsigned>(n % 64);
  const u64 keep = bits == 0 ? 0 : ~u64{0};  // mask for the bits carried from above
  const u64 src[5] = {a.w[0], a.w[1], a.w[2], a.w[3], 0};
  Uint256 r;
#pragma GCC unroll 4
  for (unsigned i = 0; i < 4; ++i) {
    // r.w[i] = a.w[i + limbs] >> bits | a.w[i + limbs + 1] << (64 - bits).
    const unsigned lo = i + limbs;
    const u64 l = lo < 4 ? src[lo] : 0;
    const u64 h = lo < 4 ? src[lo + 1] : 0;
    r.w[i] = (l >> bits) | ((h << ((64 - bits) & 63)) & keep);
  }
  return r;
}
constexpr Uint256 operator<<(const Uint256& a, u64 n) { return shl(a, n); }
constexpr Uint256 operator>>(const Uint256& a, u64 n) { return shr(a, n); }

// A shift amount given as a word: anything >= 256 saturates.
constexpr u64 shift_amount(const Uint256& n) { return n.fits_u64() ? n.w[0] : 256; }

// ---- the EVM's operations (yellow paper, appendix H), named after the opcodes ----------

// Quotient and remainder. Precondition: d != 0.
struct DivMod {
  Uint256 quot;
  Uint256 rem;
};
DivMod divmod(const Uint256& n, const Uint256& d);

// DIV and MOD: x / 0 = 0 and x % 0 = 0.
inline Uint256 evm_div(const Uint256& a, const Uint256& b) { return b.is_zero() ? Uint256{} : divmod(a, b).quot; }
inline Uint256 evm_mod(const Uint256& a, const Uint256& b) { return b.is_zero() ? Uint256{} : divmod(a, b).rem; }
// SDIV: truncated signed division; x / 0 = 0, and -2^255 / -1 = -2^255 (wraps).
Uint256 evm_sdiv(const Uint256& a, const Uint256& b);
// SMOD: the result takes the sign of the dividend; x % 0 = 0.
Uint256 evm_smod(const Uint256& a, const Uint256& b);
// ADDMOD and MULMOD: exact (a + b) % m and (a * b) % m with no 256-bit wrap; m = 0 gives 0.
Uint256 evm_addmod(const Uint256& a, const Uint256& b, const Uint256& m);
Uint256 evm_mulmod(const Uint256& a, const Uint256& b, const Uint256& m);
// EXP: base^exponent mod 2^256 (square and multiply; 0^0 = 1).
Uint256 exp(Uint256 base, const Uint256& exponent);

// SIGNEXTEND(b, x): extends the sign bit of byte b (0 = least significant) of x through
// the upper bytes; x unchanged when b >= 31.
constexpr Uint256 signextend(const Uint256& b, const Uint256& x) {
  if (!b.fits_u64() || b.w[0] >= 31) return x;
  // The limb holding the sign byte is sign-extended by a left shift and an arithmetic
  // right shift; limbs above it become its sign, limbs below stay. Selects, no loop.
  const unsigned e = static_cast<unsigned>(b.w[0]);
  const unsigned limb = e / 8, shift = 56 - 8 * (e % 8);
  const i64 extended = static_cast<i64>(x.w[limb] << shift) >> shift;
  const u64 fill = static_cast<u64>(extended >> 63);
  Uint256 r;
#pragma GCC unroll 4
  for (unsigned i = 0; i < 4; ++i) {
    r.w[i] = i < limb ? x.w[i] : i == limb ? static_cast<u64>(extended) : fill;
  }
  return r;
}

// BYTE(i, x): the i-th byte of x counting from the most significant (i = 0); 0 when
// i >= 32.
constexpr Uint256 byte(const Uint256& i, const Uint256& x) {
  if (!i.fits_u64() || i.w[0] >= 32) return {};
  const unsigned k = 31 - static_cast<unsigned>(i.w[0]);  // byte index from the least significant
  return Uint256{(x.w[k / 8] >> (8 * (k % 8))) & 0xff};
}

// SAR: arithmetic shift right; shifting by 256 or more gives 0 or all ones by sign.
constexpr Uint256 sar(const Uint256& a, u64 n) {
  if (!is_negative(a)) return shr(a, n);
  if (n >= 256) return Uint256::max();
  return ~shr(~a, n);
}

}  // namespace dusk
