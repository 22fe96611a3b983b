// Genesis files (duskds/genesis.hpp): a complete file read field by field into a working
// ledger, and each kind of malformed file refused with an error naming the field.
#include "duskds/genesis.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "ds_test_util.hpp"

namespace dusk::ds {
namespace {

class GenesisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    keys_ = new std::vector<std::string>();
    for (u32 i = 0; i < 3; ++i) keys_->push_back(to_hex(test::signer(400 + i).key));
  }
  static void TearDownTestSuite() { delete keys_; }
  static const std::string& key(size_t i) { return (*keys_)[i]; }

  // A valid genesis; `replace` swaps one line (matched by its start) for another text.
  static std::string text(std::string_view find = {}, std::string_view with = {}) {
    std::string t =
        "chain_id = 3\n"
        "block_time_ms = 10000\n"
        "[staking]\n"
        "epoch_length = 2160\n"
        "minimum_stake = 1000\n"
        "generator_share_bps = 8000\n"
        "[[emission]]\n"
        "blocks = 100\n"
        "reward = 50\n"
        "[[emission]]\n"
        "blocks = 200\n"
        "reward = 25\n"
        "[[moonlight]]\n"
        "key = \"0x" +
        key(0) +
        "\"\n"
        "balance = 123456789\n"
        "[[moonlight]]\n"
        "key = \"" +
        key(1) +
        "\"\n"
        "balance = 0\n"
        "[[stake]]\n"
        "key = \"" +
        key(2) +
        "\"\n"
        "amount = 5000\n";
    if (!find.empty()) {
      const size_t at = t.find(find);
      EXPECT_NE(at, std::string::npos) << find;
      const size_t end = t.find('\n', at);
      t.replace(at, end - at, with);
    }
    return t;
  }
  // Parsing `t` fails with kBadGenesis (or `code`) and a message that names `field`.
  static void expect_refused(const std::string& t, std::string_view field,
                             LedgerError code = LedgerError::kBadGenesis) {
    auto g = parse_genesis(t);
    ASSERT_FALSE(g.ok()) << t;
    EXPECT_EQ(g.error().code, code) << g.error().message;
    EXPECT_NE(g.error().message.find(field), std::string::npos)
        << "message \"" << g.error().message << "\" does not name " << field;
  }

  static inline std::vector<std::string>* keys_ = nullptr;
};

TEST_F(GenesisTest, ReadsEveryField) {
  auto g = parse_genesis(text());
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->ledger.chain_id, 3u);
  EXPECT_EQ(g->block_time_ms, 10'000u);
  EXPECT_EQ(g->ledger.epoch_length, 2'160u);
  EXPECT_EQ(g->ledger.minimum_stake, 1'000u);
  EXPECT_EQ(g->ledger.generator_share_bps, 8'000u);
  EXPECT_EQ(g->ledger.emission.periods(), (std::vector<EmissionPeriod>{{100, 50}, {200, 25}}));
  ASSERT_EQ(g->accounts.size(), 2u);
  EXPECT_EQ(to_hex(g->accounts[0].key), key(0));
  EXPECT_EQ(g->accounts[0].balance, 123'456'789u);
  EXPECT_EQ(to_hex(g->accounts[1].key), key(1));
  ASSERT_EQ(g->stakes.size(), 1u);
  EXPECT_EQ(to_hex(g->stakes[0].key), key(2));
  EXPECT_EQ(g->stakes[0].value, 5'000u);

  auto l = g->create_ledger();
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->total_supply(), 123'456'789u + 5'000);
  EXPECT_EQ(l->provisioners(0).size(), 1u);
  EXPECT_EQ(l->config().emission.reward_at(101), 25u);
}

TEST_F(GenesisTest, ArraysMayBeAbsent) {
  auto g = parse_genesis(
      "chain_id = 0\nblock_time_ms = 1\n[staking]\nepoch_length = 1\nminimum_stake = 0\n"
      "generator_share_bps = 10000\n");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->accounts.empty());
  EXPECT_EQ(g->ledger.emission.total(), 0u);
}

TEST_F(GenesisTest, RefusesMissingAndMistypedFields) {
  expect_refused(text("chain_id", ""), "chain_id");
  expect_refused(text("chain_id", "chain_id = \"3\""), "chain_id");
  expect_refused(text("chain_id", "chain_id = 3.0"), "chain_id");
  expect_refused(text("block_time_ms", "block_time_ms = 0"), "block_time_ms");
  expect_refused(text("block_time_ms", "block_time_ms = -5"), "block_time_ms");
  expect_refused(text("epoch_length", "epoch_length = 0"), "staking.epoch_length");
  expect_refused(text("minimum_stake", ""), "staking.minimum_stake");
  expect_refused(text("generator_share_bps", "generator_share_bps = 10001"), "staking.generator_share_bps");
  expect_refused(text("[staking]", "[stakin]"), "stakin");  // unknown, and staking then missing
  expect_refused(text("blocks = 200", "blocks = 0"), "emission[1].blocks");
  expect_refused(text("reward = 25", "reward = true"), "emission[1].reward");
  expect_refused(text("balance = 0", "balance = -1"), "moonlight[1].balance");
  expect_refused(text("balance = 123456789", "balance = 1\nnickname = \"x\""), "moonlight[0].nickname");
  expect_refused(text("amount = 5000", "amount = 999"), "stake[0].amount");
  expect_refused(text("amount = 5000", "amount = 5000\nvalue = 1"), "stake[0].value");
  expect_refused(text("chain_id", "chain_id = 3\nevm = 1"), "evm");
  expect_refused("chain_id = 1\nblock_time_ms = 1\nstaking = 5\n", "staking: expected a table");
  expect_refused("chain_id = 1\nblock_time_ms = 1\n", "staking: missing");
  const std::string minimal =
      "chain_id = 1\nblock_time_ms = 1\n[staking]\nepoch_length = 1\nminimum_stake = 0\n"
      "generator_share_bps = 0\n";
  expect_refused("moonlight = [1]\n" + minimal, "moonlight[0]: expected a table");
  expect_refused("stake = 1\n" + minimal, "stake: expected an array of tables");
}

TEST_F(GenesisTest, RefusesBadKeys) {
  expect_refused(text("key = \"0x", "key = \"zz\""), "moonlight[0].key");
  expect_refused(text("key = \"0x", "key = \"" + key(0).substr(0, 190) + "\""), "moonlight[0].key");
  expect_refused(text("key = \"0x", "key = 5"), "moonlight[0].key");
  std::string not_a_point(192, 'f');
  not_a_point[0] = '9';  // compressed flag, x >= p
  expect_refused(text("key = \"0x", "key = \"" + not_a_point + "\""), "moonlight[0].key");
  expect_refused(text("key = \"" + key(1), "key = \"" + key(0) + "\""), "moonlight[1].key");  // duplicate
  // A provisioner may also hold an account: the same key in both lists is fine.
  EXPECT_TRUE(parse_genesis(text("key = \"" + key(2), "key = \"" + key(0) + "\"")).ok());
}

TEST_F(GenesisTest, RefusesSyntaxErrorsWithTheirLine) {
  expect_refused(text("block_time_ms", "block_time_ms = = 3"), "line 2");
  expect_refused(text("chain_id", "chain_id = 99999999999999999999"), "line 1");
}

TEST_F(GenesisTest, RefusesASupplyAbove64Bits) {
  const std::string big = "balance = 9223372036854775807";
  std::string both = text();
  for (const char* old : {"balance = 123456789", "balance = 0"})
    both.replace(both.find(old), std::string(old).size(), big);
  // Two balances of 2^63 - 1 and the stake and emission: above 2^64 - 1.
  expect_refused(both, "2^64", LedgerError::kSupplyOverflow);
}

TEST_F(GenesisTest, LoadsFiles) {
  const std::string path = ::testing::TempDir() + "/duskds_genesis_" + std::to_string(::getpid()) + ".toml";
  {
    std::ofstream out(path);
    out << text();
  }
  auto g = load_genesis(path);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->accounts.size(), 2u);
  std::remove(path.c_str());
  auto missing = load_genesis(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find(path), std::string::npos);
}

}  // namespace
}  // namespace dusk::ds

namespace dusk::ds {
namespace {

TEST_F(GenesisTest, ReadsTheLanesAccountsAndSettings) {
  const std::string lanes =
      "finality_depth = 2\ngenesis_time_ms = 1765000000000\n" + text() +
      "[lanes]\nevm_block_gas_limit = 15000000\nduskvm_block_gas_limit = 1000\n"
      "[[evm_account]]\naddress = \"0x" + std::string(40, 'a') + "\"\nbalance = 700\n"
      "[[duskvm_account]]\naddress = \"" + std::string(64, 'b') + "\"\nbalance = 300\n";
  auto g = parse_genesis(lanes);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->finality_depth, 2u);
  EXPECT_EQ(g->genesis_time_ms, 1'765'000'000'000u);
  EXPECT_EQ(g->evm_block_gas_limit, 15'000'000u);
  EXPECT_EQ(g->duskvm_block_gas_limit, 1'000u);
  ASSERT_EQ(g->evm_accounts.size(), 1u);
  EXPECT_EQ(g->evm_accounts[0].address, Bytes(20, 0xaa));
  ASSERT_EQ(g->vm_accounts.size(), 1u);
  EXPECT_EQ(g->vm_accounts[0].balance, 300u);
  EXPECT_EQ(g->lanes_genesis(), 1'000u);
  auto l = g->create_ledger();
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->bridged(), 1'000u);
  EXPECT_EQ(l->total_supply(), 123'456'789u + 5'000 + 1'000);

  // A DuskVM address given the EVM's size, a repeated account, a zero depth.
  std::string short_vm = lanes;
  short_vm.replace(short_vm.find(std::string(64, 'b')), 64, std::string(40, 'b'));
  expect_refused(short_vm, "duskvm_account[0].address");
  expect_refused(lanes + "[[evm_account]]\naddress = \"0x" + std::string(40, 'a') + "\"\nbalance = 1\n",
                 "evm_account[1].address");
  std::string zero = lanes;
  zero.replace(0, zero.find('\n'), "finality_depth = 0");
  expect_refused(zero, "finality_depth");
}

TEST_F(GenesisTest, ReadsThePhoenixSetup) {
  auto off = parse_genesis(text());
  ASSERT_TRUE(off.ok()) << off.error().message;
  EXPECT_TRUE(off->phoenix_srs.empty());  // Phoenix is off unless the genesis names a setup
  auto on = parse_genesis(text() + "[lanes]\nphoenix_srs = \"INSECURE-SEED:test\"\nphoenix_max_inputs = 3\n");
  ASSERT_TRUE(on.ok()) << on.error().message;
  EXPECT_EQ(on->phoenix_srs, "INSECURE-SEED:test");
  EXPECT_EQ(on->phoenix_max_inputs, 3u);
  expect_refused(text() + "[lanes]\nphoenix_srs = \"\"\n", "lanes.phoenix_srs");
  expect_refused(text() + "[lanes]\nphoenix_srs = 5\n", "lanes.phoenix_srs");
  expect_refused(text() + "[lanes]\nphoenix_max_inputs = 5\n", "lanes.phoenix_max_inputs");
  expect_refused(text() + "[lanes]\nphoenix_max_inputs = 0\n", "lanes.phoenix_max_inputs");
}

}  // namespace
}  // namespace dusk::ds
