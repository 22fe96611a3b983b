// BLS12-381 G1/G2 arithmetic, point decoding and the pairing.
//
//   build/release/bench/bench_curve [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <array>
#include <type_traits>
#include <vector>

#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto;
using namespace dusk::crypto::bls12_381;

Fr scalar(u8 salt) {
  std::array<u8, 64> seed{};
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<u8>(37 * i + salt);
  return Fr::random(seed);
}

template <typename P>
void BM_add(benchmark::State& state) {
  P a = P::generator().mul(scalar(1)), b = P::generator().mul(scalar(2));
  for (auto _ : state) {
    a = a + b;
    benchmark::DoNotOptimize(a);
  }
}
template <typename P>
void BM_add_mixed(benchmark::State& state) {
  P a = P::generator().mul(scalar(1));
  auto b = P::generator().mul(scalar(2)).to_affine();
  for (auto _ : state) {
    a = a.add_mixed(b);
    benchmark::DoNotOptimize(a);
  }
}
template <typename P>
void BM_dbl(benchmark::State& state) {
  P a = P::generator().mul(scalar(1));
  for (auto _ : state) {
    a = a.dbl();
    benchmark::DoNotOptimize(a);
  }
}
template <typename P>
void BM_mul_ct(benchmark::State& state) {
  P a = P::generator();
  Fr k = scalar(3);
  for (auto _ : state) {
    a = a.mul(k);
    benchmark::DoNotOptimize(a);
  }
}
template <typename P>
void BM_mul_vartime(benchmark::State& state) {
  P a = P::generator();
  Fr k = scalar(3);
  for (auto _ : state) {
    a = a.mul_vartime(k);
    benchmark::DoNotOptimize(a);
  }
}

BENCHMARK(BM_add<G1>);
BENCHMARK(BM_add_mixed<G1>);
BENCHMARK(BM_dbl<G1>);
BENCHMARK(BM_mul_ct<G1>);
BENCHMARK(BM_mul_vartime<G1>);
BENCHMARK(BM_add<G2>);
BENCHMARK(BM_add_mixed<G2>);
BENCHMARK(BM_dbl<G2>);
BENCHMARK(BM_mul_ct<G2>);
BENCHMARK(BM_mul_vartime<G2>);

void BM_g1_mul_glv(benchmark::State& state) {
  G1 a = G1::generator();
  Fr k = scalar(3);
  for (auto _ : state) {
    a = g1_mul_glv(a, k);
    benchmark::DoNotOptimize(a);
  }
}
void BM_g2_mul_gls(benchmark::State& state) {
  G2 a = G2::generator();
  Fr k = scalar(3);
  for (auto _ : state) {
    a = g2_mul_gls(a, k);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_g1_mul_glv);
BENCHMARK(BM_g2_mul_gls);

void BM_g1_subgroup_check(benchmark::State& state) {
  G1 p = G1::generator().mul(scalar(4));
  for (auto _ : state) benchmark::DoNotOptimize(g1_in_subgroup(p));
}
void BM_g1_subgroup_check_naive(benchmark::State& state) {
  G1 p = G1::generator().mul(scalar(4));
  for (auto _ : state) benchmark::DoNotOptimize(g1_in_subgroup_naive(p));
}
void BM_g2_subgroup_check(benchmark::State& state) {
  G2 p = G2::generator().mul(scalar(4));
  for (auto _ : state) benchmark::DoNotOptimize(g2_in_subgroup(p));
}
void BM_g2_subgroup_check_naive(benchmark::State& state) {
  G2 p = G2::generator().mul(scalar(4));
  for (auto _ : state) benchmark::DoNotOptimize(g2_in_subgroup_naive(p));
}
BENCHMARK(BM_g1_subgroup_check);
BENCHMARK(BM_g1_subgroup_check_naive);
BENCHMARK(BM_g2_subgroup_check);
BENCHMARK(BM_g2_subgroup_check_naive);

void BM_g1_decompress(benchmark::State& state) {
  auto enc = g1_to_compressed(G1::generator().mul(scalar(5)).to_affine());
  for (auto _ : state) benchmark::DoNotOptimize(g1_from_compressed(enc));
}
void BM_g2_decompress(benchmark::State& state) {
  auto enc = g2_to_compressed(G2::generator().mul(scalar(5)).to_affine());
  for (auto _ : state) benchmark::DoNotOptimize(g2_from_compressed(enc));
}
BENCHMARK(BM_g1_decompress);
BENCHMARK(BM_g2_decompress);

void BM_miller_loop(benchmark::State& state) {
  auto p = G1::generator().mul(scalar(6)).to_affine();
  auto q = G2::generator().mul(scalar(7)).to_affine();
  for (auto _ : state) benchmark::DoNotOptimize(miller_loop(p, q));
}
void BM_final_exponentiation(benchmark::State& state) {
  Fp12 f = miller_loop(G1Affine::generator(), G2Affine::generator());
  for (auto _ : state) {
    f = final_exponentiation(f);
    benchmark::DoNotOptimize(f);
  }
}
void BM_pairing(benchmark::State& state) {
  auto p = G1::generator().mul(scalar(6)).to_affine();
  auto q = G2::generator().mul(scalar(7)).to_affine();
  for (auto _ : state) benchmark::DoNotOptimize(pairing(p, q));
}
// Two pairs with one final exponentiation: a signature check.
void BM_multi_pairing_2(benchmark::State& state) {
  std::vector<PairingInput> pairs{
      {G1::generator().mul(scalar(6)).to_affine(), G2::generator().mul(scalar(7)).to_affine()},
      {G1::generator().mul(scalar(8)).to_affine(), G2::generator().mul(scalar(9)).to_affine()}};
  for (auto _ : state) benchmark::DoNotOptimize(multi_pairing(pairs));
}
BENCHMARK(BM_miller_loop);
BENCHMARK(BM_final_exponentiation);
BENCHMARK(BM_pairing);
BENCHMARK(BM_multi_pairing_2);

// MSM with each bucket strategy (what kMsmBatchAffineMin in msm.hpp is chosen from):
// bench_curve --benchmark_filter=msm. Arguments: n, then 0 for XYZZ, 1 for batch-affine.
template <typename P>
void BM_msm(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const MsmBuckets b = state.range(1) != 0 ? MsmBuckets::kBatchAffine : MsmBuckets::kXyzz;
  const P q = P::generator().mul(scalar(5));
  std::vector<P> proj(n);
  proj[0] = P::generator();
  for (size_t i = 1; i < n; ++i) proj[i] = proj[i - 1] + q;
  const auto points = P::batch_to_affine(proj);
  std::vector<Fr> scalars(n);
  for (size_t i = 0; i < n; ++i) scalars[i] = scalar(static_cast<u8>(i)) * Fr::from_u64(i + 1);
  for (auto _ : state) {
    if constexpr (std::is_same_v<P, G1>) benchmark::DoNotOptimize(g1_msm(points, scalars, b));
    else benchmark::DoNotOptimize(g2_msm(points, scalars, b));
  }
}
BENCHMARK(BM_msm<G1>)->ArgsProduct({{128, 256, 512, 1024, 2048, 4096}, {0, 1}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_msm<G2>)->ArgsProduct({{128, 256, 512, 1024, 2048, 4096}, {0, 1}})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
