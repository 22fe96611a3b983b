// Multi-scalar multiplication: sum [k_i] P_i for many points at once (KZG commitments,
// the EIP-2537 MSM precompiles, batch verification).
//
// Pippenger's bucket method with signed (Booth) digits, as blst does it: the 255-bit
// scalars are cut into windows of c bits (c grows with n: about log2(n) - 3 for large n);
// in each window every point is added, negated or not, into the bucket of its digit's
// absolute value (2^(c-1) buckets), the buckets are summed with weights by a running
// sum, and the windows are joined with c doublings each. Below kMsmBatchAffineMin points
// the bucket sums are kept in XYZZ coordinates (x = X/ZZ, y = Y/ZZZ), where adding an
// affine point costs 8M + 2S; from there on they are affine and updated in batches of
// 128 additions that share one inversion (about 5M + 1S each; detail::AffineBuckets in
// msm_impl.hpp). Input points are affine. For a few points (n <= 8) the endomorphism
// multiplications of g1.hpp/g2.hpp are summed instead.
//
// Variable time: for public points and scalars only. Preconditions: points.size() ==
// scalars.size(); the points are in the subgroup (identity points are allowed and
// skipped). An empty input gives the identity.
#pragma once

#include <span>

#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"

namespace dusk::crypto::bls12_381 {

// How the buckets are accumulated: chosen from n (kAuto), or forced (tests, benchmarks).
enum class MsmBuckets { kAuto, kXyzz, kBatchAffine };
// From this many points kAuto uses batch-affine buckets: `bench_curve
// --benchmark_filter=msm` times both; batch-affine is ahead on G1 and G2 from 512 points
// (4% there, 20% from 4096), and mixed below (docs/PERFORMANCE.md).
inline constexpr size_t kMsmBatchAffineMin = 512;

G1 g1_msm(std::span<const G1Affine> points, std::span<const Fr> scalars,
          MsmBuckets buckets = MsmBuckets::kAuto);
G2 g2_msm(std::span<const G2Affine> points, std::span<const Fr> scalars,
          MsmBuckets buckets = MsmBuckets::kAuto);

// The window width Pippenger uses for n points (exposed for tests and benchmarks).
unsigned msm_window_bits(size_t n);

}  // namespace dusk::crypto::bls12_381
