#include "crypto/plonk/snarkjs_verifier.hpp"

#include <algorithm>
#include <string>

#include "crypto/plonk/snarkjs_transcript.hpp"

namespace dusk::crypto::plonk::snarkjs {
namespace {

// The eight key commitments in snarkjs's transcript order.
std::array<const G1Affine*, 8> key_commitments(const VerifyingKey& vk) {
  return {&vk.qm, &vk.ql, &vk.qr, &vk.qo, &vk.qc, &vk.s1, &vk.s2, &vk.s3};
}

// Inverts every element in place with one inversion (Montgomery's trick). The elements
// are nonzero.
void batch_invert(std::span<Fr> xs) {
  std::vector<Fr> prefix(xs.size());
  Fr acc = Fr::one();
  for (size_t i = 0; i < xs.size(); ++i) {
    prefix[i] = acc;
    acc = acc * xs[i];
  }
  Fr inv = acc.inverse_vartime();
  for (size_t i = xs.size(); i-- > 0;) {
    const Fr x = xs[i];
    xs[i] = inv * prefix[i];
    inv = inv * x;
  }
}

}  // namespace

Fr root_of_unity(unsigned power) {
  // The roots of every order, computed once (a Legendre symbol per candidate non-residue
  // and an exponentiation: about 0.1 ms, which every prepare() would otherwise repeat).
  static const std::array<Fr, kMaxPower + 1> roots = [] {
    // r - 1 = 2^28 t.
    auto t = bn254::FrParams::kModulus;
    t[0] -= 1;
    for (unsigned i = 0; i < kMaxPower; ++i) {
      for (size_t j = 0; j + 1 < t.size(); ++j) t[j] = (t[j] >> 1) | (t[j + 1] << 63);
      t.back() >>= 1;
    }
    Fr nqr = Fr::from_u64(2);
    while (nqr.legendre() != -1) nqr = nqr + Fr::one();
    std::array<Fr, kMaxPower + 1> r;
    r[kMaxPower] = nqr.pow(t);
    for (unsigned p = kMaxPower; p > 0; --p) r[p - 1] = r[p].square();
    return r;
  }();
  return roots[power];
}

ProofResult<PreparedVerifyingKey> prepare(const VerifyingKey& vk) {
  if (vk.power > kMaxPower) {
    return ProofFailure(ProofError::kBadDomain, "plonk: power " + std::to_string(vk.power) + " exceeds BN254's 2-adicity " +
                     std::to_string(kMaxPower));
  }
  const u64 n = u64{1} << vk.power;
  if (vk.n_public > n) {
    return ProofFailure(ProofError::kBadDomain, "plonk: " + std::to_string(vk.n_public) + " public inputs do not fit a domain of " +
                     std::to_string(n) + " points");
  }
  if (vk.w != root_of_unity(vk.power)) {
    return ProofFailure(ProofError::kBadDomain, "plonk: the key's w is not snarkjs's root of unity of order 2^" +
                     std::to_string(vk.power));
  }
  PreparedVerifyingKey p;
  p.vk = vk;
  p.n = Fr::from_u64(n);
  p.x2_lines = bn254::prepare_g2(vk.x2);
  p.g2_lines = bn254::prepare_g2(G2Affine::generator());
  Transcript t;
  for (const G1Affine* c : key_commitments(vk)) t.add_point(*c);
  p.transcript_prefix = t.sponge();
  return p;
}

Challenges compute_challenges(const PreparedVerifyingKey& pvk, const Proof& proof,
                              std::span<const Fr> inputs) {
  Challenges ch;
  Transcript t(pvk.transcript_prefix);
  for (const Fr& x : inputs) t.add_scalar(x);
  t.add_point(proof.a);
  t.add_point(proof.b);
  t.add_point(proof.c);
  ch.beta = t.challenge();

  t.add_scalar(ch.beta);
  ch.gamma = t.challenge();

  t.add_scalar(ch.beta);
  t.add_scalar(ch.gamma);
  t.add_point(proof.z);
  ch.alpha = t.challenge();

  t.add_scalar(ch.alpha);
  t.add_point(proof.t1);
  t.add_point(proof.t2);
  t.add_point(proof.t3);
  ch.xi = t.challenge();

  t.add_scalar(ch.xi);
  for (const Fr* e : {&proof.eval_a, &proof.eval_b, &proof.eval_c, &proof.eval_s1,
                      &proof.eval_s2, &proof.eval_zw}) {
    t.add_scalar(*e);
  }
  ch.v[0] = t.challenge();
  for (size_t i = 1; i < ch.v.size(); ++i) ch.v[i] = ch.v[i - 1] * ch.v[0];

  t.add_point(proof.wxi);
  t.add_point(proof.wxiw);
  ch.u = t.challenge();
  return ch;
}

ProofResult<bool> verify(const PreparedVerifyingKey& pvk, const Proof& proof,
                    std::span<const Fr> inputs) {
  const VerifyingKey& vk = pvk.vk;
  if (inputs.size() != vk.n_public) {
    return ProofFailure(ProofError::kCountMismatch, "plonk: " + std::to_string(inputs.size()) + " public inputs, the key has " +
                     std::to_string(vk.n_public));
  }
  const Challenges ch = compute_challenges(pvk, proof, inputs);

  // xi^n and Z_H(xi) = xi^n - 1.
  Fr xin = ch.xi;
  for (unsigned i = 0; i < vk.power; ++i) xin = xin.square();
  const Fr zh = xin - Fr::one();
  if (zh.is_zero()) return false;  // xi in the domain: snarkjs would divide by zero

  // L_i(xi) = w^(i-1) zh / (n (xi - w^(i-1))) for i = 1 .. max(1, n_public).
  const size_t num_l = std::max<size_t>(1, inputs.size());
  std::vector<Fr> w_pow(num_l), l(num_l);
  Fr w = Fr::one();
  for (size_t i = 0; i < num_l; ++i) {
    w_pow[i] = w;
    l[i] = pvk.n * (ch.xi - w);
    w = w * vk.w;
  }
  batch_invert(l);
  for (size_t i = 0; i < num_l; ++i) l[i] = l[i] * w_pow[i] * zh;

  // PI(xi) = -sum x_i L_(i+1)(xi).
  Fr pi = Fr::zero();
  for (size_t i = 0; i < inputs.size(); ++i) pi = pi - inputs[i] * l[i];

  const Fr alpha2 = ch.alpha.square();
  const Fr l1_alpha2 = l[0] * alpha2;
  // (a + beta s1 + gamma)(b + beta s2 + gamma), shared by r0 and D.
  const Fr e3ab = (proof.eval_a + ch.beta * proof.eval_s1 + ch.gamma) *
                  (proof.eval_b + ch.beta * proof.eval_s2 + ch.gamma);
  const Fr r0 = pi - l1_alpha2 - e3ab * (proof.eval_c + ch.gamma) * proof.eval_zw * ch.alpha;

  const Fr beta_xi = ch.beta * ch.xi;
  const Fr d2a = (proof.eval_a + beta_xi + ch.gamma) *
                 (proof.eval_b + beta_xi * vk.k1 + ch.gamma) *
                 (proof.eval_c + beta_xi * vk.k2 + ch.gamma) * ch.alpha;
  const Fr d3 = e3ab * ch.alpha * ch.beta * proof.eval_zw;
  const Fr e = -r0 + ch.v[0] * proof.eval_a + ch.v[1] * proof.eval_b +
               ch.v[2] * proof.eval_c + ch.v[3] * proof.eval_s1 + ch.v[4] * proof.eval_s2 +
               ch.u * proof.eval_zw;

  // B1 = xi W_xi + u xi w W_xiw + F - E with F = D + v1 A + v2 B + v3 C + v4 S1 + v5 S2
  // and D = ab Qm + a Ql + b Qr + c Qo + Qc + (d2a + L1 alpha^2 + u) Z - d3 S3
  //         - zh (T1 + xi^n T2 + xi^2n T3); E = e [1]_1.
  // B1's 18 terms (Qc with scalar 1, E as -e times the generator) are one Straus chain
  // (bn254::g1_msm_glv); A1 = W_xi + u W_xiw is one GLV multiplication.
  const G1Affine b1_points[] = {vk.qm,    vk.ql,    vk.qr,    vk.qo,    vk.qc,
                                proof.z,  vk.s3,    proof.t1, proof.t2, proof.t3,
                                proof.a,  proof.b,  proof.c,  vk.s1,    vk.s2,
                                proof.wxi, proof.wxiw, G1Affine::generator()};
  const Fr b1_scalars[] = {proof.eval_a * proof.eval_b,
                           proof.eval_a,
                           proof.eval_b,
                           proof.eval_c,
                           Fr::one(),
                           d2a + l1_alpha2 + ch.u,
                           -d3,
                           -zh,
                           -(zh * xin),
                           -(zh * xin.square()),
                           ch.v[0],
                           ch.v[1],
                           ch.v[2],
                           ch.v[3],
                           ch.v[4],
                           ch.xi,
                           ch.u * ch.xi * vk.w,
                           -e};
  const bn254::G1 b1 = bn254::g1_msm_glv(b1_points, b1_scalars);
  const bn254::G1 a1 = bn254::G1::from_affine(proof.wxi) +
                       bn254::g1_mul_glv(bn254::G1::from_affine(proof.wxiw), ch.u);

  const auto affine = bn254::G1::batch_to_affine(std::array{-a1, b1});
  const bn254::PreparedPairingInput pairs[2] = {{affine[0], &pvk.x2_lines},
                                                {affine[1], &pvk.g2_lines}};
  return bn254::multi_pairing(pairs).is_one();
}

}  // namespace dusk::crypto::plonk::snarkjs
