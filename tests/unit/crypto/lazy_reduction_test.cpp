// Lazy reduction in the extension towers of BLS12-381 and BN254: the wide (2N-limb,
// below p R) sums and differences of ff::Field, Fp2T::Wide, and the Fp6 products built
// on them, against references that reduce after every product (Field's Montgomery
// product and reduced additions only). Inputs include the extremes of the
// representation (Montgomery forms 0, 1, p-1, p-2 and wide values just below p R),
// where a missing or doubled correction would show; every check also runs on the
// portable kernels.
#include <gtest/gtest.h>

#include <vector>

#include "crypto/bls12_381/fp6.hpp"
#include "crypto/bn254/fp6.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::random_element;
using test::Rng;

template <typename Fp>
std::vector<Fp> stress_elements(Rng& rng) {
  std::vector<Fp> v = test::edge_elements<Fp>();
  auto p = Fp::Constants::kP;
  for (u64 k : {1, 2, 3}) {
    auto r = p;
    r[0] -= k;  // representation p - k (p is odd and its low limb is not below 3)
    v.push_back(Fp::from_mont(r));
  }
  typename Fp::Repr one{};
  one[0] = 1;
  v.push_back(Fp::from_mont(one));
  for (int i = 0; i < 4; ++i) v.push_back(random_element<Fp>(rng));
  return v;
}

// Wide values below p R: 0, 1, p R - 1, p R - 2^64, (p - 1) R, and random ones.
template <typename Fp>
std::vector<typename Fp::Wide> stress_wides(Rng& rng) {
  using W = typename Fp::Wide;
  constexpr size_t N = Fp::kLimbs;
  auto p = Fp::Constants::kP;
  std::vector<W> v;
  W zero{}, one{}, top{}, top2{}, pm1{};
  one[0] = 1;
  for (size_t i = 0; i < N; ++i) {
    top[i] = ~u64{0};
    top[N + i] = p[i];
    top2[N + i] = p[i];
    pm1[N + i] = p[i];
  }
  top[N] -= 1;   // p R - 1
  top2[N] -= 1;  // p R - R
  top2[0] = 1;
  pm1[N] -= 1;   // (p - 1) R
  v = {zero, one, top, top2, pm1};
  for (int i = 0; i < 6; ++i) {
    W w = Fp::mul_wide(random_element<Fp>(rng).mont(), random_element<Fp>(rng).mont());
    v.push_back(Fp::add_wide(w, Fp::add_wide(w, w)));
  }
  return v;
}

template <typename Fp>
bool below_pr(const typename Fp::Wide& w) {
  typename Fp::Repr hi{};
  for (size_t i = 0; i < Fp::kLimbs; ++i) hi[i] = w[Fp::kLimbs + i];
  return ff::less_than(hi, Fp::Constants::kP) != 0;
}

template <typename Fp>
void check_wide_sums(u64 seed) {
  Rng rng(seed);
  auto ws = stress_wides<Fp>(rng);
  for (const auto& x : ws) {
    for (const auto& y : ws) {
      auto s = Fp::add_wide(x, y);
      auto d = Fp::sub_wide(x, y);
      ASSERT_TRUE(below_pr<Fp>(s));
      ASSERT_TRUE(below_pr<Fp>(d));
      ASSERT_EQ(Fp::reduce(s), Fp::reduce(x) + Fp::reduce(y));
      ASSERT_EQ(Fp::reduce(d), Fp::reduce(x) - Fp::reduce(y));
    }
  }
}

// Reference Fp2 and Fp6 arithmetic: reduced Fp operations only.
template <typename Fp2>
Fp2 ref_mul2(const Fp2& a, const Fp2& b) {
  return {a.c0 * b.c0 - a.c1 * b.c1, a.c0 * b.c1 + a.c1 * b.c0};
}
template <typename Fp2, u64 K>
Fp2 ref_xi(const Fp2& a) {
  return ref_mul2(a, Fp2(Fp2::Base::from_u64(K), Fp2::Base::one()));
}
// Schoolbook: sum a_i b_j v^(i+j), v^3 = xi.
template <typename Fp6>
Fp6 ref_mul6(const Fp6& a, const Fp6& b) {
  using Fp2 = typename Fp6::Fp2;
  constexpr u64 K = Fp6::kXi;
  const Fp2 x[3] = {a.c0, a.c1, a.c2}, y[3] = {b.c0, b.c1, b.c2};
  Fp2 r[5];
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) r[i + j] = r[i + j] + ref_mul2(x[i], y[j]);
  }
  return {r[0] + ref_xi<Fp2, K>(r[3]), r[1] + ref_xi<Fp2, K>(r[4]), r[2]};
}

template <typename Params>
void check_products(u64 seed) {
  using Fp = typename Params::Fp;
  using Fp2 = ff::Fp2T<Fp>;
  using Fp6 = ff::Fp6T<Params>;
  Rng rng(seed);
  auto es = stress_elements<Fp>(rng);
  std::vector<Fp2> f2;
  for (size_t i = 0; i < es.size(); ++i) {
    for (size_t j = 0; j < es.size(); j += 3) f2.push_back(Fp2(es[i], es[j]));
  }
  for (const Fp2& a : f2) {
    ASSERT_EQ(Fp2::square_wide(a).reduce(), ref_mul2(a, a));
    for (const Fp2& b : f2) {
      ASSERT_EQ(a * b, ref_mul2(a, b));
      ASSERT_EQ((Fp2::mul_wide(a, b) + Fp2::square_wide(b)).reduce(),
                ref_mul2(a, b) + ref_mul2(b, b));
      constexpr u64 K = Params::kXi;
      const auto diff = Fp2::mul_wide(a, b) - Fp2::square_wide(a);
      ASSERT_EQ(diff.template mul_by_k_plus_u<K>().reduce(),
                (ref_xi<Fp2, K>(ref_mul2(a, b) - ref_mul2(a, a))));
    }
  }
  // Fp6 products on elements whose coefficients are all extreme, all random, or mixed.
  std::vector<Fp6> f6;
  for (size_t i = 0; i + 2 < f2.size(); i += 7) f6.push_back(Fp6(f2[i], f2[i + 1], f2[i + 2]));
  f6.push_back(Fp6(f2.back(), f2.back(), f2.back()));
  for (const Fp6& a : f6) {
    ASSERT_EQ(a.square(), ref_mul6(a, a));
    for (const Fp6& b : f6) {
      ASSERT_EQ(a * b, ref_mul6(a, b));
      ASSERT_EQ(a.mul_by_01(b.c0, b.c1), ref_mul6(a, Fp6(b.c0, b.c1, Fp2::zero())));
      ASSERT_EQ(a.mul_by_1(b.c1), ref_mul6(a, Fp6(Fp2::zero(), b.c1, Fp2::zero())));
    }
  }
}

TEST(LazyReduction, WideSumsStayBelowPR) {
  check_wide_sums<bls12_381::Fp>(61);
  check_wide_sums<bn254::Fp>(62);
  test::PortableKernels portable;
  check_wide_sums<bls12_381::Fp>(63);
  check_wide_sums<bn254::Fp>(64);
}

TEST(LazyReduction, ProductsMatchReducedReference) {
  check_products<bls12_381::TowerParams>(71);
  check_products<bn254::TowerParams>(72);
  test::PortableKernels portable;
  check_products<bls12_381::TowerParams>(73);
  check_products<bn254::TowerParams>(74);
}

}  // namespace
}  // namespace dusk::crypto
