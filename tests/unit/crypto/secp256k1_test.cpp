// secp256k1 through libsecp256k1: key derivation, signing, verification and recovery.
// Known answers: the generator as the public key of 1 (SEC 2), and EIP-155's example key
// 0x4646...46 with its published address 0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f.
#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"

namespace dusk::crypto {
namespace {

std::array<u8, 32> scalar(u8 fill) {
  std::array<u8, 32> k{};
  k.fill(fill);
  return k;
}
std::array<u8, 32> hash_of(std::string_view s) { return keccak256(as_bytes(s)); }

TEST(Secp256k1, KnownPublicKeys) {
  std::array<u8, 32> one{};
  one[31] = 1;
  auto g = secp256k1_public_key(one);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(to_hex(*g),
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
  auto pk = secp256k1_public_key(scalar(0x46));
  ASSERT_TRUE(pk.has_value());
  EXPECT_EQ(to_hex(public_key_address(*pk)), "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
}

TEST(Secp256k1, InvalidSecretKeys) {
  EXPECT_FALSE(secp256k1_public_key(scalar(0)).has_value());
  EXPECT_FALSE(secp256k1_public_key(kSecp256k1Order).has_value());
  EXPECT_FALSE(secp256k1_sign(hash_of("m"), scalar(0)).has_value());
}

TEST(Secp256k1, SignVerifyRecover) {
  for (u8 k = 1; k < 40; ++k) {
    const auto sk = scalar(k);
    const auto pk = *secp256k1_public_key(sk);
    const auto h = hash_of(std::string(k, 'x'));
    auto sig = secp256k1_sign(h, sk);
    ASSERT_TRUE(sig.has_value());
    EXPECT_TRUE(secp256k1_verify(h, sig->r, sig->s, pk)) << int(k);
    EXPECT_EQ(secp256k1_recover(h, sig->r, sig->s, sig->recid), pk) << int(k);
    // Deterministic (RFC 6979): the same message and key give the same signature.
    auto again = secp256k1_sign(h, sk);
    EXPECT_EQ(again->r, sig->r);
    EXPECT_EQ(again->s, sig->s);
    // The other recovery id gives another key (or none); a changed hash does not verify.
    EXPECT_NE(secp256k1_recover(h, sig->r, sig->s, 1 - sig->recid), std::optional(pk));
    auto h2 = h;
    h2[0] ^= 1;
    EXPECT_FALSE(secp256k1_verify(h2, sig->r, sig->s, pk));
    EXPECT_FALSE(secp256k1_verify(h, sig->r, sig->s, *secp256k1_public_key(scalar(k + 1))));
  }
}

TEST(Secp256k1, RejectsHighSZeroAndOutOfRange) {
  const auto sk = scalar(7);
  const auto pk = *secp256k1_public_key(sk);
  const auto h = hash_of("message");
  auto sig = *secp256k1_sign(h, sk);
  // s' = n - s verifies mathematically but is the high-s form: rejected.
  std::array<u8, 32> high{};
  int borrow = 0;
  for (int i = 31; i >= 0; --i) {
    const int d = kSecp256k1Order[i] - sig.s[i] - borrow;
    high[i] = static_cast<u8>(d & 0xff);
    borrow = d < 0;
  }
  EXPECT_FALSE(secp256k1_verify(h, sig.r, high, pk));
  EXPECT_FALSE(secp256k1_verify(h, scalar(0), sig.s, pk));
  EXPECT_FALSE(secp256k1_verify(h, kSecp256k1Order, sig.s, pk));
  EXPECT_FALSE(secp256k1_recover(h, scalar(0), sig.s, 0).has_value());
  EXPECT_FALSE(secp256k1_recover(h, sig.r, kSecp256k1Order, 0).has_value());
  EXPECT_FALSE(secp256k1_recover(h, sig.r, sig.s, 2).has_value());
  std::array<u8, 64> off_curve = pk;
  off_curve[63] ^= 1;
  EXPECT_FALSE(secp256k1_verify(h, sig.r, sig.s, off_curve));
}

}  // namespace
}  // namespace dusk::crypto
