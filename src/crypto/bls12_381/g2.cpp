#include "crypto/bls12_381/g2.hpp"

#include "crypto/ec/detail/endomorphism_mul_ct.hpp"
#include "crypto/ec/detail/jacobian_chain.hpp"
#include "crypto/ec/detail/point_impl.hpp"

namespace dusk::crypto::bls12_381 {
namespace {

// The psi coefficients of g2.hpp, computed with Python's integers; kPsiY is also the
// Fp12 Frobenius coefficient kW[3] checked in fp12.cpp.
constexpr Fp2 kPsiX = Fp2(Fp::zero(), *Fp::from_canonical(ff::from_hex<6>(
    "1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaad")));
constexpr Fp2 kPsiY = Fp2(
    *Fp::from_canonical(ff::from_hex<6>(
        "135203e60180a68ee2e9c448d77a2cd91c3dedd930b1cf60ef396489f61eb45e304466cf3e67fa0af1ee7b04121bdea2")),
    *Fp::from_canonical(ff::from_hex<6>(
        "06af0e0437ff400b6831e36d6bd17ffe48395dabc2d3435e77f76e17009241c5ee67992f72ec05f4c81084fbede3cc09")));

}  // namespace

G2 g2_mul_by_x(const G2& p) { return -ec::detail::mul_by_public_u64(p, kAbsX); }

G2 g2_psi(const G2& p) {
  G2 r;
  r.x = p.x.conjugate() * kPsiX;
  r.y = p.y.conjugate() * kPsiY;
  r.z = p.z.conjugate();
  return r;
}

G2 g2_mul_gls(const G2& p, const Fr& k) {
  auto n = k.to_canonical();
  u64 d[4];
  for (int i = 0; i < 3; ++i) d[i] = ec::detail::divide_in_place(n, kAbsX);
  d[3] = n[0];  // n < |x| because k < x^4
  G2 q1 = -g2_psi(p), q2 = -g2_psi(q1), q3 = -g2_psi(q2);  // [|x|^i] P
  return ec::detail::straus_vartime<G2Curve, 4>(
      {p, q1, q2, q3}, {std::span<const u64>(&d[0], 1), std::span<const u64>(&d[1], 1),
                        std::span<const u64>(&d[2], 1), std::span<const u64>(&d[3], 1)});
}

G2 g2_mul_gls_ct(const G2& p, const Fr& k) {
  auto n = k.to_canonical();
  std::array<u128, 4> d;
  for (int i = 0; i < 3; ++i) d[i] = ec::detail::divide_ct(n, kAbsX);
  d[3] = n[0];  // < |x| because k < x^4
  // [|x|]Q = -psi(Q): the base of digit i is (-psi)^i (P).
  return ec::detail::endomorphism_mul_ct<G2Curve, 4, 5>(p, d, 64, [](const G2& t) { return -g2_psi(t); });
}

bool g2_in_subgroup_naive(const G2& p) {
  return p.mul_vartime(std::span<const u64>(FrParams::kModulus)).is_identity();
}

bool g2_in_subgroup(const G2& p) { return g2_psi(p) == g2_mul_by_x(p); }

G2 g2_clear_cofactor(const G2& p) {
  G2 t1 = g2_mul_by_x(p);
  G2 t2 = g2_psi(p);
  G2 t3 = g2_psi(g2_psi(p.dbl()));
  t3 = t3 - t2;
  t2 = g2_mul_by_x(t1 + t2);
  t3 = t3 + t2;
  t3 = t3 - t1;
  return t3 - p;
}

}  // namespace dusk::crypto::bls12_381

template class dusk::crypto::ec::Projective<dusk::crypto::bls12_381::G2Curve>;
