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
#include "support/wasm_module_builder.hpp"

namespace {

using namespace dusk;
using namespace dusk::testing::wasm_builder;
using dusk::fuzz::GasTiming;
using VT = ValType;

constexpr u64 kAttackGas = 1'000'000;

wasm::EngineConfig config() {
  wasm::EngineConfig c;
  c.max_memory_pages = 256;
  c.max_table_elements = 1'000'000;
  return c;
}

// (func $f <locals> <body>) (func (export "main") (loop (call $f) (br 0)))
Bytes called_in_a_loop(std::vector<ModuleBuilder::Local> locals, const Bytes& body) {
  ModuleBuilder b;
  const u32 t = b.type({}, {});
  const u32 f = b.func(t, std::move(locals), body);
  b.func(t, {}, cat({op::loop(), op::call(f), op::br(0), op::kEnd}), "main");
  return b.build();
}

Bytes many_locals() { return called_in_a_loop({{49'990, VT::kI64}}, {}); }

Bytes many_constants() {
  Bytes untaken;
  for (i32 i = 1; i <= 1'000'000; ++i) {
    const Bytes c = op::i32_const(i);
    untaken.insert(untaken.end(), c.begin(), c.end());
    untaken.push_back(op::drop()[0]);
  }
  return called_in_a_loop({}, cat({op::i32_const(0), op::if_(), untaken, op::kEnd}));
}

// (loop (memory.fill 0 0 (memory size in bytes)) (br 0)) over a 2 MiB memory (its
// instantiation takes half of the gas).
Bytes fill_whole_memory() {
  ModuleBuilder b;
  b.memory(32);
  const Bytes size = cat({op::memory_size(), op::i32_const(16), Bytes{0x74}});  // pages << 16
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(0), op::i32_const(0), size, op::memory_fill(), op::br(0), op::kEnd}), "main");
  return b.build();
}

// (loop (table.copy 0 0 (i32.const 1) (i32.const 0) (i32.const 999999)) (br 0))
Bytes copy_whole_table() {
  ModuleBuilder b;
  b.table(1'000'000);
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(1), op::i32_const(0), op::i32_const(999'999), op::table_copy(0, 0), op::br(0),
              op::kEnd}),
         "main");
  return b.build();
}

// (loop (table.fill 0 (i32.const 0) (ref.null func) (i32.const 1000000)) (br 0))
Bytes fill_whole_table() {
  ModuleBuilder b;
  b.table(1'000'000);
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(0), op::ref_null_func(), op::i32_const(1'000'000), op::table_fill(0), op::br(0),
              op::kEnd}),
         "main");
  return b.build();
}

void print_row(const char* name, const GasTiming& t, double honest) {
  std::printf("  %-18s %10llu gas %9.3f ms %8.2f ns/gas %7.2fx\n", name, static_cast<unsigned long long>(t.gas),
              t.nanos / 1e6, t.per_gas(), honest > 0 ? t.per_gas() / honest : 0.0);
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
    print_row(m.name.c_str(), m.timing, bound.honest_per_gas());
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
      {"many_locals", many_locals()},          {"many_constants", many_constants()},
      {"fill_whole_memory", fill_whole_memory()}, {"copy_whole_table", copy_whole_table()},
      {"fill_whole_table", fill_whole_table()},
  };
  std::printf("attacks (%llu gas each, fastest of 3):\n", static_cast<unsigned long long>(kAttackGas));
  for (const Attack& a : attacks) {
    const GasTiming t = fuzz::best_of(3, a.wasm, config(), "main", kAttackGas);
    print_row(a.name, t, bound.honest_per_gas());
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
