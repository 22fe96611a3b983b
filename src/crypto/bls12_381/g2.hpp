// G2 of BLS12-381: the order-r subgroup of the sextic M-type twist
// E'(Fp2): y^2 = x^3 + 4(u + 1).
//
// See point.hpp for the point types and their constant-time contract; this header adds
// the generator, the untwist-Frobenius-twist endomorphism psi, subgroup membership and
// cofactor clearing.
#pragma once

#include "crypto/bls12_381/fp2.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/ec/point.hpp"

namespace dusk::crypto::bls12_381 {

struct G2Curve {
  using F = Fp2;
  using Scalar = Fr;
  static constexpr Fp2 b() { return Fp2(Fp::from_u64(4), Fp::from_u64(4)); }
  static constexpr Fp2 b3() { return Fp2(Fp::from_u64(12), Fp::from_u64(12)); }
  // t (12 + 12u) = 12 (t (1 + u)).
  static constexpr Fp2 mul_by_b3(const Fp2& t) {
    Fp2 s = t.mul_by_k_plus_u<1>();
    return (s.dbl() + s).dbl().dbl();
  }
  static constexpr Fp2 generator_x() {
    return Fp2(*Fp::from_canonical(ff::from_hex<6>(
                   "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8")),
               *Fp::from_canonical(ff::from_hex<6>(
                   "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")));
  }
  static constexpr Fp2 generator_y() {
    return Fp2(*Fp::from_canonical(ff::from_hex<6>(
                   "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801")),
               *Fp::from_canonical(ff::from_hex<6>(
                   "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));
  }
};

using G2Affine = ec::Affine<G2Curve>;
using G2 = ec::Projective<G2Curve>;

// [x]P for the (negative) curve parameter x.
G2 g2_mul_by_x(const G2& p);
// psi = twist^-1 o Frobenius o twist: psi(x, y) = (conj(x) c1, conj(y) c2) with
// c1 = 1 / (u + 1)^((p - 1) / 3), c2 = 1 / (u + 1)^((p - 1) / 2). An endomorphism of
// E'(Fp2) satisfying psi^2 - t psi + p = 0; on G2 it acts as multiplication by p = x mod r.
G2 g2_psi(const G2& p);

// [k]P for a public scalar and P in G2, by the GLS method: k written in base |x| as
// k0 + k1 |x| + k2 |x|^2 + k3 |x|^3 (k < r < x^4), and [|x|]P = -psi(P), so four 64-bit
// scalars share one interleaved wNAF chain of 64 doublings. Precondition: p in G2.
G2 g2_mul_gls(const G2& p, const Fr& k);

// [k]P for a secret scalar and P in G2: the same four 64-bit digits (found by a
// constant-time division), signed 5-bit windows and table lookups by masked selects
// (endomorphism_mul_ct.hpp): 64 doublings instead of 256, constant time in k and P.
// Precondition: p in G2.
G2 g2_mul_gls_ct(const G2& p, const Fr& k);

// Whether a point on the curve lies in G2, by [r]P == O (the definition; slow).
bool g2_in_subgroup_naive(const G2& p);
// The same answer by psi(P) == [x]P (Scott, "A note on group membership tests for G1,
// G2 and GT on BLS pairing-friendly curves", ePrint 2021/1130). Precondition: on curve.
bool g2_in_subgroup(const G2& p);

// Maps any point of E'(Fp2) into G2: [h_eff]P computed as
// [x^2 - x - 1]P + [x - 1]psi(P) + psi^2([2]P) (Budroni and Pintore, ePrint 2017/419;
// RFC 9380, appendix G.3).
G2 g2_clear_cofactor(const G2& p);

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ec::Projective<dusk::crypto::bls12_381::G2Curve>;
