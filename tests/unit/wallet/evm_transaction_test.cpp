// The wallet's EIP-1559 builder against the EVM's own decoder: the fields come back as
// written, the sender recovers to the key's address, and the bridge's withdraw call data
// has the ABI layout docs/bridge.md gives.
#include "wallet/evm_transaction.hpp"

#include <gtest/gtest.h>

#include "base/bytes.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"
#include "duskevm/transaction_codec.hpp"

namespace dusk::wallet {
namespace {

// Anvil's account 0 (the development phrase's first EVM key).
std::array<u8, 32> anvil_key() {
  auto b = from_hex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  std::array<u8, 32> k{};
  std::copy(b->begin(), b->end(), k.begin());
  return k;
}

Eip1559Fields withdraw_fields() {
  std::array<u8, 96> key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<u8>(i + 1);
  Eip1559Fields f;
  f.chain_id = 1337;
  f.nonce = 7;
  f.max_priority_fee_per_gas = Uint256{1'000'000'000};
  f.max_fee_per_gas = Uint256{10'000'000'000};
  f.gas_limit = 100'000;
  f.to = kBridgeContract;
  f.value = Uint256{3} * Uint256{1'000'000'000'000'000'000};
  f.data = bridge_withdraw_calldata(key);
  return f;
}

TEST(EvmTransaction, DecodesAndRecoversTheSender) {
  const Eip1559Fields f = withdraw_fields();
  auto signed_tx = sign_eip1559(f, anvil_key());
  ASSERT_TRUE(signed_tx.ok());
  ASSERT_EQ((*signed_tx)[0], 0x02);

  auto tx = evm::decode_transaction(*signed_tx);
  ASSERT_TRUE(tx.ok()) << tx.error().message;
  EXPECT_EQ(tx->type, evm::TxType::kDynamicFee);
  EXPECT_EQ(tx->chain_id, Uint256{1337});
  EXPECT_EQ(tx->nonce, Uint256{7});
  EXPECT_EQ(tx->max_priority_fee_per_gas, f.max_priority_fee_per_gas);
  EXPECT_EQ(tx->max_fee_per_gas, f.max_fee_per_gas);
  EXPECT_EQ(tx->gas_limit, Uint256{100'000});
  ASSERT_TRUE(tx->to.has_value());
  EXPECT_EQ(*tx->to, kBridgeContract);
  EXPECT_EQ(tx->value, f.value);
  EXPECT_EQ(tx->data, f.data);
  EXPECT_TRUE(tx->access_list.empty());

  auto sender = evm::recover_sender(*signed_tx);
  ASSERT_TRUE(sender.ok()) << sender.error().message;
  EXPECT_EQ(to_hex(ByteView(sender->data(), 20)), "f39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  // The hash the codec signs is the builder's unsigned encoding's.
  auto h = evm::signing_hash(*signed_tx);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(*h, crypto::keccak256(encode_eip1559_unsigned(f)));
}

TEST(EvmTransaction, IsDeterministic) {
  auto a = sign_eip1559(withdraw_fields(), anvil_key());
  auto b = sign_eip1559(withdraw_fields(), anvil_key());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(evm_transaction_hash(*a), crypto::keccak256(*a));
  Eip1559Fields other = withdraw_fields();
  other.nonce = 8;
  EXPECT_NE(*sign_eip1559(other, anvil_key()), *a);
}

TEST(EvmTransaction, ContractCreationAndZeroFields) {
  Eip1559Fields f;
  f.chain_id = 1;
  f.gas_limit = 53'000;
  f.data = Bytes{0x60, 0x00};
  auto signed_tx = sign_eip1559(f, anvil_key());
  ASSERT_TRUE(signed_tx.ok());
  auto tx = evm::decode_transaction(*signed_tx);
  ASSERT_TRUE(tx.ok()) << tx.error().message;
  EXPECT_FALSE(tx->to.has_value());
  EXPECT_EQ(tx->nonce, Uint256{});
  EXPECT_EQ(tx->value, Uint256{});
}

TEST(EvmTransaction, RefusesAnInvalidKey) {
  EXPECT_FALSE(sign_eip1559(withdraw_fields(), std::array<u8, 32>{}).ok());
  std::array<u8, 32> order = crypto::kSecp256k1Order;
  EXPECT_FALSE(sign_eip1559(withdraw_fields(), order).ok());
}

TEST(EvmTransaction, BridgeWithdrawCallData) {
  std::array<u8, 96> key{};
  key.fill(0xab);
  const Bytes d = bridge_withdraw_calldata(key);
  ASSERT_EQ(d.size(), 164u);
  EXPECT_EQ(to_hex(ByteView(d.data(), 4)), "0968f264");
  EXPECT_EQ(to_hex(ByteView(d.data() + 4, 32)), std::string(62, '0') + "20");
  EXPECT_EQ(to_hex(ByteView(d.data() + 36, 32)), std::string(62, '0') + "60");
  EXPECT_EQ(Bytes(d.begin() + 68, d.end()), Bytes(key.begin(), key.end()));
  // The selector is keccak256("withdraw(bytes)")'s first four bytes.
  const std::string sig = "withdraw(bytes)";
  const auto h = crypto::keccak256(ByteView(reinterpret_cast<const u8*>(sig.data()), sig.size()));
  EXPECT_EQ(Bytes(h.begin(), h.begin() + 4), Bytes(kWithdrawSelector.begin(), kWithdrawSelector.end()));
}

}  // namespace
}  // namespace dusk::wallet
