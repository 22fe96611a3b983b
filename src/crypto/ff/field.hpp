// A prime field in Montgomery form on N 64-bit limbs: ff::Field<Params>.
//
// Params is a struct with `static constexpr Limbs<N> kModulus` (see field_constants.hpp
// for the requirements); everything else is derived at compile time. A field is declared
// once, e.g.
//
//   struct FpParams { static constexpr auto kModulus = ff::from_hex<6>("1a01...aaab"); };
//   using Fp = ff::Field<FpParams>;
//   extern template class ff::Field<FpParams>;   // in the header; the .cpp instantiates
//
// Representation: an element holds a*R mod p with R = 2^(64N), always fully reduced
// (< p), so equality is limb equality and encodings are unique.
//
// Constant time: everything except the members named *_vartime runs in time independent
// of the element values (no branches or memory accesses on them): +, -, *, negation,
// square, inverse(), sqrt() (the fixed-length Tonelli-Shanks below), legendre(),
// encodings, comparisons and select(). The exponent of pow() is treated as public. What
// a function returns about its input (an encoding error, an absent square root) is of
// course visible to the caller.
//
// Thread safety: elements are plain values; no shared state.
#pragma once

#include <array>
#include <optional>
#include <span>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "crypto/encoding_error.hpp"
#include "crypto/ff/field_constants.hpp"
#include "crypto/ff/detail/limbs.hpp"
#include "crypto/ff/detail/montgomery.hpp"

namespace dusk::crypto::ff {

// Error codes of field decoding (Error::code).

template <typename Params>
class Field {
 public:
  using Constants = FieldConstants<Params>;
  using Modulus = ff::Modulus<Params>;
  static constexpr size_t kLimbs = Constants::kN;
  static constexpr size_t kBits = Constants::kBits;
  static constexpr size_t kBytes = Constants::kBytes;
  using Repr = Limbs<kLimbs>;
  using Wide = Limbs<2 * kLimbs>;

  constexpr Field() = default;  // zero

  static constexpr Field zero() { return Field(); }
  static constexpr Field one() { return from_mont(Constants::kR); }
  static constexpr Field from_u64(u64 x) {
    Repr r{};
    r[0] = x;
    mont::mul<Modulus>(r, r, Constants::kR2);
    return from_mont(r);
  }
  // The element with canonical value x (little-endian limbs), if x < p.
  static constexpr std::optional<Field> from_canonical(const Repr& x) {
    if (!less_than(x, Constants::kP)) return std::nullopt;
    Repr r{};
    mont::mul<Modulus>(r, x, Constants::kR2);
    return from_mont(r);
  }
  // The canonical value in [0, p), little-endian limbs.
  constexpr Repr to_canonical() const {
    Wide w{};
    DUSK_FF_UNROLL
    for (size_t i = 0; i < kLimbs; ++i) w[i] = v_[i];
    Repr r{};
    mont::reduce<Modulus>(r, w);
    return r;
  }

  // Encodings: exactly kBytes bytes, big- or little-endian; values >= p are rejected
  // (EncodingError::kNotCanonical), other lengths too (EncodingError::kBadLength).
  static EncodingResult<Field> from_bytes_be(ByteView bytes);
  static EncodingResult<Field> from_bytes_le(ByteView bytes);
  std::array<u8, kBytes> to_bytes_be() const;
  std::array<u8, kBytes> to_bytes_le() const;

  // The 64 bytes read as a big-endian 512-bit integer, reduced mod p (the OS2IP-then-mod
  // step of RFC 9380 hash_to_field with L = 64; the bias is below 2^-128 for p < 2^384).
  // Also the way to draw a uniformly random element from a caller-supplied seed.
  static Field from_uniform_bytes(std::span<const u8, 64> bytes);
  static Field random(std::span<const u8, 64> seed) { return from_uniform_bytes(seed); }
  // The same for 64 bytes read as a little-endian integer (a BLAKE2b-512 digest, as
  // Dusk's hash_to_scalar reads it).
  static Field from_uniform_bytes_le(std::span<const u8, 64> bytes) {
    std::array<u8, 64> be;
    for (size_t i = 0; i < be.size(); ++i) be[i] = bytes[be.size() - 1 - i];
    return from_uniform_bytes(be);
  }

  friend constexpr Field operator+(const Field& a, const Field& b) {
    Field r;
    mont::add<Modulus>(r.v_, a.v_, b.v_);
    return r;
  }
  friend constexpr Field operator-(const Field& a, const Field& b) {
    Field r;
    mont::sub<Modulus>(r.v_, a.v_, b.v_);
    return r;
  }
  friend constexpr Field operator*(const Field& a, const Field& b) {
    Field r;
    mont::mul<Modulus>(r.v_, a.v_, b.v_);
    return r;
  }
  constexpr Field operator-() const {
    Field r;
    mont::neg<Modulus>(r.v_, v_);
    return r;
  }
  constexpr Field& operator+=(const Field& b) { return *this = *this + b; }
  constexpr Field& operator-=(const Field& b) { return *this = *this - b; }
  constexpr Field& operator*=(const Field& b) { return *this = *this * b; }

  constexpr Field dbl() const { return *this + *this; }
  // this / 2: add p when odd (Montgomery form is linear, so this works on the
  // representation), then shift right. Constant time.
  constexpr Field halve() const {
    u64 odd = mask_from_bit(v_[0] & 1);
    Repr pm{};
    DUSK_FF_UNROLL
    for (size_t i = 0; i < kLimbs; ++i) pm[i] = Constants::kP[i] & odd;
    Repr s{};
    u64 carry = ff::add(s, v_, pm);
    Field r;
    DUSK_FF_UNROLL
    for (size_t i = 0; i < kLimbs; ++i)
      r.v_[i] = (s[i] >> 1) | ((i + 1 < kLimbs ? s[i + 1] : carry) << 63);
    return r;
  }
  // this * k for a small constant k, by additions (k is public).
  constexpr Field mul_small(u64 k) const {
    Field acc, base = *this;
    for (; k != 0; k >>= 1, base = base.dbl()) {
      if (k & 1) acc += base;
    }
    return acc;
  }
  constexpr Field square() const {
    Field r;
    mont::sqr<Modulus>(r.v_, v_);
    return r;
  }
  // this^(2^k).
  constexpr Field square_n(unsigned k) const {
    Field r = *this;
    for (unsigned i = 0; i < k; ++i) r = r.square();
    return r;
  }

  // 1/this, and 0 for 0. Constant time (safegcd with a fixed number of divsteps).
  Field inverse() const;
  // 1/this, and 0 for 0, in variable time: for public values only.
  Field inverse_vartime() const;

  // this^e for an exponent given as little-endian limbs. Time depends on e (public), not
  // on this. Fixed 4-bit windows.
  Field pow(std::span<const u64> e) const;
  template <size_t K>
  Field pow(const Limbs<K>& e) const {
    return pow(std::span<const u64>(e));
  }
  Field pow(u64 e) const { return pow(Limbs<1>{e}); }

  // A square root r (r^2 = this), or nullopt for a non-residue. Which of the two roots is
  // returned is unspecified; callers that need a canonical root pick by is_odd() or
  // lexicographic order themselves. Constant time: a^((T+1)/2) followed by S - 1 fixed
  // Tonelli-Shanks steps with selects (cost grows as S^2; for p = 3 mod 4, S = 1 and
  // this is one exponentiation).
  std::optional<Field> sqrt() const;
  // The same root in variable time (textbook Tonelli-Shanks): public values only.
  std::optional<Field> sqrt_vartime() const;

  // Legendre symbol: 1 for a non-zero square, -1 for a non-square, 0 for 0. Constant time.
  int legendre() const;

  constexpr bool is_zero() const { return ct_is_zero(v_); }
  constexpr bool is_one() const { return *this == one(); }
  // Parity of the canonical value: sgn0 of RFC 9380 for prime fields.
  constexpr bool is_odd() const { return to_canonical()[0] & 1; }
  friend constexpr bool operator==(const Field& a, const Field& b) {
    u64 acc = 0;
    DUSK_FF_UNROLL
    for (size_t i = 0; i < kLimbs; ++i) acc |= a.v_[i] ^ b.v_[i];
    return acc == 0;
  }

  // b when choose_b, else a, without a branch.
  static constexpr Field select(bool choose_b, const Field& a, const Field& b) {
    return from_mont(ff::select(mask_from_bit(static_cast<u64>(choose_b)), b.v_, a.v_));
  }
  constexpr Field conditional_negate(bool negate) const { return select(negate, *this, -*this); }

  // --- Montgomery-level interface, for extension-field towers. ---
  //
  // Lazy reduction (Aranha et al., "Faster explicit formulas for computing pairings over
  // ordinary curves", 2011): sums of products are accumulated as 2N-limb integers and
  // reduced once. Wide values hold a*b*R^2-style integers below p*R.
  constexpr const Repr& mont() const { return v_; }
  static constexpr Field from_mont(const Repr& r) {
    Field f;
    f.v_ = r;
    return f;
  }
  // a + b without reduction: < 2p, which fits in N limbs (2p < R).
  static constexpr Repr add_unreduced(const Field& a, const Field& b) {
    Repr r{};
    ff::add(r, a.v_, b.v_);
    return r;
  }
  // Plain 2N-limb product of two Montgomery representations (each < 2p allowed).
  static constexpr Wide mul_wide(const Repr& a, const Repr& b) {
    Wide w{};
    mont::mul_wide<kLimbs>(w, a, b);
    return w;
  }
  // a - b for wide values below p*R, plus p*R when that goes negative: the result is
  // congruent to a - b mod p and stays below p*R.
  static constexpr Wide sub_wide(const Wide& a, const Wide& b) {
    Wide r;
    mont::sub_wide<Modulus>(r, a, b);
    return r;
  }
  // a + b mod p*R for wide values below p*R: the sum less p*R when it reaches p*R, so
  // the result stays below p*R (p*R < 2^(128N - 1) since 2p < R).
  static constexpr Wide add_wide(const Wide& a, const Wide& b) {
    Wide r;
    mont::add_wide<Modulus>(r, a, b);
    return r;
  }
  // a - b for wide values when the caller knows a >= b (no correction).
  static constexpr Wide sub_wide_nonneg(const Wide& a, const Wide& b) {
    Wide r{};
    ff::sub(r, a, b);
    return r;
  }
  // Montgomery reduction of a wide value below p*R.
  static constexpr Field reduce(const Wide& w) {
    Field f;
    mont::reduce<Modulus>(f.v_, w);
    return f;
  }

 private:
  static constexpr bool ct_is_zero(const Repr& r) {
    u64 acc = 0;
    DUSK_FF_UNROLL
    for (u64 x : r) acc |= x;
    return acc == 0;
  }

  Repr v_{};
};

}  // namespace dusk::crypto::ff
