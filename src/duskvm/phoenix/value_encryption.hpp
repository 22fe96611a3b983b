// The encryption of an obfuscated note's value and blinder to its receiver (as Dusk's
// phoenix-core does it): AES-256-GCM under the key HKDF-SHA256(salt = the note's stealth
// address encoding (64 bytes), input = the Diffie-Hellman point r A = a R encoded
// (32 bytes), info = "Phoenix-Dusk"), a random 96-bit nonce, over the 40-byte plaintext
// value (8 bytes, little endian) || blinder (32 bytes, little endian). The stored form is
// nonce (12) || ciphertext (40) || tag (16): 68 bytes. Decryption fails on a wrong key
// (the tag does not verify) or a blinder that is not a Jubjub scalar.
#pragma once

#include <array>
#include <optional>

#include "crypto/jubjub/jubjub.hpp"
#include "crypto/jubjub/scalar.hpp"

namespace dusk::duskvm::phoenix {

inline constexpr size_t kValueEncryptionSize = 12 + 40 + 16;
using ValueEncryption = std::array<u8, kValueEncryptionSize>;

struct ValueOpening {
  u64 value;
  crypto::jubjub::Scalar blinder;
};

ValueEncryption encrypt_value(const crypto::jubjub::Point& shared_secret,
                              const std::array<u8, 64>& stealth_address, const ValueOpening& opening,
                              const std::array<u8, 12>& nonce);
std::optional<ValueOpening> decrypt_value(const crypto::jubjub::Point& shared_secret,
                                          const std::array<u8, 64>& stealth_address,
                                          const ValueEncryption& encrypted);

}  // namespace dusk::duskvm::phoenix
