// Differential test of src/crypto/bls against @noble/curves (an independent
// implementation): for both variants, public keys, signatures and proofs of possession
// must equal noble's byte for byte, and aggregates of keys and signatures too; our
// verify, pop_verify, fast_aggregate_verify and aggregate_verify must accept them. This
// is the external check of the min-sig variant, for which no published vectors are at
// hand. Cases come from bls_noble_oracle.mjs (see its header); DUSK_NOBLE_SCALE
// multiplies their number (default 4: 112 lines).
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/bls/scheme.hpp"
#include "support/node_oracle.hpp"

namespace dusk::crypto::bls {
namespace {

using dusk::testing::NodeOracle;
using dusk::testing::oracle_hex;
using dusk::testing::split_fields;
using dusk::testing::parse_oracle_case;
using Case = dusk::testing::OracleCase;

template <typename V>
class Checker {
 public:
  using S = Scheme<V>;

  // sk msg | pk sig pop
  void sign(const std::vector<std::string>& f) {
    ASSERT_EQ(f.size(), 8u);
    auto sk = SecretKey::from_bytes(oracle_hex(f[2]));
    ASSERT_TRUE(sk.ok()) << f[2];
    const Bytes msg = oracle_hex(f[3]);
    const auto pk = S::sk_to_pk(*sk);
    const auto sig = S::sign(*sk, msg);
    const auto pop = S::pop_prove(*sk);
    EXPECT_EQ(to_hex(pk.to_bytes()), f[5]) << f[2];
    EXPECT_EQ(to_hex(sig.to_bytes()), f[6]) << f[2] << " " << f[3];
    EXPECT_EQ(to_hex(pop.to_bytes()), f[7]) << f[2];
    EXPECT_TRUE(S::verify(oracle_hex(f[5]), msg, oracle_hex(f[6])).ok());
    EXPECT_TRUE(S::pop_verify(pk, pop).ok());
  }

  // n sk_1..sk_n msg | apk agg
  void fast(const std::vector<std::string>& f) {
    const size_t n = std::stoul(f[2]);
    ASSERT_EQ(f.size(), 7 + n);
    const Bytes msg = oracle_hex(f[3 + n]);
    std::vector<typename S::PublicKey> pks;
    std::vector<typename S::Signature> sigs;
    for (size_t i = 0; i < n; ++i) {
      auto sk = SecretKey::from_bytes(oracle_hex(f[3 + i]));
      ASSERT_TRUE(sk.ok());
      pks.push_back(S::sk_to_pk(*sk));
      sigs.push_back(S::sign(*sk, msg));
    }
    auto apk = S::aggregate_public_keys(pks);
    auto agg = S::aggregate(sigs);
    ASSERT_TRUE(apk.ok() && agg.ok());
    EXPECT_EQ(to_hex(apk->to_bytes()), f[5 + n]);
    EXPECT_EQ(to_hex(agg->to_bytes()), f[6 + n]);
    EXPECT_TRUE(S::fast_aggregate_verify(pks, msg, *agg).ok());
  }

  // n sk_1..sk_n msg_1..msg_n | agg
  void multi(const std::vector<std::string>& f) {
    const size_t n = std::stoul(f[2]);
    ASSERT_EQ(f.size(), 5 + 2 * n);
    std::vector<Bytes> msgs;
    std::vector<typename S::PublicKey> pks;
    std::vector<typename S::Signature> sigs;
    for (size_t i = 0; i < n; ++i) msgs.push_back(oracle_hex(f[3 + n + i]));
    for (size_t i = 0; i < n; ++i) {
      auto sk = SecretKey::from_bytes(oracle_hex(f[3 + i]));
      ASSERT_TRUE(sk.ok());
      pks.push_back(S::sk_to_pk(*sk));
      sigs.push_back(S::sign(*sk, msgs[i]));
    }
    auto agg = S::aggregate(sigs);
    ASSERT_TRUE(agg.ok());
    EXPECT_EQ(to_hex(agg->to_bytes()), f[4 + 2 * n]);
    const std::vector<ByteView> views(msgs.begin(), msgs.end());
    EXPECT_TRUE(S::aggregate_verify(pks, views, *agg).ok());
  }
};

TEST(BlsNoble, SignaturesMatchNoble) {
  if (!dusk::testing::node_available())
    GTEST_SKIP() << "node not found on PATH (scripts/install-deps.sh installs it)";
  NodeOracle oracle(DUSK_BLS_NOBLE_ORACLE, std::to_string(dusk::testing::oracle_scale(4)));
  ASSERT_TRUE(oracle.started());
  Checker<MinSig> minsig;
  Checker<MinPk> minpk;
  size_t lines = 0, min_sig_lines = 0;
  std::string line;
  while (oracle.next_line(line)) {
    const auto f = split_fields(line);
    ASSERT_GE(f.size(), 5u) << line;
    ASSERT_NE(f.back(), "rejected") << "noble rejected its own case: " << line;
    const bool is_minsig = f[1] == "minsig";
    ASSERT_TRUE(is_minsig || f[1] == "minpk") << line;
    if (f[0] == "sign") {
      is_minsig ? minsig.sign(f) : minpk.sign(f);
    } else if (f[0] == "fast") {
      is_minsig ? minsig.fast(f) : minpk.fast(f);
    } else if (f[0] == "multi") {
      is_minsig ? minsig.multi(f) : minpk.multi(f);
    } else {
      FAIL() << "unknown case: " << line;
    }
    ++lines;
    if (is_minsig) ++min_sig_lines;
    if (HasFailure()) break;  // one mismatch is enough to read
  }
  EXPECT_EQ(oracle.finish(), 0) << "the oracle did not run to the end (is node_modules installed?)";
  EXPECT_EQ(lines, static_cast<size_t>(28 * dusk::testing::oracle_scale(4)));
  EXPECT_EQ(min_sig_lines, static_cast<size_t>(14 * dusk::testing::oracle_scale(4)));
}

}  // namespace
}  // namespace dusk::crypto::bls
