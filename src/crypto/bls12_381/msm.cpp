// Multi-scalar multiplication on G1 and G2. See msm.hpp.
#include "crypto/bls12_381/msm.hpp"

#include <cassert>
#include <vector>

#include "crypto/ec/detail/msm_impl.hpp"

namespace dusk::crypto::bls12_381 {

namespace {

// Below this many points, summing endomorphism multiplications is faster than buckets.
constexpr size_t kSmall = 8;

template <typename Curve, typename MulFn>
ec::Projective<Curve> msm(std::span<const ec::Affine<Curve>> points, std::span<const Fr> scalars,
                      MsmBuckets buckets, MulFn mul) {
  assert(points.size() == scalars.size());
  const size_t n = points.size() < scalars.size() ? points.size() : scalars.size();
  if (n <= kSmall && buckets == MsmBuckets::kAuto) {
    ec::Projective<Curve> acc;
    for (size_t i = 0; i < n; ++i) acc = acc + mul(ec::Projective<Curve>::from_affine(points[i]), scalars[i]);
    return acc;
  }
  std::vector<std::array<u64, 4>> limbs(n);
  for (size_t i = 0; i < n; ++i) limbs[i] = scalars[i].to_canonical();
  const bool batch_affine = buckets == MsmBuckets::kBatchAffine ||
                            (buckets == MsmBuckets::kAuto && n >= kMsmBatchAffineMin);
  return ec::detail::pippenger<Curve>(points.first(n), limbs, ec::detail::pippenger_window_bits(n),
                                  batch_affine);
}

}  // namespace

unsigned msm_window_bits(size_t n) { return ec::detail::pippenger_window_bits(n); }

G1 g1_msm(std::span<const G1Affine> points, std::span<const Fr> scalars, MsmBuckets buckets) {
  return msm<G1Curve>(points, scalars, buckets, g1_mul_glv);
}

G2 g2_msm(std::span<const G2Affine> points, std::span<const Fr> scalars, MsmBuckets buckets) {
  return msm<G2Curve>(points, scalars, buckets, g2_mul_gls);
}

}  // namespace dusk::crypto::bls12_381
