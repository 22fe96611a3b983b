// The decoded-key cache (src/duskds/public_key_cache.hpp): the same answers as decoding
// without it, bad keys refused every time and never kept, a bounded size, and
// transactions decoded through it exactly as without it.
#include <gtest/gtest.h>

#include "duskds/public_key_cache.hpp"
#include "duskds/transaction_codec.hpp"
#include "ds_test_util.hpp"

namespace dusk::ds {
namespace {

using test::signer;

TEST(PublicKeyCache, AnswersAsDecodingDoesAndKeepsOnlyGoodKeys) {
  PublicKeyCache cache(4);
  for (u32 i = 0; i < 3; ++i) {
    const AccountKey key = signer(i).key;
    for (int again = 0; again < 2; ++again) {
      auto cached = cache.decode(key, "sender");
      ASSERT_TRUE(cached.ok());
      EXPECT_EQ(cached->to_bytes(), key);
    }
  }
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.hits(), 3u);
  // The identity is no account key: refused, with the role named, and not kept.
  AccountKey identity{};
  identity[0] = 0xc0;
  for (int again = 0; again < 2; ++again) {
    auto bad = cache.decode(identity, "receiver");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, LedgerError::kBadPublicKey);
    EXPECT_NE(bad.error().message.find("receiver"), std::string::npos) << bad.error().message;
  }
  EXPECT_EQ(cache.size(), 3u);
  // Bounded: the least recently used key goes first.
  ASSERT_TRUE(cache.decode(signer(0).key, "sender").ok());  // 0 is now the most recent
  ASSERT_TRUE(cache.decode(signer(3).key, "sender").ok());
  ASSERT_TRUE(cache.decode(signer(4).key, "sender").ok());  // evicts 1
  EXPECT_EQ(cache.size(), 4u);
  const u64 hits = cache.hits();
  ASSERT_TRUE(cache.decode(signer(0).key, "sender").ok());
  EXPECT_EQ(cache.hits(), hits + 1);
  ASSERT_TRUE(cache.decode(signer(1).key, "sender").ok());
  EXPECT_EQ(cache.hits(), hits + 1);  // 1 had gone: decoded again
}

TEST(PublicKeyCache, TransactionsDecodeTheSameThroughIt) {
  PublicKeyCache cache;
  test::TxSpec spec;
  spec.receiver = signer(9).key;
  spec.amount = 5;
  const Bytes enc = encode_transaction(test::make_tx(signer(8), spec));
  for (int again = 0; again < 2; ++again) {
    auto with = decode_checked_transaction(enc, &cache);
    auto without = decode_checked_transaction(enc);
    ASSERT_TRUE(with.ok() && without.ok());
    EXPECT_EQ(encode_transaction(with->tx), encode_transaction(without->tx));
    EXPECT_EQ(with->check.message, without->check.message);
  }
  EXPECT_EQ(cache.size(), 2u);  // the sender and the receiver
  // A damaged receiver is refused through the cache as without it.
  Bytes bad = enc;
  std::fill(bad.begin() + 138, bad.begin() + 138 + 96, 0);
  bad[138] = 0xc0;
  auto refused = decode_checked_transaction(bad, &cache);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, LedgerError::kBadPublicKey);
}

}  // namespace
}  // namespace dusk::ds

namespace dusk::ds {
namespace {

TEST(PublicKeyCache, KeepsMillerLinesForTheMostRecentKeys) {
  PublicKeyCache cache(16, 2);
  std::vector<test::Signer> s{test::signer(1), test::signer(2), test::signer(3)};
  std::vector<PublicKeyCache::PublicKey> pk;
  for (const auto& x : s) pk.push_back(*cache.decode(x.key, "sender"));
  const auto a = cache.lines(s[0].key, pk[0]);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->lines.size(), crypto::bls12_381::prepare_g2(pk[0].point()).lines.size());
  EXPECT_EQ(cache.lines(s[0].key, pk[0]), a);  // kept: the same lines
  cache.lines(s[1].key, pk[1]);
  cache.lines(s[2].key, pk[2]);               // three keys, room for two: the oldest goes
  EXPECT_NE(cache.lines(s[0].key, pk[0]), a);
  // Transactions decoded through the cache carry their sender's lines for the batch.
  Transaction tx = test::make_tx(s[1], {TxKind::kWithdraw, 7, 0, 10, 1, 0, {}, {}});
  auto d = decode_checked_transaction(encode_transaction(tx), &cache);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->check.key_lines);
  EXPECT_FALSE(decode_checked_transaction(encode_transaction(tx))->check.key_lines);
  PublicKeyCache none(16, 0);
  EXPECT_FALSE(none.lines(s[0].key, pk[0]));
}

}  // namespace
}  // namespace dusk::ds
