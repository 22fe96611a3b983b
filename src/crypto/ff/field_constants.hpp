// Constants of a prime field derived at compile time from its modulus.
//
// A field is described by a parameter struct with one member,
//   static constexpr Limbs<N> kModulus;   an odd prime > 2^64 with a spare bit in its top
//                                         limb (2p < 2^(64N), so unreduced sums fit)
// and everything else is computed here: the Montgomery constants, the exponents that
// inversion, square roots and the Legendre symbol use, and for p = 1 mod 4 a quadratic
// non-residue and the 2^S-th root of unity Tonelli-Shanks needs. The field instantiations
// static_assert a few of these against independently computed values.
#pragma once

#include "crypto/ff/detail/limbs.hpp"
#include "crypto/ff/detail/montgomery.hpp"

namespace dusk::crypto::ff {

// -m^-1 mod 2^64 for odd m, by Newton iteration (each step doubles the correct low bits).
constexpr u64 neg_inverse_mod_2_64(u64 m) {
  u64 x = 1;  // correct to 1 bit for odd m
  for (int i = 0; i < 6; ++i) x *= 2 - m * x;
  return u64{0} - x;
}

// What the Montgomery kernels need (see montgomery.hpp).
template <typename Params>
struct Modulus {
  static constexpr auto kP = Params::kModulus;
  static constexpr size_t kN = kP.size();
  static constexpr u64 kInv = neg_inverse_mod_2_64(kP[0]);
  static constexpr bool kNoCarry = kP[kN - 1] < 0x7FFF'FFFF'FFFF'FFFEull;
  static constexpr size_t kBits = bit_length(kP);

  static_assert((kP[0] & 1) == 1, "the modulus must be odd");
  static_assert(kBits > 64, "the modulus must exceed 2^64 (from_u64 relies on it)");
  static_assert(kBits <= 64 * kN - 1, "unreduced sums a + b < 2p must fit in N limbs");
};

namespace detail {

// 2^k mod p by repeated doubling; constexpr only.
template <typename M>
constexpr Limbs<M::kN> pow2_mod(size_t k) {
  Limbs<M::kN> x{};
  x[0] = 1;
  for (size_t i = 0; i < k; ++i) mont::add<M>(x, x, x);
  return x;
}

// Montgomery exponentiation by square-and-multiply; constexpr only.
template <typename M>
constexpr Limbs<M::kN> pow_mont(Limbs<M::kN> base, const Limbs<M::kN>& e,
                                const Limbs<M::kN>& one) {
  Limbs<M::kN> acc = one;
  for (size_t i = bit_length(e); i-- > 0;) {
    mont::mul<M>(acc, acc, acc);
    if (bit(e, i)) mont::mul<M>(acc, acc, base);
  }
  return acc;
}

template <size_t N>
constexpr Limbs<N> small(u64 x) {
  Limbs<N> r{};
  r[0] = x;
  return r;
}

template <size_t N>
constexpr unsigned two_adicity(const Limbs<N>& p) {
  Limbs<N> pm1 = p;
  pm1[0] -= 1;  // p is odd: no borrow
  unsigned s = 0;
  while (!bit(pm1, s)) ++s;
  return s;
}

// (p - 1) >> s, for s up to 63 per shift step.
template <size_t N>
constexpr Limbs<N> odd_part(const Limbs<N>& p, unsigned s) {
  Limbs<N> t = p;
  t[0] -= 1;
  while (s > 0) {
    unsigned k = s > 63 ? 63 : s;
    t = shift_right(t, k);
    s -= k;
  }
  return t;
}

}  // namespace detail

template <typename Params>
struct FieldConstants : Modulus<Params> {
  using M = Modulus<Params>;
  static constexpr size_t kN = M::kN;
  static constexpr size_t kBytes = (M::kBits + 7) / 8;

  // Montgomery radix R = 2^(64N): R mod p (the element 1), R^2 and R^3 mod p.
  static constexpr Limbs<kN> kR = detail::pow2_mod<M>(64 * kN);
  static constexpr Limbs<kN> kR2 = detail::pow2_mod<M>(128 * kN);
  static constexpr Limbs<kN> kR3 = [] {
    Limbs<kN> r{};
    mont::mul<M>(r, kR2, kR2);
    return r;
  }();

  // p - 2 (Fermat inversion), (p - 1) / 2 (Euler's criterion).
  static constexpr Limbs<kN> kPMinus2 = [] {
    Limbs<kN> r{};
    sub(r, M::kP, detail::small<kN>(2));
    return r;
  }();
  static constexpr Limbs<kN> kPMinus1Over2 = shift_right(M::kP, 1);  // (p-1)/2: p odd
  // For p = 3 mod 4: (p - 3) / 4 = floor(p / 4); a^((p-3)/4) is 1/sqrt(a) for a square a.
  static constexpr bool kPIs3Mod4 = (M::kP[0] & 3) == 3;
  static constexpr Limbs<kN> kPMinus3Over4 = shift_right(M::kP, 2);

  // p - 1 = 2^S * T with T odd; (T - 1) / 2 starts Tonelli-Shanks (for p = 3 mod 4,
  // S = 1 and a^((T+1)/2) = a^((p+1)/4) is the square root directly).
  static constexpr unsigned kTwoAdicity = detail::two_adicity(M::kP);
  static constexpr Limbs<kN> kT = detail::odd_part(M::kP, kTwoAdicity);
  static constexpr Limbs<kN> kTMinus1Over2 = shift_right(kT, 1);

  // Smallest quadratic non-residue z >= 2 (in Montgomery form) and the primitive 2^S-th
  // root of unity z^T that Tonelli-Shanks walks down.
  static constexpr u64 kNonResidue = [] {
    Limbs<kN> minus_one{};
    sub(minus_one, M::kP, kR);
    for (u64 z = 2;; ++z) {
      Limbs<kN> zm{};
      mont::mul<M>(zm, detail::small<kN>(z), kR2);
      if (detail::pow_mont<M>(zm, kPMinus1Over2, kR) == minus_one) return z;
    }
  }();
  static constexpr Limbs<kN> kRootOfUnity = [] {
    Limbs<kN> zm{};
    mont::mul<M>(zm, detail::small<kN>(kNonResidue), kR2);
    return detail::pow_mont<M>(zm, kT, kR);
  }();
};

}  // namespace dusk::crypto::ff
