// G1 of BLS12-381: the order-r subgroup of E(Fp): y^2 = x^3 + 4.
//
// #E(Fp) = h1 * r with cofactor h1 = (x - 1)^2 / 3. See point.hpp for the point types
// and their constant-time contract; this header adds what is specific to G1: the
// generator, subgroup membership and cofactor clearing.
#pragma once

#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/ec/point.hpp"

namespace dusk::crypto::bls12_381 {

// The point templates (crypto/ec/point.hpp), shared with BN254, under their short names.
using ec::Affine;
using ec::Projective;

// |x| of the BLS parameter x = -0xd201000000010000 (x is negative).
inline constexpr u64 kAbsX = 0xd201000000010000ull;

struct G1Curve {
  using F = Fp;
  using Scalar = Fr;
  static constexpr Fp b() { return Fp::from_u64(4); }
  static constexpr Fp b3() { return Fp::from_u64(12); }
  static constexpr Fp mul_by_b3(const Fp& t) { return (t.dbl() + t).dbl().dbl(); }
  // The generator of zkcrypto, the ZCash specification and IETF drafts.
  static constexpr Fp generator_x() {
    return *Fp::from_canonical(ff::from_hex<6>(
        "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"));
  }
  static constexpr Fp generator_y() {
    return *Fp::from_canonical(ff::from_hex<6>(
        "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));
  }
};

using G1Affine = ec::Affine<G1Curve>;
using G1 = ec::Projective<G1Curve>;

// [x]P for the (negative) curve parameter x. Variable time in x only (public).
G1 g1_mul_by_x(const G1& p);
// The endomorphism phi(x, y) = (beta x, y), beta a primitive cube root of unity in Fp;
// on G1 it acts as multiplication by -x^2 (the eigenvalue that goes with this beta).
G1 g1_endomorphism(const G1& p);

// [k]P for a public scalar and P in G1, by the GLV method: k = k1 + k2 x^2 with
// k1, k2 < 2^128 (two divisions by |x|, no lattice reduction needed since
// r = x^4 - x^2 + 1), and [x^2]P = -phi(P), so [k]P = [k1]P - [k2]phi(P) in one
// interleaved wNAF chain of 128 doublings. Precondition: p in G1 (phi acts as -x^2
// only there; elsewhere the result is not [k]P).
G1 g1_mul_glv(const G1& p, const Fr& k);

// [k]P for a secret scalar and P in G1: the same split, then signed 5-bit windows over
// the two 128-bit halves with table lookups by masked selects (endomorphism_mul_ct.hpp),
// so neither time nor memory accesses depend on k or P; about half the doublings of
// Projective::mul. Precondition: p in G1.
G1 g1_mul_glv_ct(const G1& p, const Fr& k);

// Whether a point on the curve lies in G1, by [r]P == O (the definition; slow).
bool g1_in_subgroup_naive(const G1& p);
// The same answer by phi(P) == -[x^2]P (Bowe, "Faster subgroup checks for BLS12-381",
// 2019; Scott, ePrint 2021/1130): two multiplications by the 64-bit x instead of one by
// the 255-bit r. Precondition: p is on the curve.
bool g1_in_subgroup(const G1& p);

// Maps any point of E(Fp) into G1 by multiplication by the effective cofactor 1 - x
// (RFC 9380, section 8.8.1: h_eff = 0xd201000000010001).
G1 g1_clear_cofactor(const G1& p);

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ec::Projective<dusk::crypto::bls12_381::G1Curve>;
