// The optimal ate pairing of BN254 (alt_bn128): e: G1 x G2 -> GT, GT the order-r
// subgroup of Fp12^*; the pairing of Ethereum's EIP-197 precompile.
//
// e(P, Q) = final_exponentiation(miller_loop(P, Q)) with
//   miller_loop = f_{6u+2,Q}(P) * l_{T,psi(Q)}(P) * l_{T+psi(Q),-psi^2(Q)}(P),
// T = [6u+2]Q (Vercauteren, "Optimal pairings", 2010). The loop (the template of
// ec/multi_miller_loop.hpp) runs over the signed binary (NAF) digits of
// 6u + 2 = 0x19d797039be763ba8, Q in Jacobian coordinates on the twist, lines from
// ec/miller_lines.hpp folded in with mul_by_034 (D-type twist).
// The final exponentiation raises to (p^12 - 1) / r exactly: the easy part
// (p^6 - 1)(p^2 + 1) by a conjugation, an inversion and a Frobenius map, the hard part
// (p^4 - p^2 + 1) / r by the chain of Scott, Benger, Charlemagne, Dominguez Perez and
// Kachisa ("On the final exponentiation for calculating pairings on ordinary elliptic
// curves", 2009): three exponentiations by u with cyclotomic squarings
// (ec/cyclotomic.hpp), Frobenius maps and 13 products. pairing_test checks it against
// f^((p^12 - 1) / r) computed by square-and-multiply.
//
// Inputs are affine points assumed to be in G1 and G2 (the decoders of encoding.hpp
// check that); the identity on either side contributes 1. Variable time in the points:
// the pairing is used on public values (proofs, keys).
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "crypto/bn254/fp12.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/bn254/g2.hpp"
#include "crypto/ec/detail/multi_miller_loop.hpp"

namespace dusk::crypto::bn254 {

using PairingInput = std::pair<G1Affine, G2Affine>;

// Q prepared for Miller loops: the line of every step of the loop for this Q, in the
// order the loop uses them (88 lines, 17 KiB). The G2 half of a Miller loop
// (doublings and additions of Q's multiples) then happens once per Q instead of once per
// pairing; a fixed Q (a verification key's point) pays it once. Empty for the identity.
using G2Prepared = ec::G2Prepared<Fp2>;
G2Prepared prepare_g2(const G2Affine& q);

using PreparedPairingInput = ec::PreparedPairingInput<G1Affine, Fp2>;

// The product of the Miller loops of all pairs, sharing one accumulator. The plain form
// prepares each Q and runs the prepared loop.
Fp12 miller_loop(std::span<const PreparedPairingInput> pairs);
Fp12 miller_loop(std::span<const PairingInput> pairs);
Fp12 miller_loop(const G1Affine& p, const G2Affine& q);
// f^((p^12 - 1) / r). Precondition: f != 0 (a Miller loop output never is).
Fp12 final_exponentiation(const Fp12& f);

// e(P, Q).
Fp12 pairing(const G1Affine& p, const G2Affine& q);
// prod e(P_i, Q_i) with one final exponentiation.
Fp12 multi_pairing(std::span<const PairingInput> pairs);
Fp12 multi_pairing(std::span<const PreparedPairingInput> pairs);

}  // namespace dusk::crypto::bn254
