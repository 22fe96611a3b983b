#include "crypto/plonk/verifier.hpp"

#include <optional>
#include <string>
#include <vector>

#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/hash/blake2b.hpp"
#include "crypto/plonk/domain.hpp"
#include "crypto/plonk/polynomial.hpp"
#include "crypto/plonk/range_gate.hpp"

namespace dusk::crypto::plonk {

using bls12_381::G1;
using bls12_381::G1Affine;

namespace detail {
Transcript begin_transcript(const VerifierKey& vk, std::span<const Fr> public_inputs) {
  Transcript tr("dusk-plonk");
  tr.append("vk", vk.digest());
  std::array<u8, 8> count;
  for (size_t i = 0; i < 8; ++i) count[i] = static_cast<u8>(static_cast<u64>(public_inputs.size()) >> (8 * i));
  tr.append("pi-count", count);
  for (const Fr& x : public_inputs) tr.append_scalar("pi", x);
  return tr;
}

Fr range_linearisation(const Proof& p, const Fr& alpha) {
  const Fr four = Fr::from_u64(4);
  return range_digit_check(p.c_eval - four * p.d_eval) +
         alpha * (range_digit_check(p.b_eval - four * p.c_eval) +
                  alpha * (range_digit_check(p.a_eval - four * p.b_eval) +
                           alpha * range_digit_check(p.d_omega_eval - four * p.a_eval)));
}
}  // namespace detail

namespace {

// One proof's pairing equation e(left, [x]_2) = e(right, [1]_2), with left = W_xi + u
// W_xi_omega and right = sum scalars_i points_i, not yet computed (a batch adds many).
struct PairingCheck {
  std::array<G1Affine, 2> left_points;
  std::array<Fr, 2> left_scalars;
  std::array<G1Affine, 23> points;
  std::array<Fr, 23> scalars;
};

PlonkFailure count_mismatch(const VerifierKey& vk, size_t given) {
  return PlonkFailure(PlonkError::kInputCountMismatch, "verify: " + std::to_string(given) +
                                                           " public inputs given, the circuit has " +
                                                           std::to_string(vk.public_input_count()));
}

// The check of one proof, or nullopt when xi falls in H (the proof is then invalid).
// Precondition: the input count is the key's.
std::optional<PairingCheck> pairing_check(const VerifierKey& vk, const Proof& proof,
                                          std::span<const Fr> public_inputs) {
  const auto& key = vk.data();
  Transcript tr = detail::begin_transcript(vk, public_inputs);
  tr.append_point("a", proof.a);
  tr.append_point("b", proof.b);
  tr.append_point("c", proof.c);
  tr.append_point("d", proof.d);
  const Fr beta = tr.challenge("beta");
  const Fr gamma = tr.challenge("gamma");
  tr.append_point("z", proof.z);
  const Fr alpha = tr.challenge("alpha");
  for (size_t k = 0; k < 4; ++k) tr.append_point(std::string("t_") + char('0' + k), proof.t[k]);
  const Fr xi = tr.challenge("xi");
  const Fr evals[kProofScalars] = {proof.a_eval,      proof.b_eval,      proof.c_eval,
                                   proof.d_eval,      proof.sigma0_eval, proof.sigma1_eval,
                                   proof.sigma2_eval, proof.z_omega_eval, proof.d_omega_eval};
  for (size_t k = 0; k < kProofScalars; ++k) tr.append_scalar(kProofScalarLabels[k], evals[k]);
  const Fr v = tr.challenge("v");
  tr.append_point("w_xi", proof.w_xi);
  tr.append_point("w_xi_omega", proof.w_xi_omega);
  const Fr u = tr.challenge("u");

  const size_t n = vk.n();
  const Fr omega = root_of_unity(key.log_n);
  const Fr n_f = Fr::from_u64(n);
  const Fr xi_n = xi.square_n(key.log_n);
  const Fr zh = xi_n - Fr::one();
  if (zh.is_zero()) return std::nullopt;

  // L_0(xi) and the public inputs' L_row(xi) = w^row Z_H(xi) / (n (xi - w^row)), with one
  // inversion.
  const size_t m = key.public_input_rows.size();
  std::vector<Fr> rows_w(m), den(m + 1);
  for (size_t k = 0; k < m; ++k) {
    rows_w[k] = omega.pow(static_cast<u64>(key.public_input_rows[k]));
    den[k] = n_f * (xi - rows_w[k]);
  }
  den[m] = n_f * (xi - Fr::one());
  batch_inverse(den);
  const Fr l0 = zh * den[m];
  Fr pi;
  for (size_t k = 0; k < m; ++k) pi -= public_inputs[k] * rows_w[k] * zh * den[k];

  const Fr& a = proof.a_eval;
  const Fr& b = proof.b_eval;
  const Fr& c = proof.c_eval;
  const Fr& d = proof.d_eval;
  const Fr bxi = beta * xi;
  const Fr prod_k = (a + bxi + gamma) * (b + bxi * Fr::from_u64(kCosetShifts[1]) + gamma) *
                    (c + bxi * Fr::from_u64(kCosetShifts[2]) + gamma) *
                    (d + bxi * Fr::from_u64(kCosetShifts[3]) + gamma);
  const Fr prod_s = (a + beta * proof.sigma0_eval + gamma) * (b + beta * proof.sigma1_eval + gamma) *
                    (c + beta * proof.sigma2_eval + gamma);
  const Fr alpha2 = alpha.square();
  const Fr r0 = pi - alpha2 * l0 - alpha * prod_s * (d + gamma) * proof.z_omega_eval;

  Fr v_pow[7];
  v_pow[0] = v;
  for (size_t k = 1; k < 7; ++k) v_pow[k] = v_pow[k - 1] * v;
  Fr e = -r0 + u * (proof.z_omega_eval + v * proof.d_omega_eval);
  for (size_t k = 0; k < 7; ++k) e += v_pow[k] * evals[k];

  PairingCheck check{{proof.w_xi, proof.w_xi_omega}, {Fr::one(), u}, {}, {}};
  // [F] - E [1]_1 + xi [W_xi] + u xi w [W_xi_omega], term by term.
  check.points = {key.selectors[0], key.selectors[1], key.selectors[2], key.selectors[3], key.selectors[4],
                  key.selectors[5], key.selectors[6], proof.z,          key.sigmas[3],    proof.t[0],
                  proof.t[1],       proof.t[2],       proof.t[3],       proof.a,          proof.b,
                  proof.c,          proof.d,          key.sigmas[0],    key.sigmas[1],    key.sigmas[2],
                  proof.w_xi,       proof.w_xi_omega, G1Affine::generator()};
  check.scalars = {a * b,                                               // q_m
                   a,                                                   // q_l
                   b,                                                   // q_r
                   c,                                                   // q_o
                   d,                                                   // q_4
                   Fr::one(),                                           // q_c
                   alpha2 * alpha * detail::range_linearisation(proof, alpha),  // q_range
                   alpha * prod_k + alpha2 * l0 + u,                    // z
                   -(alpha * beta * proof.z_omega_eval * prod_s),       // sigma_3
                   -zh,                                                 // t_0
                   -zh * xi_n,                                          // t_1
                   -zh * xi_n.square(),                                 // t_2
                   -zh * xi_n.square() * xi_n,                          // t_3
                   v_pow[0],                                            // a
                   v_pow[1],                                            // b
                   v_pow[2],                                            // c
                   v_pow[3] + u * v,                                    // d (at xi and xi w)
                   v_pow[4],                                            // sigma_0
                   v_pow[5],                                            // sigma_1
                   v_pow[6],                                            // sigma_2
                   xi,                                                  // W_xi
                   u * xi * omega,                                      // W_xi_omega
                   -e};                                                 // [1]_1
  return check;
}

bool pairing_holds(const VerifierKey& vk, const G1& left, const G1& right) {
  const bls12_381::PreparedPairingInput pairs[] = {{left.to_affine(), &vk.opening_key().x_g2_lines()},
                                                   {(-right).to_affine(), &vk.opening_key().g2_lines()}};
  return bls12_381::multi_pairing(pairs).is_one();
}

}  // namespace

PlonkResult<bool> verify(const VerifierKey& vk, const Proof& proof, std::span<const Fr> public_inputs) {
  if (public_inputs.size() != vk.public_input_count()) return count_mismatch(vk, public_inputs.size());
  const auto check = pairing_check(vk, proof, public_inputs);
  if (!check) return false;
  const G1 right = bls12_381::g1_msm(check->points, check->scalars);
  const G1 left = G1::from_affine(check->left_points[0]) +
                  bls12_381::g1_mul_glv(G1::from_affine(check->left_points[1]), check->left_scalars[1]);
  return pairing_holds(vk, left, right);
}

PlonkResult<bool> batch_verify(const VerifierKey& vk, std::span<const Proof> proofs,
                               std::span<const std::vector<Fr>> public_inputs) {
  if (proofs.size() != public_inputs.size()) {
    return PlonkFailure(PlonkError::kInputCountMismatch, "batch_verify: " + std::to_string(proofs.size()) +
                                                             " proofs, " + std::to_string(public_inputs.size()) +
                                                             " input lists");
  }
  for (const auto& inputs : public_inputs) {
    if (inputs.size() != vk.public_input_count()) return count_mismatch(vk, inputs.size());
  }
  if (proofs.empty()) return true;
  // rho from everything checked, so that no proof can be chosen after it.
  Blake2b h;
  h.update(as_bytes("dusk-plonk batch v1"));
  h.update(vk.digest());
  for (size_t i = 0; i < proofs.size(); ++i) {
    h.update(proofs[i].to_bytes());
    for (const Fr& x : public_inputs[i]) h.update(x.to_bytes_be());
  }
  const Fr rho = Fr::from_uniform_bytes(h.final());
  std::vector<G1Affine> left_points, right_points;
  std::vector<Fr> left_scalars, right_scalars;
  Fr r = Fr::one();
  for (size_t i = 0; i < proofs.size(); ++i, r *= rho) {
    const auto check = pairing_check(vk, proofs[i], public_inputs[i]);
    if (!check) return false;
    for (size_t k = 0; k < 2; ++k) {
      left_points.push_back(check->left_points[k]);
      left_scalars.push_back(r * check->left_scalars[k]);
    }
    for (size_t k = 0; k < check->points.size(); ++k) {
      right_points.push_back(check->points[k]);
      right_scalars.push_back(r * check->scalars[k]);
    }
  }
  return pairing_holds(vk, bls12_381::g1_msm(left_points, left_scalars),
                       bls12_381::g1_msm(right_points, right_scalars));
}

PlonkResult<bool> verify(const VerifierKey& vk, ByteView proof, std::span<const Fr> public_inputs) {
  DUSK_ASSIGN(const Proof p, Proof::from_bytes(proof));
  return verify(vk, p, public_inputs);
}

}  // namespace dusk::crypto::plonk
