// Jubjub: the twisted Edwards curve -u^2 + v^2 = 1 + d*u^2*v^2 over the BLS12-381
// scalar field, d = -(10240/10241), of order 8 * r_J (r_J prime, below). Points in
// extended coordinates (U, V, Z, T), u = U/Z, v = V/Z, T = UV/Z, with the complete
// addition of Hisil-Wong-Carter-Dawson for a = -1. Encoding: ZIP-216 (32 bytes: v little
// endian, the top bit of the last byte u's lowest bit; decoding rejects v >= q, points
// off the curve, and u = 0 with the sign bit set).
//
//   auto p = jubjub::Point::decode(bytes);        // nullopt: not a ZIP-216 encoding
//   jubjub::Point q = p->mul(scalar_le_bytes);    // variable time: public scalars only
//   bool ok = q.is_prime_order();                 // r_J * q = identity, q != identity
#pragma once

#include <array>
#include <optional>
#include <span>

#include "base/int.hpp"
#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::jubjub {

using Fq = bls12_381::Fr;  // Jubjub's base field is BLS12-381's scalar field

class Point {
 public:
  // The identity (0, 1).
  Point();
  // From affine coordinates; nullopt when (u, v) is not on the curve.
  static std::optional<Point> from_affine(const Fq& u, const Fq& v);
  static std::optional<Point> decode(std::span<const u8, 32> bytes);

  std::array<u8, 32> encode() const;
  Fq u() const;
  Fq v() const;

  Point operator+(const Point& o) const;
  Point operator-() const;
  Point dbl() const;
  // k * this for a little-endian scalar of any length. Variable time.
  Point mul(std::span<const u8> scalar_le) const;
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

// d and the prime order r_J of the subgroup, little-endian.
const Fq& edwards_d();
extern const std::array<u8, 32> kSubgroupOrderLe;

}  // namespace dusk::crypto::jubjub
