// A constant exponent or Miller-loop parameter as signed binary digits in {-1, 0, 1},
// computed at compile time: plain binary (every digit 0 or 1) or the non-adjacent form
// (no two adjacent non-zero digits, fewer non-zero digits at the cost of at most one more
// digit). Loops that walk a constant walk these digits, so one loop serves both forms.
#pragma once

#include <array>
#include <cstddef>

#include "base/int.hpp"

namespace dusk::crypto::ec {

struct SignedDigits {
  std::array<i8, 130> d{};  // least significant first; d[len - 1] == 1
  size_t len = 0;

  constexpr size_t nonzero() const {
    size_t n = 0;
    for (size_t i = 0; i < len; ++i) n += d[i] != 0;
    return n;
  }
  constexpr bool has_negative() const {
    for (size_t i = 0; i < len; ++i) {
      if (d[i] < 0) return true;
    }
    return false;
  }
};

constexpr SignedDigits binary_digits(u128 n) {
  SignedDigits out;
  for (; n != 0; n >>= 1) out.d[out.len++] = static_cast<i8>(n & 1);
  return out;
}

// Precondition: n < 2^127 (the carry of a -1 digit must not overflow).
constexpr SignedDigits naf_digits(u128 n) {
  SignedDigits out;
  while (n != 0) {
    i8 digit = 0;
    if (n & 1) {
      digit = (n & 3) == 3 ? -1 : 1;
      if (digit == 1) {
        n -= 1;
      } else {
        n += 1;
      }
    }
    out.d[out.len++] = digit;
    n >>= 1;
  }
  return out;
}

}  // namespace dusk::crypto::ec
