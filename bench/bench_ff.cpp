// Field arithmetic: BLS12-381 Fp, Fr and its Fp2/Fp6/Fp12 tower, BN254 Fp, Fr.
//
//   build/release/bench/bench_ff [--benchmark_filter=...]
//
// Each iteration feeds its result into the next (x = x * y), so the figures are latencies
// of dependent operations, as in an exponentiation or a Miller loop.
#include <benchmark/benchmark.h>

#include <array>

#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fp12.hpp"
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

// --- The BLS12-381 tower. ---

using bls12_381::Fp;
using bls12_381::Fp12;
using bls12_381::Fp2;
using bls12_381::Fp6;

Fp2 fp2(u8 salt) { return {element<Fp>(salt), element<Fp>(salt + 1)}; }
Fp6 fp6(u8 salt) { return {fp2(salt), fp2(salt + 2), fp2(salt + 4)}; }
Fp12 fp12(u8 salt) { return {fp6(salt), fp6(salt + 6)}; }

void BM_fp2_mul(benchmark::State& state) {
  Fp2 x = fp2(1), y = fp2(3);
  for (auto _ : state) {
    x = x * y;
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp2_square(benchmark::State& state) {
  Fp2 x = fp2(1);
  for (auto _ : state) {
    x = x.square();
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp2_inverse(benchmark::State& state) {
  Fp2 x = fp2(1);
  for (auto _ : state) {
    x = x.inverse();
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp2_sqrt(benchmark::State& state) {
  Fp2 x = fp2(1).square();
  for (auto _ : state) benchmark::DoNotOptimize(x.sqrt());
}
void BM_fp6_mul(benchmark::State& state) {
  Fp6 x = fp6(1), y = fp6(7);
  for (auto _ : state) {
    x = x * y;
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp6_square(benchmark::State& state) {
  Fp6 x = fp6(1);
  for (auto _ : state) {
    x = x.square();
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp12_mul(benchmark::State& state) {
  Fp12 x = fp12(1), y = fp12(13);
  for (auto _ : state) {
    x = x * y;
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp12_square(benchmark::State& state) {
  Fp12 x = fp12(1);
  for (auto _ : state) {
    x = x.square();
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp12_mul_by_014(benchmark::State& state) {
  Fp12 x = fp12(1);
  Fp2 a = fp2(20), b = fp2(22), c = fp2(24);
  for (auto _ : state) {
    x = x.mul_by_014(a, b, c);
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp12_inverse(benchmark::State& state) {
  Fp12 x = fp12(1);
  for (auto _ : state) {
    x = x.inverse();
    benchmark::DoNotOptimize(x);
  }
}
void BM_fp12_frobenius(benchmark::State& state) {
  Fp12 x = fp12(1);
  for (auto _ : state) {
    x = x.frobenius_map(1);
    benchmark::DoNotOptimize(x);
  }
}

BENCHMARK(BM_fp2_mul);
BENCHMARK(BM_fp2_square);
BENCHMARK(BM_fp2_inverse);
BENCHMARK(BM_fp2_sqrt);
BENCHMARK(BM_fp6_mul);
BENCHMARK(BM_fp6_square);
BENCHMARK(BM_fp12_mul);
BENCHMARK(BM_fp12_square);
BENCHMARK(BM_fp12_mul_by_014);
BENCHMARK(BM_fp12_inverse);
BENCHMARK(BM_fp12_frobenius);

}  // namespace

BENCHMARK_MAIN();
