// The optimal ate pairing of BLS12-381: e: G1 x G2 -> GT, GT the order-r subgroup of
// Fp12^*.
//
// e(P, Q) = final_exponentiation(miller_loop(P, Q)). The Miller loop (the template of
// ec/multi_miller_loop.hpp) runs over the bits of |x| = 0xd201000000010000 with Q kept
// in Jacobian coordinates on the twist; its tangent and chord lines
// (ec/miller_lines.hpp), evaluated at P, are sparse Fp12 elements folded in with
// mul_by_014 (M-type twist). The result is conjugated because x < 0. Line values are
// scaled by factors in proper subfields, which the final exponentiation removes.
// The final exponentiation raises to 3 (p^12 - 1) / r: the easy part (p^6 - 1)(p^2 + 1)
// by a conjugation, an inversion and Frobenius maps, the hard part 3 (p^4 - p^2 + 1) / r
// by the chain of Hayashida, Hayasaka and Teruya (ePrint 2020/875): five
// exponentiations by x, each 63 of Karabina's compressed cyclotomic squarings with one
// batched decompression (ec/cyclotomic.hpp; Granger and Scott, "Faster squaring in the
// cyclotomic subgroup of sixth degree extensions", 2009, elsewhere). The factor 3 (prime to r)
// makes the chain shorter and keeps the pairing bilinear and non-degenerate; the chain
// is the one zkcrypto's bls12_381 uses, and pairing_test checks e(G1, G2) against its
// value, and the exponentiation against f^((p^12 - 1) / r) cubed.
//
// Inputs are affine points assumed to be in G1 and G2 (decoders check that); the
// identity on either side gives 1. Variable time in the points: the pairing is used on
// public values (signatures, keys, proofs).
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "crypto/bls12_381/fp12.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/ec/detail/multi_miller_loop.hpp"

namespace dusk::crypto::bls12_381 {

using PairingInput = std::pair<G1Affine, G2Affine>;

// Q prepared for Miller loops: the line of every step of the loop for this Q, in the
// order the loop uses them (68 lines, about 20 KiB). The G2 half of a Miller loop then
// happens once per Q instead of once per pairing; a fixed Q (a verification key's point,
// the G2 generator) pays it once. Empty for the identity.
using G2Prepared = ec::G2Prepared<Fp2>;
G2Prepared prepare_g2(const G2Affine& q);
// The lines of -G2 (the generator's negation), prepared once on first use: the fixed
// point of min-sig signature checks e(H(m), pk) e(sig, -G2) = 1.
const G2Prepared& neg_g2_generator_lines();

using PreparedPairingInput = ec::PreparedPairingInput<G1Affine, Fp2>;

// The product of the Miller loops of all pairs, sharing one accumulator (one squaring
// per bit for all pairs).
Fp12 miller_loop(std::span<const PairingInput> pairs);
Fp12 miller_loop(std::span<const PreparedPairingInput> pairs);
Fp12 miller_loop(const G1Affine& p, const G2Affine& q);
// f^(3 (p^12 - 1) / r). Precondition: f != 0 (a Miller loop output is never 0).
Fp12 final_exponentiation(const Fp12& f);

// e(P, Q).
Fp12 pairing(const G1Affine& p, const G2Affine& q);
// prod e(P_i, Q_i) with one final exponentiation: the way to check
// e(A, B) == e(C, D) is multi_pairing({(A, B), (-C, D)}) == 1.
Fp12 multi_pairing(std::span<const PairingInput> pairs);
Fp12 multi_pairing(std::span<const PreparedPairingInput> pairs);

// Squaring of an element of the cyclotomic subgroup (norm 1 over Fp6, as every value
// after the easy part of the final exponentiation), cheaper than a general squaring.
Fp12 cyclotomic_square(const Fp12& f);

}  // namespace dusk::crypto::bls12_381
