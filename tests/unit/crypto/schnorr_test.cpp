// Schnorr signatures on Jubjub (crypto/schnorr): signing and verifying, single and double
// key; every part of a signature, key and message bound (a change to any fails); the
// equations of the scheme recomputed here from the group and Poseidon; strict decoding.
// No external known answers exist in ../shared/testdata for Dusk's signatures (ask in
// the closing note): these tests check the scheme's definition, not byte compatibility.
#include <gtest/gtest.h>

#include "crypto/jubjub/jubjub.hpp"
#include "crypto/poseidon/hash.hpp"
#include "crypto/schnorr/schnorr.hpp"

namespace dusk::crypto::schnorr {
namespace {

using Fr = bls12_381::Fr;
using jubjub::Fq;

std::array<u8, 32> entropy(u8 seed) {
  std::array<u8, 32> e{};
  for (size_t i = 0; i < e.size(); ++i) e[i] = static_cast<u8>(seed * 37 + i);
  return e;
}

SecretKey key(u8 seed) {
  std::array<u8, 64> wide{};
  for (size_t i = 0; i < wide.size(); ++i) wide[i] = static_cast<u8>(seed * 11 + i * 3);
  return SecretKey(Scalar::from_uniform_bytes(wide));
}

TEST(Schnorr, SignAndVerify) {
  const SecretKey sk = key(1);
  const PublicKey pk = sk.public_key();
  const Message m = Fr::from_u64(42);
  const Signature sig = sk.sign(m, entropy(1));
  EXPECT_TRUE(pk.verify(sig, m));
  // The equations, recomputed: R = r G for the hedged r, u = r - c sk.
  const Scalar c = poseidon::hash_truncated(
      std::array<Fr, 5>{sig.r.u(), sig.r.v(), pk.point.u(), pk.point.v(), m});
  EXPECT_EQ(c, challenge(sig.r, pk, m));
  EXPECT_EQ(jubjub::generator() * (sig.u + c * sk.scalar()), sig.r);
  EXPECT_EQ(pk.point, jubjub::generator() * sk.scalar());
}

TEST(Schnorr, EverythingIsBound) {
  const SecretKey sk = key(2);
  const PublicKey pk = sk.public_key();
  const Message m = Fr::from_u64(7);
  const Signature sig = sk.sign(m, entropy(2));
  EXPECT_FALSE(pk.verify(sig, m + Fr::one()));                       // another message
  EXPECT_FALSE(key(3).public_key().verify(sig, m));                  // another key
  EXPECT_FALSE(pk.verify(Signature{sig.u + Scalar::one(), sig.r}, m));  // u changed
  EXPECT_FALSE(pk.verify(Signature{sig.u, sig.r + jubjub::generator()}, m));  // R changed
  // R with a torsion component is refused even if the equation were arranged to hold.
  const Point torsion = *Point::from_affine(Fq::zero(), -Fq::one());  // (0, -1), order 2
  EXPECT_FALSE(pk.verify(Signature{sig.u, sig.r + torsion}, m));
  EXPECT_FALSE(PublicKey{pk.point + torsion}.verify(sig, m));
}

TEST(Schnorr, NoncesAreHedged) {
  const SecretKey sk = key(4);
  const Message m = Fr::from_u64(1);
  // Equal entropy, equal signature; other entropy or another message, another nonce.
  EXPECT_EQ(sk.sign(m, entropy(9)).encode(), sk.sign(m, entropy(9)).encode());
  EXPECT_NE(sk.sign(m, entropy(9)).r, sk.sign(m, entropy(10)).r);
  EXPECT_NE(sk.sign(m, entropy(9)).r, sk.sign(m + Fr::one(), entropy(9)).r);
  // The same entropy with another key gives another nonce too.
  EXPECT_NE(key(5).sign(m, entropy(9)).r, sk.sign(m, entropy(9)).r);
  // And the two schemes never share one: with one r, the single response u1 = r - c1 sk
  // and the double one u2 = r - c2 sk would give sk = (u1 - u2) / (c2 - c1).
  const Signature single = sk.sign(m, entropy(9));
  const SignatureDouble both = sk.sign_double(m, entropy(9));
  EXPECT_NE(single.r, both.r);
  const Scalar c1 = challenge(single.r, sk.public_key(), m);
  const Scalar c2 = challenge_double(both.r, both.r_prime, sk.public_key_double(), m);
  EXPECT_NE((single.u - both.u) * (c2 - c1).inverse(), sk.scalar());
}

TEST(Schnorr, DoubleSignatures) {
  const SecretKey sk = key(6);
  const PublicKeyDouble pk = sk.public_key_double();
  EXPECT_EQ(pk.point, sk.public_key().point);
  EXPECT_EQ(pk.point_prime, jubjub::generator_nums() * sk.scalar());
  const Message m = Fr::from_u64(99);
  const SignatureDouble sig = sk.sign_double(m, entropy(6));
  EXPECT_TRUE(pk.verify(sig, m));
  const Scalar c = challenge_double(sig.r, sig.r_prime, pk, m);
  EXPECT_EQ(jubjub::generator() * (sig.u + c * sk.scalar()), sig.r);
  EXPECT_EQ(jubjub::generator_nums() * (sig.u + c * sk.scalar()), sig.r_prime);

  EXPECT_FALSE(pk.verify(sig, m + Fr::one()));
  EXPECT_FALSE(pk.verify(SignatureDouble{sig.u + Scalar::one(), sig.r, sig.r_prime}, m));
  EXPECT_FALSE(pk.verify(SignatureDouble{sig.u, sig.r_prime, sig.r}, m));  // swapped nonces
  // Both halves of the key are bound: a pk' of another key fails.
  EXPECT_FALSE((PublicKeyDouble{pk.point, key(7).public_key_double().point_prime}.verify(sig, m)));
  EXPECT_FALSE((PublicKeyDouble{key(7).public_key().point, pk.point_prime}.verify(sig, m)));
  // The double challenge differs from the single one over the same points.
  EXPECT_NE(c, challenge(sig.r, PublicKey{pk.point}, m));
}

TEST(Schnorr, EncodingsRoundTripAndRefuseBadBytes) {
  const SecretKey sk = key(8);
  const Message m = Fr::from_u64(5);
  const Signature sig = sk.sign(m, entropy(8));
  auto back = Signature::decode(sig.encode());
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(sk.public_key().verify(*back, m));
  EXPECT_EQ(back->encode(), sig.encode());

  // u >= r_J is refused.
  auto bytes = sig.encode();
  std::copy(jubjub::kSubgroupOrderLe.begin(), jubjub::kSubgroupOrderLe.end(), bytes.begin());
  EXPECT_FALSE(Signature::decode(bytes).has_value());
  // R as the identity parses but never verifies; bytes that are no point do not parse.
  bytes = sig.encode();
  const auto identity = Point{}.encode();
  std::copy(identity.begin(), identity.end(), bytes.begin() + 32);
  auto with_identity = Signature::decode(bytes);
  ASSERT_TRUE(with_identity.has_value());
  EXPECT_FALSE(sk.public_key().verify(*with_identity, m));
  std::fill(bytes.begin() + 32, bytes.end(), 0xff);
  EXPECT_FALSE(Signature::decode(bytes).has_value());

  const SignatureDouble dsig = sk.sign_double(m, entropy(8));
  auto dback = SignatureDouble::decode(dsig.encode());
  ASSERT_TRUE(dback.has_value());
  EXPECT_TRUE(sk.public_key_double().verify(*dback, m));
  auto dbytes = dsig.encode();
  dbytes[95] ^= 0x01;  // R' garbled: off the curve or another point
  auto garbled = SignatureDouble::decode(dbytes);
  EXPECT_TRUE(!garbled.has_value() || !sk.public_key_double().verify(*garbled, m));

  auto pk = PublicKey::decode(sk.public_key().encode());
  ASSERT_TRUE(pk.has_value());
  EXPECT_EQ(pk->point, sk.public_key().point);
  auto identity_key = PublicKey::decode(identity);
  ASSERT_TRUE(identity_key.has_value());
  EXPECT_FALSE(identity_key->verify(sig, m));  // u = 0 would satisfy R = uG + c*O otherwise
  EXPECT_FALSE(identity_key->verify(Signature{Scalar::zero(), Point{}}, m));
  auto pkd = PublicKeyDouble::decode(sk.public_key_double().encode());
  ASSERT_TRUE(pkd.has_value());
  EXPECT_EQ(pkd->point_prime, sk.public_key_double().point_prime);

  auto sk_back = SecretKey::from_bytes(sk.to_bytes());
  ASSERT_TRUE(sk_back.has_value());
  EXPECT_EQ(sk_back->scalar(), sk.scalar());
  EXPECT_FALSE(SecretKey::from_bytes(jubjub::kSubgroupOrderLe).has_value());
}

}  // namespace
}  // namespace dusk::crypto::schnorr
