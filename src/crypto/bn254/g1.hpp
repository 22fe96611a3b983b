// G1 of BN254: E(Fp): y^2 = x^3 + 3, of prime order r (cofactor 1), generator (1, 2).
//
// The point types are the shared short-Weierstrass templates of
// crypto/ec/point.hpp (Affine<Curve>, Projective<Curve>: complete
// Renes-Costello-Batina formulas for a = 0, constant-time fixed-window mul, wNAF
// mul_vartime); this header only supplies the curve. Since the cofactor is 1, every
// point on the curve is in G1 and needs no subgroup check.
#pragma once

#include <span>

#include "crypto/ec/point.hpp"
#include "crypto/bn254/fp.hpp"
#include "crypto/bn254/fr.hpp"

namespace dusk::crypto::bn254 {

// The BN parameter: p and r are polynomials in it (fp.hpp, fr.hpp).
inline constexpr u64 kU = 4965661367192848881ull;

struct G1Curve {
  using F = Fp;
  using Scalar = Fr;
  static constexpr Fp b() { return Fp::from_u64(3); }
  static constexpr Fp b3() { return Fp::from_u64(9); }
  static constexpr Fp mul_by_b3(const Fp& t) { return t.dbl().dbl().dbl() + t; }
  static constexpr Fp generator_x() { return Fp::from_u64(1); }
  static constexpr Fp generator_y() { return Fp::from_u64(2); }
};

using G1Affine = ec::Affine<G1Curve>;
using G1 = ec::Projective<G1Curve>;

// The endomorphism phi(x, y) = (beta x, y), beta a primitive cube root of unity in Fp;
// on G1 it acts as multiplication by lambda, a root of l^2 + l + 1 mod r (the pair of
// roots that go together, checked in g1.cpp and bn254_test).
G1 g1_endomorphism(const G1& p);

// [k]P for a public scalar by the GLV method (Gallant, Lambert and Vanstone, 2001):
// k = k1 + k2 lambda mod r with |k1|, |k2| < 2^128 by Babai rounding against the short
// lattice basis (2u + 1, 6u^2 + 4u + 1), (6u^2 + 2u, -2u - 1), then one interleaved wNAF
// chain of about 128 doublings for [k1]P + [k2]phi(P). Variable time (public scalars:
// the ecMul precompile). Same result as mul_vartime for every k and P on the curve.
G1 g1_mul_glv(const G1& p, const Fr& k);

// [k]P in constant time with the same split (its halves' signs applied by selects):
// 26 windows of 5-bit signed digits over both halves, table entries read by masked
// selects, complete formulas (crypto/ec/detail/endomorphism_mul_ct.hpp, shared with
// BLS12-381's GLV and GLS). For secret scalars; same result as mul.
G1 g1_mul_glv_ct(const G1& p, const Fr& k);

// sum [k_i] P_i for a few points and public scalars (points.size() == scalars.size()):
// every scalar GLV-split as above, then one Straus chain over all the halves with affine
// tables (crypto/ec/detail/glv_straus.hpp). For the tens of points of proof verification;
// Pippenger pays from about a hundred. Variable time.
G1 g1_msm_glv(std::span<const G1Affine> points, std::span<const Fr> scalars);

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ec::Projective<dusk::crypto::bn254::G1Curve>;
