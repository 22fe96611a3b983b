// Definitions of the templates of verifier.hpp; included only by the .cpp files that
// instantiate them for an engine.
#pragma once

#include <cstring>
#include <string>

#include "crypto/groth16/verifier.hpp"
#include "crypto/hash/sha256.hpp"

namespace dusk::crypto::groth16 {

template <typename E>
PreparedVerifyingKey<E> prepare(const VerifyingKey<E>& vk) {
  PreparedVerifyingKey<E> p;
  typename E::PairingInput pair{vk.alpha, vk.beta};
  p.alpha_beta = E::multi_pairing(std::span(&pair, 1));
  p.alpha = vk.alpha;
  p.beta = vk.beta;
  p.neg_gamma = -vk.gamma;
  p.neg_delta = -vk.delta;
  p.beta_lines = E::prepare_g2(p.beta);
  p.neg_gamma_lines = E::prepare_g2(p.neg_gamma);
  p.neg_delta_lines = E::prepare_g2(p.neg_delta);
  p.ic = vk.ic;
  return p;
}

template <typename E>
ProofResult<typename E::G1> public_input_sum(const PreparedVerifyingKey<E>& pvk,
                                        std::span<const typename E::Fr> inputs) {
  if (inputs.size() != pvk.num_inputs()) {
    return ProofFailure(ProofError::kCountMismatch, "groth16: " + std::to_string(inputs.size()) + " public inputs, the key has " +
                     std::to_string(pvk.num_inputs()));
  }
  auto acc = E::G1::from_affine(pvk.ic[0]);
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].is_zero()) continue;
    acc += E::g1_mul(pvk.ic[i + 1], inputs[i]);
  }
  return acc;
}

template <typename E>
ProofResult<bool> verify(const PreparedVerifyingKey<E>& pvk, const Proof<E>& proof,
                    std::span<const typename E::Fr> inputs) {
  DUSK_ASSIGN(auto l, public_input_sum(pvk, inputs));
  const typename E::G2Prepared b_lines = E::prepare_g2(proof.b);
  const typename E::PreparedPairingInput pairs[3] = {{proof.a, &b_lines},
                                                     {l.to_affine(), &pvk.neg_gamma_lines},
                                                     {proof.c, &pvk.neg_delta_lines}};
  return E::multi_pairing(pairs) == pvk.alpha_beta;
}

namespace detail {

// The batch coefficients: r_0 = 1, r_j = the first 16 bytes of
// SHA-256(D || j as 8 bytes big-endian) for j > 0, where D is SHA-256 over a domain tag,
// the key's points and every proof and input in order (the engine's encodings, inputs as
// 32-byte big-endian). A zero r_j (probability 2^-128) is replaced by 1.
template <typename E>
std::vector<typename E::Fr> batch_coefficients(
    const PreparedVerifyingKey<E>& pvk, std::span<const Proof<E>> proofs,
    std::span<const std::vector<typename E::Fr>> inputs) {
  Sha256 h;
  static constexpr char kTag[] = "dusk-groth16-batch-v1";
  h.update(ByteView(reinterpret_cast<const u8*>(kTag), sizeof(kTag) - 1));
  h.update(E::g1_to_bytes(pvk.alpha));
  h.update(E::g2_to_bytes(pvk.beta));
  h.update(E::g2_to_bytes(pvk.neg_gamma));
  h.update(E::g2_to_bytes(pvk.neg_delta));
  for (const auto& p : pvk.ic) h.update(E::g1_to_bytes(p));
  for (size_t j = 0; j < proofs.size(); ++j) {
    h.update(E::g1_to_bytes(proofs[j].a));
    h.update(E::g2_to_bytes(proofs[j].b));
    h.update(E::g1_to_bytes(proofs[j].c));
    for (const auto& x : inputs[j]) h.update(x.to_bytes_be());
  }
  const auto digest = h.final();
  std::vector<typename E::Fr> r(proofs.size(), E::Fr::one());
  for (size_t j = 1; j < proofs.size(); ++j) {
    u8 msg[40];
    std::memcpy(msg, digest.data(), 32);
    for (int b = 0; b < 8; ++b) msg[32 + b] = static_cast<u8>(u64(j) >> (56 - 8 * b));
    const auto d = sha256(ByteView(msg, sizeof msg));
    ff::Limbs<E::Fr::kLimbs> limbs{};
    for (int b = 0; b < 8; ++b) {
      limbs[0] |= u64(d[b]) << (8 * b);
      limbs[1] |= u64(d[8 + b]) << (8 * b);
    }
    auto f = E::Fr::from_canonical(limbs);  // < 2^128 < r
    if (f && !f->is_zero()) r[j] = *f;
  }
  return r;
}

}  // namespace detail

template <typename E>
ProofResult<bool> verify_batch(const PreparedVerifyingKey<E>& pvk,
                          std::span<const Proof<E>> proofs,
                          std::span<const std::vector<typename E::Fr>> inputs) {
  if (proofs.size() != inputs.size()) {
    return ProofFailure(ProofError::kCountMismatch, "groth16: " + std::to_string(proofs.size()) + " proofs but " +
                     std::to_string(inputs.size()) + " input lists");
  }
  if (proofs.empty()) return true;
  for (const auto& in : inputs) {
    if (in.size() != pvk.num_inputs()) {
      return ProofFailure(ProofError::kCountMismatch, "groth16: a proof of the batch has " + std::to_string(in.size()) +
                       " public inputs, the key has " + std::to_string(pvk.num_inputs()));
    }
  }
  const auto r = detail::batch_coefficients(pvk, proofs, inputs);
  // sum_j r_j x_{j,i} per input, so the IC sum is computed once for the whole batch.
  std::vector<typename E::Fr> x(pvk.num_inputs());
  typename E::Fr r_sum;
  typename E::G1 c_sum;
  std::vector<typename E::G1> lhs_a(proofs.size());
  for (size_t j = 0; j < proofs.size(); ++j) {
    r_sum += r[j];
    for (size_t i = 0; i < x.size(); ++i) x[i] += r[j] * inputs[j][i];
    if (j == 0) {
      lhs_a[j] = E::G1::from_affine(proofs[j].a);
      c_sum += E::G1::from_affine(proofs[j].c);
    } else {
      lhs_a[j] = E::g1_mul(proofs[j].a, r[j]);
      c_sum += E::g1_mul(proofs[j].c, r[j]);
    }
  }
  // sum_j r_j L_j = (sum_j r_j) IC_0 + sum_i (sum_j r_j x_{j,i}) IC_i.
  auto l_sum = E::g1_mul(pvk.ic[0], r_sum);
  for (size_t i = 0; i < x.size(); ++i) {
    if (!x[i].is_zero()) l_sum += E::g1_mul(pvk.ic[i + 1], x[i]);
  }
  lhs_a.push_back(l_sum);
  lhs_a.push_back(c_sum);
  lhs_a.push_back(-E::g1_mul(pvk.alpha, r_sum));
  const auto affine = E::G1::batch_to_affine(lhs_a);
  std::vector<typename E::G2Prepared> b_lines;
  b_lines.reserve(proofs.size());
  for (const auto& p : proofs) b_lines.push_back(E::prepare_g2(p.b));
  std::vector<typename E::PreparedPairingInput> pairs;
  pairs.reserve(affine.size());
  for (size_t j = 0; j < proofs.size(); ++j) pairs.push_back({affine[j], &b_lines[j]});
  pairs.push_back({affine[proofs.size()], &pvk.neg_gamma_lines});
  pairs.push_back({affine[proofs.size() + 1], &pvk.neg_delta_lines});
  pairs.push_back({affine[proofs.size() + 2], &pvk.beta_lines});
  return E::multi_pairing(pairs).is_one();
}

}  // namespace dusk::crypto::groth16
