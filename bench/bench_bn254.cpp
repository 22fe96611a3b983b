// BN254: G1/G2 arithmetic, the G2 subgroup check, the pairing and the EIP-197 pairing
// precompile.
//
//   build/release/bench/bench_bn254 [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

#include "crypto/bn254/encoding.hpp"
#include "crypto/bn254/pairing.hpp"
#include "duskevm/precompiles/bn254.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto::bn254;

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
void BM_dbl(benchmark::State& state) {
  P a = P::generator().mul(scalar(1));
  for (auto _ : state) {
    a = a.dbl();
    benchmark::DoNotOptimize(a);
  }
}
template <typename P>
void BM_mul_ct(benchmark::State& state) {
  P a = P::generator().mul(scalar(1));
  const Fr k = scalar(3);
  for (auto _ : state) benchmark::DoNotOptimize(a.mul(k));
}
template <typename P>
void BM_mul_vartime(benchmark::State& state) {
  P a = P::generator().mul(scalar(1));
  const Fr k = scalar(3);
  for (auto _ : state) benchmark::DoNotOptimize(a.mul_vartime(k));
}
BENCHMARK(BM_add<G1>)->Name("g1_add");
BENCHMARK(BM_dbl<G1>)->Name("g1_dbl");
BENCHMARK(BM_mul_ct<G1>)->Name("g1_mul_ct");
BENCHMARK(BM_mul_vartime<G1>)->Name("g1_mul_vartime");
void BM_g1_mul_glv(benchmark::State& state) {
  G1 a = G1::generator().mul(scalar(1));
  const Fr k = scalar(3);
  for (auto _ : state) benchmark::DoNotOptimize(g1_mul_glv(a, k));
}
BENCHMARK(BM_g1_mul_glv)->Name("g1_mul_glv");
void BM_g1_mul_glv_ct(benchmark::State& state) {
  const G1 a = G1::generator().mul(scalar(1));
  const Fr k = scalar(3);
  for (auto _ : state) benchmark::DoNotOptimize(g1_mul_glv_ct(a, k));
}
BENCHMARK(BM_g1_mul_glv_ct)->Name("g1_mul_glv_ct");
// sum [k_i] P_i over n points (PLONK's verifier: 18): one Straus chain against n GLV
// multiplications added up.
void BM_g1_msm_glv(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<G1Affine> points;
  std::vector<Fr> scalars;
  for (size_t i = 0; i < n; ++i) {
    points.push_back(G1::generator().mul(scalar(static_cast<u8>(i + 10))).to_affine());
    scalars.push_back(scalar(static_cast<u8>(i + 100)));
  }
  for (auto _ : state) benchmark::DoNotOptimize(g1_msm_glv(points, scalars));
}
BENCHMARK(BM_g1_msm_glv)->Name("g1_msm_glv")->Arg(2)->Arg(18);
void BM_g1_sum_of_glv_muls(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<G1> points;
  std::vector<Fr> scalars;
  for (size_t i = 0; i < n; ++i) {
    points.push_back(G1::generator().mul(scalar(static_cast<u8>(i + 10))));
    scalars.push_back(scalar(static_cast<u8>(i + 100)));
  }
  for (auto _ : state) {
    G1 acc;
    for (size_t i = 0; i < n; ++i) acc += g1_mul_glv(points[i], scalars[i]);
    benchmark::DoNotOptimize(acc);
  }
}
BENCHMARK(BM_g1_sum_of_glv_muls)->Name("g1_sum_of_glv_muls")->Arg(2)->Arg(18);
void BM_precompile_mul(benchmark::State& state) {
  Bytes input;
  const auto enc = encode_g1(G1::generator().mul(scalar(1)).to_affine());
  input.assign(enc.begin(), enc.end());
  const auto k = scalar(3).to_bytes_be();
  input.insert(input.end(), k.begin(), k.end());
  for (auto _ : state) benchmark::DoNotOptimize(evm::kBn254Mul.run(input));
}
BENCHMARK(BM_precompile_mul)->Name("precompile_mul");
BENCHMARK(BM_add<G2>)->Name("g2_add");
BENCHMARK(BM_mul_ct<G2>)->Name("g2_mul_ct");
BENCHMARK(BM_mul_vartime<G2>)->Name("g2_mul_vartime");

void BM_g2_subgroup(benchmark::State& state) {
  const G2 q = G2::generator().mul(scalar(4));
  for (auto _ : state) benchmark::DoNotOptimize(g2_in_subgroup(q));
}
BENCHMARK(BM_g2_subgroup)->Name("g2_subgroup_check");

void BM_decode_g2(benchmark::State& state) {
  const auto enc = encode_g2(G2::generator().mul(scalar(4)).to_affine());
  for (auto _ : state) benchmark::DoNotOptimize(decode_g2(enc));
}
BENCHMARK(BM_decode_g2)->Name("g2_decode");

void BM_miller_loop(benchmark::State& state) {
  const G1Affine p = G1::generator().mul(scalar(5)).to_affine();
  const G2Affine q = G2::generator().mul(scalar(6)).to_affine();
  for (auto _ : state) benchmark::DoNotOptimize(miller_loop(p, q));
}
BENCHMARK(BM_miller_loop)->Name("miller_loop");

void BM_final_exp(benchmark::State& state) {
  const Fp12 f = miller_loop(G1::generator().mul(scalar(5)).to_affine(),
                             G2::generator().mul(scalar(6)).to_affine());
  for (auto _ : state) benchmark::DoNotOptimize(final_exponentiation(f));
}
BENCHMARK(BM_final_exp)->Name("final_exponentiation");

void BM_pairing(benchmark::State& state) {
  const G1Affine p = G1::generator().mul(scalar(5)).to_affine();
  const G2Affine q = G2::generator().mul(scalar(6)).to_affine();
  for (auto _ : state) benchmark::DoNotOptimize(pairing(p, q));
}
BENCHMARK(BM_pairing)->Name("pairing");

// A two-pair product with both G2 points prepared (PLONK's check): two Miller loops
// that only evaluate lines, one final exponentiation.
void BM_pairing_prepared_2(benchmark::State& state) {
  const G2Prepared q1 = prepare_g2(G2::generator().mul(scalar(6)).to_affine());
  const G2Prepared q2 = prepare_g2(G2Affine::generator());
  const PreparedPairingInput pairs[2] = {{G1::generator().mul(scalar(5)).to_affine(), &q1},
                                         {G1::generator().mul(scalar(7)).to_affine(), &q2}};
  for (auto _ : state) benchmark::DoNotOptimize(multi_pairing(std::span(pairs)));
}
BENCHMARK(BM_pairing_prepared_2)->Name("pairing_prepared_2_pairs");

// The precompile on e(aP, bQ) e(-abP, Q) = 1: decoding (with the G2 subgroup checks),
// two Miller loops, one final exponentiation.
void BM_precompile_pairing2(benchmark::State& state) {
  const Fr a = scalar(7), b = scalar(8);
  Bytes input;
  auto append = [&](const auto& enc) { input.insert(input.end(), enc.begin(), enc.end()); };
  append(encode_g1(G1::generator().mul(a).to_affine()));
  append(encode_g2(G2::generator().mul(b).to_affine()));
  append(encode_g1((-G1::generator().mul(a * b)).to_affine()));
  append(encode_g2(G2Affine::generator()));
  if (evm::kBn254Pairing.run(input).value().back() != 1) state.SkipWithError("not one");
  for (auto _ : state) benchmark::DoNotOptimize(evm::kBn254Pairing.run(input));
}
BENCHMARK(BM_precompile_pairing2)->Name("precompile_pairing_2_pairs");

}  // namespace

BENCHMARK_MAIN();
