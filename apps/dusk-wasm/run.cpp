#include "run.hpp"

#include <chrono>
#include <cstdio>

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "read_file.hpp"
#include "value_text.hpp"
#include "wasi.hpp"

namespace dusk::wasm_cli {

namespace {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "dusk-wasm: %s\n", message.c_str());
  return kExitUsage;
}

const char* compile_error_kind(wasm::CompileError code) {
  switch (code) {
    case wasm::CompileError::kMalformed: return "malformed module";
    case wasm::CompileError::kInvalid: return "invalid module";
    case wasm::CompileError::kTooLarge: return "module exceeds an engine limit";
    case wasm::CompileError::kUnsupported: return "unsupported feature";
  }
  return "error";
}

// The exported function to call and its arguments, checked before anything runs.
Result<std::vector<wasm::Value>> check_entry(const wasm::Module& module, const RunOptions& o) {
  const std::string name = o.invoke.value_or("_start");
  const wasm::Export* exp = nullptr;
  for (const wasm::Export& e : module.exports()) {
    if (e.name == name) exp = &e;
  }
  if (exp == nullptr || exp->kind != wasm::ExternKind::kFunc) {
    if (o.invoke) return Error("the module exports no function \"" + name + "\"");
    return Error("the module exports no _start function (not a WASI command?); use --invoke NAME");
  }
  if (!o.invoke) {
    if (!module.func_type(exp->index).params.empty()) return Error("_start takes parameters");
    return std::vector<wasm::Value>{};
  }
  const wasm::FuncType& type = module.func_type(exp->index);
  if (o.args.size() != type.params.size()) {
    return Error("\"" + name + "\" has type " + type.to_string() + " and takes " +
                 std::to_string(type.params.size()) + " argument(s), " + std::to_string(o.args.size()) + " given");
  }
  std::vector<wasm::Value> args;
  for (size_t i = 0; i < o.args.size(); ++i) {
    auto v = parse_value(type.params[i], o.args[i]);
    if (!v) return Error("argument " + std::to_string(i + 1) + " of \"" + name + "\": " + v.error().message);
    args.push_back(*v);
  }
  return args;
}

// The process status for a WASI exit code (a u32 the engine keeps in an int).
int exit_status(int wasi_code) {
  const u32 code = static_cast<u32>(wasi_code);
  if (code <= 255) return static_cast<int>(code);
  std::fprintf(stderr, "dusk-wasm: exit code %u is out of range 0-255\n", code);
  return kExitCodeOutOfRange;
}

void print_stats(u64 gas_used, std::chrono::steady_clock::duration wall) {
  const double ms = std::chrono::duration<double, std::milli>(wall).count();
  std::fprintf(stderr, "dusk-wasm: gas used: %llu\ndusk-wasm: wall time: %.3f ms\n",
               static_cast<unsigned long long>(gas_used), ms);
}

}  // namespace

int run_module(const RunOptions& o) {
  auto bytes = read_file(o.file);
  if (!bytes) return usage_error(bytes.error().message);

  wasm::EngineConfig config;
  config.metering = o.metering;
  // Ordinary programs recurse deeper than contracts may: both stacks are reserved
  // lazily, so these limits cost nothing until used.
  config.max_call_depth = 1'000'000;
  config.max_value_stack = 1u << 26;
  auto module = wasm::compile(*bytes, config);
  if (!module) {
    return usage_error("compile error in " + o.file + ": " + compile_error_kind(module.error().code) + ": " +
                       module.error().message);
  }
  auto args = check_entry(**module, o);
  if (!args) return usage_error(args.error().message);

  wasm::Store store(config);
  wasm::Linker linker;
  WasiOptions wasi_options{{o.file}, o.env};
  if (!o.invoke) wasi_options.args.insert(wasi_options.args.end(), o.args.begin(), o.args.end());
  Wasi wasi(std::move(wasi_options));
  wasi.define(store, linker, **module);
  auto imports = linker.resolve(**module);
  if (!imports) return usage_error("link error: " + imports.error().message);

  const auto t0 = std::chrono::steady_clock::now();
  // How a run ends, whether in the start function or in the entry point.
  auto finish = [&](const wasm::ExecResult& r, const std::vector<wasm::Value>& results) {
    if (o.stats) print_stats(r.gas_used, std::chrono::steady_clock::now() - t0);
    switch (r.trap) {
      case wasm::Trap::kNone:
        for (const wasm::Value& v : results) std::printf("%s\n", format_value(v).c_str());
        return 0;
      case wasm::Trap::kExit:
        return exit_status(r.exit_code);
      case wasm::Trap::kOutOfGas:
        std::fprintf(stderr, "dusk-wasm: trap: out of gas (gas used: %llu, limit: %llu)\n",
                     static_cast<unsigned long long>(r.gas_used), static_cast<unsigned long long>(o.gas));
        return kExitTrap;
      default:
        std::fprintf(stderr, "dusk-wasm: trap: %s\n", r.describe().c_str());
        return kExitTrap;
    }
  };
  wasm::ExecResult start;
  auto inst = store.instantiate(*module, *imports, o.gas, &start);
  if (!inst) {
    if (start.trap != wasm::Trap::kNone) return finish(start, {});  // the start function ended the run
    if (inst.error().code == wasm::InstantiateError::kInstantiationTrap) {
      std::fprintf(stderr, "dusk-wasm: trap: %s\n", inst.error().message.c_str());
      return kExitTrap;
    }
    return usage_error("link error: " + inst.error().message);
  }
  wasm::FuncInst* entry = (*inst)->exported_func(o.invoke.value_or("_start"));
  if (entry == nullptr) return usage_error("the instance has no exported function to call");
  std::vector<wasm::Value> results;
  wasm::ExecResult r = store.invoke(entry, *args, &results, o.gas - start.gas_used);
  r.gas_used += start.gas_used;
  return finish(r, results);
}

}  // namespace dusk::wasm_cli
