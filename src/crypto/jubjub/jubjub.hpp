// Jubjub: the twisted Edwards curve -u^2 + v^2 = 1 + d*u^2*v^2 over the BLS12-381
// scalar field, d = -(10240/10241), of order 8 * r_J (r_J prime, below). Points in
// extended coordinates (U, V, Z, T), u = U/Z, v = V/Z, T = UV/Z, with the complete
// addition of Hisil-Wong-Carter-Dawson for a = -1. Encoding: ZIP-216 (32 bytes: v little
// endian, the top bit of the last byte u's lowest bit; decoding rejects v >= q, points
// off the curve, and u = 0 with the sign bit set).
//
// Multiplication by a secret scalar (mul(const Scalar&)) runs in time independent of the
// scalar: a fixed 4-bit window over all 252 bits, each window's multiple read from a
// 16-entry table by a branch-free scan of every entry, and the complete addition (which
// has no exceptional cases, the identity included). Public scalars may take mul_vartime.
//
//   auto p = jubjub::Point::decode(bytes);        // nullopt: not a ZIP-216 encoding
//   jubjub::Point pk = jubjub::generator() * sk;  // constant time in sk
//   jubjub::Point q = p->mul_vartime(scalar_le);  // variable time: public scalars only
//   bool ok = q.is_prime_order();                 // r_J * q = identity, q != identity
#pragma once

#include <array>
#include <optional>
#include <span>

#include "base/int.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/jubjub/scalar.hpp"

namespace dusk::crypto::jubjub {

using Fq = bls12_381::Fr;  // Jubjub's base field is BLS12-381's scalar field

class Point {
 public:
  // The identity (0, 1).
  Point();
  // From affine coordinates; nullopt when (u, v) is not on the curve.
  static std::optional<Point> from_affine(const Fq& u, const Fq& v);
  static std::optional<Point> decode(std::span<const u8, 32> bytes);
  // decode(), refusing points that are not of prime order (keys, nonces, commitments).
  static std::optional<Point> decode_prime_order(std::span<const u8, 32> bytes);

  std::array<u8, 32> encode() const;
  Fq u() const;
  Fq v() const;

  Point operator+(const Point& o) const;
  Point operator-() const;
  Point dbl() const;
  // k * this for a little-endian scalar of any length. Variable time.
  Point mul_vartime(std::span<const u8> scalar_le) const;
  // a * p + b * q in one pass over the bits (Straus-Shamir). Variable time: public
  // scalars only (signature checks).
  static Point mul_add_vartime(const Point& p, std::span<const u8, 32> a_le, const Point& q,
                               std::span<const u8, 32> b_le);
  // k * this in time independent of k (see above).
  Point mul(const Scalar& k) const;
  friend Point operator*(const Point& p, const Scalar& k) { return p.mul(k); }
  // b when choose_b, else a, without a branch.
  static Point select(bool choose_b, const Point& a, const Point& b);
  Point mul_by_cofactor() const { return dbl().dbl().dbl(); }

  bool is_identity() const;
  // r_J * this is the identity (the point lies in the prime-order subgroup).
  bool is_torsion_free() const;
  bool is_prime_order() const { return !is_identity() && is_torsion_free(); }
  bool operator==(const Point& o) const;

 private:
  Point(const Fq& u, const Fq& v, const Fq& z, const Fq& t) : u_(u), v_(v), z_(z), t_(t) {}
  Fq u_, v_, z_, t_;
};

// Dusk's two fixed generators of the prime-order subgroup (dusk-network/jubjub): G, the
// base of keys and signatures, and G', its "nothing up my sleeve" companion whose
// discrete logarithm to G nobody knows (the blinder base of Pedersen commitments, the
// second key of double Schnorr signatures).
const Point& generator();
const Point& generator_nums();

// d and the prime order r_J of the subgroup, little-endian.
const Fq& edwards_d();
extern const std::array<u8, 32> kSubgroupOrderLe;

}  // namespace dusk::crypto::jubjub
