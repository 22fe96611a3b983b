// WebAssembly programs built to do work that their gas might not pay for: the two that
// found the metering hole (a function with 49,990 i64 locals; one with a million
// constants behind a branch never taken; each called in a loop) and the bulk
// instructions at their largest. wasm_gas_bound.cpp times them at full size; the wasm
// fuzzer's corpus gets smaller versions (wasm_attack_seeds.cpp).
#pragma once

#include <vector>

#include "support/wasm_module_builder.hpp"

namespace dusk::fuzz::wasm_attacks {

using namespace dusk::testing::wasm_builder;

inline constexpr u32 kFullLocals = 49'990;
inline constexpr i32 kFullConstants = 1'000'000;

// (func $f <locals> <body>) (func (export "main") (loop (call $f) (br 0)))
inline Bytes called_in_a_loop(std::vector<ModuleBuilder::Local> locals, const Bytes& body) {
  ModuleBuilder b;
  const u32 t = b.type({}, {});
  const u32 f = b.func(t, std::move(locals), body);
  b.func(t, {}, cat({op::loop(), op::call(f), op::br(0), op::kEnd}), "main");
  return b.build();
}

// A function with `n` i64 locals, called in a loop.
inline Bytes many_locals(u32 n) { return called_in_a_loop({{n, ValType::kI64}}, {}); }

// A function with `n` distinct constants behind a branch never taken, called in a loop.
inline Bytes many_constants(i32 n) {
  Bytes untaken;
  for (i32 i = 1; i <= n; ++i) {
    const Bytes c = op::i32_const(i);
    untaken.insert(untaken.end(), c.begin(), c.end());
    untaken.push_back(op::drop()[0]);
  }
  return called_in_a_loop({}, cat({op::i32_const(0), op::if_(), untaken, op::kEnd}));
}

// (loop (memory.fill 0 0 (memory size in bytes)) (br 0)) over a 2 MiB memory (its
// instantiation takes half of the gas).
inline Bytes fill_whole_memory() {
  ModuleBuilder b;
  b.memory(32);
  const Bytes size = cat({op::memory_size(), op::i32_const(16), Bytes{0x74}});  // pages << 16
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(0), op::i32_const(0), size, op::memory_fill(), op::br(0), op::kEnd}), "main");
  return b.build();
}

// (loop (table.copy 0 0 (i32.const 1) (i32.const 0) (i32.const 999999)) (br 0))
inline Bytes copy_whole_table() {
  ModuleBuilder b;
  b.table(1'000'000);
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(1), op::i32_const(0), op::i32_const(999'999), op::table_copy(0, 0), op::br(0),
              op::kEnd}),
         "main");
  return b.build();
}

// (loop (table.fill 0 (i32.const 0) (ref.null func) (i32.const 1000000)) (br 0))
inline Bytes fill_whole_table() {
  ModuleBuilder b;
  b.table(1'000'000);
  b.func(b.type({}, {}), {},
         cat({op::loop(), op::i32_const(0), op::ref_null_func(), op::i32_const(1'000'000), op::table_fill(0), op::br(0),
              op::kEnd}),
         "main");
  return b.build();
}

}  // namespace dusk::fuzz::wasm_attacks
