// RFC 9380 hashing to BLS12-381: expand_message_xmd (appendix K.1 vectors) and
// hash_to_curve / encode_to_curve (appendix J.9, J.10: G1 and G2, RO and NU), read from
// ../shared/testdata/crypto/rfc9380 (the JSON files of the RFC's repository).
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crypto/bls12_381/hash_to_curve.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;

nlohmann::json read_vectors(const std::string& name) {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/rfc9380/" + name);
  return nlohmann::json::parse(f, nullptr, /*allow_exceptions=*/false);
}

Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }

void check_expand_file(const std::string& name) {
  const nlohmann::json doc = read_vectors(name);
  ASSERT_TRUE(doc.is_object()) << name;
  const Bytes d = bytes_of(doc.at("DST").get<std::string>());
  const auto& tests = doc.at("tests");
  ASSERT_GE(tests.size(), 10u);
  for (size_t i = 0; i < tests.size(); ++i) {
    const auto& t = tests[i];
    Bytes out(std::stoul(t.at("len_in_bytes").get<std::string>(), nullptr, 16));
    const Bytes msg = bytes_of(t.at("msg").get<std::string>());
    ASSERT_TRUE(expand_message_xmd(out, msg, d));
    EXPECT_EQ(to_hex(out), t.at("uniform_bytes").get<std::string>()) << name << " #" << i;
  }
}

TEST(ExpandMessageXmd, Rfc9380ShortDst) { check_expand_file("expand_message_xmd_SHA256_38.json"); }
TEST(ExpandMessageXmd, Rfc9380LongDst) { check_expand_file("expand_message_xmd_SHA256_256.json"); }

Fp fp_of(const std::string& hex) {
  auto f = Fp::from_canonical(ff::from_hex<6>(hex));
  EXPECT_TRUE(f.has_value()) << hex;
  return f.value_or(Fp::zero());
}
Fp fe_of(const std::string& hex, Fp*) { return fp_of(hex); }
// Fp2 as "c0,c1" in the vector files.
Fp2 fe_of(const std::string& hex, Fp2*) {
  size_t comma = hex.find(',');
  return Fp2(fp_of(hex.substr(0, comma)), fp_of(hex.substr(comma + 1)));
}

template <typename P>
void expect_point(const P& p, const nlohmann::json& want, const std::string& what) {
  using F = typename P::F;
  auto a = p.to_affine();
  ASSERT_FALSE(a.infinity) << what;
  EXPECT_TRUE(a.x == fe_of(want.at("x").get<std::string>(), static_cast<F*>(nullptr))) << what << " x";
  EXPECT_TRUE(a.y == fe_of(want.at("y").get<std::string>(), static_cast<F*>(nullptr))) << what << " y";
}

// Runs one suite file: checks hash_to_field's u, map_to_curve's Q points and the output
// P of hash (RO, two u) or encode (NU, one u).
template <typename P, typename F, typename Map, typename Hash>
void check_suite(const std::string& name, bool ro, Map map, Hash hash) {
  const nlohmann::json doc = read_vectors(name);
  ASSERT_TRUE(doc.is_object()) << name;
  const Bytes d = bytes_of(doc.at("dst").get<std::string>());
  const auto& vectors = doc.at("vectors");
  ASSERT_EQ(vectors.size(), 5u) << name;
  const size_t count = ro ? 2 : 1;
  for (size_t i = 0; i < vectors.size(); ++i) {
    const auto& v = vectors[i];
    const std::string m = v.at("msg").get<std::string>();
    const std::string what = name + " #" + std::to_string(i) + " msg=" + m.substr(0, 16);
    const Bytes msg = bytes_of(m);
    ASSERT_EQ(v.at("u").size(), count) << what;
    std::array<F, 2> u;
    ASSERT_TRUE(hash_to_field(std::span<F>(u.data(), count), msg, d));
    for (size_t j = 0; j < count; ++j) {
      EXPECT_TRUE(u[j] == fe_of(v.at("u")[j].get<std::string>(), static_cast<F*>(nullptr))) << what << " u" << j;
      const std::string q = ro ? "Q" + std::to_string(j) : "Q";
      expect_point(map(u[j]), v.at(q), what + " " + q);
    }
    expect_point(hash(msg, d), v.at("P"), what + " P");
  }
}

TEST(HashToCurve, G1RandomOracle) {
  check_suite<G1, Fp>("BLS12381G1_XMD:SHA-256_SSWU_RO_.json", true, map_to_g1, hash_to_g1);
}
TEST(HashToCurve, G1NonUniform) {
  check_suite<G1, Fp>("BLS12381G1_XMD:SHA-256_SSWU_NU_.json", false, map_to_g1, encode_to_g1);
}
TEST(HashToCurve, G2RandomOracle) {
  check_suite<G2, Fp2>("BLS12381G2_XMD:SHA-256_SSWU_RO_.json", true, map_to_g2, hash_to_g2);
}
TEST(HashToCurve, G2NonUniform) {
  check_suite<G2, Fp2>("BLS12381G2_XMD:SHA-256_SSWU_NU_.json", false, map_to_g2, encode_to_g2);
}

// u = 0 is the exceptional case of SSWU (x1 = B / (Z A)); the result must still be a
// curve point, and a subgroup point after clearing.
TEST(HashToCurve, ExceptionalInputs) {
  G1 p1 = map_to_g1(Fp::zero());
  EXPECT_TRUE(p1.is_on_curve());
  EXPECT_TRUE(g1_in_subgroup(g1_clear_cofactor(p1)));
  G2 p2 = map_to_g2(Fp2::zero());
  EXPECT_TRUE(p2.is_on_curve());
  EXPECT_TRUE(g2_in_subgroup(g2_clear_cofactor(p2)));
  Bytes d = bytes_of("DST");
  EXPECT_TRUE(g1_in_subgroup(hash_to_g1({}, d)));
  EXPECT_TRUE(g2_in_subgroup(hash_to_g2({}, d)));
}

TEST(ExpandMessageXmd, RejectsBadLengths) {
  Bytes d = bytes_of("DST");
  Bytes out0;
  EXPECT_FALSE(expand_message_xmd(out0, {}, d));
  Bytes big(8161);
  EXPECT_FALSE(expand_message_xmd(big, {}, d));
  Bytes max(8160);
  EXPECT_TRUE(expand_message_xmd(max, {}, d));
}

}  // namespace
}  // namespace dusk::crypto
