#include "duskvm/phoenix/stealth_address.hpp"

#include <algorithm>

namespace dusk::duskvm::phoenix {

std::optional<StealthAddress> StealthAddress::decode(std::span<const u8, 64> bytes) {
  auto r = crypto::jubjub::Point::decode_prime_order(bytes.first<32>());
  auto pk = crypto::jubjub::Point::decode_prime_order(bytes.subspan<32, 32>());
  if (!r || !pk) return std::nullopt;
  return StealthAddress{*r, *pk};
}

std::array<u8, 64> StealthAddress::encode() const {
  std::array<u8, 64> out;
  const auto a = r.encode(), b = note_pk.encode();
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + 32);
  return out;
}

}  // namespace dusk::duskvm::phoenix
