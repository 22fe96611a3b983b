// The 20-byte account address: equality, hex, and the conversions between addresses
// and 256-bit words.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"

namespace dusk {

// The low 20 bytes of a word (how CALL, BALANCE and friends read an address operand).
inline Address to_address(const Uint256& v) {
  const auto be = v.to_be();
  Address a;
  for (size_t i = 0; i < 20; ++i) a[i] = be[12 + i];
  return a;
}
inline Uint256 to_word(const Address& a) { return Uint256::from_be(a.data(), a.size()); }

// Equality in three loads per side (std::array's == may call memcmp).
inline bool same_address(const Address& x, const Address& y) {
  return ((load_le<u64>(x.data()) ^ load_le<u64>(y.data())) |
          (load_le<u64>(x.data() + 8) ^ load_le<u64>(y.data() + 8)) |
          (load_le<u32>(x.data() + 16) ^ load_le<u32>(y.data() + 16))) == 0;
}

// An address with only its last byte set (precompiles and tests: 0x...01).
constexpr Address address_from_u8(u8 b) {
  Address a{};
  a[19] = b;
  return a;
}

// Hex with optional 0x prefix; exactly 40 digits.
Result<Address> address_from_hex(std::string_view hex);
// 0x-prefixed lower-case hex.
std::string address_hex(const Address& a);

}  // namespace dusk
