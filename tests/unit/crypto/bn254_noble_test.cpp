// Differential test of src/crypto/bn254 against @noble/curves: G1/G2 multiplication
// (constant-time, wNAF, and GLV on G1) and addition, pairing products, and EIP-196/197 decoding of
// valid and invalid points (off the curve, G2 outside the subgroup, coordinates >= p).
// The cases come from bn254_noble_oracle.mjs (see its header for the line format);
// about 1,300 by default, DUSK_NOBLE_SCALE multiplies them (default 10).
//
// Pairing values: noble's final exponentiation raises to m (p^12 - 1)/r with
// m = 2u(6u^2 + 3u + 1) (the Fuentes-Castaneda et al. chain), ours to (p^12 - 1)/r
// exactly; the test compares noble's product with ours raised to m, and both "is one"
// verdicts (m is prime to r, so they agree).
#include <cstdlib>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/bn254/encoding.hpp"
#include "crypto/bn254/pairing.hpp"
#include "support/node_oracle.hpp"

namespace dusk::crypto::bn254 {
namespace {

using dusk::testing::NodeOracle;
using dusk::testing::oracle_hex;
using dusk::testing::parse_oracle_case;
using Case = dusk::testing::OracleCase;

// m = 2u(6u^2 + 3u + 1) as an exponent (< r, so Fr arithmetic computes it exactly).
std::array<u64, 4> noble_power() {
  const Fr u = Fr::from_u64(kU);
  const Fr m = (u + u) * (Fr::from_u64(6) * u * u + Fr::from_u64(3) * u + Fr::one());
  return m.to_canonical();
}

std::vector<std::string> coefficients(const Fp12& f) {
  std::vector<std::string> out;
  for (const auto* c6 : {&f.c0, &f.c1})
    for (const auto* c2 : {&c6->c0, &c6->c1, &c6->c2})
      for (const auto* c : {&c2->c0, &c2->c1}) out.push_back(to_hex(c->to_bytes_be()));
  return out;
}

class NobleBn254 : public ::testing::Test {
 protected:
  void fail(const std::string& what, const std::string& line) {
    ++failures_;
    if (failures_ <= 10) ADD_FAILURE() << what << "\n  " << line;
  }

  template <typename P>
  void check_mul(const Case& c, const std::string& line, crypto::EncodingResult<typename P::AffinePoint> (*dec)(ByteView)) {
    auto p = dec(oracle_hex(c.in.at(0)));
    auto k = Fr::from_bytes_be(oracle_hex(c.in.at(1)));
    if (!p.ok() || !k.ok()) return fail("input rejected", line);
    const P pp = P::from_affine(*p);
    const auto want = oracle_hex(c.out.at(0));
    const P ct = pp.mul(*k), vt = pp.mul_vartime(*k);
    if (!(ct == vt)) return fail("mul != mul_vartime", line);
    if constexpr (std::is_same_v<P, G1>) {
      if (!(g1_mul_glv(pp, *k) == vt)) return fail("g1_mul_glv != mul_vartime", line);
    }
    if (encode(ct.to_affine()) != want) fail("mul differs", line);
  }
  template <typename P>
  void check_add(const Case& c, const std::string& line, crypto::EncodingResult<typename P::AffinePoint> (*dec)(ByteView)) {
    auto a = dec(oracle_hex(c.in.at(0)));
    auto b = dec(oracle_hex(c.in.at(1)));
    if (!a.ok() || !b.ok()) return fail("input rejected", line);
    const P s = P::from_affine(*a) + P::from_affine(*b);
    if (!(s == P::from_affine(*a).add_mixed(*b))) return fail("add != add_mixed", line);
    if (encode(s.to_affine()) != oracle_hex(c.out.at(0))) fail("add differs", line);
  }
  static Bytes encode(const G1Affine& p) {
    auto e = encode_g1(p);
    return Bytes(e.begin(), e.end());
  }
  static Bytes encode(const G2Affine& q) {
    auto e = encode_g2(q);
    return Bytes(e.begin(), e.end());
  }
  void check_pairing(const Case& c, const std::string& line) {
    const size_t n = std::stoul(c.in.at(0));
    std::vector<PairingInput> pairs;
    for (size_t i = 0; i < n; ++i) {
      auto p = decode_g1(oracle_hex(c.in.at(1 + 2 * i)));
      auto q = decode_g2(oracle_hex(c.in.at(2 + 2 * i)));
      if (!p.ok() || !q.ok()) return fail("pairing input rejected", line);
      pairs.emplace_back(*p, *q);
    }
    const Fp12 f = multi_pairing(pairs);
    if (f.is_one() != (c.out.at(0) == "1")) return fail("is-one verdicts differ", line);
    const auto want = std::vector<std::string>(c.out.begin() + 1, c.out.end());
    if (coefficients(f.pow(noble_power())) != want) fail("pairing product differs", line);
  }
  void check_decode(const Case& c, const std::string& line) {
    const Bytes b = oracle_hex(c.in.at(0));
    const bool ours = c.op == "dec1" ? decode_g1(b).ok() : decode_g2(b).ok();
    const bool theirs = c.out.at(0) == "ok";
    if (ours != theirs) fail("decoding verdicts differ (" + c.in.at(1) + ")", line);
    const std::string& kind = c.in.at(1);
    if (ours != (kind == "valid" || kind == "infinity")) fail("verdict contradicts kind", line);
  }

  std::map<std::string, int> checked_;
  int failures_ = 0;
};

TEST_F(NobleBn254, MatchesNobleCurves) {
  ASSERT_TRUE(dusk::testing::node_available())
      << "node not found on PATH: run scripts/install-deps.sh";
  NodeOracle oracle(DUSK_BN254_NOBLE_ORACLE, std::to_string(dusk::testing::oracle_scale(10)));
  ASSERT_TRUE(oracle.started());
  std::string line;
  while (oracle.next_line(line)) {
    const Case c = parse_oracle_case(line);
    if (c.op == "g1mul") check_mul<G1>(c, line, decode_g1);
    else if (c.op == "g2mul") check_mul<G2>(c, line, decode_g2);
    else if (c.op == "g1add") check_add<G1>(c, line, decode_g1);
    else if (c.op == "g2add") check_add<G2>(c, line, decode_g2);
    else if (c.op == "pair") check_pairing(c, line);
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
  std::printf("  %d cases, %d failures\n", total, failures_);
  for (const char* op : {"g1mul", "g2mul", "g1add", "g2add", "pair", "dec1", "dec2"})
    EXPECT_GT(checked_[op], 0) << op;
  EXPECT_EQ(failures_, 0);
}

}  // namespace
}  // namespace dusk::crypto::bn254
