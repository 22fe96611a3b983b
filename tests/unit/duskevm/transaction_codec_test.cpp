// Transaction decoding, signing hashes and sender recovery. Known answers: the EIP-155
// example (nonce 9, 20 gwei, 21000 gas, to 0x3535...35, 1 ether, chain id 1, private key
// 0x4646...46), whose signing hash, signature and sender the EIP lists.
#include <random>

#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "duskevm/transaction.hpp"
#include "duskevm/transaction_codec.hpp"

namespace dusk::evm {
namespace {

Bytes eip155_signed() {
  return *from_hex(
      "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a0"
      "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64"
      "214b297fb1966a3b6d83");
}

TEST(TransactionCodec, Eip155Example) {
  const Bytes raw = eip155_signed();
  auto tx = decode_transaction(raw);
  ASSERT_TRUE(tx.ok()) << tx.error().message;
  EXPECT_EQ(tx->type, TxType::kLegacy);
  EXPECT_EQ(tx->nonce, Uint256{9});
  EXPECT_EQ(tx->gas_price, Uint256{20000000000});
  EXPECT_EQ(tx->gas_limit, Uint256{21000});
  ASSERT_TRUE(tx->to.has_value());
  EXPECT_EQ(address_hex(*tx->to), "0x3535353535353535353535353535353535353535");
  EXPECT_EQ(tx->value, Uint256{1000000000000000000});
  EXPECT_EQ(tx->v, Uint256{37});
  EXPECT_EQ(tx->chain_id, Uint256{1});
  auto h = signing_hash(raw);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(to_hex(*h), "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  auto sender = recover_sender(raw);
  ASSERT_TRUE(sender.ok()) << sender.error().message;
  EXPECT_EQ(address_hex(*sender), "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
}

TEST(TransactionCodec, RejectsMalformed) {
  Bytes raw = eip155_signed();
  EXPECT_FALSE(decode_transaction({}).ok());
  EXPECT_FALSE(decode_transaction(ByteView(raw.data(), raw.size() - 1)).ok());  // truncated
  Bytes typed = {0x05};
  typed.insert(typed.end(), raw.begin(), raw.end());
  EXPECT_FALSE(decode_transaction(typed).ok());  // unknown type 5
  typed[0] = 0x02;                               // a legacy body has too few fields for type 2
  EXPECT_FALSE(decode_transaction(typed).ok());
  // A 19-byte recipient (the 0x94 prefix at offset 12 becomes 0x93).
  Bytes bad = raw;
  ASSERT_EQ(bad[12], 0x94);
  bad[12] = 0x93;
  EXPECT_FALSE(decode_transaction(bad).ok());
}

TEST(TransactionCodec, RejectsHighS) {
  // Replace s by n - s: a valid signature of the same key, but malleable (EIP-2).
  const Bytes raw = eip155_signed();
  auto tx = *decode_transaction(raw);
  const Uint256 n = *Uint256::from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  Bytes payload;
  rlp::encode_uint(payload, tx.nonce);
  rlp::encode_uint(payload, tx.gas_price);
  rlp::encode_uint(payload, tx.gas_limit);
  rlp::encode_bytes(payload, *tx.to);
  rlp::encode_uint(payload, tx.value);
  rlp::encode_bytes(payload, tx.data);
  rlp::encode_uint(payload, Uint256{38});  // flipped parity
  rlp::encode_uint(payload, tx.r);
  rlp::encode_uint(payload, n - tx.s);
  Bytes flipped;
  rlp::encode_list_payload(flipped, payload);
  ASSERT_TRUE(decode_transaction(flipped).ok());
  auto sender = recover_sender(flipped);
  ASSERT_FALSE(sender.ok());
  EXPECT_NE(sender.error().message.find("EIP-2"), std::string::npos);
}

// Mutations of a valid transaction (fixed seed): decoding and recovery return errors or
// values, never crash (checked under ASan).
TEST(TransactionCodec, MutationsNeverCrash) {
  std::mt19937_64 rng(7);
  const Bytes raw = eip155_signed();
  for (int i = 0; i < 5000; ++i) {
    Bytes m = raw;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t pos = rng() % m.size();
      switch (rng() % 3) {
        case 0: m[pos] = static_cast<u8>(rng()); break;
        case 1: m.erase(m.begin() + static_cast<ptrdiff_t>(pos)); break;
        default: m.insert(m.begin() + static_cast<ptrdiff_t>(pos), static_cast<u8>(rng())); break;
      }
      if (m.empty()) m.push_back(0xc0);
    }
    if (rng() % 2) m.insert(m.begin(), static_cast<u8>(1 + rng() % 4));  // as a typed envelope
    (void)decode_transaction(m);
    (void)signing_hash(m);
    (void)recover_sender(m);
  }
}

TEST(IntrinsicGas, Rules) {
  Transaction tx;
  tx.to = Address{};
  EXPECT_EQ(intrinsic_gas(tx, Fork::kPrague).gas, 21000u);
  tx.data = {0, 1, 0, 2};  // 2 zero bytes (4 each), 2 nonzero (16 each)
  EXPECT_EQ(intrinsic_gas(tx, Fork::kCancun).gas, 21000u + 8 + 32);
  EXPECT_EQ(intrinsic_gas(tx, Fork::kCancun).floor, 0u);
  EXPECT_EQ(intrinsic_gas(tx, Fork::kPrague).floor, 21000u + 10 * (2 + 4 * 2));  // EIP-7623 tokens
  tx.access_list = {{Address{}, {Bytes32{}, Bytes32{}}}};
  EXPECT_EQ(intrinsic_gas(tx, Fork::kPrague).gas, 21000u + 40 + 2400 + 2 * 1900);
  Transaction create;
  create.data = Bytes(33, 0);  // 2 init-code words (EIP-3860)
  EXPECT_EQ(intrinsic_gas(create, Fork::kPrague).gas, 21000u + 33 * 4 + 32000 + 2 * 2);
}

TEST(ValidateTransaction, ExceptionNames) {
  State state;
  const Address sender = address_from_u8(0x51);
  Account acc;
  acc.balance = Uint256{1000000};
  state.put(sender, acc);
  BlockEnv env;
  env.gas_limit = 30000000;
  env.base_fee = Uint256{7};
  env.blobs = default_blob_schedule(Fork::kPrague);
  Transaction tx;
  tx.type = TxType::kDynamicFee;
  tx.sender = sender;
  tx.to = address_from_u8(0x99);
  tx.gas_limit = Uint256{21000};
  tx.max_fee_per_gas = Uint256{10};
  tx.max_priority_fee_per_gas = Uint256{1};
  ASSERT_TRUE(validate_transaction(tx, state, env, Fork::kPrague).ok());
  EXPECT_EQ(validate_transaction(tx, state, env, Fork::kPrague)->effective_gas_price, Uint256{8});

  auto expect = [&](Transaction t, const char* name, Fork fork = Fork::kPrague) {
    auto r = validate_transaction(t, state, env, fork);
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.error().message, std::string("TransactionException.") + name);
  };
  Transaction t = tx;
  t.gas_limit = Uint256{20999};
  expect(t, "INTRINSIC_GAS_TOO_LOW");
  t = tx;
  t.data = Bytes(100, 1);  // intrinsic 21000 + 1600, floor 21000 + 4000
  t.gas_limit = Uint256{23000};
  expect(t, "INTRINSIC_GAS_BELOW_FLOOR_GAS_COST");
  ASSERT_TRUE(validate_transaction(t, state, env, Fork::kCancun).ok());  // no floor before Prague
  t = tx;
  t.max_fee_per_gas = Uint256{6};
  t.max_priority_fee_per_gas = Uint256{0};
  expect(t, "INSUFFICIENT_MAX_FEE_PER_GAS");
  t = tx;
  t.max_priority_fee_per_gas = Uint256{11};
  expect(t, "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS");
  t = tx;
  t.nonce = Uint256{1};
  expect(t, "NONCE_MISMATCH_TOO_HIGH");
  t = tx;
  t.nonce = Uint256{~u64{0}};
  expect(t, "NONCE_IS_MAX");
  t = tx;
  t.value = Uint256{1000000 - 21000 * 10 + 1};
  expect(t, "INSUFFICIENT_ACCOUNT_FUNDS");
  t = tx;
  t.gas_limit = Uint256{30000001};
  expect(t, "GAS_ALLOWANCE_EXCEEDED");
  t = tx;
  t.to.reset();
  t.data = Bytes(49153, 0);
  t.gas_limit = Uint256{29000000};
  expect(t, "INITCODE_SIZE_EXCEEDED");
  t = tx;
  t.type = TxType::kBlob;
  expect(t, "TYPE_3_TX_ZERO_BLOBS");
  t.blob_hashes = {Bytes32{}};
  expect(t, "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH");
  t.blob_hashes[0][0] = 1;
  expect(t, "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS");  // the blob base fee is 1 at zero excess
  t.max_fee_per_blob_gas = Uint256{1};
  t.to.reset();
  t.gas_limit = Uint256{60000};  // covers the creation's intrinsic gas
  expect(t, "TYPE_3_TX_CONTRACT_CREATION");
  // More blobs than a block holds (9 in Prague) is the transaction's fault,
  // found before the block's gas allowance.
  t.to = tx.to;
  t.gas_limit = tx.gas_limit;
  t.blob_hashes.assign(9, t.blob_hashes[0]);
  expect(t, "INSUFFICIENT_ACCOUNT_FUNDS");  // 9 blobs may be sent; their gas is not paid for
  t.blob_hashes.push_back(t.blob_hashes[0]);
  expect(t, "TYPE_3_TX_BLOB_COUNT_EXCEEDED");
  t.gas_limit = Uint256{30000001};
  expect(t, "TYPE_3_TX_BLOB_COUNT_EXCEEDED");  // before the block's gas allowance
  t = tx;
  t.type = TxType::kSetCode;
  expect(t, "TYPE_4_EMPTY_AUTHORIZATION_LIST");
  expect(t, "TYPE_4_TX_PRE_FORK", Fork::kCancun);
  // EIP-3607: a sender with code (other than an EIP-7702 delegation) is not an EOA.
  state.find_mut(sender)->code = std::make_shared<const Bytes>(Bytes{0x00});
  expect(tx, "SENDER_NOT_EOA");
  Bytes delegation = {0xef, 0x01, 0x00};
  delegation.resize(23, 0x42);
  state.find_mut(sender)->code = std::make_shared<const Bytes>(delegation);
  EXPECT_TRUE(validate_transaction(tx, state, env, Fork::kPrague).ok());
  expect(tx, "SENDER_NOT_EOA", Fork::kCancun);
}

}  // namespace
}  // namespace dusk::evm
