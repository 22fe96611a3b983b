// Cubic extension Fp6 = Fp2[v] / (v^3 - xi) with xi = k + u: ff::Fp6T<Params>.
//
// Params supplies `using Fp = ...;` (p = 3 mod 4, p = 1 mod 6) and `static constexpr u64
// kXi = k;` with xi = k + u a cubic and quadratic non-residue in Fp2: k = 1 for
// BLS12-381, k = 9 for BN254. Elements are c0 + c1 v + c2 v^2. Constant time throughout
// except *_vartime.
#pragma once

#include <array>

#include "crypto/ff/fp2.hpp"

namespace dusk::crypto::ff {

template <typename Params>
class Fp6T {
 public:
  using Fp = typename Params::Fp;
  using Fp2 = Fp2T<Fp>;
  static constexpr u64 kXi = Params::kXi;

  Fp2 c0, c1, c2;

  constexpr Fp6T() = default;
  constexpr Fp6T(const Fp2& a0, const Fp2& a1, const Fp2& a2) : c0(a0), c1(a1), c2(a2) {}
  explicit constexpr Fp6T(const Fp2& a0) : c0(a0) {}

  static constexpr Fp6T zero() { return Fp6T(); }
  static constexpr Fp6T one() { return Fp6T(Fp2::one()); }

  // a * xi.
  static constexpr Fp2 mul_by_xi(const Fp2& a) { return a.template mul_by_k_plus_u<kXi>(); }

  friend constexpr Fp6T operator+(const Fp6T& a, const Fp6T& b) {
    return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2};
  }
  friend constexpr Fp6T operator-(const Fp6T& a, const Fp6T& b) {
    return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2};
  }
  constexpr Fp6T operator-() const { return {-c0, -c1, -c2}; }
  constexpr Fp6T dbl() const { return {c0.dbl(), c1.dbl(), c2.dbl()}; }
  constexpr Fp6T& operator+=(const Fp6T& b) { return *this = *this + b; }
  constexpr Fp6T& operator-=(const Fp6T& b) { return *this = *this - b; }

  // Karatsuba over Fp2: 6 Fp2 products.
  friend Fp6T operator*(const Fp6T& a, const Fp6T& b) { return a.mul(b); }
  Fp6T& operator*=(const Fp6T& b) { return *this = mul(b); }
  friend constexpr Fp6T operator*(const Fp6T& a, const Fp2& k) {
    return {a.c0 * k, a.c1 * k, a.c2 * k};
  }
  Fp6T mul(const Fp6T& b) const;
  // Chung-Hasan SQR2: 3 Fp2 squares and 2 products.
  Fp6T square() const;

  // this * v = xi c2 + c0 v + c1 v^2 (v is the quadratic non-residue of Fp12).
  constexpr Fp6T mul_by_v() const { return {mul_by_xi(c2), c0, c1}; }
  // this * (b0 + b1 v): 5 Fp2 products. For sparse line values in Fp12.
  Fp6T mul_by_01(const Fp2& b0, const Fp2& b1) const;
  // this * (b1 v): 3 Fp2 products.
  Fp6T mul_by_1(const Fp2& b1) const;

  Fp6T inverse() const;          // 0 for 0; constant time
  Fp6T inverse_vartime() const;  // 0 for 0

  // this^(p^k), k public: conjugate the coefficients k times and scale c1, c2 by
  // xi^((p^k - 1)/3) and its square.
  Fp6T frobenius_map(unsigned k) const;

  constexpr bool is_zero() const { return c0.is_zero() && c1.is_zero() && c2.is_zero(); }
  constexpr bool is_one() const { return c0.is_one() && c1.is_zero() && c2.is_zero(); }
  friend constexpr bool operator==(const Fp6T& a, const Fp6T& b) {
    return (a.c0 == b.c0) & (a.c1 == b.c1) & (a.c2 == b.c2);
  }
  static constexpr Fp6T select(bool choose_b, const Fp6T& a, const Fp6T& b) {
    return {Fp2::select(choose_b, a.c0, b.c0), Fp2::select(choose_b, a.c1, b.c1),
            Fp2::select(choose_b, a.c2, b.c2)};
  }
};

namespace detail {

// Square-and-multiply in Fp2 for deriving constants at compile time.
template <typename Fp2, size_t K>
constexpr Fp2 pow_constexpr(const Fp2& base, const Limbs<K>& e) {
  Fp2 acc = Fp2::one();
  for (size_t i = bit_length(e); i-- > 0;) {
    acc = acc * acc;
    if (bit(e, i)) acc = acc * base;
  }
  return acc;
}

// For g = xi^((p-1)/d): entry k is prod_{i<k} conj^i(g) = g^(1 + p + ... + p^(k-1))
// = xi^((p^k - 1)/d), conjugation being the p-power map of Fp2.
template <typename Fp2, size_t Count>
constexpr std::array<Fp2, Count> frobenius_powers(const Fp2& g) {
  std::array<Fp2, Count> out{};
  Fp2 acc = Fp2::one();
  for (size_t k = 0; k < Count; ++k) {
    out[k] = acc;
    acc = acc * g.frobenius_map(static_cast<unsigned>(k));
  }
  return out;
}

// xi^((p - 1) / d) for xi = kXi + u.
template <typename Fp2, u64 kXi>
constexpr Fp2 xi_power(u64 d) {
  auto pm1 = Fp2::Base::Constants::kP;
  pm1[0] -= 1;
  Fp2 xi(Fp2::Base::from_u64(kXi), Fp2::Base::one());
  return pow_constexpr(xi, div_small(pm1, d));
}

}  // namespace detail

}  // namespace dusk::crypto::ff
