#include "crypto/bls12_381/g1.hpp"

#include "crypto/ec/detail/endomorphism_mul_ct.hpp"
#include "crypto/ec/detail/jacobian_chain.hpp"
#include "crypto/ec/detail/point_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// The cube root of unity whose endomorphism has eigenvalue -x^2 on G1 (the other root,
// its square, gives x^2 - 1); chosen with Python's integers against the generator and
// tested against the naive subgroup check.
constexpr Fp kBeta = *Fp::from_canonical(ff::from_hex<6>(
    "5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe"));

}  // namespace

G1 g1_mul_by_x(const G1& p) { return -ec::detail::mul_by_public_u64(p, kAbsX); }

G1 g1_endomorphism(const G1& p) {
  G1 r = p;
  r.x = r.x * kBeta;
  return r;
}

G1 g1_mul_glv(const G1& p, const Fr& k) {
  auto n = k.to_canonical();
  u64 r1 = ec::detail::divide_in_place(n, kAbsX);
  u64 r2 = ec::detail::divide_in_place(n, kAbsX);
  // k = (r1 + r2 |x|) + n x^2, with r1 + r2 |x| <= x^2 - 1 < 2^128 and n < 2^128.
  u128 k1 = static_cast<u128>(r2) * kAbsX + r1;
  const u64 a[2] = {static_cast<u64>(k1), static_cast<u64>(k1 >> 64)};
  return ec::detail::straus_vartime<G1Curve, 2>(
      {p, -g1_endomorphism(p)}, {std::span<const u64>(a), std::span<const u64>(n.data(), 2)});
}

G1 g1_mul_glv_ct(const G1& p, const Fr& k) {
  auto n = k.to_canonical();
  constexpr u128 kX2 = static_cast<u128>(kAbsX) * kAbsX;
  const u128 k1 = ec::detail::divide_ct(n, kX2);                  // < x^2 < 2^128
  const u128 k2 = (static_cast<u128>(n[1]) << 64) | n[0];    // k / x^2 < 2^128
  // [k]P = [k1]P + [k2][x^2]P and [x^2]P = -phi(P).
  return ec::detail::endomorphism_mul_ct<G1Curve, 2, 5>(p, {k1, k2}, 128,
                                                    [](const G1& t) { return -g1_endomorphism(t); });
}

bool g1_in_subgroup_naive(const G1& p) {
  return p.mul_vartime(std::span<const u64>(FrParams::kModulus)).is_identity();
}

bool g1_in_subgroup(const G1& p) {
  // -[x^2]P = -[x]([x]P).
  return g1_endomorphism(p) == -g1_mul_by_x(g1_mul_by_x(p));
}

G1 g1_clear_cofactor(const G1& p) { return p - g1_mul_by_x(p); }

}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ec::Projective<dusk::crypto::bls12_381::G1Curve>;
