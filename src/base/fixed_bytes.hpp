// Fixed-size byte strings shared by every layer: 32-byte words and hashes, and the
// 20-byte account address (address.hpp adds its conversions).
#pragma once

#include <array>

#include "base/int.hpp"

namespace dusk {

using Bytes32 = std::array<u8, 32>;
// A 32-byte digest (Keccak-256, SHA-256, a trie or state root).
using Hash256 = Bytes32;
// A 20-byte Ethereum account address.
using Address = std::array<u8, 20>;

}  // namespace dusk
