// The Phoenix transaction circuit proved and verified with our PLONK (INSECURE seeded
// setup): the sample spend's proof verifies against its public inputs, and changing any
// of them (the payload, the root, the nullifier, an output's commitment or note key, any
// sender ciphertext point, the fee, the deposit) makes it fail, as PLONK binds a proof to
// its public inputs; so does the proof of another payload. That each public input is
// also constrained by the circuit is transaction_circuit_test's
// EveryClaimedPublicInputIsConstrained.
#include <gtest/gtest.h>

#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/verifier.hpp"
#include "support/phoenix_scenario.hpp"

namespace dusk::duskvm::phoenix {
namespace {

namespace plonk = crypto::plonk;

TEST(TransactionProof, VerifiesAndBindsEveryPublicInput) {
  const sample::Scenario s = sample::scenario(1);
  plonk::Composer shape;
  TransactionCircuit(1).circuit(shape);
  size_t n = 1;
  while (n < shape.gate_count()) n <<= 1;
  const auto srs = plonk::Srs::insecure_from_seed(as_bytes("transaction proof test (INSECURE)"),
                                                  n + plonk::kSrsBlindingPowers);
  auto keys = plonk::preprocess(srs, shape);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  std::array<u8, 64> seed{};
  seed[0] = 1;
  plonk::Composer cs;
  TransactionCircuit(s.witness).circuit(cs);
  auto proof = plonk::prove(*keys->prover, cs, seed);
  ASSERT_TRUE(proof.ok()) << proof.error().message;

  const std::vector<Fr> inputs = public_of(s.witness).to_public_inputs();
  ASSERT_EQ(inputs.size(), 2 + 1 + 2 * 12 + 2u);
  EXPECT_TRUE(*plonk::verify(*keys->verifier, *proof, inputs));
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::vector<Fr> changed = inputs;
    changed[i] = changed[i] + Fr::one();
    auto ok = plonk::verify(*keys->verifier, *proof, changed);
    ASSERT_TRUE(ok.ok());
    EXPECT_FALSE(*ok) << "public input " << i;
  }

  // Another spend (another payload) has its own proof; the first one does not carry over.
  TransactionWitness other = s.witness;
  other.payload_hash = Fr::from_u64(1);
  for (auto& in : other.inputs) {
    const auto note_sk = s.alice.note_secret_key(in.note.stealth_address());
    in.signature = note_sk.sign_double(other.payload_hash, std::array<u8, 32>{3});
  }
  EXPECT_FALSE(*plonk::verify(*keys->verifier, *proof, public_of(other).to_public_inputs()));
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
