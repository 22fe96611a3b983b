// The EVM side of the native bridge (src/duskevm/bridge_contract.hpp): the embedded
// runtime bytecode is what solc 0.8.30 makes of bridge/DuskBridge.sol (compiled again
// here, so the artifact cannot drift from its source), the selector and event topic are
// the keccak of their signatures, and withdrawal_of reads only well-formed Withdrawal
// events of the bridge's address.
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "duskevm/bridge_contract.hpp"
#include "support/node_oracle.hpp"

namespace dusk::evm {
namespace {

TEST(BridgeContract, EmbeddedBytecodeIsTheCompiledSource) {
  if (!testing::node_available()) GTEST_SKIP() << "no node";
  const std::string dir = DUSK_BRIDGE_DIR;
  if (std::FILE* f = std::fopen(DUSK_SOLC_PACKAGE, "r")) std::fclose(f);
  else GTEST_SKIP() << "no node_modules/solc (npm ci)";
  dusk::testing::NodeOracle solc(dir + "/compile.mjs", dir + "/DuskBridge.sol");
  ASSERT_TRUE(solc.started());
  std::string hex;
  ASSERT_TRUE(solc.next_line(hex));
  ASSERT_EQ(solc.finish(), 0);
  EXPECT_EQ(hex, to_hex(bridge_runtime_code()));
}

TEST(BridgeContract, AbiConstants) {
  EXPECT_EQ(to_hex(kBridgeAddress), "0000000000000000000000000000000000b41d6e");
  const auto selector = crypto::keccak256(as_bytes(std::string_view("withdraw(bytes)")));
  EXPECT_TRUE(std::equal(kWithdrawSelector.begin(), kWithdrawSelector.end(), selector.begin()));
  EXPECT_EQ(withdrawal_event_topic(),
            crypto::keccak256(as_bytes(std::string_view("Withdrawal(address,bytes,uint256)"))));
  EXPECT_FALSE(bridge_runtime_code().empty());
  // withdraw(bytes) with a 96-byte key: selector, offset, length, three words.
  const Bytes call = encode_withdraw_call(Bytes(96, 0xab));
  EXPECT_EQ(call.size(), 4u + 32 * 5);
  EXPECT_EQ(call[4 + 31], 0x20);
  EXPECT_EQ(call[4 + 63], 96);
  EXPECT_EQ(encode_withdraw_call(Bytes(95, 1)).size(), 4u + 32 * 5) << "padded to a word";
}

Log withdrawal_log(const Address& from, const Bytes& key, u64 amount) {
  Log log;
  log.address = kBridgeAddress;
  log.topics.push_back(withdrawal_event_topic());
  Bytes32 t{};
  std::copy(from.begin(), from.end(), t.begin() + 12);
  log.topics.push_back(t);
  auto word = [&](u64 v) {
    const auto w = Uint256{v}.to_be();
    log.data.insert(log.data.end(), w.begin(), w.end());
  };
  word(64);
  word(amount);
  word(key.size());
  log.data.insert(log.data.end(), key.begin(), key.end());
  log.data.resize(96 + (key.size() + 31) / 32 * 32, 0);
  return log;
}

TEST(BridgeContract, WithdrawalOf) {
  Address from{};
  from[19] = 0x42;
  const Bytes key(96, 0x5a);
  auto w = withdrawal_of(withdrawal_log(from, key, 12345));
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->from, Bytes(from.begin(), from.end()));
  EXPECT_EQ(w->to, key);
  EXPECT_EQ(w->amount, 12345u);

  Log other_address = withdrawal_log(from, key, 1);
  other_address.address[0] = 1;
  EXPECT_FALSE(withdrawal_of(other_address));
  Log other_topic = withdrawal_log(from, key, 1);
  other_topic.topics[0][0] ^= 1;
  EXPECT_FALSE(withdrawal_of(other_topic));
  EXPECT_FALSE(withdrawal_of(withdrawal_log(from, Bytes(64, 1), 1))) << "a key of 64 bytes";
  EXPECT_FALSE(withdrawal_of(withdrawal_log(from, key, 0))) << "nothing withdrawn";
  Log dirty_topic = withdrawal_log(from, key, 1);
  dirty_topic.topics[1][0] = 1;
  EXPECT_FALSE(withdrawal_of(dirty_topic));
  Log wide = withdrawal_log(from, key, 1);
  wide.data[32 + 23] = 1;  // amount above 2^64
  EXPECT_FALSE(withdrawal_of(wide));
  Log short_data = withdrawal_log(from, key, 1);
  short_data.data.pop_back();
  EXPECT_FALSE(withdrawal_of(short_data));
}

}  // namespace
}  // namespace dusk::evm
