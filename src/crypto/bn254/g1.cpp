#include "crypto/bn254/g1.hpp"

#include <cassert>
#include <utility>
#include <vector>

#include "crypto/ec/detail/endomorphism_mul_ct.hpp"
#include "crypto/ec/detail/glv_straus.hpp"
#include "crypto/ec/detail/point_impl.hpp"

namespace dusk::crypto::bn254 {
namespace {

// p and r from the BN parameter (36u^4 + 36u^3 + 24u^2 + 6u + 1 and the same with
// 18u^2), as a compile-time check of the constants.
constexpr auto poly = [](u64 c2) {
  // 36u^4 + 36u^3 + c2 u^2 + 6u + 1 as 4 little-endian limbs, by schoolbook on limbs.
  ff::Limbs<4> acc{};
  ff::Limbs<4> pw{1, 0, 0, 0};  // u^k
  const u64 coeff[5] = {1, 6, c2, 36, 36};
  for (int k = 0; k < 5; ++k) {
    ff::Limbs<4> term{};
    u64 carry = 0;
    for (size_t i = 0; i < 4; ++i) {
      u128 t = static_cast<u128>(pw[i]) * coeff[k] + carry;
      term[i] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    ff::add(acc, acc, term);
    carry = 0;
    ff::Limbs<4> next{};
    for (size_t i = 0; i < 4; ++i) {
      u128 t = static_cast<u128>(pw[i]) * kU + carry;
      next[i] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    pw = next;
  }
  return acc;
};
static_assert(poly(24) == FpParams::kModulus);
static_assert(poly(18) == FrParams::kModulus);

// beta and lambda (phi(x, y) = (beta x, y) = [lambda](x, y)), computed with Python's
// integers: cube roots of unity mod p and mod r, paired by checking on (1, 2).
constexpr Fp kBeta = *Fp::from_canonical(
    ff::from_hex<4>("30644e72e131a0295e6dd9e7e0acccb0c28f069fbb966e3de4bd44e5607cfd48"));
constexpr Fr kLambda = *Fr::from_canonical(
    ff::from_hex<4>("30644e72e131a029048b6e193fd84104cc37a73fec2bc5e9b8ca0b2d36636f23"));
static_assert(kBeta * kBeta * kBeta == Fp::one() && !(kBeta == Fp::one()));
static_assert(kLambda * kLambda + kLambda + Fr::one() == Fr::zero());

// Babai rounding: c1 = floor(k g1 / 2^256), c2 = floor(k g2 / 2^256) with
// g1 = floor(2^256 (2u + 1) / r), g2 = floor(2^256 (6u^2 + 4u + 1) / r) (Python).
constexpr ff::Limbs<3> kG1 = ff::from_hex<3>("00000000000000000000000000000002d91d232ec7e0b3d7");
constexpr ff::Limbs<3> kG2 = ff::from_hex<3>("00000000000000024ccef014a773d2d25398fd0300ff6565");
constexpr u128 kTwoUPlus1 = static_cast<u128>(kU) * 2 + 1;
constexpr u128 kB1 = static_cast<u128>(kU) * kU * 6 + static_cast<u128>(kU) * 4 + 1;

// floor(k g / 2^256) for k < 2^256 (4 limbs) and g (3 limbs): the top 3 limbs of the
// 7-limb product.
ff::Limbs<4> mul_shift_256(const ff::Limbs<4>& k, const ff::Limbs<3>& g) {
  std::array<u64, 7> w{};
  for (size_t i = 0; i < 4; ++i) {
    u64 carry = 0;
    for (size_t j = 0; j < 3; ++j) {
      u128 t = static_cast<u128>(k[i]) * g[j] + w[i + j] + carry;
      w[i + j] = static_cast<u64>(t);
      carry = static_cast<u64>(t >> 64);
    }
    w[i + 3] = carry;
  }
  return {w[4], w[5], w[6], 0};
}

Fr fr_of(u128 v) { return *Fr::from_canonical(ff::Limbs<4>{static_cast<u64>(v), static_cast<u64>(v >> 64), 0, 0}); }

// A scalar mod r as a sign and a magnitude (the magnitude below r/2).
struct Signed {
  bool negative;
  ff::Limbs<4> magnitude;
};
Signed to_signed(const Fr& x) {
  const Fr neg = -x;
  const auto a = x.to_canonical(), b = neg.to_canonical();
  // The smaller of x and r - x.
  return ff::less_than(b, a) ? Signed{true, b} : Signed{false, a};
}

// The same without branches: a sign mask (all ones when negative) and the magnitude,
// which for a GLV half is below 2^128.
struct SignedCt {
  u64 negative_mask;
  u128 magnitude;
};
SignedCt to_signed_ct(const Fr& x) {
  const auto a = x.to_canonical(), b = (-x).to_canonical();
  const u64 mask = u64{0} - ff::less_than(b, a);
  ff::Limbs<4> m;
  for (size_t i = 0; i < 4; ++i) m[i] = (b[i] & mask) | (a[i] & ~mask);
  return {mask, (static_cast<u128>(m[1]) << 64) | m[0]};
}

// k = k1 + k2 lambda mod r with |k1|, |k2| < 2^128 (Babai rounding, see g1_mul_glv).
std::pair<Fr, Fr> glv_split(const Fr& k) {
  const auto kc = k.to_canonical();
  const Fr c1 = *Fr::from_canonical(mul_shift_256(kc, kG1));
  const Fr c2 = *Fr::from_canonical(mul_shift_256(kc, kG2));
  // k2 = -c1 b1 - c2 b2 with b1 = 6u^2 + 4u + 1, b2 = -(2u + 1); k1 = k - k2 lambda.
  const Fr k2 = c2 * fr_of(kTwoUPlus1) - c1 * fr_of(kB1);
  return {k - k2 * kLambda, k2};
}

}  // namespace

G1 g1_endomorphism(const G1& p) {
  G1 r = p;
  r.x = p.x * kBeta;
  return r;
}

G1 g1_mul_glv(const G1& p, const Fr& k) {
  const auto [k1, k2] = glv_split(k);
  const Signed s1 = to_signed(k1), s2 = to_signed(k2);
  const G1 p1 = s1.negative ? -p : p;
  const G1 p2 = s2.negative ? -g1_endomorphism(p) : g1_endomorphism(p);
  return ec::detail::straus_vartime<G1Curve, 2>(
      {p1, p2}, {std::span<const u64>(s1.magnitude), std::span<const u64>(s2.magnitude)});
}

G1 g1_mul_glv_ct(const G1& p, const Fr& k) {
  const auto [k1, k2] = glv_split(k);
  const SignedCt s1 = to_signed_ct(k1), s2 = to_signed_ct(k2);
  // [k]P = [|k1|](s1 P) + [|k2|](s2 phi(P)); the second base is the first's image under
  // phi, negated when the signs differ, which the table map applies with a select.
  const G1 base = ec::detail::select_point(s1.negative_mask != 0, p, -p);
  const bool flip = (s1.negative_mask ^ s2.negative_mask) != 0;
  return ec::detail::endomorphism_mul_ct<G1Curve, 2, 5>(
      base, {s1.magnitude, s2.magnitude}, 128, [flip](const G1& t) {
        const G1 e = g1_endomorphism(t);
        return ec::detail::select_point(flip, e, -e);
      });
}

G1 g1_msm_glv(std::span<const G1Affine> points, std::span<const Fr> scalars) {
  assert(points.size() == scalars.size());
  std::vector<ec::GlvScalar> split(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    const auto [k1, k2] = glv_split(scalars[i]);
    const Signed s1 = to_signed(k1), s2 = to_signed(k2);
    // Babai rounding leaves both halves below 2^128 (tested in bn254_test).
    assert(s1.magnitude[2] == 0 && s1.magnitude[3] == 0);
    assert(s2.magnitude[2] == 0 && s2.magnitude[3] == 0);
    auto low128 = [](const ff::Limbs<4>& m) { return (static_cast<u128>(m[1]) << 64) | m[0]; };
    split[i] = {low128(s1.magnitude), low128(s2.magnitude), s1.negative, s2.negative};
  }
  return ec::glv_straus_vartime<G1Curve>(points, split, [](const G1Affine& a) {
    G1Affine r = a;
    r.x = a.x * kBeta;
    return r;
  });
}

}  // namespace dusk::crypto::bn254

template class dusk::crypto::ec::Projective<dusk::crypto::bn254::G1Curve>;
