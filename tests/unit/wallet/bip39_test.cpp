// BIP-39: the English wordlist (pinned by the SHA-256 of the standard's english.txt),
// the reference vectors of the standard's test suite (trezor/python-mnemonic), round
// trips through entropy, normalization, and every error of validation. The differential
// test against ethers is ethers_test.cpp.
#include "wallet/bip39.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "crypto/hash/sha256.hpp"

namespace dusk::wallet {
namespace {

Bytes hex(std::string_view h) {
  auto r = from_hex(h);
  EXPECT_TRUE(r.ok()) << h;
  return r.ok() ? *r : Bytes{};
}

std::string seed_hex(const Bip39Seed& s) { return to_hex(ByteView(s.data(), s.size())); }

const char* const kAbandonAbout =
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

TEST(Bip39, WordlistIsTheStandardsEnglishList) {
  std::string text;
  for (auto w : kBip39English) text.append(w).push_back('\n');
  // sha256sum of bitcoin/bips bip-0039/english.txt.
  EXPECT_EQ(to_hex(crypto::sha256(as_bytes(text))),
            "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
  EXPECT_TRUE(std::is_sorted(kBip39English.begin(), kBip39English.end()));
  for (size_t i = 0; i < kBip39English.size(); ++i) EXPECT_EQ(bip39_word_index(kBip39English[i]), int(i));
  EXPECT_EQ(bip39_word_index("abandonn"), -1);
  EXPECT_EQ(bip39_word_index(""), -1);
}

TEST(Bip39, ReferenceVectors) {
  struct Case {
    const char* entropy;
    const char* phrase;
    const char* seed_trezor;  // passphrase "TREZOR"
  };
  const Case cases[] = {
      {"00000000000000000000000000000000", kAbandonAbout,
       "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b"
       "2f001698e7463b04"},
      {"7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
       "legal winner thank year wave sausage worth useful legal winner thank yellow",
       "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee626"
       "0e8d9739fce1f607"},
      {"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
       "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote", nullptr},
  };
  for (const auto& c : cases) {
    auto m = Mnemonic::from_entropy(hex(c.entropy));
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->phrase(), c.phrase);
    EXPECT_EQ(to_hex(m->entropy()), c.entropy);
    if (c.seed_trezor != nullptr) {
      auto s = m->seed("TREZOR");
      ASSERT_TRUE(s.ok());
      EXPECT_EQ(seed_hex(*s), c.seed_trezor);
      auto s2 = seed(c.phrase, "TREZOR");
      ASSERT_TRUE(s2.ok());
      EXPECT_EQ(seed_hex(*s2), c.seed_trezor);
    }
  }
}

TEST(Bip39, GenerateRoundTripsThroughEntropyAndParse) {
  std::set<std::string> seen;
  for (size_t words : {12u, 15u, 18u, 21u, 24u}) {
    for (int i = 0; i < 10; ++i) {
      auto m = Mnemonic::generate(words);
      ASSERT_TRUE(m.ok()) << m.error().message;
      EXPECT_EQ(m->word_count(), words);
      EXPECT_TRUE(seen.insert(m->phrase()).second) << "a repeated phrase: the random source is broken";
      const Bytes e = m->entropy();
      EXPECT_EQ(e.size(), words * 4 / 3);
      auto back = Mnemonic::from_entropy(e);
      ASSERT_TRUE(back.ok());
      EXPECT_EQ(back->phrase(), m->phrase());
      auto parsed = Mnemonic::parse(m->phrase());
      ASSERT_TRUE(parsed.ok()) << parsed.error().message;
      EXPECT_EQ(parsed->phrase(), m->phrase());
      EXPECT_TRUE(validate(m->phrase()).ok());
    }
  }
  auto def = Mnemonic::generate();
  ASSERT_TRUE(def.ok());
  EXPECT_EQ(def->word_count(), 24u);
}

TEST(Bip39, EntropySizes) {
  for (size_t n = 0; n <= 40; ++n) {
    auto m = Mnemonic::from_entropy(Bytes(n, 0x5a));
    const bool valid = n >= 16 && n <= 32 && n % 4 == 0;
    ASSERT_EQ(m.ok(), valid) << n;
    if (valid) {
      EXPECT_EQ(m->word_count(), n * 3 / 4);
    } else {
      EXPECT_EQ(m.error().code, WalletError::kEntropySize);
      EXPECT_NE(m.error().message.find(std::to_string(n)), std::string::npos) << m.error().message;
    }
  }
  for (size_t w : {0u, 1u, 11u, 13u, 25u, 27u}) {
    auto g = Mnemonic::generate(w);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.error().code, WalletError::kWordCount);
  }
}

TEST(Bip39, NormalizationIgnoresCaseAndSpacing) {
  const std::string messy = "  Abandon ABANDON\tabandon  abandon\nabandon abandon abandon abandon abandon abandon abandon About \r\n";
  auto n = normalize_phrase(messy);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, kAbandonAbout);
  auto m = Mnemonic::parse(messy);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->phrase(), kAbandonAbout);
  auto a = seed(messy, "TREZOR"), b = seed(kAbandonAbout, "TREZOR");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->bytes, b->bytes);
  // The passphrase is used exactly as given.
  auto c = seed(kAbandonAbout, "trezor");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->bytes, b->bytes);
  auto d = seed(kAbandonAbout, "");
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->bytes, b->bytes);
}

TEST(Bip39, NonAsciiIsRefusedWithAClearMessage) {
  auto m = Mnemonic::parse("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon \xc3\xa1""bout");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, WalletError::kNonAscii);
  EXPECT_NE(m.error().message.find("NFKD"), std::string::npos) << m.error().message;
  EXPECT_NE(m.error().message.find("byte 89"), std::string::npos) << m.error().message;
  auto s = seed(kAbandonAbout, "caf\xc3\xa9");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, WalletError::kNonAscii);
  EXPECT_NE(s.error().message.find("passphrase"), std::string::npos) << s.error().message;
}

TEST(Bip39, WrongWordCount) {
  for (const char* p : {"", "   ", "abandon", "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"}) {
    auto r = validate(p);
    ASSERT_FALSE(r.ok()) << p;
    EXPECT_EQ(r.error().code, WalletError::kWordCount) << p;
    EXPECT_NE(r.error().message.find("12, 15, 18, 21 or 24"), std::string::npos);
  }
  auto r = validate("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not 11"), std::string::npos) << r.error().message;
}

TEST(Bip39, UnknownWordIsNamedWithItsPosition) {
  auto r = validate("abandon abandon abandon abandon abandon abandonn abandon abandon abandon abandon abandon about");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, WalletError::kUnknownWord);
  EXPECT_NE(r.error().message.find("word 6 \"abandonn\""), std::string::npos) << r.error().message;
  auto digits = validate("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon 4bout");
  ASSERT_FALSE(digits.ok());
  EXPECT_NE(digits.error().message.find("word 12 \"4bout\""), std::string::npos) << digits.error().message;
}

TEST(Bip39, BadChecksum) {
  // Every word valid, last word's checksum bits wrong.
  auto r = validate("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, WalletError::kChecksum);
  EXPECT_NE(r.error().message.find("checksum"), std::string::npos);
  // Two words swapped.
  auto s = validate("legal winner thank year wave sausage worth useful legal winner yellow thank");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, WalletError::kChecksum);
  // After 23 "zoo"s the last word holds 3 entropy bits and the 8 checksum bits: of the
  // 2048 words, exactly one per value of those 3 bits completes a valid phrase.
  int valid = 0;
  for (auto last : kBip39English) {
    std::string p;
    for (int i = 0; i < 23; ++i) p += "zoo ";
    p += last;
    if (validate(p).ok()) ++valid;
  }
  EXPECT_EQ(valid, 8);
}

}  // namespace
}  // namespace dusk::wallet
