#include "crypto/plonk/commitment/kzg.hpp"

#include <string>

#include "crypto/bls12_381/msm.hpp"
#include "crypto/plonk/parallel.hpp"

namespace dusk::crypto::plonk {

using bls12_381::PreparedPairingInput;

G1 msm(std::span<const G1Affine> points, std::span<const Fr> scalars) {
  const size_t n = points.size();
  if (n < kParallelMsmMin) return bls12_381::g1_msm(points, scalars);
  const size_t mid = n / 2;
  G1 lo, hi;
  run_in_parallel([&] { lo = bls12_381::g1_msm(points.first(mid), scalars.first(mid)); },
                  [&] { hi = bls12_381::g1_msm(points.subspan(mid), scalars.subspan(mid)); });
  return lo + hi;
}

PlonkResult<G1Affine> commit(std::span<const G1Affine> powers, std::span<const Fr> p) {
  if (p.size() > powers.size()) {
    return PlonkFailure(PlonkError::kSrsTooSmall, "KZG: a polynomial of " + std::to_string(p.size()) +
                                                      " coefficients needs more than the SRS's " +
                                                      std::to_string(powers.size()) + " powers");
  }
  return msm(powers.first(p.size()), p).to_affine();
}

OpeningKey::OpeningKey(const G2Affine& g2, const G2Affine& x_g2)
    : g2_(g2), x_g2_(x_g2), g2_lines_(bls12_381::prepare_g2(g2)), x_g2_lines_(bls12_381::prepare_g2(x_g2)) {}

PlonkResult<Opening> open(std::span<const G1Affine> powers, std::span<const Fr> p, const G1Affine& commitment,
                          const Fr& z) {
  const Polynomial q = divide_by_linear(p, z);
  DUSK_ASSIGN(const G1Affine w, commit(powers, q));
  return Opening{commitment, z, evaluate(p, z), w};
}

bool verify_opening(const OpeningKey& key, const Opening& opening) {
  return batch_verify_openings(key, std::span<const Opening>(&opening, 1), Fr::one());
}

bool batch_verify_openings(const OpeningKey& key, std::span<const Opening> openings, const Fr& rho) {
  if (openings.empty()) return true;
  // Left: sum rho^i W_i. Right: sum rho^i (C_i + z_i W_i) - (sum rho^i y_i) G1, as one MSM.
  const size_t n = openings.size();
  std::vector<G1Affine> wit(n), pts;
  std::vector<Fr> rhos(n), coeffs;
  pts.reserve(2 * n + 1);
  coeffs.reserve(2 * n + 1);
  Fr r = Fr::one(), y_sum;
  for (size_t i = 0; i < n; ++i) {
    const Opening& o = openings[i];
    wit[i] = o.witness;
    rhos[i] = r;
    pts.push_back(o.commitment);
    coeffs.push_back(r);
    pts.push_back(o.witness);
    coeffs.push_back(r * o.point);
    y_sum += r * o.value;
    r *= rho;
  }
  pts.push_back(G1Affine::generator());
  coeffs.push_back(-y_sum);
  const G1 left = bls12_381::g1_msm(wit, rhos);
  const G1 right = bls12_381::g1_msm(pts, coeffs);
  const PreparedPairingInput pairs[] = {{left.to_affine(), &key.x_g2_lines()},
                                        {(-right).to_affine(), &key.g2_lines()}};
  return bls12_381::multi_pairing(pairs).is_one();
}

}  // namespace dusk::crypto::plonk
