// A wallet's phrase at rest: a JSON file encrypted under a password, with the account's
// public keys beside it in the clear so a wallet can show them without the password.
//
//   {
//     "version": 1,
//     "kdf": {"name": "argon2id", "opslimit": 3, "memlimit": 268435456, "salt": "<16 bytes hex>"},
//     "cipher": "xchacha20poly1305",
//     "nonce": "<24 bytes hex>",
//     "ciphertext": "<hex: encrypted plaintext || 16-byte Poly1305 tag>",
//     "duskds_public_key": "<96 bytes hex: account 0's BLS min-sig key>",
//     "evm_address": "<account 0's address, EIP-55>"
//   }
//
// key        = Argon2id(password, salt, opslimit, memlimit) (libsodium crypto_pwhash, 32 bytes)
// plaintext  = phrase || 0x00 || passphrase (the phrase never holds a 0 byte)
// ciphertext = XChaCha20-Poly1305-IETF(key, nonce, plaintext, associated data = header)
// The associated data binds every other field (version, KDF name, limits and salt,
// cipher, nonce, both public keys) in a fixed serialization (keystore.cpp), so a file
// whose header or public keys were changed does not decrypt. Until it has been opened
// with the password, the public fields of a file are unauthenticated.
//
// Reading is strict: unknown or missing fields, wrong types or lengths, hex that is not
// lowercase, an address not in EIP-55 form, and KDF limits outside [libsodium's minimum,
// kMaxOpsLimit / kMaxMemLimit] (a file must not make the wallet spend hours or gigabytes)
// are kBadKeystore; a wrong password and any modification of the protected parts are
// kDecryption, and nothing is decrypted. Files are written with write_file_atomically
// (storage/atomic_file.hpp): the old file or the new, never a part, created with mode 0600.
//
// Secrets: the derived key and the plaintext are wiped after use. Thread safety: pure
// functions, except that write_keystore_file sets the process umask for the duration of
// the write (storage's atomic writer creates files 0644 and takes no mode).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/int.hpp"
#include "wallet/bip39.hpp"
#include "wallet/secret.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

// Argon2id's cost: iterations and memory in bytes.
struct KdfLimits {
  u64 opslimit = 0;
  size_t memlimit = 0;

  // libsodium's MODERATE (3 passes, 256 MiB): the default for keystores.
  static KdfLimits moderate();
  // libsodium's INTERACTIVE (2 passes, 64 MiB).
  static KdfLimits interactive();
  // libsodium's minimum (1 pass, 8 KiB): for tests only.
  static KdfLimits minimum();
};

// The most a keystore file may ask for (libsodium's SENSITIVE memory, 1 GiB).
inline constexpr u64 kMaxOpsLimit = 64;
inline constexpr size_t kMaxMemLimit = size_t{1} << 30;
// Keystore files are small; anything larger is refused before parsing.
inline constexpr size_t kMaxKeystoreFileSize = 64 * 1024;

struct KeystorePublic {
  std::array<u8, 96> duskds_public_key{};
  std::array<u8, 20> evm_address{};
  bool operator==(const KeystorePublic&) const = default;
};

struct KeystoreContents {
  Mnemonic mnemonic;
  SecretString passphrase;
  KeystorePublic public_keys;
};

// The keystore JSON text of `mnemonic` and `passphrase` under `password`, with fresh salt
// and nonce. Errors: kNonAscii (passphrase), kKdf, kRandomness.
WalletResult<std::string> seal_keystore(const Mnemonic& mnemonic, std::string_view passphrase,
                                        const KeystorePublic& public_keys, std::string_view password,
                                        KdfLimits limits = KdfLimits::moderate());
// The public fields, without the password (unauthenticated until opened). Errors: kBadKeystore.
WalletResult<KeystorePublic> read_keystore_public(std::string_view json);
// Decrypts. Errors: kBadKeystore, kDecryption, kKdf.
WalletResult<KeystoreContents> open_keystore(std::string_view json, std::string_view password);

// seal_keystore, then an atomic write of `path` with mode 0600. Errors: as seal_keystore, kIo.
WalletStatus write_keystore_file(const std::string& path, const Mnemonic& mnemonic, std::string_view passphrase,
                                 const KeystorePublic& public_keys, std::string_view password,
                                 KdfLimits limits = KdfLimits::moderate());
// The text of a keystore file (at most kMaxKeystoreFileSize bytes). Errors: kIo, kBadKeystore.
WalletResult<std::string> read_keystore_file(const std::string& path);
// read_keystore_file, then open_keystore.
WalletResult<KeystoreContents> open_keystore_file(const std::string& path, std::string_view password);

}  // namespace dusk::wallet
