// BLS secret keys: KeyGen of draft-irtf-cfrg-bls-signature-05 (section 2.3) against the
// master-key vectors of EIP-2333 (whose derive_master_SK is that KeyGen with an empty
// key_info; https://eips.ethereum.org/EIPS/eip-2333, "Test Cases" 0-3), and the 32-byte
// big-endian encoding with its rejections.
#include "crypto/bls/secret_key.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dusk::crypto::bls {
namespace {

// A decimal integer (as EIP-2333 prints keys) to 32 big-endian bytes.
std::array<u8, 32> decimal_to_be32(std::string_view dec) {
  std::array<u8, 32> out{};
  for (char c : dec) {
    unsigned carry = static_cast<unsigned>(c - '0');
    for (size_t i = out.size(); i-- > 0;) {
      const unsigned v = out[i] * 10u + carry;
      out[i] = static_cast<u8>(v & 0xff);
      carry = v >> 8;
    }
    EXPECT_EQ(carry, 0u) << "decimal value does not fit 32 bytes";
  }
  return out;
}

Bytes hex_bytes(std::string_view h) {
  auto r = from_hex(h);
  EXPECT_TRUE(r.ok()) << h;
  return r.ok() ? *r : Bytes{};
}

// The order r, big-endian.
const char* const kOrderHex = "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

TEST(BlsSecretKey, KeyGenEip2333MasterKeys) {
  struct Case {
    const char* seed;
    const char* master_sk;
  };
  const Case cases[] = {
      {"c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92"
       "f2cf141630c7a3c4ab7c81b2f001698e7463b04",
       "6083874454709270928345386274498605044986640685124978867557563392430687146096"},
      {"3141592653589793238462643383279502884197169399375105820974944592",
       "29757020647961307431480504535336562678282505419141012933316116377660817309383"},
      {"0099FF991111002299DD7744EE3355BBDD8844115566CC55663355668888CC00",
       "27580842291869792442942448775674722299803720648445448686099262467207037398656"},
      {"d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3",
       "19022158461524446591288038168518313374041767046816487870552872741050760015818"},
  };
  for (const auto& c : cases) {
    auto sk = SecretKey::key_gen(hex_bytes(c.seed));
    ASSERT_TRUE(sk.ok()) << sk.error().message;
    EXPECT_EQ(sk->to_bytes(), decimal_to_be32(c.master_sk)) << c.seed;
  }
}

TEST(BlsSecretKey, KeyGenRejectsShortIkmAndUsesKeyInfo) {
  const Bytes ikm31(31, 0x42), ikm32(32, 0x42);
  auto short_key = SecretKey::key_gen(ikm31);
  ASSERT_FALSE(short_key.ok());
  EXPECT_EQ(short_key.error().code, BlsError::kShortIkm);
  auto a = SecretKey::key_gen(ikm32);
  auto b = SecretKey::key_gen(ikm32, as_bytes("validator 1"));
  auto c = SecretKey::key_gen(ikm32, as_bytes("validator 1"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a->to_bytes(), b->to_bytes());
  EXPECT_EQ(b->to_bytes(), c->to_bytes());
}

TEST(BlsSecretKey, EncodingRoundTripAndRejections) {
  auto sk = SecretKey::key_gen(Bytes(32, 7));
  ASSERT_TRUE(sk.ok());
  auto back = SecretKey::from_bytes(sk->to_bytes());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->to_bytes(), sk->to_bytes());
  EXPECT_TRUE(back->scalar() == sk->scalar());

  const auto expect_bad = [](ByteView b, const char* why) {
    auto r = SecretKey::from_bytes(b);
    ASSERT_FALSE(r.ok()) << why;
    EXPECT_EQ(r.error().code, BlsError::kBadSecretKey) << why;
  };
  expect_bad(Bytes(32, 0), "zero");
  expect_bad(Bytes(31, 1), "short");
  expect_bad(Bytes(33, 1), "long");
  Bytes r = hex_bytes(kOrderHex);
  expect_bad(r, "r");
  expect_bad(Bytes(32, 0xff), "2^256 - 1");
  // r - 1 and 1 are the extreme valid keys.
  r[31] = 0x00;
  EXPECT_TRUE(SecretKey::from_bytes(r).ok());
  Bytes one(32, 0);
  one[31] = 1;
  EXPECT_TRUE(SecretKey::from_bytes(one).ok());

  auto zero = SecretKey::from_scalar(bls12_381::Fr::zero());
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, BlsError::kBadSecretKey);
}

}  // namespace
}  // namespace dusk::crypto::bls
