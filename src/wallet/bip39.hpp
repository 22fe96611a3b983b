// BIP-39 mnemonic phrases: entropy written as English words with a checksum, and the
// 64-byte seed that keys are derived from (bip32.hpp for EVM keys, eip2333.hpp for the
// DuskDS BLS key; account_keys.hpp puts them together).
//
//   words = (entropy || first ENT/32 bits of SHA-256(entropy)) in 11-bit groups,
//           each an index into the English list (12 words for 16 bytes ... 24 for 32)
//   seed  = PBKDF2-HMAC-SHA512(password = phrase, salt = "mnemonic" || passphrase,
//                              2048 iterations, 64 bytes)
//
// Normalization. BIP-39 hashes the NFKD form of phrase and passphrase. NFKD is not
// implemented here, so both are limited to ASCII, where NFKD is the identity: any byte
// >= 0x80 is refused with kNonAscii (rather than giving a seed that other wallets would
// not give). A phrase is further normalized to lowercase words separated by single
// spaces (leading, trailing and repeated whitespace dropped) before it is checked or
// hashed, so "  Abandon  ABANDON ..." and "abandon abandon ..." are one phrase. A
// passphrase is used exactly as given (case and spaces matter, as in BIP-39).
//
// Secrets: a Mnemonic and a Bip39Seed wipe their memory when destroyed (secret.hpp).
// Thread safety: plain values and pure functions; generate() calls libsodium's
// randombytes_buf, which is thread safe.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/bytes.hpp"
#include "wallet/secret.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

inline constexpr size_t kBip39WordCount = 2048;
// BIP-39's English wordlist, in the standard's (alphabetical) order.
extern const std::array<std::string_view, kBip39WordCount> kBip39English;

inline constexpr size_t kBip39SeedSize = 64;
using Bip39Seed = SecretArray<kBip39SeedSize>;

// A valid phrase in normal form (checksum verified): only constructible through
// generate(), from_entropy() and parse().
class Mnemonic {
 public:
  // A new phrase of `words` words (12, 15, 18, 21 or 24) from libsodium's random source.
  // Errors: kWordCount, kRandomness.
  static WalletResult<Mnemonic> generate(size_t words = 24);
  // The phrase of `entropy`: 16..32 bytes, a multiple of 4. Errors: kEntropySize.
  static WalletResult<Mnemonic> from_entropy(ByteView entropy);
  // Normalizes and validates a phrase typed by a user. Errors: kNonAscii, kWordCount,
  // kUnknownWord (names the word and its 1-based position), kChecksum.
  static WalletResult<Mnemonic> parse(std::string_view phrase);

  // The words, lowercase, separated by single spaces.
  const std::string& phrase() const { return phrase_.str(); }
  size_t word_count() const;
  // The entropy the words encode (16..32 bytes). The caller should wipe it after use.
  Bytes entropy() const;
  // The BIP-39 seed under `passphrase` (empty: none). Errors: kNonAscii.
  WalletResult<Bip39Seed> seed(std::string_view passphrase = {}) const;

 private:
  explicit Mnemonic(std::string phrase) : phrase_(std::move(phrase)) {}
  SecretString phrase_;
};

// The normal form of a phrase (lowercase, single spaces), without checking its words.
// Errors: kNonAscii.
WalletResult<std::string> normalize_phrase(std::string_view phrase);

// Whether `phrase` is a valid English BIP-39 phrase (after normalization); the failure
// says why not. Errors: as Mnemonic::parse.
WalletStatus validate(std::string_view phrase);

// The seed of a phrase, which is first normalized and validated (BIP-39 itself would
// hash any string; a wallet should not). Errors: as Mnemonic::parse, and kNonAscii for
// the passphrase.
WalletResult<Bip39Seed> seed(std::string_view phrase, std::string_view passphrase);

// The index of `word` in the English list, or -1.
int bip39_word_index(std::string_view word);

}  // namespace dusk::wallet
