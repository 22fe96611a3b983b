#include "wallet/bip39.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <vector>

#include "crypto/hash/sha256.hpp"

namespace dusk::wallet {

namespace {

constexpr std::string_view kSeedSaltPrefix = "mnemonic";
constexpr int kPbkdf2Iterations = 2048;

bool valid_word_count(size_t n) { return n >= 12 && n <= 24 && n % 3 == 0; }

WalletFailure word_count_error(size_t n) {
  return WalletFailure(WalletError::kWordCount, "a BIP-39 phrase has 12, 15, 18, 21 or 24 words, not " +
                                                    std::to_string(n));
}

// The first byte >= 0x80 of `s`, as a failure naming `what`.
WalletStatus require_ascii(std::string_view s, std::string_view what) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<u8>(s[i]) >= 0x80) {
      return WalletFailure(WalletError::kNonAscii,
                           std::string(what) + " has a non-ASCII character at byte " + std::to_string(i + 1) +
                               ": only ASCII is supported (Unicode NFKD normalization, which BIP-39 "
                               "requires for other characters, is not implemented)");
    }
  }
  return {};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The words of a normalized phrase.
std::vector<std::string_view> split_words(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < phrase.size()) {
    size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    words.push_back(phrase.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Checks the words of a normalized phrase; returns the entropy they encode.
WalletResult<Bytes> decode_words(std::string_view phrase) {
  const auto words = split_words(phrase);
  if (!valid_word_count(words.size())) return word_count_error(words.size());
  // 11 bits per word: entropy bits (32 per 3 words) followed by checksum bits (1 per 3 words).
  const size_t total_bits = words.size() * 11;
  const size_t checksum_bits = words.size() / 3;
  const size_t entropy_bytes = (total_bits - checksum_bits) / 8;
  Bytes bits((total_bits + 7) / 8, 0);
  for (size_t w = 0; w < words.size(); ++w) {
    const int index = bip39_word_index(words[w]);
    if (index < 0) {
      return WalletFailure(WalletError::kUnknownWord, "word " + std::to_string(w + 1) + " \"" +
                                                          std::string(words[w]) +
                                                          "\" is not in the BIP-39 English wordlist");
    }
    for (size_t b = 0; b < 11; ++b) {
      if ((static_cast<unsigned>(index) >> (10 - b)) & 1u) {
        const size_t pos = w * 11 + b;
        bits[pos / 8] = static_cast<u8>(bits[pos / 8] | (0x80u >> (pos % 8)));
      }
    }
  }
  Bytes entropy(bits.begin(), bits.begin() + static_cast<std::ptrdiff_t>(entropy_bytes));
  const auto hash = crypto::sha256(entropy);
  // checksum_bits <= 8: compare the top bits of the byte after the entropy.
  const u8 mask = static_cast<u8>(0xff00u >> checksum_bits);
  const bool match = (bits[entropy_bytes] & mask) == (hash[0] & mask);
  wipe(bits.data(), bits.size());
  if (!match) {
    wipe(entropy.data(), entropy.size());
    return WalletFailure(WalletError::kChecksum,
                         "the phrase's checksum does not match: a word is wrong or the words are out of order");
  }
  return entropy;
}

WalletResult<Bip39Seed> seed_of_normalized(std::string_view phrase, std::string_view passphrase) {
  DUSK_TRY(require_ascii(passphrase, "the passphrase"));
  SecretString salt;
  salt.mutable_str().reserve(kSeedSaltPrefix.size() + passphrase.size());
  salt.mutable_str().append(kSeedSaltPrefix).append(passphrase);
  Bip39Seed out;
  const int ok = PKCS5_PBKDF2_HMAC(phrase.data(), static_cast<int>(phrase.size()),
                                   reinterpret_cast<const unsigned char*>(salt.str().data()),
                                   static_cast<int>(salt.str().size()), kPbkdf2Iterations, EVP_sha512(),
                                   static_cast<int>(out.size()), out.data());
  if (ok != 1) return WalletFailure(WalletError::kKdf, "PBKDF2-HMAC-SHA512 failed (OpenSSL)");
  return out;
}

}  // namespace

int bip39_word_index(std::string_view word) {
  const auto it = std::lower_bound(kBip39English.begin(), kBip39English.end(), word);
  if (it == kBip39English.end() || *it != word) return -1;
  return static_cast<int>(it - kBip39English.begin());
}

WalletResult<std::string> normalize_phrase(std::string_view phrase) {
  DUSK_TRY(require_ascii(phrase, "the phrase"));
  std::string out;
  out.reserve(phrase.size());
  bool pending_space = false;
  for (char c : phrase) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

WalletResult<Mnemonic> Mnemonic::generate(size_t words) {
  if (!valid_word_count(words)) return word_count_error(words);
  SecretArray<32> entropy;
  const size_t size = words * 4 / 3;  // 12 words: 16 bytes ... 24 words: 32 bytes
  if (sodium_init() < 0) return WalletFailure(WalletError::kRandomness, "libsodium could not initialize");
  randombytes_buf(entropy.data(), size);
  return from_entropy(ByteView(entropy.data(), size));
}

WalletResult<Mnemonic> Mnemonic::from_entropy(ByteView entropy) {
  if (entropy.size() < 16 || entropy.size() > 32 || entropy.size() % 4 != 0) {
    return WalletFailure(WalletError::kEntropySize, "BIP-39 entropy is 16 to 32 bytes in steps of 4, not " +
                                                        std::to_string(entropy.size()));
  }
  const size_t checksum_bits = entropy.size() / 4;
  const size_t words = (entropy.size() * 8 + checksum_bits) / 11;
  const auto hash = crypto::sha256(entropy);
  SecretArray<33> bits;
  std::copy(entropy.begin(), entropy.end(), bits.bytes.begin());
  bits.bytes[entropy.size()] = hash[0];
  std::string phrase;
  phrase.reserve(words * 9);  // at most 8 letters and a space per word: no reallocation
  for (size_t w = 0; w < words; ++w) {
    unsigned index = 0;
    for (size_t b = 0; b < 11; ++b) {
      const size_t pos = w * 11 + b;
      index = (index << 1) | ((bits.bytes[pos / 8] >> (7 - pos % 8)) & 1u);
    }
    if (w != 0) phrase.push_back(' ');
    phrase.append(kBip39English[index]);
  }
  return Mnemonic(std::move(phrase));
}

WalletResult<Mnemonic> Mnemonic::parse(std::string_view phrase) {
  DUSK_ASSIGN(std::string normal, normalize_phrase(phrase));
  SecretString guard(normal);
  wipe(normal.data(), normal.capacity());
  DUSK_ASSIGN(Bytes entropy, decode_words(guard.str()));
  wipe(entropy.data(), entropy.size());
  return Mnemonic(guard.str());
}

size_t Mnemonic::word_count() const { return split_words(phrase()).size(); }

Bytes Mnemonic::entropy() const {
  auto r = decode_words(phrase());
  return r.ok() ? std::move(r).value() : Bytes{};  // always ok: the phrase was validated
}

WalletResult<Bip39Seed> Mnemonic::seed(std::string_view passphrase) const {
  return seed_of_normalized(phrase(), passphrase);
}

WalletStatus validate(std::string_view phrase) {
  auto m = Mnemonic::parse(phrase);
  if (!m.ok()) return m.take_error();
  return {};
}

WalletResult<Bip39Seed> seed(std::string_view phrase, std::string_view passphrase) {
  DUSK_ASSIGN(Mnemonic m, Mnemonic::parse(phrase));
  return m.seed(passphrase);
}

}  // namespace dusk::wallet
