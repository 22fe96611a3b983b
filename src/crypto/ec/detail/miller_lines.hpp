// The tangent and chord steps of a Miller loop on a sextic twist y^2 = x^3 + b'
// (a = 0) over Fp2, with the running point in Jacobian coordinates: curve-independent,
// for any pairing whose G2 lives on such a twist (BLS12-381 and BN254, through
// multi_miller_loop.hpp).
//
// Each step updates the point and returns the line through it as three Fp2 values:
//   the line is  yc * y_P + xc * x_P + c  (up to a factor in Fp2),
// for P = (x_P, y_P) in G1. Where the three go in Fp12 depends on the twist type:
// a D-type twist (BN254) gives the sparse element c0 = yc y_P, c3 = xc x_P, c4 = c
// (Fp12T::mul_by_034); an M-type twist gives c0 = c, c1 = xc x_P, c4 = yc y_P
// (mul_by_014). The Fp2 factor is killed by the final exponentiation.
//
// Formulas after Costello, Lange and Naehrig, "Faster pairing computations on curves
// with high-degree twists" (ePrint 2010/354), algorithms 26 and 27; the doubling needs
// no b' because a = 0. The steps have no branches; pairings use them on public points.
#pragma once

namespace dusk::crypto::ec {

// (x, y, z) stands for (x / z^2, y / z^3).
template <typename Fp2>
struct JacobianPoint {
  Fp2 x, y, z;
};

template <typename Fp2>
struct LineCoeffs {
  Fp2 c;   // constant term
  Fp2 xc;  // to be multiplied by x_P
  Fp2 yc;  // to be multiplied by y_P
};

// r = 2r; the tangent at the old r: 2 (2 Y Z^3 y - 3 X^2 Z^2 x + 3 X^3 - 2 Y^2).
template <typename Fp2>
LineCoeffs<Fp2> doubling_step(JacobianPoint<Fp2>& r) {
  Fp2 xx = r.x.square();
  Fp2 yy = r.y.square();
  Fp2 yyyy = yy.square();
  Fp2 s = ((yy + r.x).square() - xx - yyyy).dbl();  // 4 X Y^2
  Fp2 m = xx + xx + xx;                              // 3 X^2
  Fp2 mm = m.square();
  Fp2 zz = r.z.square();
  Fp2 six_x3 = (r.x + m).square() - xx - mm;  // 2 X m = 6 X^3
  Fp2 x3 = mm - s - s;
  Fp2 z3 = (r.z + r.y).square() - yy - zz;  // 2 Y Z
  Fp2 y3 = (s - x3) * m - yyyy.dbl().dbl().dbl();
  LineCoeffs<Fp2> l;
  l.c = six_x3 - yy.dbl().dbl();  // 6 X^3 - 4 Y^2
  l.xc = -(m * zz).dbl();         // -6 X^2 Z^2
  l.yc = (z3 * zz).dbl();         // 4 Y Z^3
  r.x = x3;
  r.y = y3;
  r.z = z3;
  return l;
}

// r = r + q for an affine q (r != +-q, which a Miller loop over a prime-order point
// never meets); the chord through r and q: 2 Z3 (y - y_q) - 2 t (x - x_q) with
// t = y_q Z^3 - Y and Z3 = Z (x_q Z^2 - X).
template <typename Fp2>
LineCoeffs<Fp2> addition_step(JacobianPoint<Fp2>& r, const Fp2& qx, const Fp2& qy) {
  Fp2 zz = r.z.square();
  Fp2 qyy = qy.square();
  Fp2 u2 = zz * qx;
  Fp2 s2 = ((qy + r.z).square() - qyy - zz) * zz;  // 2 y_q Z^3
  Fp2 h = u2 - r.x;
  Fp2 hh = h.square();
  Fp2 i = hh.dbl().dbl();
  Fp2 j = i * h;
  Fp2 t = s2 - r.y - r.y;  // 2 (y_q Z^3 - Y)
  Fp2 v = i * r.x;
  Fp2 x3 = t.square() - j - v - v;
  Fp2 z3 = (r.z + h).square() - zz - hh;  // 2 Z h
  Fp2 y3 = (v - x3) * t - (r.y * j).dbl();
  Fp2 two_qy_z3 = (qy + z3).square() - qyy - z3.square();
  LineCoeffs<Fp2> l;
  l.c = (t * qx).dbl() - two_qy_z3;
  l.xc = -t.dbl();
  l.yc = z3.dbl();
  r.x = x3;
  r.y = y3;
  r.z = z3;
  return l;
}

}  // namespace dusk::crypto::ec
