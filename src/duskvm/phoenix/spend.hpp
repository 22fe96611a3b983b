// The wallet's side of Phoenix: finding one's notes with a view key, and building a
// spend of them (after Dusk's wallet-core).
//
// scan(): the notes among `notes` that the view key owns, each with its value and
// blinder (transparent notes read in clear, obfuscated ones decrypted and checked
// against their commitment). This is also the auditor's view: a view key shows exactly
// its own notes and their values, and nothing about anyone else's.
//
// prepare_spend(): from notes the sender owns (placed in `tree`), a transaction paying
// `amount` to the receiver, the change back to the sender, at most `max_fee` of fee and
// `deposit` leaving the pool to `deposit_to`; both outputs obfuscated. It checks that
// every input is the sender's and sits in the tree where it says, and that the inputs
// cover amount + max_fee + deposit (without overflow). The owners' double signatures
// over the payload are made here; proving (prove_spend) is the slow part, done
// separately. Randomness is explicit (SpendRandomness::fresh() draws it from the
// operating system) so that tests can fix it.
#pragma once

#include <span>
#include <vector>

#include "base/result.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "duskvm/phoenix/transaction.hpp"

namespace dusk::duskvm::phoenix {

struct OwnedNote {
  Note note;
  ValueOpening opening;
};

std::vector<OwnedNote> scan(const ViewKey& vk, std::span<const Note> notes);

struct SpendRandomness {
  std::array<NoteRandomness, kOutputs> notes;
  std::array<Scalar, kOutputs> blinders;
  std::array<u8, 32> signing_entropy{};
  static SpendRandomness fresh();
};

struct SpendRequest {
  std::vector<OwnedNote> inputs;  // 1..kMaxInputs, placed in the tree
  PublicKey receiver;
  u64 amount = 0;
  u64 max_fee = 0;
  u64 deposit = 0;
  std::array<u8, 32> deposit_to{};
  u64 chain_id = 0;  // the chain the transaction is for (in what the owners sign)
};

struct PreparedSpend {
  Transaction transaction;  // its proof still zero
  TransactionWitness witness;
};

Result<PreparedSpend> prepare_spend(const SecretKey& sender, const SpendRequest& request, const NoteTree& tree,
                                    const SpendRandomness& randomness);

// Proves the prepared spend into its transaction's proof (both cores; seconds).
Status prove_spend(const crypto::plonk::ProverKey& key, PreparedSpend& spend);

}  // namespace dusk::duskvm::phoenix
