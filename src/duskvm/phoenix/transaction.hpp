// A Phoenix transaction as the transfer contract receives it: the root the spent notes
// are proved under, their nullifiers, two new notes, the fee ceiling, the value that
// leaves the shielded pool (`deposit`, to a DuskVM address: unshielding or paying a
// contract) and the proof (crypto/plonk/proof.hpp) of transaction_circuit.hpp.
//
// The payload hash, which the spent notes' owners sign inside the proof, covers every
// field but the proof: BLAKE2b-512("dusk-phoenix-payload-v1" || the encoding without the
// proof) read as a little-endian integer mod r. The circuit's public inputs are derived
// from the transaction (public_inputs()): nothing in them is taken on trust. The chain id
// is in the payload, so a transaction proved for one chain is refused by any other.
//
// Encoding: chain_id (8, LE) || root (32, LE) || n (1, 1..4) || n nullifiers (32 each, LE) || 2 notes
// (note.hpp, 302 each) || max_fee (8, LE) || deposit (8, LE) || deposit_to (32) ||
// proof (kProofSize). Decoding is strict: scalars below r, notes as note.hpp decodes
// them, outputs unplaced and carrying an encrypted sender, deposit_to zero when nothing
// is deposited, no trailing bytes.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "crypto/plonk/proof.hpp"
#include "duskvm/phoenix/note.hpp"
#include "duskvm/phoenix/transaction_circuit.hpp"

namespace dusk::duskvm::phoenix {

struct Transaction {
  u64 chain_id = 0;
  Fr root;
  std::vector<Fr> nullifiers;
  std::array<Note, kOutputs> outputs;
  u64 max_fee = 0;
  u64 deposit = 0;
  std::array<u8, 32> deposit_to{};
  std::array<u8, crypto::plonk::kProofSize> proof{};

  Bytes encode() const;
  static std::optional<Transaction> decode(ByteView bytes);
  // The encoding without the proof, and its hash (what owners sign).
  Bytes payload() const;
  Fr payload_hash() const;
  // The circuit's public inputs for this transaction (nullopt when an output carries
  // contract data instead of an encrypted sender: such notes are not Phoenix outputs).
  std::optional<TransactionPublic> public_inputs() const;
};

}  // namespace dusk::duskvm::phoenix
