// RFC 9380 hashing to BLS12-381: expand_message_xmd (appendix K.1 vectors) and
// hash_to_curve / encode_to_curve (appendix J.9, J.10: G1 and G2, RO and NU), read from
// ../shared/testdata/crypto/rfc9380 (the JSON files of the RFC's repository).
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/bls12_381/hash_to_curve.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;

std::string read_vectors(const std::string& name) {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/rfc9380/" + name);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Every string value of `"key": "..."` in document order. The vector files hold no
// escaped quotes, so a plain scan is enough (no JSON library in the tree).
std::vector<std::string> values_of(const std::string& doc, const std::string& key) {
  std::vector<std::string> out;
  const std::string pat = "\"" + key + "\":";
  for (size_t pos = doc.find(pat); pos != std::string::npos; pos = doc.find(pat, pos + 1)) {
    size_t a = doc.find('"', pos + pat.size());
    size_t b = doc.find('"', a + 1);
    out.push_back(doc.substr(a + 1, b - a - 1));
  }
  return out;
}

Bytes bytes_of(const std::string& s) { return Bytes(s.begin(), s.end()); }

void check_expand_file(const std::string& name) {
  std::string doc = read_vectors(name);
  ASSERT_FALSE(doc.empty()) << name;
  auto dst = values_of(doc, "DST");
  auto msgs = values_of(doc, "msg");
  auto lens = values_of(doc, "len_in_bytes");
  auto outs = values_of(doc, "uniform_bytes");
  ASSERT_EQ(dst.size(), 1u);
  ASSERT_EQ(msgs.size(), lens.size());
  ASSERT_EQ(msgs.size(), outs.size());
  ASSERT_GE(msgs.size(), 10u);
  for (size_t i = 0; i < msgs.size(); ++i) {
    size_t len = std::stoul(lens[i], nullptr, 16);
    Bytes out(len);
    Bytes msg = bytes_of(msgs[i]), d = bytes_of(dst[0]);
    ASSERT_TRUE(expand_message_xmd(out, msg, d));
    EXPECT_EQ(to_hex(out), outs[i]) << name << " #" << i;
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

// One test vector of a hash-to-curve file: msg, the u values, the points Q0, Q1 (or
// Q for _NU_) of map_to_curve, and the output P, each as (x, y) hex strings.
struct CurveVector {
  std::string msg;
  std::vector<std::string> u;
  std::vector<std::pair<std::string, std::string>> points;  // P first, then Q0, Q1 / Q
};

std::vector<CurveVector> curve_vectors(const std::string& doc) {
  std::vector<CurveVector> out;
  const std::string start = "\"P\": {";
  for (size_t pos = doc.find(start); pos != std::string::npos;) {
    size_t next = doc.find(start, pos + 1);
    std::string chunk = doc.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    CurveVector v;
    v.msg = values_of(chunk, "msg").at(0);
    auto xs = values_of(chunk, "x"), ys = values_of(chunk, "y");
    for (size_t i = 0; i < xs.size(); ++i) v.points.emplace_back(xs[i], ys.at(i));
    size_t a = chunk.find('[', chunk.find("\"u\":"));
    size_t b = chunk.find(']', a);
    std::string arr = chunk.substr(a, b - a);
    for (size_t q = arr.find('"'); q != std::string::npos; q = arr.find('"', q + 1)) {
      size_t e = arr.find('"', q + 1);
      v.u.push_back(arr.substr(q + 1, e - q - 1));
      q = e;
    }
    out.push_back(v);
    pos = next;
  }
  return out;
}

template <typename P>
void expect_point(const P& p, const std::pair<std::string, std::string>& want,
                  const std::string& what) {
  using F = typename P::F;
  auto a = p.to_affine();
  ASSERT_FALSE(a.infinity) << what;
  EXPECT_TRUE(a.x == fe_of(want.first, static_cast<F*>(nullptr))) << what << " x";
  EXPECT_TRUE(a.y == fe_of(want.second, static_cast<F*>(nullptr))) << what << " y";
}

// Runs one suite file: checks hash_to_field's u, map_to_curve's Q points and the output
// P of hash (RO, two u) or encode (NU, one u).
template <typename P, typename F, typename Map, typename Hash>
void check_suite(const std::string& name, bool ro, Map map, Hash hash) {
  std::string doc = read_vectors(name);
  ASSERT_FALSE(doc.empty()) << name;
  auto dst = values_of(doc, "dst");
  ASSERT_EQ(dst.size(), 1u);
  Bytes d = bytes_of(dst[0]);
  auto vectors = curve_vectors(doc);
  ASSERT_EQ(vectors.size(), 5u) << name;
  const size_t count = ro ? 2 : 1;
  for (size_t i = 0; i < vectors.size(); ++i) {
    const auto& v = vectors[i];
    std::string what = name + " #" + std::to_string(i) + " msg=" + v.msg.substr(0, 16);
    Bytes msg = bytes_of(v.msg);
    ASSERT_EQ(v.u.size(), count) << what;
    ASSERT_EQ(v.points.size(), 1 + count) << what;
    std::array<F, 2> u;
    ASSERT_TRUE(hash_to_field(std::span<F>(u.data(), count), msg, d));
    for (size_t j = 0; j < count; ++j) {
      EXPECT_TRUE(u[j] == fe_of(v.u[j], static_cast<F*>(nullptr))) << what << " u" << j;
      expect_point(map(u[j]), v.points[1 + j], what + " Q" + std::to_string(j));
    }
    expect_point(hash(msg, d), v.points[0], what + " P");
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
