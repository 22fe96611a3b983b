// The Phoenix transaction circuit (after Dusk's phoenix-circuits): a PLONK proof that a
// transaction spending 1 to 4 notes of the note tree into 2 new notes is valid, without
// showing which notes, whose, or what values.
//
// Public inputs, in this order (the gate order of the composer):
//   payload_hash                     what the input notes' owners signed (the
//                                    transaction's body, hashed by the caller)
//   root                             a note tree root (the contract keeps their history)
//   nullifier_i, i < inputs          one per spent note
//   per output j < 2: value_commitment (u, v), note_pk (u, v), and the sender's public
//                     key (A, B) ElGamal-encrypted to note_pk: A's (gamma, delta) and
//                     B's (gamma, delta), each point (u, v): 12 elements
//   max_fee, deposit
//
// Constraints, per input note:
//   membership  hash(type, vc, note_pk, pos) opens to `root` at `pos` (depth 17, 4-ary)
//   ownership   a double Schnorr signature of payload_hash under (note_pk, note_pk'),
//               note_pk' = note_sk G' (so one secret is behind both), note_pk' proved
//               in the prime-order subgroup (as 8 q): no torsion twin of it, and so of
//               the nullifier, can pass (note_pk is the tree's, checked at insertion)
//   nullifier   hash(note_pk', pos) is the public nullifier
//   value       vc = value G + blinder G' for the opening, value < 2^64
// per output: vc = value G + blinder G', value < 2^64; the ciphertexts encrypt the
// sender's (A, B) under the output's note_pk with the sender's blinders;
// balance: sum of inputs = sum of outputs + max_fee + deposit (all 64-bit, so no sum
// wraps around r).
//
// The sender's key is not tied to the inputs' owner by the circuit: what the receivers
// learn is who the sender says it is (as in Dusk's circuit).
//
// A circuit with no witness (TransactionCircuit(inputs)) has the same shape: it is what
// key generation builds.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "crypto/plonk/composer.hpp"
#include "crypto/schnorr/schnorr.hpp"
#include "duskvm/phoenix/keys.hpp"
#include "duskvm/phoenix/note.hpp"
#include "duskvm/phoenix/note_tree.hpp"

namespace dusk::duskvm::phoenix {

inline constexpr size_t kMaxInputs = 4;
inline constexpr size_t kOutputs = 2;

struct InputWitness {
  Note note;                                 // with its position set
  NoteTree::Opening opening;
  ValueOpening value;                        // the note's value and blinder
  Point note_pk_prime;                       // note_sk G'
  crypto::schnorr::SignatureDouble signature;  // of payload_hash under note_sk
};

struct OutputWitness {
  u64 value = 0;
  Scalar blinder;
  Point note_pk;                    // the output note's stealth address's key
  std::array<Scalar, 2> sender_blinders{};
};

struct TransactionWitness {
  std::vector<InputWitness> inputs;  // 1..kMaxInputs
  std::array<OutputWitness, kOutputs> outputs;
  PublicKey sender;
  Fr payload_hash;
  Fr root;
  u64 max_fee = 0;
  u64 deposit = 0;
};

// What the public inputs carry, as a transaction states them; to_public_inputs() orders
// them as the circuit does.
struct TransactionPublic {
  Fr payload_hash, root;
  std::vector<Fr> nullifiers;
  struct Output {
    Point value_commitment, note_pk;
    std::array<crypto::jubjub::ElGamalCiphertext, 2> sender;  // A's, B's
  };
  std::array<Output, kOutputs> outputs;
  u64 max_fee = 0, deposit = 0;
  std::vector<Fr> to_public_inputs() const;
};

class TransactionCircuit : public crypto::plonk::Circuit {
 public:
  // The shape for `inputs` notes (key generation).
  explicit TransactionCircuit(size_t inputs);
  explicit TransactionCircuit(TransactionWitness witness);
  // The witness against public inputs claimed elsewhere (a transaction's): every one of
  // them is constrained, so a claim the witness does not back leaves the circuit
  // unsatisfied. Precondition: as many nullifiers as inputs.
  TransactionCircuit(TransactionWitness witness, TransactionPublic claimed);
  void circuit(crypto::plonk::Composer& cs) const override;
  size_t inputs() const { return inputs_; }

 private:
  size_t inputs_;
  std::optional<TransactionWitness> witness_;
  std::optional<TransactionPublic> claimed_;
};

// The public side of an honest witness, computed natively (what the wallet publishes).
TransactionPublic public_of(const TransactionWitness& w);

}  // namespace dusk::duskvm::phoenix
