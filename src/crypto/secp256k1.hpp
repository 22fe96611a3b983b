// ECDSA on secp256k1 through libsecp256k1 (Debian's libsecp256k1-dev, with its recovery
// module): public-key recovery (what ecrecover, transaction senders and EIP-7702
// authorities need), and signing and verification for wallets and tests.
//
// Thread safe (one shared context, never modified after creation). Signing is constant
// time in the secret key and uses RFC 6979 deterministic nonces (libsecp256k1's
// default) and produces low-s signatures; recovery and verification handle public data.
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

// A signature (r, s) with the recovery id of its R point (0 or 1).
struct Secp256k1Signature {
  std::array<u8, 32> r{}, s{};
  int recid = 0;
};

// The public key (x || y) of a 32-byte big-endian secret key, or nullopt when the key is
// 0 or not below n.
std::optional<std::array<u8, 64>> secp256k1_public_key(const std::array<u8, 32>& secret_key);

// ECDSA signature of a 32-byte message hash (low s), or nullopt for an invalid secret key.
std::optional<Secp256k1Signature> secp256k1_sign(const std::array<u8, 32>& hash,
                                                 const std::array<u8, 32>& secret_key);

// Whether (r, s) signs `hash` under `public_key` (x || y). High-s signatures are rejected
// (libsecp256k1 verifies the lower-s form only, as EIP-2 requires of transactions); so
// are r or s of zero or not below n, and keys off the curve.
bool secp256k1_verify(const std::array<u8, 32>& hash, const std::array<u8, 32>& r,
                      const std::array<u8, 32>& s, const std::array<u8, 64>& public_key);

// The Ethereum address of a public key: the last 20 bytes of keccak256(x || y).
std::array<u8, 20> public_key_address(const std::array<u8, 64>& public_key);

}  // namespace dusk::crypto
