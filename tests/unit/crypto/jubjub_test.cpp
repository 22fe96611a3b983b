// Jubjub (crypto/jubjub) against ../shared/testdata/crypto/jubjub/vectors.json
// (zkcrypto/jubjub's full generator and the ZIP-216 encodings of k * (8 * it) for
// k = 1..16, two non-canonical encodings, Dusk's two generators), and the group laws.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "crypto/jubjub/jubjub.hpp"

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
    EXPECT_EQ(g8.mul(scalar), acc);
    auto back = Point::decode(bytes32(hex));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, acc);
    EXPECT_EQ(back->encode(), acc.encode());
  }
  EXPECT_EQ(k, 16);
}

TEST(Jubjub, NonCanonicalEncodingsAreRejected) {
  for (const auto& hex : vectors()["non_canonical_rejected"]["encodings"]) {
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
  EXPECT_EQ(g.mul(kSubgroupOrderLe), Point{});
  EXPECT_TRUE(Point{}.is_identity());
  EXPECT_FALSE(Point::from_affine(Fq::one(), Fq::one()).has_value());  // off the curve
}

}  // namespace
}  // namespace dusk::crypto::jubjub
