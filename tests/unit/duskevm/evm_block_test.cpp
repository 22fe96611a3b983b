// The EVM lane's records (evm_block.hpp, evm_receipt.hpp, state_undo.hpp): Ethereum's
// header layout (20 fields under Cancun, 21 under Prague, the fixed fields as Ethereum
// has them), the hash as keccak256 of the RLP, and round trips of every record with
// strict decoding.
#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "duskevm/evm_block.hpp"
#include "duskevm/evm_receipt.hpp"
#include "duskevm/receipt_encoding.hpp"
#include "duskevm/state_undo.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

EvmBlockHeader sample_header() {
  EvmBlockHeader h;
  h.parent_hash[0] = 1;
  h.coinbase[19] = 2;
  h.state_root[0] = 3;
  h.transactions_root = trie::kEmptyTrieRoot;
  h.receipts_root = trie::kEmptyTrieRoot;
  h.logs_bloom[7] = 0x80;
  h.number = 1234;
  h.gas_limit = 30'000'000;
  h.gas_used = 21000;
  h.timestamp = 1'700'000'000;
  h.mix_hash[31] = 9;
  h.base_fee = Uint256{875'000'000};
  return h;
}

TEST(EvmBlock, HeaderLayout) {
  EXPECT_EQ(to_hex(kEmptyOmmersHash), "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");
  EXPECT_EQ(to_hex(kEmptyRequestsHash), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EvmBlockHeader h = sample_header();
  const Bytes prague = encode_header(h);
  auto items = rlp::decode_list(*rlp::decode_single(prague));
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 21u);
  auto bytes = [&](size_t i) {
    const ByteView b = *rlp::decode_bytes((*items)[i]);
    return Bytes(b.begin(), b.end());
  };
  EXPECT_EQ(bytes(1), Bytes(kEmptyOmmersHash.begin(), kEmptyOmmersHash.end()));
  EXPECT_EQ(rlp::decode_bytes((*items)[6])->size(), 256u);        // bloom
  EXPECT_EQ(*rlp::decode_u64((*items)[7]), 0u);                    // difficulty
  EXPECT_EQ(*rlp::decode_u64((*items)[8]), 1234u);                 // number
  EXPECT_TRUE(rlp::decode_bytes((*items)[12])->empty());           // extra data
  EXPECT_EQ(rlp::decode_bytes((*items)[14])->size(), 8u);          // nonce
  EXPECT_EQ(*rlp::decode_uint256((*items)[15]), Uint256{875'000'000});
  EXPECT_EQ(bytes(16), Bytes(trie::kEmptyTrieRoot.begin(), trie::kEmptyTrieRoot.end()));  // withdrawals root
  EXPECT_EQ(bytes(20), Bytes(kEmptyRequestsHash.begin(), kEmptyRequestsHash.end()));
  EXPECT_EQ(bytes(17), Bytes{});  // blob gas used 0: the RLP integer 0x80
  EXPECT_EQ(bytes(18), Bytes{});  // excess blob gas 0
  EXPECT_EQ(block_hash(h), crypto::keccak256(prague));
  auto back = decode_header(prague);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, h);

  h.with_requests_hash = false;  // Cancun
  const Bytes cancun = encode_header(h);
  EXPECT_EQ(rlp::decode_list(*rlp::decode_single(cancun))->size(), 20u);
  EXPECT_EQ(*decode_header(cancun), h);
  EXPECT_NE(block_hash(h), block_hash(sample_header()));

  // A fixed field changed (difficulty 1) is refused.
  Bytes bad = prague;
  auto diff = std::find(bad.begin() + 3 + 33 * 6 + 259, bad.end(), 0x80);
  ASSERT_NE(diff, bad.end());
  *diff = 0x01;
  EXPECT_FALSE(decode_header(bad).ok());
}

// EIP-4844's two header fields, 18th and 19th, as RLP integers (uint64 in the execution
// specs' Header), between withdrawals_root and parent_beacon_block_root.
TEST(EvmBlock, HeaderBlobGasFields) {
  EvmBlockHeader h = sample_header();
  const Hash256 without = block_hash(h);
  h.blob_gas_used = 393'216;     // 3 blobs: 0x060000
  h.excess_blob_gas = 131'072;   // 0x020000
  const Bytes encoded = encode_header(h);
  auto items = rlp::decode_list(*rlp::decode_single(encoded));
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 21u);
  EXPECT_EQ(Bytes(rlp::decode_bytes((*items)[17])->begin(), rlp::decode_bytes((*items)[17])->end()),
            (Bytes{0x06, 0x00, 0x00}));
  EXPECT_EQ(Bytes(rlp::decode_bytes((*items)[18])->begin(), rlp::decode_bytes((*items)[18])->end()),
            (Bytes{0x02, 0x00, 0x00}));
  EXPECT_EQ(rlp::decode_bytes((*items)[19])->size(), 32u);  // parent beacon block root follows
  // The same header with zeros written in their place encodes as before, byte for byte.
  Bytes zeros = encode_header(sample_header());
  EXPECT_EQ(zeros.size() + 6, encoded.size());
  EXPECT_EQ(block_hash(h), crypto::keccak256(encoded));
  EXPECT_NE(block_hash(h), without);
  auto back = decode_header(encoded);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, h);
}

TEST(EvmBlock, RecordRoundTrip) {
  EvmBlock b;
  b.header = sample_header();
  b.transactions = {Bytes{0x02, 0xc1, 0x80}, Bytes(100, 0x33)};
  auto back = decode_block(encode_block(b));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, b);
  EXPECT_EQ(*decode_transaction_list(encode_transaction_list(b.transactions)), b.transactions);
  EXPECT_FALSE(decode_transaction_list(Bytes{0x80}).ok());
  Bytes truncated = encode_block(b);
  truncated.pop_back();
  EXPECT_FALSE(decode_block(truncated).ok());
}

TEST(EvmReceipt, RoundTripAndConsensusEncoding) {
  EvmReceipt r;
  r.type = TxType::kDynamicFee;
  r.success = true;
  r.cumulative_gas_used = 63000;
  r.gas_used = 21000;
  r.effective_gas_price = Uint256{3'000'000'000};
  r.from[0] = 1;
  r.to = Address{};
  Log log;
  log.address[5] = 5;
  log.topics.push_back(Bytes32{});
  log.data = {1, 2, 3};
  r.logs.push_back(log);
  EvmReceipt create = r;
  create.to.reset();
  create.contract_address = Address{};
  create.success = false;
  create.logs.clear();
  auto back = decode_receipts(encode_receipts({r, create}));
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ(encode_receipts(*back), encode_receipts({r, create}));
  EXPECT_FALSE((*back)[1].success);
  EXPECT_FALSE((*back)[1].to.has_value());
  EXPECT_TRUE((*back)[1].contract_address.has_value());
  EXPECT_EQ((*back)[0].logs[0].data, log.data);
  EXPECT_EQ(consensus_encoding(r), encode_receipt(TxType::kDynamicFee, true, 63000, r.logs));
  EXPECT_TRUE(decode_receipts(encode_receipts({}))->empty());
}

TEST(StateUndo, RoundTrip) {
  StateUndo u;
  u.root[0] = 7;
  u.accounts.push_back({Address{}, std::nullopt, Uint256{}});
  Address a{};
  a[3] = 3;
  u.accounts.push_back({a, Bytes{0xc4, 0x80, 0x80, 0x80, 0x80}, Uint256{99}});
  u.slots.push_back({Bytes(52, 1), std::nullopt});
  u.slots.push_back({Bytes(52, 2), Bytes{0x05}});
  u.new_code.push_back(Hash256{});
  auto back = decode_state_undo(encode_state_undo(u));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, u);
  EXPECT_FALSE(decode_state_undo(Bytes{0xc0}).ok());
}

}  // namespace
}  // namespace dusk::evm
