// Receipt encoding, receipts and transactions roots and the block bloom. The expected
// receipt bytes are spelled out from the RLP rules (yellow paper appendix B) and
// EIP-2718's envelope by hand, field by field, not produced by the code under test.
#include <gtest/gtest.h>

#include "duskevm/receipt_encoding.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {
namespace {

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

Bytes hex(std::string_view h) { return from_hex(h).value(); }

TEST(ReceiptEncoding, LegacySuccessWithoutLogs) {
  // [0x01, 21000, bloom (256 zero bytes), []]: items 1 + 3 + (3 + 256) + 1 = 264 bytes,
  // so a long-list header 0xf9 0x0108.
  const Bytes expected =
      cat({hex("f90108"), hex("01"), hex("825208"), hex("b90100"), Bytes(256, 0), hex("c0")});
  EXPECT_EQ(encode_receipt(TxType::kLegacy, true, 21000, {}), expected);
}

TEST(ReceiptEncoding, TypedFailureCarriesItsTypeByte) {
  // Status 0 is the empty string 0x80; cumulative gas 0x0186a0 = 100000 (4 bytes with
  // its header): 1 + 4 + 259 + 1 = 265 bytes, header 0xf9 0x0109.
  const Bytes body =
      cat({hex("f90109"), hex("80"), hex("830186a0"), hex("b90100"), Bytes(256, 0), hex("c0")});
  EXPECT_EQ(encode_receipt(TxType::kDynamicFee, false, 100000, {}), cat({hex("02"), body}));
  EXPECT_EQ(encode_receipt(TxType::kAccessList, false, 100000, {}), cat({hex("01"), body}));
  EXPECT_EQ(encode_receipt(TxType::kBlob, false, 100000, {}), cat({hex("03"), body}));
  EXPECT_EQ(encode_receipt(TxType::kSetCode, false, 100000, {}), cat({hex("04"), body}));
}

TEST(ReceiptEncoding, LogsAndTheirBloom) {
  Log log;
  log.address.fill(0x11);
  Bytes32 topic;
  topic.fill(0x22);
  log.topics = {topic};
  log.data = hex("abcd");
  const Bytes r = encode_receipt(TxType::kLegacy, true, 1, {log});
  // The log: [address (0x94 + 20), [topic (0xa0 + 32)], data (0x82 abcd)] is
  // 21 + 34 + 3 = 58 bytes: 0xf8 0x3a; the log list 60 bytes: 0xf8 0x3c.
  const Bytes log_rlp = cat({hex("f83a"), hex("94"), Bytes(20, 0x11), hex("e1a0"), Bytes(32, 0x22),
                             hex("82abcd")});
  const Bloom bloom = logs_bloom({log});
  const Bytes payload = cat({hex("01"), hex("01"), hex("b90100"), Bytes(bloom.begin(), bloom.end()),
                             hex("f83c"), log_rlp});
  ASSERT_EQ(payload.size(), 1 + 1 + 259 + 62u);
  EXPECT_EQ(r, cat({hex("f90143"), payload}));
  // The bloom has the bits of the address and of the topic: at most 6, at least 1.
  int bits = 0;
  for (u8 b : bloom) bits += __builtin_popcount(b);
  EXPECT_GE(bits, 1);
  EXPECT_LE(bits, 6);
}

TEST(ReceiptEncoding, RootsAndBlockBloom) {
  EXPECT_EQ(receipts_root({}), trie::kEmptyTrieRoot);
  EXPECT_EQ(transactions_root({}), trie::kEmptyTrieRoot);
  const std::vector<Bytes> receipts = {encode_receipt(TxType::kLegacy, true, 21000, {}),
                                       encode_receipt(TxType::kDynamicFee, false, 42000, {})};
  // Keys rlp(0) = 0x80 and rlp(1) = 0x01.
  std::map<Bytes, Bytes> m = {{hex("80"), receipts[0]}, {hex("01"), receipts[1]}};
  EXPECT_EQ(receipts_root(receipts), trie::trie_root(m));
  EXPECT_NE(receipts_root(receipts), trie::kEmptyTrieRoot);
  // Order matters.
  const std::vector<Bytes> swapped = {receipts[1], receipts[0]};
  EXPECT_NE(receipts_root(swapped), receipts_root(receipts));
  EXPECT_EQ(transactions_root(receipts), receipts_root(receipts));  // same construction

  Log a, b;
  a.address.fill(1);
  b.address.fill(2);
  const std::vector<std::vector<Log>> per_tx = {{a}, {}, {b}};
  const Bloom block = block_logs_bloom(per_tx);
  const Bloom ba = logs_bloom({a}), bb = logs_bloom({b});
  for (size_t i = 0; i < block.size(); ++i) EXPECT_EQ(block[i], ba[i] | bb[i]) << i;
  EXPECT_EQ(block_logs_bloom({}), Bloom{});
}

}  // namespace
}  // namespace dusk::evm
