// KZG polynomial commitments (Kate, Zaverucha and Goldberg, 2010) over the powers of an
// SRS (srs.hpp), as PLONK uses them:
//
//   commit(p)          C = [p(x)]_1 = sum_i p_i [x^i]_1, one MSM (bls12_381/msm.hpp)
//                      split over both cores;
//   open(p, z)         y = p(z) and W = [q(x)]_1 with q = (p - y) / (X - z);
//   verify             e(W, [x]_2) = e(C - [y]_1 + [z]W, [1]_2), i.e. q (x - z) = p(x) - y
//                      at the secret x;
//   batch_verify       many openings (any points z_i) at once with powers of a random
//                      rho: e(sum rho^i W_i, [x]_2) e(-sum rho^i (C_i - [y_i]_1 + [z_i]W_i),
//                      [1]_2) = 1, one two-pair multi-pairing for any number of openings.
//                      rho must be unpredictable to whoever made the openings (drawn
//                      after they are fixed, e.g. from a transcript over them); a false
//                      opening then passes with probability about count / r.
//
// Commitments and proofs are public: everything runs in variable time, except that the
// committed polynomials' coefficients (a prover's secrets) only enter the MSM, whose
// timing depends on them as Pippenger's does (see msm.hpp).
//
// Thread safety: functions only read their inputs.
#pragma once

#include <span>

#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/plonk/error.hpp"
#include "crypto/plonk/polynomial.hpp"
#include "crypto/plonk/srs.hpp"

namespace dusk::crypto::plonk {

using bls12_381::G1;

// From this many points an MSM is split over both cores.
inline constexpr size_t kParallelMsmMin = size_t{1} << 10;

// sum_i scalars_i points_i over both cores. Precondition: equal sizes, points in G1.
G1 msm(std::span<const G1Affine> points, std::span<const Fr> scalars);

// [p(x)]_1 over the powers [x^i]_1 given (an SRS's, or the first of them). kSrsTooSmall
// when p has more coefficients than there are powers.
PlonkResult<G1Affine> commit(std::span<const G1Affine> powers, std::span<const Fr> p);
inline PlonkResult<G1Affine> commit(const Srs& srs, std::span<const Fr> p) { return commit(srs.powers_g1(), p); }

// What a KZG verifier needs of the SRS: [1]_1, [1]_2, [x]_2, with the Miller-loop lines
// of the two G2 points prepared once.
class OpeningKey {
 public:
  OpeningKey(const G2Affine& g2, const G2Affine& x_g2);
  explicit OpeningKey(const Srs& srs) : OpeningKey(srs.g2(), srs.x_g2()) {}
  const G2Affine& g2() const { return g2_; }
  const G2Affine& x_g2() const { return x_g2_; }
  const bls12_381::G2Prepared& g2_lines() const { return g2_lines_; }
  const bls12_381::G2Prepared& x_g2_lines() const { return x_g2_lines_; }

 private:
  G2Affine g2_, x_g2_;
  bls12_381::G2Prepared g2_lines_, x_g2_lines_;
};

// A claim that the polynomial committed in `commitment` takes `value` at `point`, with
// its witness.
struct Opening {
  G1Affine commitment;
  Fr point;
  Fr value;
  G1Affine witness;
};

// Opens p (committed as `commitment`) at z. kSrsTooSmall as commit().
PlonkResult<Opening> open(std::span<const G1Affine> powers, std::span<const Fr> p, const G1Affine& commitment,
                          const Fr& z);
inline PlonkResult<Opening> open(const Srs& srs, std::span<const Fr> p, const G1Affine& commitment, const Fr& z) {
  return open(srs.powers_g1(), p, commitment, z);
}

bool verify_opening(const OpeningKey& key, const Opening& opening);
// True for no openings. See the header comment for rho.
bool batch_verify_openings(const OpeningKey& key, std::span<const Opening> openings, const Fr& rho);

}  // namespace dusk::crypto::plonk
