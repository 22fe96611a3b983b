// WASI host calls pay for their work: a base price per call and the bulk rate for the
// bytes they copy (apps/dusk-wasm/wasi.cpp).
#include <gtest/gtest.h>

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "dusk-wasm/wasi.hpp"
#include "support/wasm_module_builder.hpp"

namespace dusk::wasm_cli {
namespace {

using namespace dusk::testing::wasm_builder;
using wasm::ValType;

// (import "wasi_snapshot_preview1" "random_get" (func (param i32 i32) (result i32)))
// (memory 1) (func (export "rand") (param $len i32) (drop (call 0 (i32.const 0) (local.get 0))))
Bytes random_module() {
  Bytes m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
  const std::string mod = kWasiModule, name = "random_get";
  ModuleBuilder::section(m, 1, {0x02, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x00});
  Bytes imp = cat({{0x01}, leb(mod.size())});
  imp.insert(imp.end(), mod.begin(), mod.end());
  imp = cat({imp, leb(name.size())});
  imp.insert(imp.end(), name.begin(), name.end());
  imp = cat({imp, {0x00, 0x00}});
  ModuleBuilder::section(m, 2, imp);
  ModuleBuilder::section(m, 3, {0x01, 0x01});
  ModuleBuilder::section(m, 5, {0x01, 0x00, 0x01});
  ModuleBuilder::section(m, 7, {0x01, 0x04, 'r', 'a', 'n', 'd', 0x00, 0x01});
  const Bytes body = cat({{0x00}, op::i32_const(0), op::local_get(0), op::call(0), op::drop(), op::kEnd});
  ModuleBuilder::section(m, 10, cat({{0x01}, leb(body.size()), body}));
  return m;
}

TEST(WasiGas, RandomGetPaysPerCallAndPerByte) {
  auto module = wasm::compile(random_module(), wasm::EngineConfig{});
  ASSERT_TRUE(module.ok()) << module.error().message;
  wasm::Store store;
  wasm::Linker linker;
  Wasi wasi(WasiOptions{{"test"}, {}});
  wasi.define(store, linker, **module);
  auto imports = linker.resolve(**module);
  ASSERT_TRUE(imports.ok()) << imports.error().message;
  auto inst = store.instantiate(*module, *imports);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  wasm::FuncInst* rand = (*inst)->exported_func("rand");
  std::vector<wasm::Value> out;
  const u64 none = store.invoke(rand, std::vector<wasm::Value>{wasm::Value::i32(0)}, &out).gas_used;
  const u64 some = store.invoke(rand, std::vector<wasm::Value>{wasm::Value::i32(6400)}, &out).gas_used;
  EXPECT_GT(none, 1000u);  // the call's own price
  EXPECT_EQ(some - none, wasm::default_gas_schedule().bulk_cost(6400));
  // Too little gas for the bytes: the call traps before filling the buffer.
  EXPECT_EQ(store.invoke(rand, std::vector<wasm::Value>{wasm::Value::i32(6400)}, &out, none + 10).trap,
            wasm::Trap::kOutOfGas);
}

}  // namespace
}  // namespace dusk::wasm_cli
