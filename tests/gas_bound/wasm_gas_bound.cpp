// Checks that the WebAssembly engine's metering bounds work (gas_bound.hpp): times the
// honest mixes, then programs built to do work their gas does not pay for, each with
// 1,000,000 gas, and fails when one of them is slower per gas than the ceiling.
//
//   wasm_gas_bound HONEST_DIR
//
// The attacks are the two that found the hole (a function with 49,990 i64 locals, one
// with a million constants behind a branch never taken, each called in a loop) and the
// bulk instructions at their largest sizes. Prints a table of what it measured.
#include <cstdio>
#include <string>
#include <vector>

#include "gas_bound/wasm_honest.hpp"
#include "gas_bound/wasm_attacks.hpp"

namespace {

using namespace dusk;
using namespace dusk::fuzz::wasm_attacks;
using dusk::fuzz::GasTiming;

constexpr u64 kAttackGas = 1'000'000;

wasm::EngineConfig config() {
  wasm::EngineConfig c;
  c.max_memory_pages = 256;
  c.max_table_elements = 1'000'000;
  return c;
}


}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: wasm_gas_bound HONEST_DIR\n");
    return 2;
  }
  fuzz::GasBound bound;
  const auto mixes = fuzz::calibrate_wasm(argv[1], config(), &bound);
  std::printf("honest mixes (%llu gas each, fastest of %d):\n", static_cast<unsigned long long>(fuzz::kHonestGas),
              fuzz::kHonestRepeats);
  bool ok = !mixes.empty();
  for (const auto& m : mixes) {
    fuzz::print_timing_row(m.name.c_str(), m.timing, bound.honest_per_gas());
    if (m.timing.gas == 0) {
      std::printf("    did not run\n");
      ok = false;
    }
  }
  if (!ok || !bound.calibrated()) {
    std::fprintf(stderr, "wasm_gas_bound: no honest mix ran from %s\n", argv[1]);
    return 2;
  }
  std::printf("ceiling: %.2f ns/gas (%.0f x the slowest honest mix, %.2f ns/gas)\n", bound.ceiling_per_gas(),
              fuzz::kCeilingFactor, bound.honest_per_gas());

  struct Attack {
    const char* name;
    Bytes wasm;
  };
  const Attack attacks[] = {
      {"many_locals", many_locals(kFullLocals)}, {"many_constants", many_constants(kFullConstants)},
      {"fill_whole_memory", fill_whole_memory()}, {"copy_whole_table", copy_whole_table()},
      {"fill_whole_table", fill_whole_table()},
  };
  std::printf("attacks (%llu gas each, fastest of 3):\n", static_cast<unsigned long long>(kAttackGas));
  for (const Attack& a : attacks) {
    const GasTiming t = fuzz::best_of(3, a.wasm, config(), "main", kAttackGas);
    fuzz::print_timing_row(a.name, t, bound.honest_per_gas());
    if (t.gas == 0) {
      std::printf("    did not run\n");
      ok = false;
    } else if (bound.exceeds(t)) {
      std::printf("    OVER THE CEILING: work not paid for by gas\n");
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
