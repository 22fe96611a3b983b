#include "duskvm/phoenix/transfer_ledger.hpp"

#include <algorithm>
#include <string>

#include "crypto/hash/blake2b.hpp"
#include "crypto/plonk/verifier.hpp"

namespace dusk::duskvm::phoenix {

namespace {

Failure<SpendError> refuse(SpendError e, std::string why) { return Failure<SpendError>(e, std::move(why)); }

}  // namespace

TransferLedger::TransferLedger(u64 chain_id, VerifierKeySource keys) : chain_id_(chain_id), keys_(std::move(keys)) {
  roots_.push_back(tree_.root());  // the empty tree's
}

Result<TransferLedger> TransferLedger::restore(u64 chain_id, VerifierKeySource keys, std::vector<Note> notes,
                                               std::vector<Fr> roots, std::vector<NullifierKey> nullifiers,
                                               Hash256 nullifier_chain, u128 pool) {
  TransferLedger l(chain_id, std::move(keys));
  std::vector<Fr> leaves;
  leaves.reserve(notes.size());
  for (size_t i = 0; i < notes.size(); ++i) {
    if (notes[i].pos() != i) return Error("phoenix: the note recorded at " + std::to_string(i) + " says position " +
                                          std::to_string(notes[i].pos()));
    leaves.push_back(notes[i].hash());
  }
  auto tree = NoteTree::from_leaves(std::move(leaves));
  if (!tree) return Error("phoenix: more notes than the tree holds");
  if (roots.empty() || roots.back() != tree->root())
    return Error("phoenix: the newest recorded root is not the root of the recorded notes");
  l.tree_ = std::move(*tree);
  l.notes_ = std::move(notes);
  const size_t keep = std::min(roots.size(), kRootHistory);
  l.roots_.assign(roots.end() - static_cast<long>(keep), roots.end());
  l.nullifiers_.insert(nullifiers.begin(), nullifiers.end());
  if (l.nullifiers_.size() != nullifiers.size()) return Error("phoenix: a nullifier recorded twice");
  l.nullifier_chain_ = nullifier_chain;
  l.pool_ = pool;
  return l;
}

bool TransferLedger::is_spent(const Fr& nullifier) const { return nullifiers_.count(nullifier.to_bytes_le()) != 0; }

bool TransferLedger::is_recent_root(const Fr& root) const {
  return std::find(roots_.begin(), roots_.end(), root) != roots_.end();
}

bool TransferLedger::end_block() {
  const Fr root = tree_.root();
  if (roots_.back() == root) return false;
  roots_.push_back(root);
  ++roots_pushed_;
  if (roots_.size() > kRootHistory) {
    roots_evicted_.push_back(roots_.front());
    roots_.pop_front();
  }
  return true;
}

TransferLedger::Mark TransferLedger::mark() {
  spent_log_.clear();
  roots_pushed_ = 0;
  roots_evicted_.clear();
  return Mark{notes_.size(), pool_, nullifier_chain_};
}

void TransferLedger::rollback(const Mark& m) {
  for (const NullifierKey& k : spent_log_) nullifiers_.erase(k);
  spent_log_.clear();
  notes_.resize(m.notes);
  tree_.truncate(m.notes);
  for (; roots_pushed_ > 0; --roots_pushed_) roots_.pop_back();
  for (auto it = roots_evicted_.rbegin(); it != roots_evicted_.rend(); ++it) roots_.push_front(*it);
  roots_evicted_.clear();
  pool_ = m.pool;
  nullifier_chain_ = m.nullifier_chain;
}

Hash256 TransferLedger::digest() const { return digest_of(tree_.root(), tree_.size(), pool_, nullifier_chain_); }

Hash256 TransferLedger::digest_of(const Fr& root, u64 notes, u128 pool, const Hash256& nullifier_chain) {
  Bytes b;
  const auto r = root.to_bytes_le();
  b.insert(b.end(), r.begin(), r.end());
  append_le<u64>(b, notes);
  append_le<u64>(b, static_cast<u64>(pool));
  append_le<u64>(b, static_cast<u64>(pool >> 64));
  b.insert(b.end(), nullifier_chain.begin(), nullifier_chain.end());
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_PHOENIX_V1")), ByteView(b)});
}

void TransferLedger::append(Note note) {
  note.set_pos(tree_.size());
  (void)tree_.append(note.hash());  // capacity checked by the callers
  notes_.push_back(std::move(note));
}

Result<u64> TransferLedger::shield(const StealthAddress& address, u64 value, const ContractInfo& origin) {
  if (tree_.size() >= NoteTree::kCapacity) return Error("the note tree is full");
  Note note = Note::transparent_to(address, value, origin);
  const u64 pos = tree_.size();
  append(std::move(note));
  pool_ += value;
  return pos;
}

Result<void, Failure<SpendError>> TransferLedger::check(const Transaction& tx, ProofCheck proof) const {
  if (tx.chain_id != chain_id_)
    return refuse(SpendError::kWrongChain, "the transaction is for chain " + std::to_string(tx.chain_id) +
                                               ", this is chain " + std::to_string(chain_id_));
  if (!is_recent_root(tx.root)) return refuse(SpendError::kUnknownRoot, "the transaction's root is not a recent one");
  std::set<NullifierKey> fresh;
  for (const Fr& n : tx.nullifiers) {
    const auto key = n.to_bytes_le();
    if (nullifiers_.count(key) || !fresh.insert(key).second)
      return refuse(SpendError::kDoubleSpend, "a note of this transaction is already spent");
  }
  const u128 leaving = u128{tx.max_fee} + tx.deposit;
  if (leaving > pool_) return refuse(SpendError::kPoolUnderflow, "fee and deposit exceed the shielded pool");
  if (tree_.size() + kOutputs > NoteTree::kCapacity) return refuse(SpendError::kTreeFull, "the note tree is full");
  if (proof == ProofCheck::kAlreadyVerified) return {};
  const size_t inputs = tx.nullifiers.size();
  auto key = inputs == 0 || inputs > kMaxInputs ? nullptr : keys_(inputs);
  if (!key) return refuse(SpendError::kNoKey, "no verifier key for " + std::to_string(inputs) + " inputs");
  return verify_proof(tx, *key);
}

Result<void, Failure<SpendError>> TransferLedger::verify_proof(const Transaction& tx,
                                                               const crypto::plonk::VerifierKey& key) {
  auto pub = tx.public_inputs();
  if (!pub) return refuse(SpendError::kBadProof, "an output carries no encrypted sender");
  auto ok = crypto::plonk::verify(key, ByteView(tx.proof), pub->to_public_inputs());
  if (!ok.ok() || !*ok) return refuse(SpendError::kBadProof, "the proof does not verify");
  return {};
}

Result<SpendOutcome, Failure<SpendError>> TransferLedger::spend(const Transaction& tx, ProofCheck proof) {
  if (auto c = check(tx, proof); !c.ok()) return c.error();
  SpendOutcome out;
  for (const Fr& n : tx.nullifiers) {
    const auto key = n.to_bytes_le();
    nullifiers_.insert(key);
    spent_log_.push_back(key);
    nullifier_chain_ = crypto::blake2b<32>({ByteView(nullifier_chain_), ByteView(key)});
  }
  for (size_t j = 0; j < kOutputs; ++j) {
    out.positions[j] = tree_.size();
    append(tx.outputs[j]);
  }
  pool_ -= u128{tx.max_fee} + tx.deposit;
  out.fee = tx.max_fee;
  out.deposit = tx.deposit;
  return out;
}

}  // namespace dusk::duskvm::phoenix
