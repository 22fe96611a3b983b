#include "crypto/bn254/g2.hpp"

#include "crypto/ec/detail/point_impl.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/bn254/fp6.hpp"

namespace dusk::crypto::bn254 {
namespace {

static_assert(G2Curve::b() * Fp2(Fp::from_u64(9), Fp::one()) == Fp2(Fp::from_u64(3)));

// xi^((p-1)/3) and xi^((p-1)/2), derived at compile time like the tower's Frobenius
// coefficients; bn254_test checks that psi acts as [p] on G2.
constexpr Fp2 kPsiX = ff::detail::xi_power<Fp2, TowerParams::kXi>(3);
constexpr Fp2 kPsiY = ff::detail::xi_power<Fp2, TowerParams::kXi>(2);

// 6u^2 < 2^127.
constexpr u128 kSixUSquared = static_cast<u128>(kU) * kU * 6;
constexpr std::array<u64, 2> kSixUSquaredLimbs = {static_cast<u64>(kSixUSquared),
                                                  static_cast<u64>(kSixUSquared >> 64)};

}  // namespace

G2 g2_psi(const G2& q) {
  G2 r;
  r.x = q.x.conjugate() * kPsiX;
  r.y = q.y.conjugate() * kPsiY;
  r.z = q.z.conjugate();
  return r;
}

G2Affine g2_psi(const G2Affine& q) {
  return G2Affine{q.x.conjugate() * kPsiX, q.y.conjugate() * kPsiY, q.infinity};
}

bool g2_in_subgroup(const G2& q) {
  return g2_psi(q) == q.mul_vartime(std::span<const u64>(kSixUSquaredLimbs));
}

bool g2_in_subgroup_naive(const G2& q) {
  return q.mul_vartime(std::span<const u64>(FrParams::kModulus)).is_identity();
}

}  // namespace dusk::crypto::bn254

template class dusk::crypto::ec::Projective<dusk::crypto::bn254::G2Curve>;
