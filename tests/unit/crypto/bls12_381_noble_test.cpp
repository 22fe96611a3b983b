// Differential test of src/crypto/bls12_381 against @noble/curves: scalar multiplication
// (constant-time, wNAF and GLV/GLS), addition, pairing products, hash_to_curve and
// encode_to_curve, and decoding of valid and invalid encodings. The cases come from
// bls12_381_noble_oracle.mjs (see its header for the line format); ~5,300 by default,
// DUSK_NOBLE_SCALE multiplies them (the default scale is 10).
//
// Decoding: we follow the ZCash encoding strictly. noble is more lenient in two places,
// both measured with this oracle (noble/curves 1.9.7): it reduces coordinates >= p
// instead of rejecting them, and it accepts the G1 identity with the sort flag set. For
// those inputs the test requires that we reject and counts noble's acceptances; for every
// other kind the two verdicts must agree.
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/bls12_381/hash_to_curve.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"
#include "support/node_oracle.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;
using dusk::testing::NodeOracle;
using dusk::testing::oracle_hex;
using dusk::testing::parse_oracle_case;
using Case = dusk::testing::OracleCase;

G1Affine g1_of(const std::string& s) {
  const Bytes b = oracle_hex(s);
  auto p = b.size() == kG1CompressedSize ? g1_from_compressed(b) : g1_from_uncompressed(b);
  EXPECT_TRUE(p.ok()) << s;
  return p.ok() ? *p : G1Affine::identity();
}
G2Affine g2_of(const std::string& s) {
  const Bytes b = oracle_hex(s);
  auto p = b.size() == kG2CompressedSize ? g2_from_compressed(b) : g2_from_uncompressed(b);
  EXPECT_TRUE(p.ok()) << s;
  return p.ok() ? *p : G2Affine::identity();
}
Fr scalar_of(const std::string& s) {
  auto k = Fr::from_bytes_be(oracle_hex(s));
  EXPECT_TRUE(k.ok()) << s;
  return k.ok() ? *k : Fr::zero();
}
std::string hex_of(const G1& p) { return to_hex(g1_to_compressed(p.to_affine())); }
std::string hex_of(const G2& p) { return to_hex(g2_to_compressed(p.to_affine())); }

std::vector<std::string> coefficients(const Fp12& f) {
  std::vector<std::string> out;
  for (const auto* c6 : {&f.c0, &f.c1})
    for (const auto* c2 : {&c6->c0, &c6->c1, &c6->c2})
      for (const auto* c : {&c2->c0, &c2->c1}) out.push_back(to_hex(c->to_bytes_be()));
  return out;
}

// One oracle line: `op inputs... | outputs...`.
class NobleDifferential : public ::testing::Test {
 protected:
  std::map<std::string, int> checked_;
  std::map<std::string, int> noble_lenient_;
  int failures_ = 0;

  void fail(const std::string& what, const std::string& line) {
    if (++failures_ <= 20) ADD_FAILURE() << what << "\n  case: " << line.substr(0, 600);
  }

  void check_mul(const Case& c, const std::string& line) {
    const Fr k = scalar_of(c.in[1]);
    if (c.op == "g1mul") {
      const G1 p = G1::from_affine(g1_of(c.in[0]));
      for (const G1& got : {p.mul(k), p.mul_vartime(k), g1_mul_glv(p, k)})
        if (hex_of(got) != c.out[0]) fail("g1 mul differs: " + hex_of(got), line);
    } else {
      const G2 p = G2::from_affine(g2_of(c.in[0]));
      for (const G2& got : {p.mul(k), p.mul_vartime(k), g2_mul_gls(p, k)})
        if (hex_of(got) != c.out[0]) fail("g2 mul differs: " + hex_of(got), line);
    }
  }

  void check_add(const Case& c, const std::string& line) {
    if (c.op == "g1add") {
      const G1 p = G1::from_affine(g1_of(c.in[0]));
      const G1Affine q = g1_of(c.in[1]);
      for (const G1& got : {p + G1::from_affine(q), p.add_mixed(q)})
        if (hex_of(got) != c.out[0]) fail("g1 add differs: " + hex_of(got), line);
    } else {
      const G2 p = G2::from_affine(g2_of(c.in[0]));
      const G2Affine q = g2_of(c.in[1]);
      for (const G2& got : {p + G2::from_affine(q), p.add_mixed(q)})
        if (hex_of(got) != c.out[0]) fail("g2 add differs: " + hex_of(got), line);
    }
  }

  void check_pairing(const Case& c, const std::string& line) {
    const size_t n = std::stoul(c.in[0]);
    ASSERT_EQ(c.in.size(), 1 + 2 * n) << line;
    std::vector<PairingInput> pairs;
    for (size_t i = 0; i < n; ++i) pairs.emplace_back(g1_of(c.in[1 + 2 * i]), g2_of(c.in[2 + 2 * i]));
    if (coefficients(multi_pairing(pairs)) != c.out) fail("pairing product differs", line);
  }

  void check_hash(const Case& c, const std::string& line) {
    const Bytes msg = oracle_hex(c.in[0]), dst = oracle_hex(c.in[1]);
    if (c.op == "h2g1") {
      if (hex_of(hash_to_g1(msg, dst)) != c.out[0]) fail("hash_to_g1 differs", line);
      if (hex_of(encode_to_g1(msg, dst)) != c.out[1]) fail("encode_to_g1 differs", line);
    } else {
      if (hex_of(hash_to_g2(msg, dst)) != c.out[0]) fail("hash_to_g2 differs", line);
      if (hex_of(encode_to_g2(msg, dst)) != c.out[1]) fail("encode_to_g2 differs", line);
    }
  }

  void check_decode(const Case& c, const std::string& line) {
    const Bytes b = oracle_hex(c.in[0]);
    const std::string& kind = c.in[1];
    const bool noble_ok = c.out[0] == "ok";
    bool ours_ok = false;
    Bytes reencoded;
    const auto keep = [&](const auto& encoding) {
      ours_ok = true;
      reencoded.assign(encoding.begin(), encoding.end());
    };
    if (c.op == "dec1c") {
      if (auto p = g1_from_compressed(b); p.ok()) keep(g1_to_compressed(*p));
    } else if (c.op == "dec1u") {
      if (auto p = g1_from_uncompressed(b); p.ok()) keep(g1_to_uncompressed(*p));
    } else if (c.op == "dec2c") {
      if (auto p = g2_from_compressed(b); p.ok()) keep(g2_to_compressed(*p));
    } else {
      if (auto p = g2_from_uncompressed(b); p.ok()) keep(g2_to_uncompressed(*p));
    }
    if (kind == "valid") {
      if (!ours_ok || !noble_ok) fail("a valid encoding was rejected", line);
      else if (reencoded != b) fail("decode-then-encode is not the identity", line);
      return;
    }
    if (ours_ok) fail("an invalid encoding (" + kind + ") was accepted", line);
    if (noble_ok) {
      const bool known = kind == "noncanon" || (kind == "infinity" && c.op.starts_with("dec1"));
      if (known) ++noble_lenient_[c.op + " " + kind];
      else fail("noble accepts an invalid encoding (" + kind + ") it should reject", line);
    }
  }
};

TEST_F(NobleDifferential, MatchesNobleCurves) {
  ASSERT_TRUE(dusk::testing::node_available())
      << "node not found on PATH: run scripts/install-deps.sh (it installs Node.js and the "
         "pinned npm packages)";
  NodeOracle oracle(DUSK_BLS12_381_NOBLE_ORACLE, std::to_string(dusk::testing::oracle_scale(10)));
  ASSERT_TRUE(oracle.started());
  std::string line;
  while (oracle.next_line(line)) {
    const Case c = parse_oracle_case(line);
    if (c.op.ends_with("mul")) check_mul(c, line);
    else if (c.op.ends_with("add")) check_add(c, line);
    else if (c.op == "pair") check_pairing(c, line);
    else if (c.op.starts_with("h2g")) check_hash(c, line);
    else if (c.op.starts_with("dec")) check_decode(c, line);
    else fail("unknown oracle operation", line);
    ++checked_[c.op];
  }
  EXPECT_EQ(oracle.finish(), 0)
      << "the oracle failed; if it cannot find @noble/curves, run scripts/install-deps.sh";
  int total = 0;
  for (const auto& [op, n] : checked_) {
    std::printf("  %-6s %5d cases\n", op.c_str(), n);
    total += n;
  }
  for (const auto& [what, n] : noble_lenient_)
    std::printf("  noble accepts, we reject (strict ZCash encoding): %s x%d\n", what.c_str(), n);
  std::printf("  %d cases, %d failures\n", total, failures_);
  // Every operation must have been exercised; a truncated oracle run is a failure.
  for (const char* op : {"g1mul", "g2mul", "g1add", "g2add", "pair", "h2g1", "h2g2", "dec1c",
                         "dec1u", "dec2c", "dec2u"})
    EXPECT_GT(checked_[op], 0) << op;
  EXPECT_EQ(failures_, 0);
}

}  // namespace
}  // namespace dusk::crypto
