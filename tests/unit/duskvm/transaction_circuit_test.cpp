// The Phoenix transaction circuit (duskvm/phoenix/transaction_circuit.hpp): an honest
// spend of a note from a real note tree to two outputs satisfies the circuit, with the
// same shape as key generation's; every constraint, tampered with, is violated: another
// root, a wrong opening, a forged or foreign signature, a value that does not open the
// commitment, an unbalanced transaction, a wrong note position, a torsion twin of the
// note key; and every public input claimed apart from the witness (an output's
// commitment or note key, each sender ciphertext point, a nullifier, the payload, the
// root, the fee, the deposit) leaves the circuit unsatisfied.
#include <gtest/gtest.h>

#include "crypto/jubjub/pedersen.hpp"
#include "duskvm/phoenix/transaction_circuit.hpp"
#include "support/phoenix_scenario.hpp"

namespace dusk::duskvm::phoenix {
namespace {

using crypto::plonk::Composer;

using sample::scenario;
using sample::Scenario;

std::optional<std::string> violation(const TransactionWitness& w) {
  Composer cs;
  TransactionCircuit(w).circuit(cs);
  return cs.first_violation();
}

TEST(TransactionCircuit, AnHonestSpendSatisfiesItWithKeyGenerationsShape) {
  for (size_t inputs : {1u, 2u}) {
    const Scenario s = scenario(inputs);
    Composer honest, shape;
    TransactionCircuit(s.witness).circuit(honest);
    TransactionCircuit(inputs).circuit(shape);
    EXPECT_EQ(honest.first_violation(), std::nullopt) << inputs;
    EXPECT_EQ(honest.description_hash(), shape.description_hash()) << inputs;
    EXPECT_EQ(honest.public_inputs(), public_of(s.witness).to_public_inputs()) << inputs;
    std::printf("%zu input(s): %zu gates\n", inputs, honest.gate_count());
  }
}

TEST(TransactionCircuit, EveryConstraintBinds) {
  const Scenario s = scenario();
  auto tampered = [&](auto change) {
    TransactionWitness w = s.witness;
    change(w);
    return violation(w).has_value();
  };
  EXPECT_TRUE(tampered([](auto& w) { w.root = w.root + Fr::one(); }));                        // membership
  EXPECT_TRUE(tampered([](auto& w) { w.inputs[0].opening.levels[3][1] += Fr::one(); }));      // a sibling
  EXPECT_TRUE(tampered([](auto& w) { w.inputs[0].note.set_pos(w.inputs[0].note.pos() + 2); }));  // position
  EXPECT_TRUE(tampered([](auto& w) { w.payload_hash = w.payload_hash + Fr::one(); }));        // signed payload
  EXPECT_TRUE(tampered([&](auto& w) {                                                         // a stranger's signature
    const auto other = s.bob.note_secret_key(w.inputs[0].note.stealth_address());
    w.inputs[0].signature = other.sign_double(w.payload_hash, std::array<u8, 32>{1});
  }));
  EXPECT_TRUE(tampered([](auto& w) {                                                          // pk' of another key
    w.inputs[0].note_pk_prime = w.inputs[0].note_pk_prime + crypto::jubjub::generator_nums();
  }));
  EXPECT_TRUE(tampered([](auto& w) {                                                          // pk' with torsion
    w.inputs[0].note_pk_prime = w.inputs[0].note_pk_prime + *Point::from_affine(Fr::zero(), -Fr::one());
  }));
  EXPECT_TRUE(tampered([](auto& w) { w.inputs[0].value.value += 1; }));                      // value vs commitment
  EXPECT_TRUE(tampered([](auto& w) { w.inputs[0].value.blinder += Scalar::one(); }));        // blinder
  EXPECT_TRUE(tampered([](auto& w) { w.outputs[0].value += 1; }));                           // balance
  EXPECT_TRUE(tampered([](auto& w) { w.max_fee += 1; }));                                     // balance with the fee
  EXPECT_TRUE(tampered([](auto& w) { w.deposit = 1; }));                                      // and the deposit
  // A balanced change is fine: less change, more fee.
  EXPECT_FALSE(tampered([](auto& w) {
    w.outputs[1].value -= 5;
    w.max_fee += 5;
  }));
}

TEST(TransactionCircuit, EveryClaimedPublicInputIsConstrained) {
  const Scenario s = scenario();
  const TransactionPublic honest = public_of(s.witness);
  auto holds = [&](const TransactionPublic& claimed) {
    Composer cs;
    TransactionCircuit(s.witness, claimed).circuit(cs);
    return !cs.first_violation().has_value();
  };
  EXPECT_TRUE(holds(honest));
  const Point g = crypto::jubjub::generator();
  using Change = void (*)(TransactionPublic&, const Point&);
  const std::vector<std::pair<const char*, Change>> changes{
      {"payload", [](auto& p, const Point&) { p.payload_hash = p.payload_hash + Fr::one(); }},
      {"root", [](auto& p, const Point&) { p.root = p.root + Fr::one(); }},
      {"nullifier", [](auto& p, const Point&) { p.nullifiers[0] = p.nullifiers[0] + Fr::one(); }},
      {"commitment 0", [](auto& p, const Point& g) { p.outputs[0].value_commitment = p.outputs[0].value_commitment + g; }},
      {"commitment 1", [](auto& p, const Point& g) { p.outputs[1].value_commitment = p.outputs[1].value_commitment + g; }},
      {"note key", [](auto& p, const Point& g) { p.outputs[0].note_pk = p.outputs[0].note_pk + g; }},
      {"A gamma", [](auto& p, const Point& g) { p.outputs[0].sender[0].gamma = p.outputs[0].sender[0].gamma + g; }},
      {"A delta", [](auto& p, const Point& g) { p.outputs[0].sender[0].delta = p.outputs[0].sender[0].delta + g; }},
      {"B gamma", [](auto& p, const Point& g) { p.outputs[1].sender[1].gamma = p.outputs[1].sender[1].gamma + g; }},
      {"B delta", [](auto& p, const Point& g) { p.outputs[1].sender[1].delta = p.outputs[1].sender[1].delta + g; }},
      {"fee", [](auto& p, const Point&) { p.max_fee += 1; }},
      {"deposit", [](auto& p, const Point&) { p.deposit += 1; }},
  };
  for (const auto& [what, change] : changes) {
    TransactionPublic claimed = honest;
    change(claimed, g);
    EXPECT_FALSE(holds(claimed)) << what;
  }
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
