#include "spectest_module.hpp"

#include <cstdio>
#include <string>

#include "value_text.hpp"

namespace dusk::wasm_cli {

using wasm::Extern;
using wasm::FuncType;
using wasm::ValType;
using wasm::Value;

void define_spectest_module(wasm::Store& store, wasm::Linker& linker, bool verbose) {
  constexpr const char* kModule = "spectest";
  auto print = [verbose](wasm::HostContext&, std::span<const Value> args, std::span<Value>) {
    if (verbose) {
      for (const Value& v : args) {
        const std::string text = format_value(v);  // "i32:42" -> "42 : i32"
        const size_t colon = text.find(':');
        std::printf("%s : %s\n", text.c_str() + colon + 1, text.substr(0, colon).c_str());
      }
      std::fflush(stdout);
    }
    return wasm::Trap::kNone;
  };
  const struct {
    const char* name;
    std::vector<ValType> params;
  } prints[] = {
      {"print", {}},
      {"print_i32", {ValType::kI32}},
      {"print_i64", {ValType::kI64}},
      {"print_f32", {ValType::kF32}},
      {"print_f64", {ValType::kF64}},
      {"print_i32_f32", {ValType::kI32, ValType::kF32}},
      {"print_f64_f64", {ValType::kF64, ValType::kF64}},
  };
  for (const auto& p : prints) {
    linker.define(kModule, p.name, Extern::func(store.add_host_function(FuncType{p.params, {}}, print)));
  }

  auto global = [&](const char* name, Value v) {
    linker.define(kModule, name, Extern::global(store.add_global({v.type, false}, v)));
  };
  global("global_i32", Value::i32(666));
  global("global_i64", Value::i64(666));
  global("global_f32", Value::f32(666.6f));
  global("global_f64", Value::f64(666.6));

  wasm::TableType table{ValType::kFuncRef, {10, 20}};
  linker.define(kModule, "table", Extern::table(store.add_table(table, Value::null_ref(ValType::kFuncRef))));
  wasm::MemoryType memory{{1, 2}, false};
  // One page, within every limit the runner configures: creation cannot fail here, and
  // if the process has no address space left the runner has nothing to test with.
  auto mem = store.add_memory(memory);
  linker.define(kModule, "memory", Extern::memory(mem.ok() ? *mem : nullptr));
}

}  // namespace dusk::wasm_cli
