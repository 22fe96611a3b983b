// Field arithmetic: BLS12-381 Fp, Fr and its tower, BN254 Fp, Fr.
//
//   build/release/bench/bench_ff [--benchmark_filter=...]
//
// Each iteration feeds its result into the next (x = x * y), so the figures are latencies
// of dependent operations, as in an exponentiation or a Miller loop.
#include <benchmark/benchmark.h>

#include <array>

#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bn254/fp.hpp"
#include "crypto/bn254/fr.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto;

template <typename F>
F element(u8 salt) {
  std::array<u8, 64> seed{};
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<u8>(31 * i + salt);
  return F::random(seed);
}

template <typename F>
void BM_mul(benchmark::State& state) {
  F x = element<F>(1), y = element<F>(2);
  for (auto _ : state) {
    x = x * y;
    benchmark::DoNotOptimize(x);
  }
}
template <typename F>
void BM_square(benchmark::State& state) {
  F x = element<F>(1);
  for (auto _ : state) {
    x = x.square();
    benchmark::DoNotOptimize(x);
  }
}
template <typename F>
void BM_add(benchmark::State& state) {
  F x = element<F>(1), y = element<F>(2);
  for (auto _ : state) {
    x = x + y;
    benchmark::DoNotOptimize(x);
  }
}
template <typename F>
void BM_inverse(benchmark::State& state) {
  F x = element<F>(1);
  for (auto _ : state) {
    x = x.inverse();
    benchmark::DoNotOptimize(x);
  }
}
template <typename F>
void BM_inverse_vartime(benchmark::State& state) {
  F x = element<F>(1);
  for (auto _ : state) {
    x = x.inverse_vartime();
    benchmark::DoNotOptimize(x);
  }
}
// The square root of a square (the work is the same whether or not a root exists).
template <typename F>
void BM_sqrt(benchmark::State& state) {
  F x = element<F>(1).square();
  for (auto _ : state) benchmark::DoNotOptimize(x.sqrt());
}
template <typename F>
void BM_sqrt_vartime(benchmark::State& state) {
  F x = element<F>(1).square();
  for (auto _ : state) benchmark::DoNotOptimize(x.sqrt_vartime());
}
template <typename F>
void BM_legendre(benchmark::State& state) {
  F x = element<F>(1);
  for (auto _ : state) benchmark::DoNotOptimize(x.legendre());
}

#define FIELD_BENCHMARKS(F)                 \
  BENCHMARK_TEMPLATE(BM_add, F);            \
  BENCHMARK_TEMPLATE(BM_mul, F);            \
  BENCHMARK_TEMPLATE(BM_square, F);         \
  BENCHMARK_TEMPLATE(BM_inverse, F);        \
  BENCHMARK_TEMPLATE(BM_inverse_vartime, F); \
  BENCHMARK_TEMPLATE(BM_sqrt, F);           \
  BENCHMARK_TEMPLATE(BM_sqrt_vartime, F);   \
  BENCHMARK_TEMPLATE(BM_legendre, F)

FIELD_BENCHMARKS(bls12_381::Fp);
FIELD_BENCHMARKS(bls12_381::Fr);
FIELD_BENCHMARKS(bn254::Fp);
FIELD_BENCHMARKS(bn254::Fr);

}  // namespace

BENCHMARK_MAIN();
