// Jubjub inside a PLONK circuit (crypto/plonk/composer.hpp): points as pairs of witnesses
// (affine u, v), the complete twisted Edwards addition, and scalar multiplication by a
// variable point or a fixed base, computing exactly what jubjub.hpp computes natively.
//
// Gates (width-4 arithmetic only; our composer has no curve-addition gate yet):
//   on-curve check                3  (u^2, v^2, then -u^2 + v^2 - 1 - d u^2 v^2 = 0)
//   addition                      7  (four products u1 v2, v1 u2, v1 v2, u1 u2, the
//                                     product of all four, then u3 (1 + d t) = u1 v2 + v1 u2
//                                     and v3 (1 - d t) = v1 v2 + u1 u2 in one gate each)
//   scalar decomposition          1.5 a bit (a boolean gate a bit, two bits a sum gate)
//   doubling                      6  (on-curve inputs)
//   variable-base multiplication  15 a bit: double (6), select P or the identity (2), add
//   fixed-base multiplication     5 a bit: 2-bit windows of precomputed multiples
//                                 selected by 3 gates and added (7)
// Scalars are witnesses below 2^252 (Jubjub scalars are below r_J < 2^252): the
// decomposition into 252 bits enforces the bound.
//
//   WitnessPoint p = jubjub::gadget::append_point(cs, point);      // constrained on the curve
//   WitnessPoint q = jubjub::gadget::mul_fixed(cs, k, generator());
//   WitnessPoint s = jubjub::gadget::add(cs, p, q);
#pragma once

#include <span>
#include <vector>

#include "crypto/jubjub/jubjub.hpp"
#include "crypto/plonk/composer.hpp"

namespace dusk::crypto::jubjub::gadget {

using plonk::Composer;
using plonk::Witness;

struct WitnessPoint {
  Witness u, v;
};

inline constexpr unsigned kScalarBits = 252;

// A point as witnesses, constrained to lie on the curve (not to be of prime order).
WitnessPoint append_point(Composer& cs, const Point& p);
// A point fixed in the circuit.
WitnessPoint append_constant_point(Composer& cs, const Point& p);
void assert_on_curve(Composer& cs, const WitnessPoint& p);
void assert_equal_point(Composer& cs, const WitnessPoint& a, const WitnessPoint& b);
// The point's value, natively.
Point value(const Composer& cs, const WitnessPoint& p);

WitnessPoint add(Composer& cs, const WitnessPoint& a, const WitnessPoint& b);
// 2p by the dedicated doubling (6 gates: u^2, v^2, uv, t = v^2 - u^2, then
// u' t = 2uv and v' (2 - t) = u^2 + v^2), which holds for points on the curve only (it
// uses the curve equation): for p constrained on the curve, or computed from such points.
WitnessPoint dbl(Composer& cs, const WitnessPoint& p);

// A point proved to lie in the prime-order subgroup: the prover supplies q with
// p = 8 q (q = p / 8 mod r_J, on the curve), and the circuit returns 8 q (three
// doublings, 24 gates with q's curve check). Jubjub's order is 8 r_J, so every multiple
// of 8 is in the subgroup: a key given this way cannot carry a torsion component (which
// could otherwise change, say, a nullifier computed from it while still satisfying a
// signature with probability 1/8 per try).
WitnessPoint append_prime_order_point(Composer& cs, const Point& p);

// The bits of `x`, least significant first, each boolean, which sum back to x: x < 2^n.
// For n <= 253 the decomposition is unique (2^n < r: the sum cannot wrap around r). For
// n = 254 or 255 (at most) a value below 2^n - r has a second one (x + r): a caller that
// depends on the bits must also check them below r (schnorr/gadget.hpp does).
std::vector<Witness> decompose(Composer& cs, Witness x, unsigned n);

// k * p for a witness scalar k < 2^252.
WitnessPoint mul_variable(Composer& cs, Witness k, const WitnessPoint& p);
// k * base for a base fixed in the circuit.
WitnessPoint mul_fixed(Composer& cs, Witness k, const Point& base);
// The same from k's bits (least significant first, boolean, from decompose()): a
// circuit that multiplies one scalar twice, or knows it is short (a 64-bit value),
// decomposes it once and saves the gates.
WitnessPoint mul_variable(Composer& cs, std::span<const Witness> bits, const WitnessPoint& p);
WitnessPoint mul_fixed(Composer& cs, std::span<const Witness> bits, const Point& base);

}  // namespace dusk::crypto::jubjub::gadget
