// Groth16 verification (Groth, "On the size of pairing-based non-interactive
// arguments", EUROCRYPT 2016), generic over a pairing engine (see bls12_381_engine.hpp
// for what an engine provides), in the form snarkjs and circom produce.
//
// A verification key holds alpha in G1; beta, gamma, delta in G2; and IC[0..n] in G1
// for n public inputs. A proof (A, C in G1, B in G2) for inputs x_1..x_n is valid iff
//     e(A, B) = e(alpha, beta) * e(L, gamma) * e(C, delta),  L = IC_0 + sum x_i IC_i.
// The prepared key stores e(alpha, beta) (in Gt) and the Miller-loop lines of -gamma
// and -delta (and of beta, for batches), so one verification is the n-term public-input
// sum, one 3-pair multi-Miller loop of which only B's lines are computed, and one final
// exponentiation:  e(A, B) e(L, -gamma) e(C, -delta) == e(alpha, beta).
//
// Batch verification of k proofs under one key checks one random linear combination
// (Bellare, Garay, Rabin, "Fast batch verification", 1998): with coefficients r_j,
//     prod_j e(r_j A_j, B_j) * e(sum r_j L_j, -gamma) * e(sum r_j C_j, -delta)
//         * e(-(sum r_j) alpha, beta) == 1,
// k + 3 pairs and one final exponentiation. The r_j are 128-bit values derived by
// SHA-256 from everything being verified (key, proofs, inputs), r_0 = 1: a batch that
// contains an invalid proof passes with probability about 2^-128 over the hash, and the
// result is deterministic (consensus code must not draw randomness). A failing batch
// says only that some proof is invalid; verify each to find which.
//
// All points and scalars come in already validated (decoders check curve, subgroup and
// ranges), so the only error left is an input count that does not match the key.
// Variable time: everything here is public.
#pragma once

#include <span>
#include <vector>

#include "base/result.hpp"
#include "crypto/groth16/error.hpp"

namespace dusk::crypto::groth16 {

template <typename E>
struct VerifyingKey {
  typename E::G1Affine alpha;
  typename E::G2Affine beta, gamma, delta;
  std::vector<typename E::G1Affine> ic;  // n + 1 points for n public inputs
  size_t num_inputs() const { return ic.empty() ? 0 : ic.size() - 1; }
};

template <typename E>
struct Proof {
  typename E::G1Affine a;
  typename E::G2Affine b;
  typename E::G1Affine c;
};

template <typename E>
struct PreparedVerifyingKey {
  typename E::Gt alpha_beta;                    // e(alpha, beta)
  typename E::G1Affine alpha;                   // for batches
  typename E::G2Affine beta, neg_gamma, neg_delta;
  typename E::G2Prepared beta_lines, neg_gamma_lines, neg_delta_lines;
  std::vector<typename E::G1Affine> ic;
  size_t num_inputs() const { return ic.size() - 1; }
};

// One pairing and the lines of three G2 points. Precondition: vk.ic is not empty
// (decoders ensure it).
template <typename E>
PreparedVerifyingKey<E> prepare(const VerifyingKey<E>& vk);

// IC_0 + sum x_i IC_i. Error kCountMismatch when inputs.size() != num_inputs().
template <typename E>
ProofResult<typename E::G1> public_input_sum(const PreparedVerifyingKey<E>& pvk,
                                        std::span<const typename E::Fr> inputs);

// True iff the proof is valid for these inputs; an error only for a wrong input count.
template <typename E>
ProofResult<bool> verify(const PreparedVerifyingKey<E>& pvk, const Proof<E>& proof,
                    std::span<const typename E::Fr> inputs);

// True iff (with overwhelming probability) every proof is valid for its inputs;
// inputs[j] goes with proofs[j]. Errors: kCountMismatch when the spans differ in length
// or any inputs[j] has the wrong count. An empty batch is true.
template <typename E>
ProofResult<bool> verify_batch(const PreparedVerifyingKey<E>& pvk,
                          std::span<const Proof<E>> proofs,
                          std::span<const std::vector<typename E::Fr>> inputs);

}  // namespace dusk::crypto::groth16
