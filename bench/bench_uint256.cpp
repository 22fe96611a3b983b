// DuskEVM's 256-bit words: the arithmetic behind ADD, MUL, DIV, MOD, ADDMOD, MULMOD, EXP.
//
//   build/release/bench/bench_uint256 [--benchmark_filter=...]
//
// Operands cycle through 256 pseudo-random words (fixed seed) so that division and
// the modular operations see varied sizes rather than a chain collapsing to zero.
// Figures are throughput per operation. DIV is timed per divisor width (64 to 256 bits,
// dividend always 256 bits), because algorithm D's cost depends on the limb counts.
#include <benchmark/benchmark.h>

#include <array>
#include <random>

#include "base/uint256.hpp"

namespace {

using dusk::u64;
using dusk::Uint256;

constexpr size_t kN = 256;

std::array<Uint256, kN> words(unsigned bits, u64 seed) {
  std::mt19937_64 rng(seed);
  std::array<Uint256, kN> out;
  for (auto& w : out) {
    w = Uint256(rng(), rng(), rng(), rng());
    w = dusk::shr(w, 256 - bits);
    if (w.is_zero()) w = Uint256{1};
  }
  return out;
}

template <typename Op>
void run(benchmark::State& state, unsigned a_bits, unsigned b_bits, Op op) {
  const auto a = words(a_bits, 1), b = words(b_bits, 2), m = words(256, 3);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(op(a[i], b[i], m[i]));
    i = (i + 1) % kN;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_add(benchmark::State& s) { run(s, 256, 256, [](auto& a, auto& b, auto&) { return a + b; }); }
void BM_sub(benchmark::State& s) { run(s, 256, 256, [](auto& a, auto& b, auto&) { return a - b; }); }
void BM_mul(benchmark::State& s) { run(s, 256, 256, [](auto& a, auto& b, auto&) { return a * b; }); }
void BM_mul_full(benchmark::State& s) {
  run(s, 256, 256, [](auto& a, auto& b, auto&) { return dusk::mul_full(a, b); });
}
void BM_div(benchmark::State& s) {
  run(s, 256, static_cast<unsigned>(s.range(0)),
      [](auto& a, auto& b, auto&) { return dusk::evm_div(a, b); });
}
void BM_div_u64_by_u64(benchmark::State& s) {
  run(s, 64, 40, [](auto& a, auto& b, auto&) { return dusk::evm_div(a, b); });
}
void BM_mod(benchmark::State& s) {
  run(s, 256, 128, [](auto& a, auto& b, auto&) { return dusk::evm_mod(a, b); });
}
void BM_sdiv(benchmark::State& s) {
  run(s, 256, 128, [](auto& a, auto& b, auto&) { return dusk::evm_sdiv(a, b); });
}
void BM_addmod(benchmark::State& s) {
  run(s, 256, 256, [](auto& a, auto& b, auto& m) { return dusk::evm_addmod(a, b, m); });
}
void BM_mulmod(benchmark::State& s) {
  run(s, 256, 256, [](auto& a, auto& b, auto& m) { return dusk::evm_mulmod(a, b, m); });
}
void BM_exp(benchmark::State& s) {
  run(s, 256, static_cast<unsigned>(s.range(0)),
      [](auto& a, auto& b, auto&) { return dusk::exp(a, b); });
}

BENCHMARK(BM_add);
BENCHMARK(BM_sub);
BENCHMARK(BM_mul);
BENCHMARK(BM_mul_full);
BENCHMARK(BM_div)->Arg(64)->Arg(128)->Arg(192)->Arg(256);
BENCHMARK(BM_div_u64_by_u64);
BENCHMARK(BM_mod);
BENCHMARK(BM_sdiv);
BENCHMARK(BM_addmod);
BENCHMARK(BM_mulmod);
BENCHMARK(BM_exp)->Arg(8)->Arg(64)->Arg(256);

}  // namespace

BENCHMARK_MAIN();
