// G1 of BN254: E(Fp): y^2 = x^3 + 3, of prime order r (cofactor 1), generator (1, 2).
//
// The point types are the shared short-Weierstrass templates of
// crypto/bls12_381/point.hpp (Affine<Curve>, Projective<Curve>: complete
// Renes-Costello-Batina formulas for a = 0, constant-time fixed-window mul, wNAF
// mul_vartime); this header only supplies the curve. Since the cofactor is 1, every
// point on the curve is in G1 and needs no subgroup check.
#pragma once

#include "crypto/bls12_381/point.hpp"
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

using G1Affine = bls12_381::Affine<G1Curve>;
using G1 = bls12_381::Projective<G1Curve>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::bls12_381::Projective<dusk::crypto::bn254::G1Curve>;
