// The state and rules of Phoenix's transfer contract, native to DuskVM (after Dusk's
// transfer contract): the note tree with a history of recent roots, the nullifier set,
// and the shielded pool's balance. The DuskVM lane will run it for Phoenix transactions
// and for shielding from accounts (not wired yet: this is the contract's logic and
// state, tested on its own).
//
// Rules:
//   shield(address, value)   a transparent note of `value` for a stealth address,
//                            appended to the tree; the pool grows by value (the caller
//                            has taken it from an account or a bridge deposit)
//   spend(tx)                refused unless: tx.root is one of the last kRootHistory
//                            roots; its nullifiers are distinct and unspent; its
//                            outputs are well formed (transaction.hpp decoded them); the
//                            proof verifies against the verifier key for its number of
//                            inputs with the public inputs derived from tx. Then the
//                            nullifiers are spent, the two outputs appended (positions
//                            assigned), and max_fee + deposit leave the pool: the caller
//                            pays the fee to the block's generator and the deposit to
//                            tx.deposit_to. (The whole max_fee is charged: there is no
//                            refund note yet.)
// A refused transaction changes nothing. The pool balance always equals the values of
// the unspent notes (the circuit proves every spend balanced), which the node's supply
// check can count.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <set>
#include <vector>

#include "base/result.hpp"
#include "crypto/plonk/verifier_key.hpp"
#include "duskvm/phoenix/note_tree.hpp"
#include "duskvm/phoenix/transaction.hpp"

namespace dusk::duskvm::phoenix {

inline constexpr size_t kRootHistory = 4096;

enum class SpendError {
  kUnknownRoot = 1,       // not a recent root of the tree
  kDoubleSpend = 2,       // a nullifier already spent, or twice in the transaction
  kNoKey = 3,             // no verifier key for that many inputs
  kBadProof = 4,          // the proof does not verify (or is malformed)
  kPoolUnderflow = 5,     // fee + deposit above the pool (cannot happen with sound proofs)
  kTreeFull = 6,
};

struct SpendOutcome {
  std::array<u64, kOutputs> positions;  // where the outputs were placed
  u64 fee = 0;                          // to the block's generator
  u64 deposit = 0;                      // to deposit_to
};

class TransferLedger {
 public:
  // keys[i]: the verifier key of the (i + 1)-input circuit, or null if not accepted.
  explicit TransferLedger(std::array<std::shared_ptr<const crypto::plonk::VerifierKey>, kMaxInputs> keys);

  Result<u64> shield(const StealthAddress& address, u64 value, const ContractInfo& origin);
  Result<SpendOutcome, Failure<SpendError>> spend(const Transaction& tx);

  const NoteTree& tree() const { return tree_; }
  const std::vector<Note>& notes() const { return notes_; }  // by position, for wallets to sync
  bool is_spent(const Fr& nullifier) const;
  bool is_recent_root(const Fr& root) const;
  u128 pool() const { return pool_; }

 private:
  void append(Note note);
  void remember_root();  // the tree's root, into the bounded history

  std::array<std::shared_ptr<const crypto::plonk::VerifierKey>, kMaxInputs> keys_;
  NoteTree tree_;
  std::vector<Note> notes_;
  std::deque<Fr> roots_;  // newest last
  std::set<std::array<u8, 32>> nullifiers_;
  u128 pool_ = 0;
};

}  // namespace dusk::duskvm::phoenix
