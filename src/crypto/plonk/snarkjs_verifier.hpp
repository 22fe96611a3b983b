// Verification of PLONK proofs over BN254 exactly as snarkjs (0.7, `snarkjs plonk
// verify`) defines them: the protocol of Gabizon, Williamson and Ciobotaru ("PLONK",
// eprint 2019/953) with snarkjs's choices, so that a proof snarkjs accepts is accepted
// here and one it rejects is rejected.
//
// What snarkjs fixes, and this code follows:
//  - Fiat-Shamir by Keccak-256 (snarkjs_transcript.hpp): beta over the key's eight selector and
//    permutation commitments, the public inputs and [a], [b], [c]; then gamma, alpha, xi,
//    v and u, each over the previous challenge and the new proof elements.
//  - The evaluation domain has n = 2^power points and generator w = Fr.w[power] of
//    ffjavascript: the 2^28-th root of unity nqr^t (nqr the smallest quadratic
//    non-residue, r - 1 = 2^28 t) squared down to order n. The key's "w" must equal it.
//  - Public input i (from 1) sits at w^(i-1): PI(xi) = -sum_i x_i L_i(xi) with
//    L_i(xi) = w^(i-1) (xi^n - 1) / (n (xi - w^(i-1))).
//  - The proof's linearisation is rebuilt by the verifier (snarkjs's r0, D, F, E of round
//    5), and everything collapses to one pairing check
//        e(-(W_xi + u W_xiw), [x]_2) e(xi W_xi + u xi w W_xiw + F - E, [1]_2) = 1.
//
// Here the G1 part (17 points and the generator) is one multi-scalar multiplication, plus
// one GLV multiplication for the first pairing argument, and the pairing check
// is one two-pair multi-pairing with both G2 points' Miller-loop lines precomputed in
// the prepared key. Variable time: keys, proofs and inputs are public.
//
// Departures from snarkjs, all on inputs no honest prover produces: a key whose "w" is
// not snarkjs's root or whose domain is smaller than its public inputs is an error
// (kBadDomain), where snarkjs would compute with it; a challenge xi with xi^n = 1
// (a division by zero for snarkjs's Lagrange evaluations) makes the proof invalid.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "base/result.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/bn254/g2.hpp"
#include "crypto/bn254/pairing.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/zk/proof_error.hpp"

namespace dusk::crypto::plonk::snarkjs {

using bn254::Fr;
using bn254::G1Affine;
using bn254::G2Affine;
using zk::ProofError;
using zk::ProofFailure;
using zk::ProofResult;

// BN254's Fr has 2-adicity 28: domains of up to 2^28 points.
inline constexpr unsigned kMaxPower = 28;

// snarkjs's verification_key.json for PLONK.
struct VerifyingKey {
  u64 n_public = 0;
  unsigned power = 0;  // the domain has 2^power points
  Fr k1, k2;           // the coset shifts of the permutation argument
  G1Affine qm, ql, qr, qo, qc;  // selector commitments
  G1Affine s1, s2, s3;          // permutation commitments
  G2Affine x2;                  // [x]_2 of the setup
  Fr w;                         // generator of the domain (checked by prepare)
};

// snarkjs's proof.json for PLONK: nine commitments and six evaluations at xi
// (eval_zw at xi w).
struct Proof {
  G1Affine a, b, c, z, t1, t2, t3, wxi, wxiw;
  Fr eval_a, eval_b, eval_c, eval_s1, eval_s2, eval_zw;
};

struct PreparedVerifyingKey {
  VerifyingKey vk;
  Fr n;                          // the domain size as a field element
  bn254::G2Prepared x2_lines;    // lines of [x]_2 and of the generator [1]_2
  bn254::G2Prepared g2_lines;
  Keccak256 transcript_prefix;   // the sponge after absorbing the eight key commitments
  size_t num_inputs() const { return vk.n_public; }
};

// ffjavascript's root of unity of order 2^power in Fr (power <= kMaxPower; the table of
// all 29 is computed on first use).
Fr root_of_unity(unsigned power);

// Checks the domain (power <= kMaxPower, n_public <= 2^power, w = root_of_unity(power))
// and precomputes the lines and the transcript prefix. Error kBadDomain.
ProofResult<PreparedVerifyingKey> prepare(const VerifyingKey& vk);

// True iff the proof is valid for these public inputs. Error kCountMismatch when
// inputs.size() differs from the key's n_public.
ProofResult<bool> verify(const PreparedVerifyingKey& pvk, const Proof& proof,
                    std::span<const Fr> inputs);

// The challenges of a proof (for tests and for explaining a rejection): what snarkjs's
// calculatechallenges computes, v = (v1, ..., v5).
struct Challenges {
  Fr beta, gamma, alpha, xi, u;
  std::array<Fr, 5> v;
};
Challenges compute_challenges(const PreparedVerifyingKey& pvk, const Proof& proof,
                              std::span<const Fr> inputs);

}  // namespace dusk::crypto::plonk::snarkjs
