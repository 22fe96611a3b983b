// Strict decimal strings to fixed-width integers: how snarkjs (and most JSON tooling of
// the zk world) writes field elements, coordinates and public inputs.
//
// Accepted: one or more ASCII digits, no sign, no spaces, no leading zero (except "0"
// itself), at most kMaxDecimalDigits digits, and a value that fits in N 64-bit limbs.
// Anything else is nullopt. Range checks against a modulus are the caller's.
#pragma once

#include <optional>
#include <string_view>

#include "crypto/ff/detail/limbs.hpp"

namespace dusk::crypto::ff {

inline constexpr size_t kMaxDecimalDigits = 160;

template <size_t N>
constexpr std::optional<Limbs<N>> parse_decimal(std::string_view s) {
  if (s.empty() || s.size() > kMaxDecimalDigits) return std::nullopt;
  if (s.size() > 1 && s[0] == '0') return std::nullopt;
  Limbs<N> v{};
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    // v = v * 10 + digit, failing on overflow out of N limbs.
    u64 carry = static_cast<u64>(c - '0');
    for (size_t i = 0; i < N; ++i) {
      const u128 t = static_cast<u128>(v[i]) * 10 + carry;
      v[i] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    if (carry != 0) return std::nullopt;
  }
  return v;
}

}  // namespace dusk::crypto::ff
