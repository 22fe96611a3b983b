// G1 and G2 of BLS12-381: group laws with the complete formulas, scalar multiplication,
// subgroup checks and cofactor clearing. The same typed tests run on both groups.
#include <gtest/gtest.h>

#include <vector>

#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/ec/detail/jacobian_chain.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;
using test::random_element;
using test::Rng;

// Per-group helpers: a random point of the whole curve (almost never in the subgroup),
// the subgroup checks and cofactor clearing, and the effective cofactor as an integer.
struct G1Traits {
  using P = G1;
  static P random_curve_point(Rng& rng) {
    for (;;) {
      Fp x = random_element<Fp>(rng);
      if (auto y = (x.square() * x + G1Curve::b()).sqrt()) {
        P p = P::from_affine(G1Affine{x, *y, false});
        return p;
      }
    }
  }
  static bool in_subgroup(const P& p) { return g1_in_subgroup(p); }
  static bool in_subgroup_naive(const P& p) { return g1_in_subgroup_naive(p); }
  static P clear_cofactor(const P& p) { return g1_clear_cofactor(p); }
  static P mul_by_x(const P& p) { return g1_mul_by_x(p); }
  static P mul_endomorphism(const P& p, const Fr& k) { return g1_mul_glv(p, k); }
  static P mul_endomorphism_ct(const P& p, const Fr& k) { return g1_mul_glv_ct(p, k); }
  static std::vector<u64> h_eff() { return {0xd201000000010001ull}; }
};

struct G2Traits {
  using P = G2;
  static P random_curve_point(Rng& rng) {
    for (;;) {
      Fp2 x(random_element<Fp>(rng), random_element<Fp>(rng));
      if (auto y = (x.square() * x + G2Curve::b()).sqrt()) {
        return P::from_affine(G2Affine{x, *y, false});
      }
    }
  }
  static bool in_subgroup(const P& p) { return g2_in_subgroup(p); }
  static bool in_subgroup_naive(const P& p) { return g2_in_subgroup_naive(p); }
  static P clear_cofactor(const P& p) { return g2_clear_cofactor(p); }
  static P mul_by_x(const P& p) { return g2_mul_by_x(p); }
  static P mul_endomorphism(const P& p, const Fr& k) { return g2_mul_gls(p, k); }
  static P mul_endomorphism_ct(const P& p, const Fr& k) { return g2_mul_gls_ct(p, k); }
  // RFC 9380, section 8.8.2: h_eff = 3 (x^2 - 1) h2.
  static std::vector<u64> h_eff() {
    auto l = ff::from_hex<10>(
        "0bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82"
        "bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551");
    return {l.begin(), l.end()};
  }
};

template <typename T>
class CurveTest : public ::testing::Test {};
using Groups = ::testing::Types<G1Traits, G2Traits>;
TYPED_TEST_SUITE(CurveTest, Groups);

template <typename P>
P random_subgroup_point(Rng& rng) {
  return P::generator().mul(random_element<Fr>(rng));
}

// Textbook double-and-add over the bits of k, written independently of mul/mul_vartime.
template <typename P>
P naive_mul(const P& p, const Fr& k) {
  auto e = k.to_canonical();
  P acc;
  for (size_t i = 256; i-- > 0;) {
    acc = acc.dbl();
    if ((e[i / 64] >> (i % 64)) & 1) acc = acc + p;
  }
  return acc;
}

TYPED_TEST(CurveTest, GeneratorAndIdentity) {
  using P = typename TypeParam::P;
  EXPECT_TRUE(P::generator().is_on_curve());
  EXPECT_TRUE(P::AffinePoint::generator().is_on_curve());
  EXPECT_TRUE(P::identity().is_on_curve());
  EXPECT_TRUE(P::identity().is_identity());
  EXPECT_FALSE(P::generator().is_identity());
  EXPECT_TRUE(P::identity().to_affine().infinity);
  EXPECT_EQ(P::generator().to_affine(), P::AffinePoint::generator());
  EXPECT_EQ(P::from_affine(P::AffinePoint::identity()), P::identity());
  EXPECT_EQ(-P::identity(), P::identity());
  EXPECT_FALSE(P::generator() == P::identity());
  EXPECT_FALSE(P::identity() == P::generator());
}

TYPED_TEST(CurveTest, GroupLaws) {
  using P = typename TypeParam::P;
  Rng rng(11);
  const P o = P::identity();
  for (int i = 0; i < 100; ++i) {
    // Half the samples from the subgroup, half from the whole curve: the formulas are
    // complete on all of it.
    P a = i % 2 ? random_subgroup_point<P>(rng) : TypeParam::random_curve_point(rng);
    P b = i % 2 ? random_subgroup_point<P>(rng) : TypeParam::random_curve_point(rng);
    P c = random_subgroup_point<P>(rng);
    ASSERT_TRUE(a.is_on_curve());
    ASSERT_TRUE((a + b).is_on_curve());
    ASSERT_EQ(a + o, a);
    ASSERT_EQ(o + a, a);
    ASSERT_EQ(a + (-a), o);
    ASSERT_TRUE((a - a).is_identity());
    ASSERT_EQ(a + a, a.dbl());
    ASSERT_EQ(a + b, b + a);
    ASSERT_EQ((a + b) + c, a + (b + c));
    ASSERT_EQ((a + b) - b, a);
    ASSERT_NE(a + b, a);
    ASSERT_EQ(o.dbl(), o);
    // Mixed addition agrees with projective addition, edge cases included.
    auto aa = a.to_affine();
    ASSERT_TRUE(aa.is_on_curve());
    ASSERT_EQ(P::from_affine(aa), a);
    ASSERT_EQ(b.add_mixed(aa), b + a);
    ASSERT_EQ(a.add_mixed(aa), a.dbl());
    ASSERT_EQ(a.add_mixed(-aa), o);
    ASSERT_EQ(o.add_mixed(aa), a);
    ASSERT_EQ(a.add_mixed(P::AffinePoint::identity()), a);
    ASSERT_EQ(o.add_mixed(P::AffinePoint::identity()), o);
    // A representation with Z != 1 compares equal to its normalized form.
    P scaled = a;
    auto s = P::F::one() + P::F::one() + P::F::one();
    scaled.x *= s;
    scaled.y *= s;
    scaled.z *= s;
    ASSERT_EQ(scaled, a);
    ASSERT_EQ(scaled.to_affine(), aa);
  }
}

TYPED_TEST(CurveTest, BatchToAffine) {
  using P = typename TypeParam::P;
  Rng rng(12);
  std::vector<P> pts;
  for (int i = 0; i < 20; ++i) pts.push_back(i % 5 == 3 ? P::identity() : random_subgroup_point<P>(rng));
  auto aff = P::batch_to_affine(pts);
  ASSERT_EQ(aff.size(), pts.size());
  for (size_t i = 0; i < pts.size(); ++i) EXPECT_EQ(aff[i], pts[i].to_affine()) << i;
  EXPECT_TRUE(P::batch_to_affine({}).empty());
}

TYPED_TEST(CurveTest, ScalarMultiplication) {
  using P = typename TypeParam::P;
  Rng rng(13);
  const P g = P::generator();
  EXPECT_EQ(g.mul(Fr::zero()), P::identity());
  EXPECT_EQ(g.mul_vartime(Fr::zero()), P::identity());
  EXPECT_EQ(g.mul(Fr::one()), g);
  EXPECT_EQ(g.mul_vartime(Fr::one()), g);
  EXPECT_EQ(g.mul(-Fr::one()), -g);
  EXPECT_EQ(g.mul_vartime(-Fr::one()), -g);
  EXPECT_EQ(g.mul(Fr::from_u64(2)), g.dbl());
  EXPECT_EQ(P::identity().mul(Fr::from_u64(5)), P::identity());
  EXPECT_TRUE(g.mul_vartime(std::span<const u64>(FrParams::kModulus)).is_identity());
  EXPECT_TRUE(g.mul_vartime(std::span<const u64>()).is_identity());
  P sum;
  for (u64 k = 0; k < 40; ++k) {
    ASSERT_EQ(g.mul(Fr::from_u64(k)), sum) << k;
    ASSERT_EQ(g.mul_vartime(Fr::from_u64(k)), sum) << k;
    sum += g;
  }
  for (int i = 0; i < 30; ++i) {
    Fr a = random_element<Fr>(rng), b = random_element<Fr>(rng);
    P p = i % 3 ? random_subgroup_point<P>(rng) : g;
    P pa = p.mul(a);
    ASSERT_EQ(pa, naive_mul(p, a));
    ASSERT_EQ(pa, p.mul_vartime(a));
    ASSERT_EQ(p.mul(a + b), pa + p.mul(b));
    ASSERT_EQ(p.mul(a * b), pa.mul_vartime(b));
    ASSERT_EQ(p.mul(-a), -pa);
  }
  // On points outside the subgroup the integer scalar matters, not its class mod r.
  P q = TypeParam::random_curve_point(rng);
  Fr k = random_element<Fr>(rng);
  EXPECT_EQ(q.mul(k), naive_mul(q, k));
  EXPECT_EQ(q.mul_vartime(k), naive_mul(q, k));
}

// GLV (G1) and GLS (G2) multiplication against the constant-time one, on subgroup
// points, with scalars at the edges of the decomposition (0, 1, -1, multiples and
// powers of x, values just below them) and random ones.
TYPED_TEST(CurveTest, MulWithEndomorphism) {
  using P = typename TypeParam::P;
  Rng rng(17);
  Fr ax = Fr::from_u64(kAbsX);
  std::vector<Fr> ks{Fr::zero(), Fr::one(), -Fr::one(), Fr::from_u64(2), ax, ax - Fr::one(),
                     ax * ax, ax * ax - Fr::one(), ax * ax * ax, ax * ax * ax - Fr::one(),
                     -ax, -(ax * ax), Fr::from_u64(~u64{0})};
  for (int i = 0; i < 30; ++i) ks.push_back(random_element<Fr>(rng));
  for (size_t i = 0; i < ks.size(); ++i) {
    P p = i % 2 ? P::generator() : random_subgroup_point<P>(rng);
    const P want = p.mul(ks[i]);
    ASSERT_EQ(TypeParam::mul_endomorphism(p, ks[i]), want) << i;
    ASSERT_EQ(TypeParam::mul_endomorphism_ct(p, ks[i]), want) << i;
  }
  EXPECT_TRUE(TypeParam::mul_endomorphism(P::identity(), ks.back()).is_identity());
  EXPECT_TRUE(TypeParam::mul_endomorphism_ct(P::identity(), ks.back()).is_identity());
}

TYPED_TEST(CurveTest, MulByX) {
  using P = typename TypeParam::P;
  Rng rng(14);
  P p = TypeParam::random_curve_point(rng);
  // x = -0xd201000000010000.
  Fr x = -Fr::from_u64(kAbsX);
  P g = random_subgroup_point<P>(rng);
  EXPECT_EQ(TypeParam::mul_by_x(g), g.mul(x));
  const u64 ax[1] = {kAbsX};
  EXPECT_EQ(TypeParam::mul_by_x(p), -p.mul_vartime(std::span<const u64>(ax)));
}

TYPED_TEST(CurveTest, SubgroupChecks) {
  using P = typename TypeParam::P;
  Rng rng(15);
  EXPECT_TRUE(TypeParam::in_subgroup(P::identity()));
  EXPECT_TRUE(TypeParam::in_subgroup_naive(P::identity()));
  EXPECT_TRUE(TypeParam::in_subgroup(P::generator()));
  EXPECT_TRUE(TypeParam::in_subgroup_naive(P::generator()));
  for (int i = 0; i < 20; ++i) {
    P g = random_subgroup_point<P>(rng);
    ASSERT_TRUE(TypeParam::in_subgroup_naive(g));
    ASSERT_TRUE(TypeParam::in_subgroup(g));
    P q = TypeParam::random_curve_point(rng);
    bool naive = TypeParam::in_subgroup_naive(q);
    ASSERT_FALSE(naive);  // probability about 1/h of failing
    ASSERT_EQ(TypeParam::in_subgroup(q), naive);
    // A subgroup point plus a non-subgroup point is outside too.
    ASSERT_FALSE(TypeParam::in_subgroup(g + q));
  }
}

TYPED_TEST(CurveTest, CofactorClearing) {
  using P = typename TypeParam::P;
  Rng rng(16);
  auto h = TypeParam::h_eff();
  EXPECT_TRUE(TypeParam::clear_cofactor(P::identity()).is_identity());
  for (int i = 0; i < 20; ++i) {
    P q = TypeParam::random_curve_point(rng);
    P c = TypeParam::clear_cofactor(q);
    ASSERT_TRUE(c.is_on_curve());
    ASSERT_FALSE(c.is_identity());
    ASSERT_TRUE(TypeParam::in_subgroup_naive(c));
    ASSERT_TRUE(TypeParam::in_subgroup(c));
    ASSERT_EQ(c, q.mul_vartime(std::span<const u64>(h)));
  }
}

// The Jacobian chain behind [x]P (jacobian_chain.hpp) on its exceptional cases: a point of
// order 3 (in E(Fp), whose cofactor h1 is divisible by 3) meets itself (k = 5: P, 2P,
// 4P = P, then P + P) and its negation (k = 7: 3P = O, then O + P) inside the chain.
TEST(JacobianChain, ExceptionalAdditionsOnSmallOrderPoints) {
  Rng rng(17);
  const u64 h1_over_3[2] = {0x2eaae38e55558e39ull, 0x13242eaac71ca072ull};
  G1 p3;
  do {
    const G1 q = G1Traits::random_curve_point(rng);
    p3 = q.mul_vartime(std::span<const u64>(FrParams::kModulus)).mul_vartime(std::span<const u64>(h1_over_3));
  } while (p3.is_identity());
  ASSERT_FALSE(p3.dbl().is_identity());
  ASSERT_TRUE((p3.dbl() + p3).is_identity());  // order 3
  const G1 g = G1Traits::random_curve_point(rng);
  for (u64 k = 1; k <= 40; ++k) {
    const u64 kk[1] = {k};
    EXPECT_EQ(ec::detail::mul_by_public_u64(p3, k), p3.mul_vartime(std::span<const u64>(kk))) << k;
    EXPECT_EQ(ec::detail::mul_by_public_u64(g, k), g.mul_vartime(std::span<const u64>(kk))) << k;
  }
  EXPECT_TRUE(ec::detail::mul_by_public_u64(G1::identity(), kAbsX).is_identity());
  const u64 x[1] = {kAbsX};
  EXPECT_EQ(ec::detail::mul_by_public_u64(g, kAbsX), g.mul_vartime(std::span<const u64>(x)));
}

}  // namespace
}  // namespace dusk::crypto
