// Poseidon as a circuit gadget (crypto/poseidon/gadget.hpp): the permutation, the hash of
// several lengths and the Merkle4 node agree with the native functions (hash.hpp) on the
// same inputs, the circuit is satisfied by honest values and violated by a wrong output,
// and a Merkle4 circuit proves and verifies with our PLONK (and fails with a wrong root).
#include <gtest/gtest.h>

#include <optional>
#include <string>

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
  EXPECT_EQ(cs.gate_count() - before, 8 * 25 + 13 + 59 * 9u);
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

// A 4-ary tree of depth 3 over 20 leaves (empty subtrees 0): the opening of `pos`, as
// native values, and its root.
struct Tree {
  std::vector<std::vector<Fr>> levels;  // levels[0]: 64 leaf slots
  Fr node(size_t h, size_t i) const { return levels[h][i]; }
};
Tree tree() {
  Tree t;
  std::vector<Fr> leaves(64, Fr::zero());
  for (size_t i = 0; i < 20; ++i) leaves[i] = f(300 + i);
  t.levels.push_back(leaves);
  for (size_t h = 0; h < 3; ++h) {
    const auto& below = t.levels.back();
    std::vector<Fr> up(below.size() / 4);
    for (size_t i = 0; i < up.size(); ++i) {
      const bool empty = 4 * i >= (h == 0 ? 20u : (20u + (1u << (2 * h)) - 1) >> (2 * h));
      up[i] = empty ? Fr::zero() : merkle4({below[4 * i], below[4 * i + 1], below[4 * i + 2], below[4 * i + 3]});
    }
    t.levels.push_back(up);
  }
  return t;
}

// Proves in-circuit that `leaf` sits at `pos` under the tree's root; `claimed_pos` is the
// position the circuit's bits spell (a liar's may differ from the opening's).
std::optional<std::string> opening_violation(const Tree& t, size_t pos, const Fr& leaf, size_t claimed_pos) {
  Composer cs;
  std::vector<std::array<Witness, 4>> levels;
  size_t index = pos;
  for (size_t h = 0; h < 3; ++h) {
    std::array<Witness, 4> c;
    const size_t first = index / 4 * 4;
    for (size_t j = 0; j < 4; ++j) c[j] = cs.append_witness(first + j == index && h == 0 ? leaf : t.node(h, first + j));
    levels.push_back(c);
    index /= 4;
  }
  std::vector<Witness> bits;
  for (size_t i = 0; i < 6; ++i) {
    bits.push_back(cs.append_witness(Fr::from_u64((claimed_pos >> i) & 1)));
    cs.component_boolean(bits.back());
  }
  const Witness root = gadget::merkle4_opening(cs, cs.append_witness(leaf), levels, bits);
  cs.assert_equal(root, cs.append_public(t.node(3, 0)));
  return cs.first_violation();
}

TEST(PoseidonGadget, MerkleOpeningsLeadToTheRoot) {
  const Tree t = tree();
  for (size_t pos : {0u, 1u, 5u, 15u, 16u, 19u})
    EXPECT_EQ(opening_violation(t, pos, t.node(0, pos), pos), std::nullopt) << pos;
  EXPECT_NE(opening_violation(t, 5, f(999), 5), std::nullopt);          // another leaf
  EXPECT_NE(opening_violation(t, 5, t.node(0, 5), 6), std::nullopt);    // another position
  EXPECT_NE(opening_violation(t, 5, t.node(0, 5), 21), std::nullopt);   // another subtree
}

}  // namespace
}  // namespace dusk::crypto::poseidon
