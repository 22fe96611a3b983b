// Evaluation domains and FFTs of our PLONK (crypto/plonk/domain.hpp, polynomial.hpp):
// the root of unity against the KZG module's independent 7^((r-1)/4096), FFTs against
// naive evaluation at every size up to one past the parallel threshold, round trips,
// coset FFTs, Lagrange evaluation and the polynomial helpers.
#include <gtest/gtest.h>

#include "crypto/kzg/polynomial.hpp"
#include "crypto/plonk/domain.hpp"
#include "crypto/plonk/polynomial.hpp"
#include "unit/crypto/plonk/test_util.hpp"

namespace dusk::crypto::plonk {
namespace {

TEST(PlonkDomain, RootOfUnityIsPrimitiveOfOrder2To32) {
  const Fr w = root_of_unity_2_32();
  EXPECT_EQ(w.square_n(31), -Fr::one());
  EXPECT_EQ(w.square_n(32), Fr::one());
  EXPECT_EQ(root_of_unity(0), Fr::one());
  EXPECT_EQ(root_of_unity(1), -Fr::one());
}

TEST(PlonkDomain, RootOfUnityIsSevenToTheCofactorAsTheKzgModuleComputesIt) {
  // kzg::compute_roots_of_unity(order) computes 7^((r - 1) / order) directly.
  for (size_t order : {2u, 16u, 4096u}) {
    const auto roots = kzg::compute_roots_of_unity(order);
    unsigned k = 0;
    while ((size_t{1} << k) < order) ++k;
    EXPECT_EQ(root_of_unity(k), roots[1]) << order;
  }
}

TEST(PlonkDomain, CosetGeneratorIsNotInAnyDomain) {
  EXPECT_NE(coset_generator().square_n(32), Fr::one());
}

TEST(PlonkDomain, CreateRoundsUpToAPowerOfTwo) {
  EXPECT_EQ(Domain::create(0)->size(), 1u);
  EXPECT_EQ(Domain::create(1)->size(), 1u);
  EXPECT_EQ(Domain::create(5)->size(), 8u);
  EXPECT_EQ(Domain::create(8)->log_size(), 3u);
  EXPECT_FALSE(Domain::create((size_t{1} << 32) + 1).has_value());
  const auto d = *Domain::create(16);
  EXPECT_EQ(d.generator() * d.generator_inv(), Fr::one());
  EXPECT_EQ(d.size_as_field() * d.size_inv(), Fr::one());
  EXPECT_EQ(d.element(16), Fr::one());
}

TEST(PlonkDomain, FftMatchesNaiveEvaluation) {
  test::FrRng rng(1);
  for (unsigned k = 0; k <= 13; ++k) {
    const auto d = *Domain::create(size_t{1} << k);
    const auto p = rng.vec(d.size() - (k > 2 ? 3 : 0));  // also fewer coefficients than n
    auto values = p;
    d.fft(values);
    ASSERT_EQ(values.size(), d.size());
    // Naive evaluation at a few points (all of them for small sizes).
    const size_t stride = d.size() <= 64 ? 1 : d.size() / 37 + 1;
    for (size_t i = 0; i < d.size(); i += stride) {
      ASSERT_EQ(values[i], evaluate(p, d.element(i))) << "k=" << k << " i=" << i;
    }
    ASSERT_EQ(values.back(), evaluate(p, d.element(d.size() - 1)));
  }
}

TEST(PlonkDomain, IfftInvertsFft) {
  test::FrRng rng(2);
  for (unsigned k : {0u, 1u, 2u, 5u, 11u, 12u, 14u}) {
    const auto d = *Domain::create(size_t{1} << k);
    const auto p = rng.vec(d.size());
    auto v = p;
    d.fft(v);
    d.ifft(v);
    ASSERT_EQ(v, p) << k;
    d.ifft(v);
    d.fft(v);
    ASSERT_EQ(v, p) << k;
  }
}

TEST(PlonkDomain, CosetFftEvaluatesOnTheCoset) {
  test::FrRng rng(3);
  for (unsigned k : {0u, 3u, 13u}) {
    const auto d = *Domain::create(size_t{1} << k);
    const auto p = rng.vec(d.size());
    auto v = p;
    d.coset_fft(v);
    const Fr g = coset_generator();
    for (size_t i = 0; i < d.size(); i += d.size() / 8 + 1) {
      ASSERT_EQ(v[i], evaluate(p, g * d.element(i))) << k << " " << i;
    }
    d.coset_ifft(v);
    ASSERT_EQ(v, p) << k;
  }
}

TEST(PlonkDomain, LagrangeAndVanishing) {
  const auto d = *Domain::create(32);
  test::FrRng rng(4);
  const Fr x = rng.next();
  // sum_i L_i(x) = 1, and L_i interpolates the unit vector.
  Fr sum;
  for (size_t i = 0; i < d.size(); ++i) sum += d.evaluate_lagrange(i, x);
  EXPECT_EQ(sum, Fr::one());
  std::vector<Fr> unit(d.size());
  unit[5] = Fr::one();
  d.ifft(unit);
  EXPECT_EQ(evaluate(unit, x), d.evaluate_lagrange(5, x));
  EXPECT_EQ(d.evaluate_lagrange(5, d.element(5)), Fr::one());
  EXPECT_EQ(d.evaluate_lagrange(5, d.element(6)), Fr::zero());
  EXPECT_EQ(d.evaluate_vanishing(d.element(7)), Fr::zero());
  EXPECT_EQ(d.evaluate_vanishing(x), x.pow(32) - Fr::one());
}

TEST(PlonkPolynomial, DivideByLinearGivesTheOpeningQuotient) {
  test::FrRng rng(5);
  const auto p = rng.vec(17);
  const Fr z = rng.next(), x = rng.next();
  const auto q = divide_by_linear(p, z);
  ASSERT_EQ(q.size(), 16u);
  EXPECT_EQ(evaluate(q, x) * (x - z), evaluate(p, x) - evaluate(p, z));
  EXPECT_TRUE(divide_by_linear(std::vector<Fr>{Fr::one()}, z).empty());
}

TEST(PlonkPolynomial, BatchInverseAndAddScaled) {
  test::FrRng rng(6);
  auto v = rng.vec(9);
  v[4] = Fr::zero();
  auto w = v;
  batch_inverse(w);
  for (size_t i = 0; i < v.size(); ++i) EXPECT_EQ(w[i], v[i].inverse()) << i;
  Polynomial p{Fr::one()};
  add_scaled(p, std::vector<Fr>{Fr::one(), Fr::one()}, Fr::from_u64(3));
  EXPECT_EQ(p, (Polynomial{Fr::from_u64(4), Fr::from_u64(3)}));
}

}  // namespace
}  // namespace dusk::crypto::plonk
