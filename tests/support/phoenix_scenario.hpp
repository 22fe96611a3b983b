// A sample Phoenix spend for tests and benchmarks: Alice owns `inputs` notes (1,000 in
// all) in a small note tree among Bob's, and spends them: 600 to Bob, the change back to
// herself, a fee of 10. Deterministic (fixed keys and randomness).
#pragma once

#include "duskvm/phoenix/transaction_circuit.hpp"

namespace dusk::duskvm::phoenix::sample {

inline SecretKey key(u8 seed) {
  const std::array<u8, 2> s{seed, 42};
  return SecretKey::derive(s, 0);
}

inline NoteRandomness rnd(u64 i) {
  NoteRandomness r{Scalar::from_u64(500 + i), {Scalar::from_u64(600 + i), Scalar::from_u64(700 + i)}, {}};
  r.nonce[0] = static_cast<u8>(i);
  return r;
}

struct Scenario {
  SecretKey alice = key(1), bob = key(2);
  NoteTree tree;
  TransactionWitness witness;
};

inline Scenario scenario(size_t inputs = 1) {
  Scenario s;
  std::vector<Note> mine;
  for (u64 i = 0; i < 6; ++i) {
    const bool hers = i % 2 == 1 && mine.size() < inputs;
    Note n = Note::obfuscated(s.bob.public_key(), hers ? s.alice.public_key() : s.bob.public_key(),
                              hers ? 1000 / inputs : 5, Scalar::from_u64(900 + i), rnd(i));
    n.set_pos(s.tree.size());
    (void)s.tree.append(n.hash());
    if (hers) mine.push_back(n);
  }
  TransactionWitness& w = s.witness;
  w.payload_hash = Fr::from_u64(0xFEED);
  w.root = s.tree.root();
  u64 total = 0;
  for (const Note& n : mine) {
    const auto note_sk = s.alice.note_secret_key(n.stealth_address());
    const ViewKey vk = s.alice.view_key();
    const std::array<u8, 32> entropy{7};
    w.inputs.push_back({n, *s.tree.open(n.pos()), *n.opening(&vk),
                        crypto::jubjub::generator_nums() * note_sk.scalar(), note_sk.sign_double(w.payload_hash, entropy)});
    total += w.inputs.back().value.value;
  }
  w.outputs[0] = {600, Scalar::from_u64(11), s.bob.public_key().stealth_address(Scalar::from_u64(21)).note_pk,
                  {Scalar::from_u64(31), Scalar::from_u64(32)}};
  w.outputs[1] = {total - 610, Scalar::from_u64(12), s.alice.public_key().stealth_address(Scalar::from_u64(22)).note_pk,
                  {Scalar::from_u64(33), Scalar::from_u64(34)}};
  w.sender = s.alice.public_key();
  w.max_fee = 10;
  return s;
}

}  // namespace dusk::duskvm::phoenix::sample
