// The state and rules of Phoenix's transfer contract, native to DuskVM (after Dusk's
// transfer contract): the note tree with a history of recent roots, the nullifier set,
// and the shielded pool's balance. The DuskVM lane (duskvm/lane/vm_lane.hpp) runs it for
// Phoenix transactions and for shielding from accounts, keeps it on disk and undoes a
// dropped block with mark()/rollback().
//
// Rules:
//   shield(address, value)   a transparent note of `value` for a stealth address,
//                            appended to the tree; the pool grows by value (the caller
//                            has taken it from an account or a bridge deposit)
//   spend(tx)                refused unless: tx is for this chain; tx.root is one of the
//                            last kRootHistory roots; its nullifiers are distinct and
//                            unspent; its outputs are well formed (transaction.hpp
//                            decoded them); the proof verifies against the verifier key
//                            for its number of inputs with the public inputs derived
//                            from tx (unless the caller verified it already). Then the
//                            nullifiers are spent, the two outputs appended (positions
//                            assigned), and max_fee + deposit leave the pool: the caller
//                            pays the fee to the block's generator and the deposit to
//                            tx.deposit_to. (The whole max_fee is charged: there is no
//                            refund note yet.)
//   end_block()              the tree's root joins the history when the block changed
//                            it (as Dusk's transfer contract updates its root once a
//                            block): a spend proves membership under the root of a block
//                            boundary, which is what a wallet sees when it syncs.
// A refused transaction changes nothing. The pool balance always equals the values of
// the unspent notes (the circuit proves every spend balanced), which the node's supply
// check counts.
//
// digest() commits to the whole state: BLAKE2b-256("DUSK_PHOENIX_V1" || tree root (32,
// LE) || note count (8, LE) || pool (16, LE) || nullifier chain), the nullifier chain
// being BLAKE2b-256(previous chain || nullifier (32, LE)) over every nullifier in the
// order spent (zero before the first).
#pragma once

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <vector>

#include "base/fixed_bytes.hpp"
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
  kWrongChain = 7,        // proved for another chain
};

struct SpendOutcome {
  std::array<u64, kOutputs> positions;  // where the outputs were placed
  u64 fee = 0;                          // to the block's generator
  u64 deposit = 0;                      // to deposit_to
};

// The verifier key for `inputs` inputs, or null when such spends are not accepted.
using VerifierKeySource = std::function<std::shared_ptr<const crypto::plonk::VerifierKey>(size_t inputs)>;
using NullifierKey = std::array<u8, 32>;

enum class ProofCheck { kVerify, kAlreadyVerified };

class TransferLedger {
 public:
  TransferLedger(u64 chain_id, VerifierKeySource keys);
  // The ledger as records left it: the notes by position, the recent roots (oldest
  // first; the newest must be the notes' tree's), the spent nullifiers with the chain
  // over them, and the pool.
  static Result<TransferLedger> restore(u64 chain_id, VerifierKeySource keys, std::vector<Note> notes,
                                        std::vector<Fr> roots, std::vector<NullifierKey> nullifiers,
                                        Hash256 nullifier_chain, u128 pool);

  Result<u64> shield(const StealthAddress& address, u64 value, const ContractInfo& origin);
  // What spend() would refuse, changing nothing (the pool's entry check).
  Result<void, Failure<SpendError>> check(const Transaction& tx, ProofCheck proof = ProofCheck::kVerify) const;
  Result<SpendOutcome, Failure<SpendError>> spend(const Transaction& tx, ProofCheck proof = ProofCheck::kVerify);
  // Returns whether the root changed (and joined the history).
  bool end_block();

  // Undo for one pending block: mark() before it, rollback() to drop what came after.
  // One mark at a time (a new mark starts over). What the root history gained and lost
  // since the mark is logged, not copied: a mark costs nothing per block.
  struct Mark {
    u64 notes = 0;
    u128 pool = 0;
    Hash256 nullifier_chain{};
  };
  Mark mark();
  void rollback(const Mark& mark);
  // The nullifiers spent since the last mark, in order.
  const std::vector<NullifierKey>& spent_since_mark() const { return spent_log_; }

  const NoteTree& tree() const { return tree_; }
  const std::vector<Note>& notes() const { return notes_; }  // by position, for wallets to sync
  bool is_spent(const Fr& nullifier) const;
  bool is_recent_root(const Fr& root) const;
  u128 pool() const { return pool_; }
  const Hash256& nullifier_chain() const { return nullifier_chain_; }
  Hash256 digest() const;
  // Whether tx's proof verifies under `key` with the public inputs derived from tx (the
  // part of check() that needs no ledger state: callers may run it on another thread).
  static Result<void, Failure<SpendError>> verify_proof(const Transaction& tx,
                                                        const crypto::plonk::VerifierKey& key);
  static Hash256 digest_of(const Fr& root, u64 notes, u128 pool, const Hash256& nullifier_chain);
  u64 chain_id() const { return chain_id_; }

 private:
  void append(Note note);

  u64 chain_id_;
  VerifierKeySource keys_;
  NoteTree tree_;
  std::vector<Note> notes_;
  std::deque<Fr> roots_;  // newest last
  std::set<NullifierKey> nullifiers_;
  std::vector<NullifierKey> spent_log_;  // since the mark
  size_t roots_pushed_ = 0;              // since the mark
  std::vector<Fr> roots_evicted_;        // since the mark, in the order they left
  Hash256 nullifier_chain_{};
  u128 pool_ = 0;
};

}  // namespace dusk::duskvm::phoenix
