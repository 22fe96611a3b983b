// Squaring in the cyclotomic subgroup of Fp12 = Fp6[w] / (w^2 - v), v^3 = xi: the
// elements of norm 1 over Fp6, where every pairing value lies after the easy part of the
// final exponentiation. Granger and Scott ("Faster squaring in the cyclotomic subgroup
// of sixth degree extensions", PKC 2010): three squarings in Fp4 = Fp2[s]/(s^2 - xi)
// instead of a full Fp12 squaring. Generic over the tower (any xi = k + u).
// Correct only for cyclotomic inputs; constant time. And exponentiation by a constant
// with it (cyclotomic_pow).
#pragma once

#include <utility>

#include "crypto/ec/detail/signed_digits.hpp"
#include "crypto/ff/fp12.hpp"

namespace dusk::crypto::ec {

template <typename Params>
ff::Fp12T<Params> cyclotomic_square(const ff::Fp12T<Params>& f) {
  using Fp2 = ff::Fp2T<typename Params::Fp>;
  using Fp6 = ff::Fp6T<Params>;
  // (a + b s)^2 in Fp4.
  auto fp4_square = [](const Fp2& a, const Fp2& b) {
    Fp2 t0 = a.square();
    Fp2 t1 = b.square();
    return std::pair<Fp2, Fp2>{Fp6::mul_by_xi(t1) + t0, (a + b).square() - t0 - t1};
  };
  Fp2 z0 = f.c0.c0, z4 = f.c0.c1, z3 = f.c0.c2;
  Fp2 z2 = f.c1.c0, z1 = f.c1.c1, z5 = f.c1.c2;
  auto [t0, t1] = fp4_square(z0, z1);
  z0 = t0 - z0;
  z0 = z0 + z0 + t0;
  z1 = t1 + z1;
  z1 = z1 + z1 + t1;
  auto [s0, s1] = fp4_square(z2, z3);
  auto [s2, s3] = fp4_square(z4, z5);
  z4 = s0 - z4;
  z4 = z4 + z4 + s0;
  z5 = s1 + z5;
  z5 = z5 + z5 + s1;
  Fp2 u = Fp6::mul_by_xi(s3);
  z2 = u + z2;
  z2 = z2 + z2 + u;
  z3 = s2 - z3;
  z3 = z3 + z3 + s2;
  return ff::Fp12T<Params>(Fp6(z0, z4, z3), Fp6(z2, z1, z5));
}

// f^e for f in the cyclotomic subgroup and a constant e > 0 given by its digits: one
// cyclotomic squaring per digit below the leading 1, one product per other non-zero
// digit, by f or, for a -1, by its conjugate (the inverse there). The exponentiations by
// the curve parameter in the final exponentiations of BLS12-381 (binary) and BN254 (NAF).
template <SignedDigits kExp, typename Params>
ff::Fp12T<Params> cyclotomic_pow(const ff::Fp12T<Params>& f) {
  static_assert(kExp.len > 0 && kExp.d[kExp.len - 1] == 1);
  const ff::Fp12T<Params> f_inv = kExp.has_negative() ? f.conjugate() : f;
  ff::Fp12T<Params> acc = f;
  for (size_t i = kExp.len - 1; i-- > 0;) {
    acc = cyclotomic_square(acc);
    if (kExp.d[i] > 0) acc = acc * f;
    if (kExp.d[i] < 0) acc = acc * f_inv;
  }
  return acc;
}

}  // namespace dusk::crypto::ec
