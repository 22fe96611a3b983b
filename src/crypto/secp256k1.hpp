// ECDSA public-key recovery on secp256k1, through libsecp256k1 (Debian's
// libsecp256k1-dev, recovery module): what ecrecover, transaction senders and EIP-7702
// authorities need.
//
// Thread safe (one shared, read-only context). Not constant time in anything secret:
// recovery handles only public data.
#pragma once

#include <array>
#include <optional>

#include "base/int.hpp"

namespace dusk::crypto {

// secp256k1's group order n, big-endian.
extern const std::array<u8, 32> kSecp256k1Order;

// The 64-byte uncompressed public key (x || y, big-endian, no 0x04 prefix) that signed
// `hash` with (r, s) and recovery id `recid` (0 or 1), or nullopt when r or s is zero or
// not below n, recid is out of range, or no point recovers.
std::optional<std::array<u8, 64>> secp256k1_recover(const std::array<u8, 32>& hash, const std::array<u8, 32>& r,
                                                    const std::array<u8, 32>& s, int recid);

// The Ethereum address of a public key: the last 20 bytes of keccak256(x || y).
std::array<u8, 20> public_key_address(const std::array<u8, 64>& public_key);

}  // namespace dusk::crypto
