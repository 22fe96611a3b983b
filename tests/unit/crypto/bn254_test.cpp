// BN254: G1 and G2 arithmetic, the G2 subgroup check, the EIP-197 encodings and the
// optimal ate pairing.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "crypto/bn254/encoding.hpp"
#include "crypto/bn254/pairing.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto::bn254 {
namespace {

using test::random_element;
using test::Rng;

// (p^12 - 1) / r, computed with Python's integers.
constexpr auto kFinalExponent = ff::from_hex<44>(
    "0000002f4b6dc97020fddadf107d20bc842d43bf6369b1ff6a1c71015f3f7be2e1e30a73bb94fec0daf15466b2383a5d3ec3d15ad524d8f70c54efee1bd8c3b21377e563a09a1b705887e72eceaddea3790364a61f676baaf977870e88d5c6c8fef0781361e443ae77f5b63a2a2264487f2940a8b1ddb3d15062cd0fb2015dfc6668449aed3cc48a82d0d602d268c7daab6a41294c0cc4ebe5664568dfc50e1648a45a4a1e3a5195846a3ed011a337a02088ec80e0ebae8755cfe107acf3aafb40494e406f804216bb10cf430b0f37856b42db8dc5514724ee93dfb10826f0dd4a0364b9580291d2cd65664814fde37ca80bb4ea44eacc5e641bbadf423f9a2cbf813b8d145da90029baee7ddadda71c7f3811c4105262945bba1668c3be69a3c230974d83561841d766f9c9d570bb7fbe04c7e8a6c3c760c0de81def35692da361102b6b9b2b918837fa97896e84abb40a4efb7e54523a486964b64ca86f120");

// #E'(Fp2) / r = 2p - r, computed with Python's integers.
constexpr auto kG2Cofactor =
    ff::from_hex<4>("30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d");

Fp2 random_fp2(Rng& rng) { return {random_element<Fp>(rng), random_element<Fp>(rng)}; }
Fp12 random_fp12(Rng& rng) {
  auto f6 = [&] { return Fp6(random_fp2(rng), random_fp2(rng), random_fp2(rng)); };
  return Fp12(f6(), f6());
}

// A random point of E'(Fp2) (almost never in G2).
G2 random_twist_point(Rng& rng) {
  for (;;) {
    Fp2 x = random_fp2(rng);
    auto y = (x.square() * x + G2Curve::b()).sqrt();
    if (y) return G2::from_affine(G2Affine{x, *y, false});
  }
}

TEST(Bn254Curve, Generators) {
  EXPECT_TRUE(G1Affine::generator().is_on_curve());
  EXPECT_TRUE(G2Affine::generator().is_on_curve());
  const auto r = std::span<const u64>(FrParams::kModulus);
  EXPECT_TRUE(G1::generator().mul_vartime(r).is_identity());
  EXPECT_TRUE(G2::generator().mul_vartime(r).is_identity());
  EXPECT_TRUE(g2_in_subgroup(G2::generator()));
  EXPECT_TRUE(g2_in_subgroup_naive(G2::generator()));
}

template <typename P>
void check_group_laws(Rng& rng) {
  const P g = P::generator();
  for (int i = 0; i < 20; ++i) {
    Fr a = random_element<Fr>(rng), b = random_element<Fr>(rng);
    P pa = g.mul(a), pb = g.mul_vartime(b);
    ASSERT_EQ(pa, g.mul_vartime(a));
    ASSERT_EQ(pa + pb, g.mul(a + b));
    ASSERT_EQ(pa.mul(b), pb.mul_vartime(a));
    ASSERT_EQ(pa.dbl(), pa + pa);
    ASSERT_TRUE((pa - pa).is_identity());
    ASSERT_EQ(pa.add_mixed(pb.to_affine()), pa + pb);
    ASSERT_TRUE(pa.is_on_curve());
  }
}

TEST(Bn254Curve, G1GroupLaws) {
  Rng rng(101);
  check_group_laws<G1>(rng);
}

TEST(Bn254Curve, G2GroupLaws) {
  Rng rng(102);
  check_group_laws<G2>(rng);
}

TEST(Bn254Curve, G1GlvMatchesWnaf) {
  Rng rng(107);
  const G1 g = G1::generator();
  // phi acts as lambda: find lambda among the two roots of l^2 + l + 1 by the generator.
  const G1 phi_g = g1_endomorphism(g);
  ASSERT_FALSE(phi_g == g);
  ASSERT_TRUE((phi_g + g1_endomorphism(phi_g) + g).is_identity());  // 1 + l + l^2 = 0
  std::vector<Fr> scalars = {Fr::zero(), Fr::one(), -Fr::one(), Fr::from_u64(2),
                             Fr::from_u64(kU), -Fr::from_u64(kU)};
  for (int i = 0; i < 200; ++i) scalars.push_back(random_element<Fr>(rng));
  for (size_t i = 0; i < scalars.size(); ++i) {
    const G1 p = g.mul_vartime(random_element<Fr>(rng));
    ASSERT_EQ(g1_mul_glv(p, scalars[i]), p.mul_vartime(scalars[i])) << i;
    ASSERT_EQ(g1_endomorphism(g1_endomorphism(p)) + g1_endomorphism(p) + p, G1::identity());
  }
  EXPECT_TRUE(g1_mul_glv(G1::identity(), scalars.back()).is_identity());
}

// The constant-time GLV multiplication against the fixed-window mul, on edge scalars
// (0, +-1, +-lambda, +-u, the halves' extremes near 2^127 and 2^128) and random ones.
TEST(Bn254Curve, G1GlvConstantTimeMatchesMul) {
  Rng rng(107);
  const G1 g = G1::generator();
  // lambda, the root of l^2 + l + 1 that phi acts as: (-1 +- sqrt(-3)) / 2.
  const Fr root = (-Fr::from_u64(3)).sqrt().value();
  const Fr half = Fr::from_u64(2).inverse();
  Fr lambda = (root - Fr::one()) * half;
  if (!(g.mul(lambda) == g1_endomorphism(g))) lambda = (-root - Fr::one()) * half;
  ASSERT_EQ(g.mul(lambda), g1_endomorphism(g));
  std::vector<Fr> scalars = {Fr::zero(), Fr::one(), -Fr::one(), Fr::from_u64(2),
                             Fr::from_u64(kU), -Fr::from_u64(kU),
                             lambda, -lambda, lambda + Fr::one(), lambda * lambda};
  Fr two_127 = Fr::one();
  for (int i = 0; i < 127; ++i) two_127 = two_127.dbl();
  for (const Fr& base : {two_127, two_127.dbl()}) {
    for (const Fr& d : {Fr::zero(), Fr::one(), -Fr::one()}) {
      scalars.push_back(base + d);
      scalars.push_back(-(base + d));
    }
  }
  for (int i = 0; i < 300; ++i) scalars.push_back(random_element<Fr>(rng));
  for (size_t i = 0; i < scalars.size(); ++i) {
    const G1 p = i % 3 == 0 ? g : g.mul_vartime(random_element<Fr>(rng));
    ASSERT_EQ(g1_mul_glv_ct(p, scalars[i]), p.mul(scalars[i])) << i;
  }
  EXPECT_TRUE(g1_mul_glv_ct(G1::identity(), scalars.back()).is_identity());
}

TEST(Bn254Curve, G1MsmGlvMatchesSeparateMuls) {
  Rng rng(109);
  const G1 g = G1::generator();
  Fr two_127 = Fr::one();
  for (int i = 0; i < 127; ++i) two_127 = two_127.dbl();
  const Fr special[] = {Fr::zero(), Fr::one(), -Fr::one(), two_127, two_127 + Fr::one(),
                        -two_127, Fr::from_u64(kU)};
  for (size_t n : {0u, 1u, 2u, 5u, 17u, 40u}) {
    std::vector<G1Affine> points;
    std::vector<Fr> scalars;
    for (size_t i = 0; i < n; ++i) {
      G1 p = g.mul_vartime(random_element<Fr>(rng));
      if (i % 7 == 3) p = G1::identity();
      if (i % 5 == 4) p = G1::from_affine(points[i - 1]);   // a repeated point
      if (i % 6 == 5) p = -G1::from_affine(points[i - 1]);  // and its negation
      points.push_back(p.to_affine());
      scalars.push_back(i < std::size(special) ? special[i] : random_element<Fr>(rng));
    }
    G1 expected;
    for (size_t i = 0; i < n; ++i) expected += G1::from_affine(points[i]).mul_vartime(scalars[i]);
    EXPECT_EQ(g1_msm_glv(points, scalars), expected) << n;
  }
}

TEST(Bn254Curve, G2SubgroupCheckMatchesDefinition) {
  Rng rng(103);
  const auto h = std::span<const u64>(kG2Cofactor);
  int outside = 0;
  for (int i = 0; i < 30; ++i) {
    G2 q = random_twist_point(rng);
    ASSERT_TRUE(q.is_on_curve());
    const bool naive = g2_in_subgroup_naive(q);
    ASSERT_EQ(g2_in_subgroup(q), naive) << i;
    outside += !naive;
    // Clearing the cofactor lands in G2.
    G2 c = q.mul_vartime(h);
    ASSERT_TRUE(g2_in_subgroup_naive(c));
    ASSERT_TRUE(g2_in_subgroup(c));
    // psi acts as p on G2.
    ASSERT_EQ(g2_psi(c), c.mul_vartime(std::span<const u64>(FpParams::kModulus)));
  }
  EXPECT_GT(outside, 25);
  EXPECT_TRUE(g2_in_subgroup(G2::identity()));
}

TEST(Bn254Pairing, FinalExponentiationMatchesDefinition) {
  Rng rng(104);
  for (int i = 0; i < 2; ++i) {
    Fp12 f = random_fp12(rng);
    EXPECT_EQ(final_exponentiation(f), f.pow(std::span<const u64>(kFinalExponent))) << i;
  }
  Fp12 m = miller_loop(G1Affine::generator(), G2Affine::generator());
  EXPECT_EQ(final_exponentiation(m), m.pow(std::span<const u64>(kFinalExponent)));
}

TEST(Bn254Pairing, BilinearAndNonDegenerate) {
  Rng rng(105);
  const G1 g1 = G1::generator();
  const G2 g2 = G2::generator();
  const Fp12 e = pairing(g1.to_affine(), g2.to_affine());
  EXPECT_FALSE(e.is_one());
  EXPECT_TRUE(e.pow(FrParams::kModulus).is_one());
  for (int i = 0; i < 4; ++i) {
    Fr a = random_element<Fr>(rng), b = random_element<Fr>(rng);
    Fp12 lhs = pairing(g1.mul(a).to_affine(), g2.mul(b).to_affine());
    ASSERT_EQ(lhs, e.pow((a * b).to_canonical()));
    ASSERT_EQ(lhs, pairing(g1.mul(a * b).to_affine(), g2.to_affine()));
    // e(aP, bQ) e(-abP, Q) = 1 with one final exponentiation.
    std::array<PairingInput, 2> pairs{
        PairingInput{g1.mul(a).to_affine(), g2.mul(b).to_affine()},
        PairingInput{(-g1.mul(a * b)).to_affine(), g2.to_affine()}};
    ASSERT_TRUE(multi_pairing(pairs).is_one());
    ASSERT_EQ(multi_pairing(std::span(pairs).first(1)), lhs);
  }
  EXPECT_TRUE(pairing(G1Affine::identity(), G2Affine::generator()).is_one());
  EXPECT_TRUE(pairing(G1Affine::generator(), G2Affine::identity()).is_one());
  EXPECT_TRUE(multi_pairing(std::span<const PairingInput>()).is_one());
  EXPECT_TRUE(multi_pairing(std::span<const PreparedPairingInput>()).is_one());
}

// Prepared Q (the lines computed once) give the same Miller loop as the plain form, with
// the identity on either side contributing 1.
TEST(Bn254Pairing, PreparedLinesMatchThePlainLoop) {
  Rng rng(211);
  const G1 g1 = G1::generator();
  const G2 g2 = G2::generator();
  std::vector<PairingInput> pairs;
  for (int i = 0; i < 4; ++i) {
    pairs.push_back({g1.mul(random_element<Fr>(rng)).to_affine(),
                     g2.mul(random_element<Fr>(rng)).to_affine()});
  }
  pairs.push_back({G1Affine::identity(), g2.to_affine()});
  pairs.push_back({g1.to_affine(), G2Affine::identity()});
  std::vector<G2Prepared> prepared;
  for (const auto& pq : pairs) prepared.push_back(prepare_g2(pq.second));
  EXPECT_TRUE(prepared.back().lines.empty());
  std::vector<PreparedPairingInput> inputs;
  for (size_t i = 0; i < pairs.size(); ++i) inputs.push_back({pairs[i].first, &prepared[i]});
  EXPECT_EQ(miller_loop(std::span<const PreparedPairingInput>(inputs)),
            miller_loop(std::span<const PairingInput>(pairs)));
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(multi_pairing(std::span(inputs).subspan(i, 1)), pairing(pairs[i].first, pairs[i].second));
  }
  // One prepared Q reused with many P: e(aP, Q) e(-aP, Q) = 1.
  const G1Affine p = g1.mul(random_element<Fr>(rng)).to_affine();
  const PreparedPairingInput twice[2] = {{p, &prepared[0]}, {-p, &prepared[0]}};
  EXPECT_TRUE(multi_pairing(twice).is_one());
}

TEST(Bn254Encoding, RoundTripAndRejections) {
  Rng rng(106);
  for (int i = 0; i < 10; ++i) {
    Fr a = random_element<Fr>(rng);
    G1Affine p = G1::generator().mul(a).to_affine();
    G2Affine q = G2::generator().mul(a).to_affine();
    auto e1 = encode_g1(p);
    auto e2 = encode_g2(q);
    auto d1 = decode_g1(e1);
    auto d2 = decode_g2(e2);
    ASSERT_TRUE(d1.ok() && d2.ok());
    ASSERT_EQ(d1.value(), p);
    ASSERT_EQ(d2.value(), q);
    // Off the curve: change y.
    e1[63] ^= 1;
    ASSERT_EQ(decode_g1(e1).error().code, EncodingError::kNotOnCurve);
    e2[127] ^= 1;
    ASSERT_EQ(decode_g2(e2).error().code, EncodingError::kNotOnCurve);
    // On the twist, outside G2.
    G2Affine t = random_twist_point(rng).to_affine();
    ASSERT_EQ(decode_g2(encode_g2(t)).error().code,
              EncodingError::kNotInSubgroup);
  }
  // The identity, and p in place of 0 (non-canonical).
  std::array<u8, 64> zero1{};
  std::array<u8, 128> zero2{};
  EXPECT_TRUE(decode_g1(zero1).value().infinity);
  EXPECT_TRUE(decode_g2(zero2).value().infinity);
  std::array<u8, 64> bad1{};
  const auto pm = FpParams::kModulus;
  for (size_t i = 0; i < 32; ++i) bad1[i] = static_cast<u8>(pm[3 - i / 8] >> (56 - 8 * (i % 8)));
  EXPECT_EQ(decode_g1(bad1).error().code, EncodingError::kNotCanonical);
  std::array<u8, 128> bad2{};
  std::copy_n(bad1.begin(), 32, bad2.begin() + 96);
  EXPECT_EQ(decode_g2(bad2).error().code, EncodingError::kNotCanonical);
  EXPECT_EQ(decode_g1(std::span(zero1).first(63)).error().code,
            EncodingError::kBadLength);
}

}  // namespace
}  // namespace dusk::crypto::bn254
