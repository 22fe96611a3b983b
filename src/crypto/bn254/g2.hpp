// G2 of BN254: the order-r subgroup of the D-type sextic twist
// E'(Fp2): y^2 = x^3 + 3 / (9 + u), with #E'(Fp2) = r (2p - r): a large cofactor, so
// points decoded from outside must pass g2_in_subgroup.
//
// The point types are the shared templates of crypto/ec/point.hpp (see g1.hpp).
// The generator is the one of EIP-197.
#pragma once

#include "crypto/ec/point.hpp"
#include "crypto/bn254/fp2.hpp"
#include "crypto/bn254/fr.hpp"

namespace dusk::crypto::bn254 {

struct G2Curve {
  using F = Fp2;
  using Scalar = Fr;
  // b' = 3 / (9 + u) = (27 - 3u) / 82, computed with Python's integers; g2.cpp checks
  // b' (9 + u) = 3 at compile time.
  static constexpr Fp2 b() {
    return Fp2(*Fp::from_canonical(ff::from_hex<4>(
                   "2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e5")),
               *Fp::from_canonical(ff::from_hex<4>(
                   "009713b03af0fed4cd2cafadeed8fdf4a74fa084e52d1852e4a2bd0685c315d2")));
  }
  static constexpr Fp2 b3() { return b().mul_small(3); }
  static constexpr Fp2 mul_by_b3(const Fp2& t) { return t * b3(); }
  static constexpr Fp2 generator_x() {
    return Fp2(*Fp::from_canonical(ff::from_hex<4>(
                   "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed")),
               *Fp::from_canonical(ff::from_hex<4>(
                   "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2")));
  }
  static constexpr Fp2 generator_y() {
    return Fp2(*Fp::from_canonical(ff::from_hex<4>(
                   "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa")),
               *Fp::from_canonical(ff::from_hex<4>(
                   "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b")));
  }
};

using G2Affine = ec::Affine<G2Curve>;
using G2 = ec::Projective<G2Curve>;

// The endomorphism psi = twist o Frobenius o untwist:
// psi(x, y) = (conj(x) xi^((p-1)/3), conj(y) xi^((p-1)/2)). On G2 it acts as
// multiplication by p = 6u^2 (mod r).
G2 g2_psi(const G2& q);
G2Affine g2_psi(const G2Affine& q);

// Whether a point of E'(Fp2) lies in G2, by psi(Q) == [6u^2]Q (El Housni, Guillevic and
// Piellard, "Co-factor clearing and subgroup membership testing on pairing-friendly
// curves", 2022, for BN curves): one 127-bit multiplication instead of one by r.
// Precondition: q is on the twist. Variable time (public points).
bool g2_in_subgroup(const G2& q);
// The same by the definition, [r]Q == O (slow; for tests).
bool g2_in_subgroup_naive(const G2& q);

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ec::Projective<dusk::crypto::bn254::G2Curve>;
