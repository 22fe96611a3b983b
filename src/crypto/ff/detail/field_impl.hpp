// Out-of-line members of ff::Field: encodings, exponentiation, inversion, square roots.
//
// Included only by the .cpp that explicitly instantiates a field (`template class
// ff::Field<Params>;`), so the heavy code is compiled once per field.
#pragma once

#include "crypto/ff/field.hpp"
#include "crypto/ff/detail/safegcd.hpp"

namespace dusk::crypto::ff {

namespace detail {

// Big- or little-endian bytes to limbs; bytes.size() == 8 * K is not required (the top
// limb is partial when kBytes is not a multiple of 8).
template <size_t K>
Limbs<K> limbs_from_be(ByteView bytes) {
  Limbs<K> r{};
  size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    size_t pos = n - 1 - i;  // byte i counted from the least significant end
    r[i / 8] |= static_cast<u64>(bytes[pos]) << (8 * (i % 8));
  }
  return r;
}

template <size_t K>
Limbs<K> limbs_from_le(ByteView bytes) {
  Limbs<K> r{};
  for (size_t i = 0; i < bytes.size(); ++i) r[i / 8] |= static_cast<u64>(bytes[i]) << (8 * (i % 8));
  return r;
}

}  // namespace detail

template <typename Params>
EncodingResult<Field<Params>> Field<Params>::from_bytes_be(ByteView bytes) {
  if (bytes.size() != kBytes) return EncodingFailure(EncodingError::kBadLength, "field element: wrong length");
  auto f = from_canonical(detail::limbs_from_be<kLimbs>(bytes));
  if (!f) return EncodingFailure(EncodingError::kNotCanonical, "field element: not canonical (>= modulus)");
  return *f;
}

template <typename Params>
EncodingResult<Field<Params>> Field<Params>::from_bytes_le(ByteView bytes) {
  if (bytes.size() != kBytes) return EncodingFailure(EncodingError::kBadLength, "field element: wrong length");
  auto f = from_canonical(detail::limbs_from_le<kLimbs>(bytes));
  if (!f) return EncodingFailure(EncodingError::kNotCanonical, "field element: not canonical (>= modulus)");
  return *f;
}

template <typename Params>
std::array<u8, Field<Params>::kBytes> Field<Params>::to_bytes_le() const {
  Repr c = to_canonical();
  std::array<u8, kBytes> out{};
  for (size_t i = 0; i < kBytes; ++i) out[i] = static_cast<u8>(c[i / 8] >> (8 * (i % 8)));
  return out;
}

template <typename Params>
std::array<u8, Field<Params>::kBytes> Field<Params>::to_bytes_be() const {
  auto le = to_bytes_le();
  std::array<u8, kBytes> out{};
  for (size_t i = 0; i < kBytes; ++i) out[i] = le[kBytes - 1 - i];
  return out;
}

template <typename Params>
Field<Params> Field<Params>::from_uniform_bytes(std::span<const u8, 64> bytes) {
  static_assert(kLimbs >= 4, "a 512-bit input must split into two N-limb halves");
  Limbs<8> w = detail::limbs_from_be<8>(bytes);
  Repr lo{}, hi{};
  for (size_t i = 0; i < kLimbs; ++i) lo[i] = w[i];
  for (size_t i = kLimbs; i < 8; ++i) hi[i - kLimbs] = w[i];
  // x = hi * R + lo, so x*R = mont(hi, R^3) + mont(lo, R^2) with mont(a, b) = a*b/R.
  Repr a{}, b{};
  mont::mul_unreduced_left<Modulus>(a, hi, Constants::kR3);
  mont::mul_unreduced_left<Modulus>(b, lo, Constants::kR2);
  return from_mont(a) + from_mont(b);
}

template <typename Params>
Field<Params> Field<Params>::pow(std::span<const u64> e) const {
  // Left-to-right sliding windows of up to 5 bits over odd powers a, a^3, ..., a^31:
  // about bits squarings plus bits/6 products. Which products happen depends on the
  // bits of e only (public), never on the value of this.
  constexpr int kWindow = 5;
  auto bit_at = [&](int i) { return (e[static_cast<size_t>(i) / 64] >> (i % 64)) & 1; };
  int top = -1;
  for (size_t w = e.size(); w-- > 0;) {
    if (e[w] != 0) {
      top = static_cast<int>(64 * w + 63) - __builtin_clzll(e[w]);
      break;
    }
  }
  if (top < 0) return one();
  std::array<Field, 1 << (kWindow - 1)> odd;  // odd[k] = this^(2k + 1)
  odd[0] = *this;
  Field sq = square();
  for (size_t k = 1; k < odd.size(); ++k) odd[k] = odd[k - 1] * sq;
  Field acc;
  bool started = false;
  for (int i = top; i >= 0;) {
    if (!bit_at(i)) {
      acc = acc.square();  // started is true: the top bit is 1
      --i;
      continue;
    }
    int low = i - kWindow + 1 < 0 ? 0 : i - kWindow + 1;
    while (!bit_at(low)) ++low;
    unsigned value = 0;
    for (int j = i; j >= low; --j) value = (value << 1) | static_cast<unsigned>(bit_at(j));
    if (started) {
      acc = acc.square_n(static_cast<unsigned>(i - low + 1)) * odd[value >> 1];
    } else {
      acc = odd[value >> 1];
      started = true;
    }
    i = low - 1;
  }
  return acc;
}

template <typename Params>
Field<Params> Field<Params>::inverse() const {
  // safegcd returns e0/x; with x = a*R and e0 = R^2 that is R/a, the Montgomery form
  // of 1/a.
  return from_mont(safegcd::inverse_ct<Constants>(v_, Constants::kR2));
}

template <typename Params>
Field<Params> Field<Params>::inverse_vartime() const {
  return from_mont(safegcd::inverse_vartime<Constants>(v_, Constants::kR2));
}

template <typename Params>
std::optional<Field<Params>> Field<Params>::sqrt() const {
  // x = a^((T+1)/2), b = a^T, so x^2 = a*b. For a square, b has order dividing 2^(S-1);
  // step i (S-1 down to 1) holds: b has order | 2^i, z has order exactly 2^(i+1),
  // x^2 = a*b. If b^(2^(i-1)) = -1, multiplying b by z^2 and x by z restores order | 2^(i-1).
  // After the last step b = 1 and x^2 = a. Every step runs in full, with selects.
  Field w = pow(Constants::kTMinus1Over2);
  Field x = *this * w;
  Field b = x * w;
  Field z = from_mont(Constants::kRootOfUnity);
  for (unsigned i = Constants::kTwoAdicity - 1; i >= 1; --i) {
    bool flip = !b.square_n(i - 1).is_one();
    Field z2 = z.square();
    x = select(flip, x, x * z);
    b = select(flip, b, b * z2);
    z = z2;
  }
  if (!(x.square() == *this)) return std::nullopt;
  return x;
}

template <typename Params>
std::optional<Field<Params>> Field<Params>::sqrt_vartime() const {
  if (is_zero()) return zero();
  Field w = pow(Constants::kTMinus1Over2);
  Field x = *this * w;
  Field b = x * w;
  Field z = from_mont(Constants::kRootOfUnity);
  unsigned m = Constants::kTwoAdicity;
  while (!b.is_one()) {
    // Least i with b^(2^i) = 1; reaching m means a is not a square.
    unsigned i = 0;
    Field t = b;
    while (!t.is_one()) {
      t = t.square();
      if (++i == m) return std::nullopt;
    }
    Field c = z.square_n(m - i - 1);
    m = i;
    z = c.square();
    b *= z;
    x *= c;
  }
  return x;
}

template <typename Params>
int Field<Params>::legendre() const {
  Field e = pow(Constants::kPMinus1Over2);
  int one = e.is_one();
  int zero = e.is_zero();
  return one - (1 - one - zero);
}

}  // namespace dusk::crypto::ff
