#include "crypto/os_random.hpp"
#include "crypto/plonk/prover.hpp"


#include <string>

#include "crypto/hash/blake2b.hpp"
#include "crypto/plonk/commitment/kzg.hpp"
#include "crypto/plonk/parallel.hpp"
#include "crypto/plonk/verifier.hpp"

namespace dusk::crypto::plonk {
namespace {

using bls12_381::G1Affine;

constexpr size_t kBlinders = 15;
// From this many points the permutation products and the quotient use both cores.
constexpr size_t kParallelLoopMin = size_t{1} << 11;

std::array<Fr, kBlinders> blinders(std::span<const u8, 64> seed) {
  std::array<Fr, kBlinders> out;
  for (size_t i = 0; i < kBlinders; ++i) {
    std::array<u8, 8> idx;
    for (size_t k = 0; k < 8; ++k) idx[k] = static_cast<u8>(static_cast<u64>(i) >> (8 * k));
    out[i] = Fr::from_uniform_bytes(blake2b<64>({as_bytes("dusk-plonk blinding v1"), seed, idx}));
  }
  return out;
}

// p += (sum_k b_k X^k) Z_H with Z_H = X^n - 1.
void add_vanishing_multiple(Polynomial& p, size_t n, std::initializer_list<Fr> b) {
  if (p.size() < n + b.size()) p.resize(n + b.size());
  size_t k = 0;
  for (const Fr& x : b) {
    p[k] -= x;
    p[n + k] += x;
    ++k;
  }
}

PlonkResult<Proof> prove_impl(const ProverKey& pk, const Composer& cs, std::span<const u8, 64> seed,
                              bool check_witness) {
  const VerifierKey& vk = *pk.verifier_key;
  if (cs.description_hash() != vk.data().circuit_id) {
    return PlonkFailure(PlonkError::kShapeMismatch, "prove: the circuit built differs from the keyed circuit");
  }
  if (check_witness) {
    if (auto violation = cs.first_violation()) {
      return PlonkFailure(PlonkError::kUnsatisfied, "prove: unsatisfied witness: " + *violation);
    }
  }
  const size_t n = pk.n();
  const Domain& h = pk.domain;
  const Domain& q = pk.quotient_domain;
  const size_t big_n = q.size();
  const auto bl = blinders(seed);
  const auto& gates = cs.gates();
  const std::span<const G1Affine> powers(pk.commit_powers);
  const Fr k[4] = {Fr::one(), Fr::from_u64(kCosetShifts[1]), Fr::from_u64(kCosetShifts[2]),
                   Fr::from_u64(kCosetShifts[3])};

  std::array<std::vector<Fr>, 4> wv;  // wire values on H
  for (auto& w : wv) w.assign(n, Fr::zero());
  for (size_t i = 0; i < gates.size(); ++i) {
    wv[0][i] = cs.value(gates[i].a);
    wv[1][i] = cs.value(gates[i].b);
    wv[2][i] = cs.value(gates[i].c);
    wv[3][i] = cs.value(gates[i].d);
  }
  const std::vector<Fr> pi = cs.public_inputs();
  Transcript tr = detail::begin_transcript(vk, pi);
  Proof proof;

  // Round 1: wires.
  std::array<Polynomial, 4> w;
  G1Affine* wire_commitments[4] = {&proof.a, &proof.b, &proof.c, &proof.d};
  static constexpr const char* kWireLabels[4] = {"a", "b", "c", "d"};
  for (size_t j = 0; j < 4; ++j) {
    w[j] = wv[j];
    h.ifft(w[j]);
    // d is opened at xi and xi w: one more blinding degree than a, b, c.
    if (j < 3) {
      add_vanishing_multiple(w[j], n, {bl[2 * j + 1], bl[2 * j]});
    } else {
      add_vanishing_multiple(w[j], n, {bl[6], bl[7], bl[14]});
    }
    DUSK_ASSIGN(*wire_commitments[j], commit(powers, w[j]));
    tr.append_point(kWireLabels[j], *wire_commitments[j]);
  }
  const Fr beta = tr.challenge("beta");
  const Fr gamma = tr.challenge("gamma");

  // Round 2: the permutation accumulator.
  const std::vector<Fr> omegas = h.elements();
  std::vector<Fr> num(n), den(n);
  parallel_for(n, kParallelLoopMin, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      Fr nu = Fr::one(), de = Fr::one();
      const Fr bw = beta * omegas[i];
      for (size_t j = 0; j < 4; ++j) {
        nu *= wv[j][i] + bw * k[j] + gamma;
        de *= wv[j][i] + beta * pk.sigma_values[j][i] + gamma;
      }
      num[i] = nu;
      den[i] = de;
    }
  });
  batch_inverse(den);
  Polynomial z(n);
  z[0] = Fr::one();
  for (size_t i = 0; i + 1 < n; ++i) z[i + 1] = z[i] * num[i] * den[i];
  h.ifft(z);
  add_vanishing_multiple(z, n, {bl[10], bl[9], bl[8]});
  DUSK_ASSIGN(proof.z, commit(powers, z));
  tr.append_point("z", proof.z);
  const Fr alpha = tr.challenge("alpha");

  // Round 3: the quotient on the coset g H' (8n points).
  Polynomial pi_poly(n);
  for (size_t m = 0; m < pi.size(); ++m) pi_poly[vk.data().public_input_rows[m]] = -pi[m];
  h.ifft(pi_poly);
  auto on_coset = [&](const Polynomial& p) {
    std::vector<Fr> v = p;
    q.coset_fft(v);
    return v;
  };
  std::array<std::vector<Fr>, 4> wc;
  for (size_t j = 0; j < 4; ++j) wc[j] = on_coset(w[j]);
  const std::vector<Fr> zc = on_coset(z);
  const std::vector<Fr> pic = on_coset(pi_poly);
  std::vector<Fr> t(big_n);
  const auto& sel = pk.selectors_coset;
  const auto& sig = pk.sigmas_coset;
  parallel_for(big_n, kParallelLoopMin, [&](size_t begin, size_t end) {
    const Fr step = q.generator();
    Fr x = coset_generator() * step.pow(static_cast<u64>(begin));
    for (size_t i = begin; i < end; ++i, x *= step) {
      const Fr& a = wc[0][i];
      const Fr& b = wc[1][i];
      const Fr& c = wc[2][i];
      const Fr& d = wc[3][i];
      const Fr gate = sel[0][i] * a * b + sel[1][i] * a + sel[2][i] * b + sel[3][i] * c + sel[4][i] * d +
                      sel[5][i] + pic[i];
      const Fr bx = beta * x;
      const Fr p1 = zc[i] * (a + bx + gamma) * (b + bx * k[1] + gamma) * (c + bx * k[2] + gamma) *
                    (d + bx * k[3] + gamma);
      // w x on the coset is the point 8 steps on (w = w'^8).
      const Fr p2 = zc[(i + 8) % big_n] * (a + beta * sig[0][i] + gamma) * (b + beta * sig[1][i] + gamma) *
                    (c + beta * sig[2][i] + gamma) * (d + beta * sig[3][i] + gamma);
      const Fr l = (zc[i] - Fr::one()) * pk.l0_coset[i];
      // The range gate, where q_range is not zero (d' = d(w x)).
      Fr range;
      if (!sel[6][i].is_zero()) {
        const Fr& d_next = wc[3][(i + 8) % big_n];
        range = range_digit_check(c - d.mul_small(4)) +
                alpha * (range_digit_check(b - c.mul_small(4)) +
                         alpha * (range_digit_check(a - b.mul_small(4)) +
                                  alpha * range_digit_check(d_next - a.mul_small(4))));
        range *= sel[6][i];
      }
      t[i] = (gate + alpha * (p1 - p2 + alpha * (l + alpha * range))) * pk.vanishing_inv_coset[i % 8];
    }
  });
  q.coset_ifft(t);
  std::array<Polynomial, 4> tp;
  for (size_t m = 0; m < 3; ++m) tp[m].assign(t.begin() + m * n, t.begin() + (m + 1) * n);
  // The last piece: degree at most n + 6 for a satisfying witness (the rest is zero then;
  // for any other, dropping it only makes the proof fail).
  tp[3].assign(t.begin() + 3 * n, t.begin() + 4 * n + kSrsBlindingPowers);
  for (size_t m = 0; m < 3; ++m) {
    tp[m].resize(n + 1);
    tp[m][n] += bl[11 + m];
    tp[m + 1][0] -= bl[11 + m];
  }
  for (size_t m = 0; m < 4; ++m) {
    DUSK_ASSIGN(proof.t[m], commit(powers, tp[m]));
    tr.append_point(std::string("t_") + char('0' + m), proof.t[m]);
  }
  const Fr xi = tr.challenge("xi");

  // Round 4: evaluations.
  const Fr omega = h.generator();
  proof.a_eval = evaluate(w[0], xi);
  proof.b_eval = evaluate(w[1], xi);
  proof.c_eval = evaluate(w[2], xi);
  proof.d_eval = evaluate(w[3], xi);
  proof.sigma0_eval = evaluate(pk.sigmas[0], xi);
  proof.sigma1_eval = evaluate(pk.sigmas[1], xi);
  proof.sigma2_eval = evaluate(pk.sigmas[2], xi);
  proof.z_omega_eval = evaluate(z, xi * omega);
  proof.d_omega_eval = evaluate(w[3], xi * omega);
  const Fr evals[kProofScalars] = {proof.a_eval,      proof.b_eval,      proof.c_eval,
                                   proof.d_eval,      proof.sigma0_eval, proof.sigma1_eval,
                                   proof.sigma2_eval, proof.z_omega_eval, proof.d_omega_eval};
  for (size_t m = 0; m < kProofScalars; ++m) tr.append_scalar(kProofScalarLabels[m], evals[m]);
  const Fr v = tr.challenge("v");

  // Round 5: the linearisation r (r(xi) = 0) and the two openings.
  const Fr& a = proof.a_eval;
  const Fr& b = proof.b_eval;
  const Fr& c = proof.c_eval;
  const Fr& d = proof.d_eval;
  const Fr xi_n = xi.square_n(h.log_size());
  const Fr zh = xi_n - Fr::one();
  const Fr l0 = h.evaluate_lagrange(0, xi);
  const Fr bxi = beta * xi;
  const Fr prod_k = (a + bxi + gamma) * (b + bxi * k[1] + gamma) * (c + bxi * k[2] + gamma) * (d + bxi * k[3] + gamma);
  const Fr prod_s = (a + beta * proof.sigma0_eval + gamma) * (b + beta * proof.sigma1_eval + gamma) *
                    (c + beta * proof.sigma2_eval + gamma);
  const Fr alpha2 = alpha.square();
  Polynomial r(n + kSrsBlindingPowers);
  const Fr sel_coeffs[6] = {a * b, a, b, c, d, Fr::one()};
  for (size_t s = 0; s < 6; ++s) add_scaled(r, pk.selectors[s], sel_coeffs[s]);
  add_scaled(r, z, alpha * prod_k + alpha2 * l0);
  add_scaled(r, pk.sigmas[3], -(alpha * beta * proof.z_omega_eval * prod_s));
  add_scaled(r, pk.selectors[6], alpha2 * alpha * detail::range_linearisation(proof, alpha));
  r[0] += evaluate(pi_poly, xi) - alpha2 * l0 - alpha * prod_s * (d + gamma) * proof.z_omega_eval;
  Fr xi_pow = -zh;
  for (size_t m = 0; m < 4; ++m, xi_pow *= xi_n) add_scaled(r, tp[m], xi_pow);

  Polynomial combined = std::move(r);
  Fr vp = v;
  const Polynomial* fs[7] = {&w[0], &w[1], &w[2], &w[3], &pk.sigmas[0], &pk.sigmas[1], &pk.sigmas[2]};
  for (const Polynomial* f : fs) {
    add_scaled(combined, *f, vp);
    vp *= v;
  }
  DUSK_ASSIGN(proof.w_xi, commit(powers, divide_by_linear(combined, xi)));
  // z and d at xi w, joined by v.
  Polynomial shifted = z;
  add_scaled(shifted, w[3], v);
  DUSK_ASSIGN(proof.w_xi_omega, commit(powers, divide_by_linear(shifted, xi * omega)));
  return proof;
}

}  // namespace

PlonkResult<Proof> prove(const ProverKey& pk, const Composer& composer, std::span<const u8, 64> seed) {
  return prove_impl(pk, composer, seed, true);
}

PlonkResult<Proof> prove(const ProverKey& pk, const Composer& composer) {
  std::array<u8, 64> seed;
  if (!os_random_bytes(seed)) return PlonkFailure(PlonkError::kRandomnessUnavailable, "prove: getrandom failed");
  return prove_impl(pk, composer, seed, true);
}

PlonkResult<ProofWithInputs> prove(const ProverKey& pk, const Circuit& circuit) {
  Composer composer;
  circuit.circuit(composer);
  DUSK_ASSIGN(Proof proof, prove(pk, composer));
  return ProofWithInputs{std::move(proof), composer.public_inputs()};
}

namespace detail {
PlonkResult<Proof> prove_unchecked(const ProverKey& pk, const Composer& composer, std::span<const u8, 64> seed) {
  return prove_impl(pk, composer, seed, false);
}
}  // namespace detail

}  // namespace dusk::crypto::plonk
