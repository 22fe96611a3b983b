// Squaring in the cyclotomic subgroup of Fp12 = Fp6[w] / (w^2 - v), v^3 = xi: the
// elements of norm 1 over Fp6, where every pairing value lies after the easy part of the
// final exponentiation. Granger and Scott ("Faster squaring in the cyclotomic subgroup
// of sixth degree extensions", PKC 2010): three squarings in Fp4 = Fp2[s]/(s^2 - xi)
// instead of a full Fp12 squaring. Generic over the tower (any xi = k + u).
// Correct only for cyclotomic inputs; constant time. And exponentiation by a constant
// with it (cyclotomic_pow), and with Karabina's compressed squarings
// (cyclotomic_pow_compressed, variable time).
#pragma once

#include <array>
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
// the curve parameter in the final exponentiation of BN254 (NAF), and the fallback of
// cyclotomic_pow_compressed below.
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

// Karabina's compressed squaring ("Squaring in cyclotomic subgroups", Math. Comp. 82,
// 2013). In the Granger-Scott formulas above the new z2..z5 depend on the old z2..z5
// only, so a run of squarings can carry those four coefficients alone: two Fp4 squarings
// (6 Fp2 squarings) a step instead of three. z0 and z1 are recovered afterwards from the
// norm-1 conditions (decompression), which costs one division.
template <typename Params>
struct CompressedCyclotomic {
  using Fp2 = ff::Fp2T<typename Params::Fp>;
  Fp2 z2, z3, z4, z5;

  static CompressedCyclotomic compress(const ff::Fp12T<Params>& f) {
    return {f.c1.c0, f.c0.c2, f.c0.c1, f.c1.c2};
  }

  CompressedCyclotomic square() const {
    using Fp6 = ff::Fp6T<Params>;
    // (a + b s)^2 in Fp4 = Fp2[s] / (s^2 - xi): (a^2 + xi b^2) + 2ab s, with lazy
    // reduction: the three Fp2 squares stay wide and each output coefficient is reduced
    // once (4 reductions instead of 6).
    auto fp4_square = [](const Fp2& a, const Fp2& b) {
      const auto t0 = Fp2::square_wide(a);
      const auto t1 = Fp2::square_wide(b);
      return std::pair<Fp2, Fp2>{
          (t1.template mul_by_k_plus_u<Fp6::kXi>() + t0).reduce(),
          (Fp2::square_wide(a + b) - t0 - t1).reduce()};
    };
    auto [s0, s1] = fp4_square(z2, z3);
    auto [s2, s3] = fp4_square(z4, z5);
    const Fp2 u = Fp6::mul_by_xi(s3);
    CompressedCyclotomic r;
    r.z4 = s0 - z4;
    r.z4 = r.z4 + r.z4 + s0;  // 3 s0 - 2 z4
    r.z5 = s1 + z5;
    r.z5 = r.z5 + r.z5 + s1;  // 3 s1 + 2 z5
    r.z2 = u + z2;
    r.z2 = r.z2 + r.z2 + u;  // 3 xi s3 + 2 z2
    r.z3 = s2 - z3;
    r.z3 = r.z3 + r.z3 + s2;  // 3 s2 - 2 z3
    return r;
  }

  // Decompression, split so that several elements can share one inversion: z1 is
  // numerator() / denominator() (valid when z2 != 0), and decompress() rebuilds the
  // element from z1: z0 = xi (2 z1^2 + z2 z5 - 3 z3 z4) + 1.
  Fp2 numerator() const {
    using Fp6 = ff::Fp6T<Params>;
    const Fp2 t = z4.square();
    return Fp6::mul_by_xi(z5.square()) + t + t + t - z3 - z3;  // xi z5^2 + 3 z4^2 - 2 z3
  }
  Fp2 denominator() const { return z2.dbl().dbl(); }  // 4 z2
  ff::Fp12T<Params> decompress(const Fp2& z1) const {
    using Fp6 = ff::Fp6T<Params>;
    const Fp2 t = z3 * z4;
    const Fp2 z0 = Fp6::mul_by_xi(z1.square().dbl() + z2 * z5 - t - t - t) + Fp2::one();
    return ff::Fp12T<Params>(Fp6(z0, z4, z3), Fp6(z2, z1, z5));
  }
};

// f^e as cyclotomic_pow, for an exponent with digits 0 and 1 only, with compressed
// squarings: f^(2^i) for every non-zero digit i comes out of one run of compressed
// squarings, all of them are decompressed with one shared inversion (Montgomery's
// trick), then multiplied (Aranha, Karabina, Longa, Gebotys and Lopez, "Faster explicit
// formulas for computing pairings over ordinary curves", 2011). As many products as
// cyclotomic_pow, a third fewer Fp2 squarings, one inversion more. Variable time: an
// element with z2 = 0 at one of the decompressed powers (1 and a few other elements of
// negligible share) takes the plain path instead.
template <SignedDigits kExp, typename Params>
ff::Fp12T<Params> cyclotomic_pow_compressed(const ff::Fp12T<Params>& f) {
  static_assert(kExp.len > 1 && kExp.d[kExp.len - 1] == 1 && !kExp.has_negative());
  using Fp2 = ff::Fp2T<typename Params::Fp>;
  using Fp12 = ff::Fp12T<Params>;
  using C = CompressedCyclotomic<Params>;
  constexpr size_t kPowers = kExp.nonzero() - (kExp.d[0] != 0 ? 1 : 0);
  std::array<C, kPowers> powers;
  C c = C::compress(f);
  size_t n = 0;
  for (size_t i = 1; i < kExp.len; ++i) {
    c = c.square();
    if (kExp.d[i] != 0) powers[n++] = c;
  }
  // Montgomery's trick: prefix[k] = d_0 ... d_k, one inversion, then back down.
  std::array<Fp2, kPowers> prefix;
  for (size_t k = 0; k < kPowers; ++k) {
    const Fp2 d = powers[k].denominator();
    if (d.is_zero()) return cyclotomic_pow<kExp>(f);
    prefix[k] = k == 0 ? d : prefix[k - 1] * d;
  }
  Fp2 inv = prefix[kPowers - 1].inverse_vartime();
  Fp12 acc = kExp.d[0] != 0 ? f : Fp12::one();
  bool started = kExp.d[0] != 0;
  for (size_t k = kPowers; k-- > 0;) {
    const Fp2 d_inv = k == 0 ? inv : inv * prefix[k - 1];
    if (k != 0) inv = inv * powers[k].denominator();
    const Fp12 g = powers[k].decompress(powers[k].numerator() * d_inv);
    acc = started ? acc * g : g;
    started = true;
  }
  return acc;
}

}  // namespace dusk::crypto::ec
