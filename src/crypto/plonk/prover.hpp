// The prover of our PLONK: the protocol of Gabizon, Williamson and Ciobotaru ("PLONK",
// eprint 2019/953, the version with r(xi) = 0), with dusk-plonk's four wires a, b, c, d.
//
// Rounds (transcript.hpp labels in quotes; the transcript starts with the label
// "dusk-plonk", the verifier key's digest "vk" and the public inputs "pi"):
//  1. The wire polynomials w_j = (b X + b') Z_H + interpolation of wire j's values, with
//     random blinding scalars (d, opened at two points, gets (b X^2 + b' X + b'') Z_H);
//     commitments "a", "b", "c", "d". Challenges "beta", "gamma".
//  2. The permutation accumulator z: z(w^0) = 1,
//        z(w^(i+1)) = z(w^i) prod_j (w_j(w^i) + beta k_j w^i + gamma)
//                            / (w_j(w^i) + beta sigma_j(w^i) + gamma),
//     blinded by (b X^2 + b' X + b'') Z_H; commitment "z". Challenge "alpha".
//  3. The quotient t = [gate + alpha perm + alpha^2 (z - 1) L_0 + alpha^3 q_range R] / Z_H with
//        gate = q_m a b + q_l a + q_r b + q_o c + q_4 d + q_c + PI,
//        PI   = -sum_k x_k L_(row_k)   (x_k the public inputs),
//        perm = z(X) prod_j (w_j + beta k_j X + gamma) - z(w X) prod_j (w_j + beta sigma_j + gamma),
//        R    = D(c - 4d) + alpha D(b - 4c) + alpha^2 D(a - 4b) + alpha^3 D(d(w X) - 4a)
//               (the range gate, range_gate.hpp),
//     computed on the coset g H' of 8n points (both cores) and split in four pieces of n
//     coefficients (the last has up to n + 8), blinded so that they still sum to t:
//     t_0 + b X^n, t_1 - b + b' X^n, t_2 - b' + b'' X^n, t_3 - b''; commitments "t_0" ..
//     "t_3". Challenge "xi".
//  4. Evaluations "a(xi)" .. "d(xi)", "sigma_0(xi)" .. "sigma_2(xi)", "z(xi w)",
//     "d(xi w)". Challenge "v".
//  5. The linearisation r(X) (the gate, permutation and range terms with the evaluations
//     in place of a, b, c, d, sigma_0..2, z(wX) and d(wX), minus Z_H(xi) sum xi^(kn)
//     t_k(X)), which vanishes at xi; the openings W_xi of r + sum_k v^k f_k (f = a, b, c,
//     d, sigma_0..2) at xi and W_xi_omega of z + v d at xi w; commitments "w_xi",
//     "w_xi_omega". The verifier
//     draws "u" to join the two openings in one pairing check (verifier.hpp).
//
// The prover first checks that the composer has the key's shape (kShapeMismatch) and that
// its values satisfy every gate and copy constraint (kUnsatisfied): it refuses to prove
// something false. Its FFTs, MSMs and the quotient run on both cores.
//
// Randomness: the 15 blinding scalars come from a 64-byte seed, by
// BLAKE2b-512("dusk-plonk blinding v1" || seed || LE64(i)) mod r; the seed is read from
// the operating system (getrandom) unless a caller gives one (tests, reproducibility).
// A seed used twice with different witnesses leaks them: never reuse one.
//
// Thread safety: prove() only reads the key; calls may run concurrently.
#pragma once

#include <span>
#include <vector>

#include "crypto/plonk/composer.hpp"
#include "crypto/plonk/error.hpp"
#include "crypto/plonk/proof.hpp"
#include "crypto/plonk/prover_key.hpp"

namespace dusk::crypto::plonk {

// The proof that the composer's witness satisfies the keyed circuit, with fresh OS
// randomness. kShapeMismatch, kUnsatisfied, kRandomnessUnavailable.
PlonkResult<Proof> prove(const ProverKey& pk, const Composer& composer);
// The same with the caller's blinding seed.
PlonkResult<Proof> prove(const ProverKey& pk, const Composer& composer, std::span<const u8, 64> seed);

// A circuit and its public inputs, proved: builds the circuit, then proves it.
struct ProofWithInputs {
  Proof proof;
  std::vector<Fr> public_inputs;
};
PlonkResult<ProofWithInputs> prove(const ProverKey& pk, const Circuit& circuit);

namespace detail {
// prove() without the satisfaction check (the shape is still checked): the proof of a
// false statement, which the verifier must reject. For soundness tests only.
PlonkResult<Proof> prove_unchecked(const ProverKey& pk, const Composer& composer, std::span<const u8, 64> seed);
}  // namespace detail

}  // namespace dusk::crypto::plonk
