// Poseidon inside a PLONK circuit (crypto/plonk/composer.hpp): the permutation, the
// domain-separated hash and Merkle4 nodes, computing exactly what hash.hpp computes
// natively (the tests check both and that a wrong output fails the circuit).
//
// Gates per permutation (width-4 arithmetic gates only: our composer has no custom
// Poseidon gate yet), over the optimized form of poseidon.hpp: the S-box (s + c)^5
// takes 3 gates with the round constant folded in; a dense matrix row sums five terms in
// 2 gates; a sparse partial round (M'') takes 4 one-gate updates and one 2-gate row. Full
// round 25 gates, the first partial round 13, the other 59 partial rounds 9: 744 a
// permutation. A domain tag is a circuit constant; absorbing adds one gate per input.
//
//   std::array<Witness, 5> s = ...; poseidon::gadget::permute(composer, s);
//   Witness h = poseidon::gadget::hash(composer, inputs);   // Domain::kOther
//   Witness node = poseidon::gadget::merkle4(composer, {c0, c1, c2, c3});
//   Witness root = poseidon::gadget::merkle4_opening(composer, leaf, levels, bits);
#pragma once

#include <array>
#include <span>

#include "crypto/plonk/composer.hpp"
#include "crypto/poseidon/hash.hpp"

namespace dusk::crypto::poseidon::gadget {

using plonk::Composer;
using plonk::Witness;

// The Hades permutation, in place.
void permute(Composer& composer, std::array<Witness, kWidth>& state);

// The hash of `inputs` (non-empty) under `domain`, one output, as digest() computes it.
// A Merkle domain takes exactly its arity (the caller's shape; checked natively).
Witness hash(Composer& composer, Domain domain, std::span<const Witness> inputs);
inline Witness hash(Composer& composer, std::span<const Witness> inputs) {
  return hash(composer, Domain::kOther, inputs);
}
inline Witness merkle4(Composer& composer, const std::array<Witness, 4>& children) {
  return hash(composer, Domain::kMerkle4, children);
}

// The root that a 4-ary Merkle opening leads to from `leaf`: levels[h] are the four
// children at height h (bottom up) and position_bits the position's bits, least
// significant first, two per level (its base-4 digits; the caller constrains them to be
// boolean, e.g. by decomposing the position). At every level the path's node must be the
// child at its digit (10 gates), and the next node is merkle4 of the children.
Witness merkle4_opening(Composer& composer, Witness leaf, std::span<const std::array<Witness, 4>> levels,
                        std::span<const Witness> position_bits);

}  // namespace dusk::crypto::poseidon::gadget
