#include "duskvm/phoenix/spend.hpp"

#include <string>

#include "crypto/plonk/prover.hpp"

namespace dusk::duskvm::phoenix {

std::vector<OwnedNote> scan(const ViewKey& vk, std::span<const Note> notes) {
  std::vector<OwnedNote> out;
  for (const Note& n : notes) {
    if (!vk.owns(n.stealth_address())) continue;
    auto opening = n.opening(&vk);
    if (opening) out.push_back({n, *opening});
  }
  return out;
}

SpendRandomness SpendRandomness::fresh() {
  SpendRandomness r{{NoteRandomness::fresh(), NoteRandomness::fresh()}, {fresh_scalar(), fresh_scalar()}, {}};
  fresh_random_bytes(r.signing_entropy);
  return r;
}

Result<PreparedSpend> prepare_spend(const SecretKey& sender, const SpendRequest& req, const NoteTree& tree,
                                    const SpendRandomness& rnd) {
  if (req.inputs.empty() || req.inputs.size() > kMaxInputs)
    return Error("a Phoenix spend takes 1 to " + std::to_string(kMaxInputs) + " input notes, got " +
                 std::to_string(req.inputs.size()));
  if (req.deposit == 0 && req.deposit_to != std::array<u8, 32>{})
    return Error("a deposit address without a deposit");
  u128 total = 0;
  for (size_t i = 0; i < req.inputs.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (req.inputs[i].note.pos() == req.inputs[j].note.pos())
        return Error("note " + std::to_string(req.inputs[i].note.pos()) + " is an input twice");
  for (const OwnedNote& in : req.inputs) {
    if (!sender.owns(in.note.stealth_address())) return Error("an input note is not the sender's");
    const auto leaf = tree.leaf(in.note.pos());
    if (!leaf || !(*leaf == in.note.hash()))
      return Error("input note at position " + std::to_string(in.note.pos()) + " is not in the tree there");
    total += in.opening.value;
  }
  const u128 spent = u128{req.amount} + req.max_fee + req.deposit;
  if (total < spent)
    return Error("the input notes hold " + std::to_string(static_cast<u64>(total)) + ", less than amount + fee + deposit");
  const u128 change = total - spent;
  if (change > ~u64{0}) return Error("the change does not fit in 64 bits");

  PreparedSpend s;
  Transaction& tx = s.transaction;
  TransactionWitness& w = s.witness;
  const PublicKey self = sender.public_key();
  const std::array<u64, kOutputs> values{req.amount, static_cast<u64>(change)};
  const std::array<const PublicKey*, kOutputs> receivers{&req.receiver, &self};
  tx.root = tree.root();
  for (size_t j = 0; j < kOutputs; ++j) {
    tx.outputs[j] = Note::obfuscated(self, *receivers[j], values[j], rnd.blinders[j], rnd.notes[j]);
    w.outputs[j] = {values[j], rnd.blinders[j], tx.outputs[j].stealth_address().note_pk, rnd.notes[j].sender_blinders};
  }
  tx.max_fee = req.max_fee;
  tx.deposit = req.deposit;
  tx.deposit_to = req.deposit_to;
  tx.chain_id = req.chain_id;
  for (const OwnedNote& in : req.inputs) {
    const auto note_sk = sender.note_secret_key(in.note.stealth_address());
    const Point pk_prime = crypto::jubjub::generator_nums() * note_sk.scalar();
    tx.nullifiers.push_back(in.note.nullifier(sender));
    w.inputs.push_back({in.note, *tree.open(in.note.pos()), in.opening, pk_prime, {}});
  }
  // The owners sign the payload, which now holds everything but the proof.
  w.payload_hash = tx.payload_hash();
  for (size_t i = 0; i < req.inputs.size(); ++i) {
    const auto note_sk = sender.note_secret_key(req.inputs[i].note.stealth_address());
    w.inputs[i].signature = note_sk.sign_double(w.payload_hash, rnd.signing_entropy);
  }
  w.sender = self;
  w.root = tx.root;
  w.max_fee = req.max_fee;
  w.deposit = req.deposit;
  return s;
}

Status prove_spend(const crypto::plonk::ProverKey& key, PreparedSpend& spend) {
  auto proof = crypto::plonk::prove(key, TransactionCircuit(spend.witness));
  if (!proof.ok()) return Error("proving the Phoenix spend: " + proof.error().message);
  spend.transaction.proof = proof->proof.to_bytes();
  return {};
}

}  // namespace dusk::duskvm::phoenix
