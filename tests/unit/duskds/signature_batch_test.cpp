// Batch verification of Moonlight signatures (duskds/signature_batch.hpp): a good batch
// passes, and each bad signature hidden among good ones is found and named.
#include "duskds/signature_batch.hpp"

#include <gtest/gtest.h>

#include "ds_test_util.hpp"

namespace dusk::ds {
namespace {

using test::make_tx;

std::vector<Transaction> signed_batch(size_t n) {
  std::vector<Transaction> txs;
  for (size_t i = 0; i < n; ++i) {
    const auto from = test::signer(static_cast<u32>(200 + i % 5));
    txs.push_back(make_tx(from, {TxKind::kTransfer, 7, i, 10 + i, 1, 0, from.key, {}}));
  }
  return txs;
}

std::vector<const Transaction*> pointers(const std::vector<Transaction>& txs) {
  std::vector<const Transaction*> out;
  for (const auto& t : txs) out.push_back(&t);
  return out;
}

TEST(SignatureBatch, AcceptsAGoodBatch) {
  auto txs = signed_batch(12);
  auto v = verify_signatures(pointers(txs), crypto::bls::BatchSecurity::k64, test::seeded_source(1));
  ASSERT_EQ(v.size(), txs.size());
  for (const auto& s : v) EXPECT_TRUE(s.ok());
  EXPECT_TRUE(verify_signatures({}, crypto::bls::BatchSecurity::k64, test::seeded_source(1)).empty());
}

TEST(SignatureBatch, FindsEachBadSignatureAmongGoodOnes) {
  test::Rng rng(77);
  for (int round = 0; round < 4; ++round) {
    auto txs = signed_batch(10);
    std::vector<bool> bad(txs.size(), false);
    const size_t count = 1 + rng.below(3);
    for (size_t k = 0; k < count; ++k) {
      const size_t i = rng.below(txs.size());
      bad[i] = true;
      txs[i].amount += 1;  // the signature no longer covers the bytes
    }
    auto v =
        verify_signatures(pointers(txs), crypto::bls::BatchSecurity::k64, test::seeded_source(round + 1));
    for (size_t i = 0; i < txs.size(); ++i) {
      EXPECT_EQ(v[i].ok(), !bad[i]) << "round " << round << " item " << i;
      if (bad[i]) {
        EXPECT_EQ(v[i].error().code, LedgerError::kInvalidSignature);
        // The same verdict as one verification alone.
        EXPECT_FALSE(verify_transaction_signature(txs[i]).ok());
      }
    }
  }
}

TEST(SignatureBatch, UndecodableItemsAreNamedAndLeftOutOfTheBatch) {
  auto txs = signed_batch(4);
  txs[1].signature.fill(0xff);
  txs[1].signature[0] = 0x9f;     // x >= p
  txs[2].sender = txs[3].sender;  // a valid key that did not sign
  auto v = verify_signatures(pointers(txs), crypto::bls::BatchSecurity::k128, test::seeded_source(9));
  EXPECT_TRUE(v[0].ok());
  EXPECT_EQ(v[1].error().code, LedgerError::kBadSignature);
  EXPECT_EQ(v[2].error().code, LedgerError::kInvalidSignature);
  EXPECT_TRUE(v[3].ok());
}

TEST(SignatureBatch, AFailingRandomSourceFallsBackToSingleChecks) {
  auto txs = signed_batch(3);
  txs[0].nonce += 1;
  auto v =
      verify_signatures(pointers(txs), crypto::bls::BatchSecurity::k64, [](std::span<u8>) { return false; });
  EXPECT_EQ(v[0].error().code, LedgerError::kInvalidSignature);
  EXPECT_TRUE(v[1].ok());
  EXPECT_TRUE(v[2].ok());
}

}  // namespace
}  // namespace dusk::ds
