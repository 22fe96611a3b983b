// Multi-scalar multiplication (msm.hpp) against the sum of single multiplications, on G1
// and G2, for sizes on both sides of the small-input path and of several window widths,
// with the inputs that stress the bucket formulas: identity points, zero scalars, r - 1,
// repeated points (doubling inside a bucket), P next to -P (cancelling in a bucket).
#include <gtest/gtest.h>

#include <vector>

#include "crypto/bls12_381/msm.hpp"
#include "field_test_util.hpp"

namespace dusk::crypto {
namespace {

using namespace bls12_381;
using test::random_element;
using test::Rng;

template <typename P>
struct Msm;
template <>
struct Msm<G1> {
  static G1 run(std::span<const G1Affine> p, std::span<const Fr> k, MsmBuckets b) {
    return g1_msm(p, k, b);
  }
};
template <>
struct Msm<G2> {
  static G2 run(std::span<const G2Affine> p, std::span<const Fr> k, MsmBuckets b) {
    return g2_msm(p, k, b);
  }
};

template <typename P>
class MsmTest : public ::testing::Test {};
using Groups = ::testing::Types<G1, G2>;
TYPED_TEST_SUITE(MsmTest, Groups);

// n points and scalars; `kind` mixes in the special inputs.
template <typename P>
void check(Rng& rng, size_t n, bool special) {
  using A = typename P::AffinePoint;
  std::vector<P> proj;
  std::vector<Fr> k;
  for (size_t i = 0; i < n; ++i) {
    P p = P::generator().mul_vartime(random_element<Fr>(rng));
    Fr s = random_element<Fr>(rng);
    if (special) {
      switch (i % 7) {
        case 0: p = P::identity(); break;
        case 1: s = Fr::zero(); break;
        case 2: s = -Fr::one(); break;                      // r - 1
        case 3: if (i > 0) p = proj[i - 1]; break;          // repeated point
        case 4: if (i > 0) { p = -proj[i - 1]; s = k[i - 1]; } break;  // cancels the previous
        case 5: s = Fr::one(); break;
        default: break;
      }
    }
    proj.push_back(p);
    k.push_back(s);
  }
  const std::vector<A> aff = P::batch_to_affine(proj);
  P want;
  for (size_t i = 0; i < n; ++i) want = want + proj[i].mul_vartime(k[i]);
  // Every bucket strategy at every size.
  for (MsmBuckets b : {MsmBuckets::kAuto, MsmBuckets::kXyzz, MsmBuckets::kBatchAffine}) {
    EXPECT_EQ(Msm<P>::run(aff, k, b), want)
        << "n = " << n << (special ? " (special inputs)" : "") << ", buckets " << int(b);
  }
}

TYPED_TEST(MsmTest, MatchesSumOfProducts) {
  Rng rng(21);
  for (size_t n : {0, 1, 2, 3, 8, 9, 31, 64, 200})
    for (bool special : {false, true}) check<TypeParam>(rng, n, special);
}

TYPED_TEST(MsmTest, LargeInputsWithWideWindows) {
  Rng rng(22);
  check<TypeParam>(rng, 1100, true);  // window 8 bits (log2 n = 10)
}

// Past kMsmBatchAffineMin, where kAuto switches to batch-affine buckets: more than one
// batch of 128 per window, and the special inputs land in the XYZZ side buckets.
TEST(MsmBatchAffine, G1PastTheSwitch) {
  Rng rng(24);
  check<G1>(rng, kMsmBatchAffineMin + 37, true);
}

TYPED_TEST(MsmTest, AllTheSamePointAndScalar) {
  // Every point in one bucket per window: the bucket doubles at each second addition.
  using P = TypeParam;
  Rng rng(23);
  const P p = P::generator().mul_vartime(random_element<Fr>(rng));
  const Fr s = random_element<Fr>(rng);
  std::vector<typename P::AffinePoint> pts(40, p.to_affine());
  std::vector<Fr> ks(40, s);
  for (MsmBuckets b : {MsmBuckets::kAuto, MsmBuckets::kXyzz, MsmBuckets::kBatchAffine})
    EXPECT_EQ(Msm<P>::run(pts, ks, b), p.mul_vartime(s * Fr::from_u64(40))) << int(b);
}

TEST(MsmWindow, GrowsWithTheInput) {
  EXPECT_EQ(msm_window_bits(16), 2u);
  EXPECT_EQ(msm_window_bits(4096), 10u);
  EXPECT_EQ(msm_window_bits(65536), 13u);
}

}  // namespace
}  // namespace dusk::crypto
