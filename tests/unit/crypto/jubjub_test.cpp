// Jubjub (crypto/jubjub) against ../shared/testdata/crypto/jubjub/vectors.json
// (zkcrypto/jubjub's full generator and the ZIP-216 encodings of k * (8 * it) for
// k = 1..16, two non-canonical encodings, Dusk's two generators), the group laws, the
// constant-time multiplication against the variable-time one, Pedersen commitments and
// ElGamal encryption.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "crypto/jubjub/elgamal.hpp"
#include "crypto/jubjub/jubjub.hpp"
#include "crypto/jubjub/pedersen.hpp"

namespace dusk::crypto::jubjub {
namespace {

nlohmann::json vectors() {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/jubjub/vectors.json");
  return nlohmann::json::parse(f);
}

Fq fq(const std::string& hex0x) {
  auto b = from_hex(std::string_view(hex0x).substr(2));
  EXPECT_TRUE(b.ok());
  auto v = Fq::from_bytes_be(*b);
  EXPECT_TRUE(v.ok());
  return *v;
}

std::array<u8, 32> bytes32(const std::string& hex) {
  auto b = from_hex(hex);
  EXPECT_TRUE(b.ok() && b->size() == 32);
  std::array<u8, 32> out{};
  std::copy(b->begin(), b->end(), out.begin());
  return out;
}

Point point(const nlohmann::json& j) {
  auto p = Point::from_affine(fq(j["u"]), fq(j["v"]));
  EXPECT_TRUE(p.has_value());
  return p.value_or(Point{});
}

TEST(Jubjub, MultiplesOfTheFullGeneratorEncodeAsZcashs) {
  const auto v = vectors();
  const Point g = point(v["full_generator"]);
  EXPECT_FALSE(g.is_torsion_free());  // the full generator has order 8 r_J
  const Point g8 = g.mul_by_cofactor();
  EXPECT_TRUE(g8.is_prime_order());
  Point acc;
  u8 k = 0;
  for (const auto& hex : v["multiples_of_8_full_generator"]["encodings"]) {
    acc = acc + g8;
    ++k;
    const std::array<u8, 1> scalar{k};
    EXPECT_EQ(to_hex(acc.encode()), hex.get<std::string>()) << "k = " << int(k);
    EXPECT_EQ(g8.mul_vartime(scalar), acc);
    EXPECT_EQ(g8 * Scalar::from_u64(k), acc);
    auto back = Point::decode(bytes32(hex));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, acc);
    EXPECT_EQ(back->encode(), acc.encode());
  }
  EXPECT_EQ(k, 16);
}

TEST(Jubjub, NonCanonicalEncodingsAreRejected) {
  const auto v = vectors();  // kept alive: a range over a temporary's member dangles
  for (const auto& hex : v["non_canonical_rejected"]["encodings"]) {
    auto b = bytes32(hex);
    EXPECT_FALSE(Point::decode(b).has_value()) << hex;
    b[31] &= 0x7f;
    EXPECT_TRUE(Point::decode(b).has_value()) << hex << " without its sign bit";
  }
  // v >= q is refused.
  std::array<u8, 32> big{};
  big.fill(0xff);
  big[31] = 0x7f;
  EXPECT_FALSE(Point::decode(big).has_value());
}

TEST(Jubjub, DusksGeneratorsHavePrimeOrder) {
  const auto v = vectors();
  for (const char* name : {"dusk_generator", "dusk_generator_nums"}) {
    const Point g = point(v[name]);
    EXPECT_TRUE(g.is_prime_order()) << name;
    EXPECT_EQ(g, std::string(name) == "dusk_generator" ? generator() : generator_nums()) << name;
    auto back = Point::decode(g.encode());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, g);
  }
}

TEST(Jubjub, GroupLaws) {
  const Point g = point(vectors()["dusk_generator"]);
  const Point h = g.dbl() + g;  // 3g
  EXPECT_EQ(g + h, h + g);
  EXPECT_EQ((g + h) + g, g + (h + g));
  EXPECT_EQ(g + (-g), Point{});
  EXPECT_EQ(g.dbl(), g + g);
  EXPECT_EQ(g.mul_vartime(kSubgroupOrderLe), Point{});
  EXPECT_TRUE(Point{}.is_identity());
  EXPECT_FALSE(Point::from_affine(Fq::one(), Fq::one()).has_value());  // off the curve
}

// Deterministic pseudo-random scalars for the tests (not a key generator).
Scalar test_scalar(u64 i) {
  std::array<u8, 64> seed{};
  for (size_t j = 0; j < seed.size(); ++j) seed[j] = static_cast<u8>((i * 131 + j * 29 + 7) ^ (j >> 1));
  return Scalar::from_uniform_bytes(seed);
}

TEST(Jubjub, ConstantTimeMultiplicationAgreesWithVariableTime) {
  const Point g = generator();
  const Point full = point(vectors()["full_generator"]);  // has a torsion part
  std::vector<Scalar> scalars{Scalar::zero(), Scalar::one(), -Scalar::one(), Scalar::from_u64(15),
                              Scalar::from_u64(16)};
  for (u64 i = 0; i < 24; ++i) scalars.push_back(test_scalar(i));
  for (const Scalar& k : scalars) {
    const auto le = k.to_bytes_le();
    EXPECT_EQ(g * k, g.mul_vartime(le));
    EXPECT_EQ(full * k, full.mul_vartime(le));
  }
  EXPECT_EQ(g * Scalar::zero(), Point{});
  // The two-point form: a P + b Q in one pass.
  for (u64 i = 0; i < 8; ++i) {
    const Scalar a = test_scalar(200 + i), b = test_scalar(300 + i);
    EXPECT_EQ(Point::mul_add_vartime(g, a.to_bytes_le(), full, b.to_bytes_le()), g * a + full * b);
  }
  EXPECT_EQ(Point::mul_add_vartime(g, Scalar::zero().to_bytes_le(), full, Scalar::zero().to_bytes_le()), Point{});
  EXPECT_EQ(g * -Scalar::one(), -g);  // (r_J - 1) G
  // Scalar arithmetic matches the group: (a + b) G = aG + bG, (a b) G = a (b G).
  const Scalar a = test_scalar(100), b = test_scalar(101);
  EXPECT_EQ(g * (a + b), g * a + g * b);
  EXPECT_EQ(g * (a * b), (g * b) * a);
  EXPECT_EQ(g * (a * a.inverse()), g);
}

TEST(Jubjub, ScalarsEncodeBelowTheSubgroupOrder) {
  EXPECT_EQ(Scalar::Constants::kBits, 252u);
  std::array<u8, 32> order = kSubgroupOrderLe;
  EXPECT_FALSE(Scalar::from_bytes_le(order).ok());  // r_J itself
  order[0] -= 1;
  auto max = Scalar::from_bytes_le(order);
  ASSERT_TRUE(max.ok());
  EXPECT_EQ(*max, -Scalar::one());
}

TEST(Jubjub, PedersenCommitmentsAreHomomorphicAndBinding) {
  const Scalar v1 = Scalar::from_u64(1'000), v2 = Scalar::from_u64(234);
  const Scalar b1 = test_scalar(1), b2 = test_scalar(2);
  const Point c1 = pedersen_commit(v1, b1), c2 = pedersen_commit(v2, b2);
  EXPECT_EQ(c1 + c2, pedersen_commit(v1 + v2, b1 + b2));
  EXPECT_EQ(c1, generator() * v1 + generator_nums() * b1);
  EXPECT_NE(c1, pedersen_commit(v1 + Scalar::one(), b1));  // another value
  EXPECT_NE(c1, pedersen_commit(v1, b1 + Scalar::one()));  // another blinder
  EXPECT_TRUE(c1.is_prime_order());
  // The generators are independent: no small multiple of G is G'.
  Point acc;
  for (int k = 1; k <= 1000; ++k) {
    acc = acc + generator();
    ASSERT_NE(acc, generator_nums()) << k;
  }
}

TEST(Jubjub, ElGamalDecryptsWithTheRightKeyOnly) {
  const Scalar sk = test_scalar(10), other = test_scalar(11);
  const Point pk = generator() * sk;
  const Point message = generator_nums() * test_scalar(12);
  const ElGamalCiphertext c = elgamal_encrypt(pk, message, test_scalar(13));
  EXPECT_EQ(elgamal_decrypt(sk, c), message);
  EXPECT_NE(elgamal_decrypt(other, c), message);
  EXPECT_NE(c.delta, message);  // the message is masked
  // Fresh randomness gives another ciphertext of the same message.
  const ElGamalCiphertext c2 = elgamal_encrypt(pk, message, test_scalar(14));
  EXPECT_NE(c2.gamma, c.gamma);
  EXPECT_EQ(elgamal_decrypt(sk, c2), message);
}

}  // namespace
}  // namespace dusk::crypto::jubjub
