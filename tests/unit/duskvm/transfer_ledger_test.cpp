// Phoenix's transfer contract logic (duskvm/phoenix/transfer_ledger.hpp) with real proofs
// (the 1-input circuit, INSECURE seeded setup): shielding, a private transfer that the
// receiver finds, a double spend, an unknown root, a proof for other public inputs and a
// garbled proof, a transaction for another chain refused without a change, unshielding
// with a deposit; the pool always equals the unspent notes' values. A dropped block rolls
// back to its mark, and the ledger restored from its records is the same ledger.
#include <gtest/gtest.h>

#include "crypto/plonk/prover_key.hpp"
#include "duskvm/phoenix/spend.hpp"
#include "duskvm/phoenix/transfer_ledger.hpp"

namespace dusk::duskvm::phoenix {
namespace {

namespace plonk = crypto::plonk;

SecretKey key(u8 seed) {
  const std::array<u8, 3> s{seed, 9, 9};
  return SecretKey::derive(s, 0);
}

u128 unspent_value(const TransferLedger& ledger, std::initializer_list<const SecretKey*> owners) {
  u128 total = 0;
  for (const SecretKey* sk : owners)
    for (const OwnedNote& n : scan(sk->view_key(), ledger.notes()))
      if (!ledger.is_spent(n.note.nullifier(*sk))) total += n.opening.value;
  return total;
}

TEST(TransferLedger, ShieldSpendAndUnshieldWithRealProofs) {
  plonk::Composer shape;
  TransactionCircuit(1).circuit(shape);
  size_t n = 1;
  while (n < shape.gate_count()) n <<= 1;
  const auto srs = plonk::Srs::insecure_from_seed(as_bytes("transfer ledger test (INSECURE)"), n + plonk::kSrsBlindingPowers);
  auto keys = plonk::preprocess(srs, shape);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  constexpr u64 kChain = 7;
  const std::shared_ptr<const plonk::VerifierKey> vk = keys->verifier;
  const VerifierKeySource source = [vk](size_t inputs) { return inputs == 1 ? vk : nullptr; };
  TransferLedger ledger(kChain, source);
  const SecretKey alice = key(1), bob = key(2);

  // Alice shields 1,000 (from an account; the caller debited it); the block ends.
  const Fr empty_root = ledger.tree().root();
  ASSERT_TRUE(ledger.shield(alice.public_key().stealth_address(Scalar::from_u64(5)), 1000, ContractInfo{}).ok());
  EXPECT_EQ(ledger.pool(), 1000u);
  EXPECT_FALSE(ledger.is_recent_root(ledger.tree().root()));  // not before its block ends
  EXPECT_TRUE(ledger.end_block());
  EXPECT_FALSE(ledger.end_block());  // an empty block adds no root
  EXPECT_TRUE(ledger.is_recent_root(ledger.tree().root()));
  EXPECT_TRUE(ledger.is_recent_root(empty_root));

  // She pays Bob 600 privately, fee 10.
  SpendRequest pay{scan(alice.view_key(), ledger.notes()), bob.public_key(), 600, 10};
  pay.chain_id = kChain;
  auto spend = prepare_spend(alice, pay, ledger.tree(), SpendRandomness::fresh());
  ASSERT_TRUE(spend.ok()) << spend.error().message;
  ASSERT_TRUE(prove_spend(*keys->prover, *spend).ok());
  const Transaction tx = spend->transaction;

  // A block that spends it and is then dropped leaves no trace.
  const Hash256 before = ledger.digest();
  TransferLedger::Mark mark = ledger.mark();
  ASSERT_TRUE(ledger.spend(tx).ok());
  ASSERT_TRUE(ledger.shield(bob.public_key().stealth_address(Scalar::from_u64(6)), 3, ContractInfo{}).ok());
  EXPECT_TRUE(ledger.end_block());
  EXPECT_EQ(ledger.spent_since_mark().size(), 1u);
  EXPECT_NE(ledger.digest(), before);
  ledger.rollback(mark);
  EXPECT_EQ(ledger.digest(), before);
  EXPECT_EQ(ledger.notes().size(), 1u);
  EXPECT_FALSE(ledger.is_spent(tx.nullifiers[0]));

  // Proved for this chain, refused by another (nothing changes there).
  TransferLedger other(kChain + 1, source);
  EXPECT_EQ(other.spend(tx).error().code, SpendError::kWrongChain);

  mark = ledger.mark();
  auto outcome = ledger.spend(tx);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->fee, 10u);
  EXPECT_EQ(ledger.pool(), 990u);
  const auto bobs = scan(bob.view_key(), ledger.notes());
  ASSERT_EQ(bobs.size(), 1u);
  EXPECT_EQ(bobs[0].opening.value, 600u);
  EXPECT_EQ(bobs[0].note.pos(), outcome->positions[0]);
  EXPECT_EQ(unspent_value(ledger, {&alice, &bob}), ledger.pool());
  EXPECT_TRUE(ledger.end_block());

  // Refusals change nothing: the same transaction again, an unknown root, a forged proof.
  const size_t notes = ledger.notes().size();
  auto again = ledger.spend(tx);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, SpendError::kDoubleSpend);
  Transaction stale = tx;
  stale.root = stale.root + Fr::one();
  EXPECT_EQ(ledger.spend(stale).error().code, SpendError::kUnknownRoot);
  Transaction forged = tx;
  forged.nullifiers[0] = forged.nullifiers[0] + Fr::one();  // an unspent nullifier, but the proof is for another
  EXPECT_EQ(ledger.spend(forged).error().code, SpendError::kBadProof);
  EXPECT_FALSE(ledger.is_spent(forged.nullifiers[0]));
  Transaction garbled = forged;
  garbled.proof[100] ^= 0x01;  // the proof's bytes themselves
  EXPECT_EQ(ledger.spend(garbled).error().code, SpendError::kBadProof);
  EXPECT_FALSE(ledger.is_spent(garbled.nullifiers[0]));
  Transaction two_inputs = forged;  // fresh nullifiers
  two_inputs.nullifiers.push_back(Fr::from_u64(77));
  EXPECT_EQ(ledger.spend(two_inputs).error().code, SpendError::kNoKey);
  EXPECT_EQ(ledger.notes().size(), notes);
  EXPECT_EQ(ledger.pool(), 990u);
  EXPECT_FALSE(ledger.is_spent(two_inputs.nullifiers[1]));

  // Bob unshields 500 to an account, fee 5: the change is 95.
  std::array<u8, 32> account{};
  account[0] = 0xAA;
  SpendRequest out{scan(bob.view_key(), ledger.notes()), bob.public_key(), 0, 5, 500, account, kChain};
  auto unshield = prepare_spend(bob, out, ledger.tree(), SpendRandomness::fresh());
  ASSERT_TRUE(unshield.ok()) << unshield.error().message;
  ASSERT_TRUE(prove_spend(*keys->prover, *unshield).ok());
  auto done = ledger.spend(unshield->transaction);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->deposit, 500u);
  EXPECT_EQ(unshield->transaction.deposit_to, account);
  EXPECT_EQ(ledger.pool(), 485u);
  EXPECT_EQ(unspent_value(ledger, {&alice, &bob}), ledger.pool());
  EXPECT_TRUE(ledger.end_block());

  // Restored from its records (notes, roots, nullifiers, chain, pool): the same ledger,
  // which still refuses the spent notes; records that disagree are refused.
  std::vector<Fr> roots{empty_root};
  std::vector<NullifierKey> spent;
  for (const Fr& n : tx.nullifiers) spent.push_back(n.to_bytes_le());
  for (const Fr& n : unshield->transaction.nullifiers) spent.push_back(n.to_bytes_le());
  // A root per block: the shield's, the payment's, the unshielding's.
  roots.push_back(NoteTree::from_leaves({ledger.notes()[0].hash()})->root());
  std::vector<Fr> three{ledger.notes()[0].hash(), ledger.notes()[1].hash(), ledger.notes()[2].hash()};
  roots.push_back(NoteTree::from_leaves(three)->root());
  roots.push_back(ledger.tree().root());
  auto restored = TransferLedger::restore(kChain, source, ledger.notes(), roots, spent, ledger.nullifier_chain(),
                                          ledger.pool());
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->digest(), ledger.digest());
  EXPECT_EQ(restored->spend(tx).error().code, SpendError::kDoubleSpend);
  EXPECT_TRUE(restored->is_recent_root(roots[1]));
  std::vector<Fr> wrong_roots = roots;
  wrong_roots.pop_back();
  EXPECT_FALSE(TransferLedger::restore(kChain, source, ledger.notes(), wrong_roots, spent, ledger.nullifier_chain(),
                                       ledger.pool())
                   .ok());
  std::vector<Note> moved = ledger.notes();
  moved[1].set_pos(7);
  EXPECT_FALSE(
      TransferLedger::restore(kChain, source, moved, roots, spent, ledger.nullifier_chain(), ledger.pool()).ok());
}

// The root history is bounded: a block that pushes the oldest root out and is then
// dropped brings it back, and the history is as it was.
TEST(TransferLedger, RollbackRestoresARootTheHistoryDropped) {
  TransferLedger ledger(7, [](size_t) { return nullptr; });
  const StealthAddress to = key(3).public_key().stealth_address(Scalar::from_u64(9));
  const Fr oldest = ledger.tree().root();  // the empty tree's
  for (size_t i = 1; i < kRootHistory; ++i) {
    ASSERT_TRUE(ledger.shield(to, 1, ContractInfo{}).ok());
    ASSERT_TRUE(ledger.end_block());
  }
  EXPECT_TRUE(ledger.is_recent_root(oldest));  // exactly kRootHistory roots
  const Fr second = NoteTree::from_leaves({ledger.notes()[0].hash()})->root();
  const Hash256 before = ledger.digest();
  const auto mark = ledger.mark();
  for (int block = 0; block < 2; ++block) {  // two blocks under one mark: two roots out
    ASSERT_TRUE(ledger.shield(to, 1, ContractInfo{}).ok());
    ASSERT_TRUE(ledger.end_block());
  }
  EXPECT_FALSE(ledger.is_recent_root(oldest));
  EXPECT_FALSE(ledger.is_recent_root(second));
  const Fr newest = ledger.tree().root();
  ledger.rollback(mark);
  EXPECT_TRUE(ledger.is_recent_root(oldest));
  EXPECT_TRUE(ledger.is_recent_root(second));
  EXPECT_FALSE(ledger.is_recent_root(newest));
  EXPECT_EQ(ledger.digest(), before);
  // And it goes on as before: the next root pushes the oldest out again.
  ASSERT_TRUE(ledger.shield(to, 1, ContractInfo{}).ok());
  ASSERT_TRUE(ledger.end_block());
  EXPECT_FALSE(ledger.is_recent_root(oldest));
  EXPECT_TRUE(ledger.is_recent_root(second));
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
