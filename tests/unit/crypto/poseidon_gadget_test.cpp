// Poseidon as a circuit gadget (crypto/poseidon/gadget.hpp): the permutation, the hash of
// several lengths and the Merkle4 node agree with the native functions (hash.hpp) on the
// same inputs, the circuit is satisfied by honest values and violated by a wrong output,
// and a Merkle4 circuit proves and verifies with our PLONK (and fails with a wrong root).
#include <gtest/gtest.h>

#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/verifier.hpp"
#include "crypto/poseidon/gadget.hpp"

namespace dusk::crypto::poseidon {
namespace {

using plonk::Composer;
using plonk::Witness;

Fr f(u64 x) { return Fr::from_u64(x * 0x9e3779b97f4a7c15ull + 17); }

TEST(PoseidonGadget, PermutationMatchesNative) {
  Composer cs;
  std::array<Fr, kWidth> native;
  std::array<Witness, kWidth> state;
  for (size_t i = 0; i < kWidth; ++i) {
    native[i] = f(i);
    state[i] = cs.append_witness(native[i]);
  }
  const size_t before = cs.gate_count();
  gadget::permute(cs, state);
  permute(native);
  for (size_t i = 0; i < kWidth; ++i) EXPECT_EQ(cs.value(state[i]), native[i]) << i;
  EXPECT_EQ(cs.gate_count() - before, 8 * 25 + 60 * 13u);
  EXPECT_EQ(cs.first_violation(), std::nullopt);
}

TEST(PoseidonGadget, HashesMatchNative) {
  for (size_t n : {1u, 3u, 4u, 5u, 9u}) {
    Composer cs;
    std::vector<Fr> xs;
    std::vector<Witness> ws;
    for (size_t i = 0; i < n; ++i) {
      xs.push_back(f(100 + i));
      ws.push_back(cs.append_witness(xs.back()));
    }
    const Witness h = gadget::hash(cs, ws);
    EXPECT_EQ(cs.value(h), digest(Domain::kOther, xs)->front()) << n;
    EXPECT_EQ(cs.first_violation(), std::nullopt) << n;
  }
  Composer cs;
  std::array<Witness, 4> children;
  std::array<Fr, 4> values;
  for (size_t i = 0; i < 4; ++i) children[i] = cs.append_witness(values[i] = f(200 + i));
  EXPECT_EQ(cs.value(gadget::merkle4(cs, children)), merkle4(values));
  EXPECT_EQ(cs.first_violation(), std::nullopt);
}

// The Merkle4 node of four private children equals a public root.
void merkle_circuit(Composer& cs, const std::array<Fr, 4>& children, const Fr& root) {
  std::array<Witness, 4> w;
  for (size_t i = 0; i < 4; ++i) w[i] = cs.append_witness(children[i]);
  cs.assert_equal(gadget::merkle4(cs, w), cs.append_public(root));
}

TEST(PoseidonGadget, MerkleNodeProvesAndAWrongRootFails) {
  const std::array<Fr, 4> children{f(1), f(2), f(3), f(4)};
  const Fr root = merkle4(children);
  Composer shape, honest, lying;
  merkle_circuit(shape, {}, Fr::zero());
  merkle_circuit(honest, children, root);
  merkle_circuit(lying, children, root + Fr::one());
  EXPECT_EQ(honest.first_violation(), std::nullopt);
  EXPECT_NE(lying.first_violation(), std::nullopt);

  const auto srs = plonk::Srs::insecure_from_seed(as_bytes("poseidon gadget test"), 2048 + plonk::kSrsBlindingPowers);
  auto keys = plonk::preprocess(srs, shape);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  std::array<u8, 64> seed{};
  auto proof = plonk::prove(*keys->prover, honest, seed);
  ASSERT_TRUE(proof.ok()) << proof.error().message;
  EXPECT_TRUE(*plonk::verify(*keys->verifier, *proof, honest.public_inputs()));
  const std::vector<Fr> wrong{root + Fr::one()};
  EXPECT_FALSE(*plonk::verify(*keys->verifier, *proof, wrong));
  EXPECT_FALSE(plonk::prove(*keys->prover, lying, seed).ok());  // the prover refuses
  auto forced = plonk::detail::prove_unchecked(*keys->prover, lying, seed);
  ASSERT_TRUE(forced.ok());
  EXPECT_FALSE(*plonk::verify(*keys->verifier, *forced, lying.public_inputs()));
}

}  // namespace
}  // namespace dusk::crypto::poseidon
