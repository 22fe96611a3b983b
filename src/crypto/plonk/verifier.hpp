// The verifier of our PLONK (the protocol of prover.hpp).
//
// After replaying the transcript for the challenges beta, gamma, alpha, xi, v, u, it
// computes Z_H(xi) = xi^n - 1, L_0(xi), PI(xi) = -sum_k x_k L_(row_k)(xi), the range
// gate's factor R = D(c - 4d) + alpha D(b - 4c) + alpha^2 D(a - 4b) + alpha^3 D(d(xi w) - 4a)
// (over the evaluations; its term alpha^3 R q_range(X) has no constant part), the constant
// part of the linearisation
//     r_0 = PI(xi) - alpha^2 L_0(xi) - alpha z(xi w) (d(xi) + gamma) prod_{j<3} (w_j(xi) + beta sigma_j(xi) + gamma),
// builds from the key's and the proof's commitments
//     [F] = [r - r_0] + u ([z] + v [d]) + sum_k v^k [f_k]   (f = a, b, c, d, sigma_0..2)
//     E   = -r_0 + sum_k v^k f_k(xi) + u (z(xi w) + v d(xi w))
// and accepts iff
//     e([W_xi] + u [W_xi_omega], [x]_2) = e(xi [W_xi] + u xi w [W_xi_omega] + [F] - E [1]_1, [1]_2):
// one 23-point MSM and a two-pair multi-pairing with both G2 points' lines prepared in
// the key. A challenge xi in H (probability n / r) makes the proof invalid.
//
// Variable time: keys, proofs and public inputs are public. Thread safe.
#pragma once

#include <span>
#include <vector>

#include "crypto/plonk/error.hpp"
#include "crypto/plonk/proof.hpp"
#include "crypto/plonk/transcript.hpp"
#include "crypto/plonk/verifier_key.hpp"

namespace dusk::crypto::plonk {

// True iff the proof is valid for the key and these public inputs (in the order the
// circuit appended them). kInputCountMismatch when their number is not the key's.
PlonkResult<bool> verify(const VerifierKey& vk, const Proof& proof, std::span<const Fr> public_inputs);
// The same from the proof's bytes (Proof::from_bytes's failures first).
PlonkResult<bool> verify(const VerifierKey& vk, ByteView proof, std::span<const Fr> public_inputs);
// Many proofs under one key at once: each proof's pairing equation multiplied by rho^i,
// rho from BLAKE2b-512 over the key's digest, every proof and every input, so one MSM
// and one two-pair multi-pairing check them all; a batch with an invalid proof fails
// (with probability about count / r of a false pass). True for no proofs. Failures as
// verify(), and kInputCountMismatch when the two spans differ in size. A failed batch
// does not say which proof is bad: verify them one by one for that.
PlonkResult<bool> batch_verify(const VerifierKey& vk, std::span<const Proof> proofs,
                               std::span<const std::vector<Fr>> public_inputs);

namespace detail {
// The transcript both sides start from: label "dusk-plonk", then "vk" (the key's digest),
// "pi-count" (LE64) and each public input as "pi".
Transcript begin_transcript(const VerifierKey& vk, std::span<const Fr> public_inputs);
// The range gate's factor in the linearisation, from the proof's evaluations:
// D(c - 4d) + alpha D(b - 4c) + alpha^2 D(a - 4b) + alpha^3 D(d(xi w) - 4a).
Fr range_linearisation(const Proof& proof, const Fr& alpha);
}  // namespace detail

}  // namespace dusk::crypto::plonk
