#include "duskvm/phoenix/transfer_ledger.hpp"

#include <algorithm>
#include <string>

#include "crypto/plonk/verifier.hpp"

namespace dusk::duskvm::phoenix {

namespace {

Failure<SpendError> refuse(SpendError e, std::string why) { return Failure<SpendError>(e, std::move(why)); }

}  // namespace

TransferLedger::TransferLedger(std::array<std::shared_ptr<const crypto::plonk::VerifierKey>, kMaxInputs> keys)
    : keys_(std::move(keys)) {
  roots_.push_back(tree_.root());  // the empty tree's
}

bool TransferLedger::is_spent(const Fr& nullifier) const { return nullifiers_.count(nullifier.to_bytes_le()) != 0; }

bool TransferLedger::is_recent_root(const Fr& root) const {
  return std::find(roots_.begin(), roots_.end(), root) != roots_.end();
}

void TransferLedger::remember_root() {
  roots_.push_back(tree_.root());
  if (roots_.size() > kRootHistory) roots_.pop_front();
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
  remember_root();
  return pos;
}

Result<SpendOutcome, Failure<SpendError>> TransferLedger::spend(const Transaction& tx) {
  if (!is_recent_root(tx.root)) return refuse(SpendError::kUnknownRoot, "the transaction's root is not a recent one");
  std::set<std::array<u8, 32>> fresh;
  for (const Fr& n : tx.nullifiers) {
    const auto key = n.to_bytes_le();
    if (nullifiers_.count(key) || !fresh.insert(key).second)
      return refuse(SpendError::kDoubleSpend, "a note of this transaction is already spent");
  }
  const size_t inputs = tx.nullifiers.size();
  if (inputs == 0 || inputs > kMaxInputs || !keys_[inputs - 1])
    return refuse(SpendError::kNoKey, "no verifier key for " + std::to_string(inputs) + " inputs");
  auto pub = tx.public_inputs();
  if (!pub) return refuse(SpendError::kBadProof, "an output carries no encrypted sender");
  auto ok = crypto::plonk::verify(*keys_[inputs - 1], ByteView(tx.proof), pub->to_public_inputs());
  if (!ok.ok() || !*ok) return refuse(SpendError::kBadProof, "the proof does not verify");
  const u128 leaving = u128{tx.max_fee} + tx.deposit;
  if (leaving > pool_) return refuse(SpendError::kPoolUnderflow, "fee and deposit exceed the shielded pool");
  if (tree_.size() + kOutputs > NoteTree::kCapacity) return refuse(SpendError::kTreeFull, "the note tree is full");

  SpendOutcome out;
  for (const auto& key : fresh) nullifiers_.insert(key);
  for (size_t j = 0; j < kOutputs; ++j) {
    out.positions[j] = tree_.size();
    append(tx.outputs[j]);
  }
  pool_ -= leaving;
  out.fee = tx.max_fee;
  out.deposit = tx.deposit;
  remember_root();
  return out;
}

}  // namespace dusk::duskvm::phoenix
