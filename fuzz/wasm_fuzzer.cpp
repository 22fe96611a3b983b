// libFuzzer target for the DuskVM WebAssembly engine: arbitrary bytes are decoded,
// validated and translated; a module that compiles is instantiated with every import
// satisfied by a generated stub, and every exported function is invoked with zero
// arguments under a gas limit; all of it twice, in two fresh stores, which must agree.
// Every path must end in a clean error or trap; anything else (a crash, a sanitizer
// report, a leak, a hang, or a broken invariant below) is a bug in the engine.
//
// Inputs that do not start with the wasm magic are also tried as the instructions of a
// function placed in a fixed module with a memory, a table, globals and segments (see
// wrap_body): most mutations of a whole module only break its framing, while this mode
// feeds the validator and the interpreter directly.
//
// Built with clang++ -fsanitize=fuzzer,address,undefined by fuzz/CMakeLists.txt;
// `wasm_fuzzer file.wasm` replays one input, `wasm_fuzzer dir/` fuzzes.
// DUSK_FUZZ_STATS=1 prints how far the inputs got (compiled, instantiated, invoked) at exit.
//
// Gas bounds work: each execution (instantiation and every invocation) must spend no
// more CPU time per gas than the ceiling that the honest mixes of tests/gas_bound/honest
// calibrate at start-up (tests/gas_bound/gas_bound.hpp). An execution over it is timed
// once more (both fresh stores ran it already) and fails if every run was over.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "base/leb128.hpp"
#include "duskvm/engine/config.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "duskvm/engine/trap.hpp"
#include "gas_bound/wasm_honest.hpp"

namespace {

using namespace dusk;
using namespace dusk::wasm;

constexpr u64 kGasLimit = 100'000;
constexpr u64 kHostGas = 10;            // charged by every stub host function
constexpr size_t kMaxInvocations = 64;  // exports invoked per input

EngineConfig fuzz_config() {
  EngineConfig c;
  c.max_module_bytes = 1u << 20;
  c.max_memory_pages = 256;  // 16 MiB
  c.max_table_elements = 100'000;
  c.max_call_depth = 500;
  c.max_value_stack = 1u << 16;
  c.metering = true;
  return c;
}

// Counters for DUSK_FUZZ_STATS.
struct Stats {
  u64 inputs = 0, bodies = 0, compiled = 0, linked = 0, instantiated = 0, invoked = 0, returned = 0;
  u64 compile_errors[5] = {};
  u64 traps[16] = {};
  ~Stats() {
    if (!std::getenv("DUSK_FUZZ_STATS")) return;
    std::fprintf(stderr,
                 "dusk-fuzz: inputs %llu (as function bodies %llu); modules compiled %llu (malformed %llu, invalid %llu, too large %llu, "
                 "unsupported %llu), imports stubbed %llu, instantiated %llu, invocations %llu, returned %llu\n",
                 (unsigned long long)inputs, (unsigned long long)bodies, (unsigned long long)compiled, (unsigned long long)compile_errors[static_cast<int>(CompileError::kMalformed)],
                 (unsigned long long)compile_errors[static_cast<int>(CompileError::kInvalid)], (unsigned long long)compile_errors[static_cast<int>(CompileError::kTooLarge)],
                 (unsigned long long)compile_errors[static_cast<int>(CompileError::kUnsupported)], (unsigned long long)linked,
                 (unsigned long long)instantiated, (unsigned long long)invoked, (unsigned long long)returned);
    std::fprintf(stderr, "dusk-fuzz: traps:");
    for (int t = 1; t < 16; ++t)
      if (traps[t]) std::fprintf(stderr, " [%s] %llu", trap_message(static_cast<Trap>(t)), (unsigned long long)traps[t]);
    std::fprintf(stderr, "\n");
  }
};
Stats g_stats;

// An invariant of the engine's API was broken: report it as a crash.
[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "dusk-fuzz: invariant broken: %s\n", what);
  std::abort();
}

// Creates one external value matching the import's type, or returns false.
bool stub_import(Store& store, const Module& m, const Import& imp, Extern* out) {
  switch (imp.kind) {
    case ExternKind::kFunc: {
      if (imp.func_type >= m.types().size()) fail("import type index out of range");
      const FuncType& ft = m.types()[imp.func_type];
      // Charges a little gas (host gas accounting), then returns zeros of the result types.
      FuncInst* f = store.add_host_function(ft, [](HostContext& ctx, std::span<const Value>, std::span<Value> results) {
        if (!ctx.consume_gas(kHostGas)) return Trap::kOutOfGas;
        for (Value& v : results) v = Value::zero(v.type);
        return Trap::kNone;
      });
      if (!f) return false;
      *out = Extern::func(f);
      return true;
    }
    case ExternKind::kTable: {
      TableInst* t = store.add_table(imp.table, Value::null_ref(imp.table.elem));
      if (!t) return false;
      *out = Extern::table(t);
      return true;
    }
    case ExternKind::kMemory: {
      auto mem = store.add_memory(imp.memory);
      if (!mem.ok()) return false;
      *out = Extern::memory(*mem);
      return true;
    }
    case ExternKind::kGlobal: {
      GlobalInst* g = store.add_global(imp.global, Value::zero(imp.global.type));
      if (!g) return false;
      *out = Extern::global(g);
      return true;
    }
  }
  fail("unknown import kind");
}

// What an execution observably did: outcome codes, traps, gas and results. Running the
// same module twice must give the same transcript (no uninitialized reads, no
// dependence on addresses).
using Transcript = std::vector<u64>;

// Returns the gas all the invocations used.
u64 run_exports(Store& store, Instance& inst, Transcript* log, bool count) {
  size_t calls = 0;
  u64 gas = 0;
  for (const Export& e : inst.module().exports()) {
    if (e.kind != ExternKind::kFunc) continue;
    if (++calls > kMaxInvocations) break;
    FuncInst* f = inst.exported_func(e.name);
    if (!f) fail("exported function not found by name");
    const FuncType& t = f->type();
    std::vector<Value> args;
    args.reserve(t.params.size());
    for (ValType p : t.params) args.push_back(Value::zero(p));
    std::vector<Value> results;
    const ExecResult r = store.invoke(f, args, &results, kGasLimit);
    if (r.gas_used > kGasLimit) fail("gas used exceeds the limit");
    gas += r.gas_used;
    if (r.trap == Trap::kOutOfGas && r.gas_used != kGasLimit) fail("out of gas before the limit was used");
    if (static_cast<unsigned>(r.trap) >= 16) fail("unknown trap code");
    // Our stubs never fail and there is no WASI, so these cannot happen.
    if (r.trap == Trap::kHostError || r.trap == Trap::kExit) fail("host error without a failing host");
    log->push_back(static_cast<u64>(r.trap));
    log->push_back(r.gas_used);
    if (r.ok()) {
      if (results.size() != t.results.size()) fail("wrong number of results");
      for (size_t i = 0; i < results.size(); ++i) {
        if (results[i].type != t.results[i]) fail("result of the wrong type");
        // References are addresses, which differ between stores: only their nullness counts.
        log->push_back(is_ref(results[i].type) ? u64{results[i].bits != 0} : results[i].bits);
      }
    }
    if (count) {
      ++g_stats.invoked;
      if (r.ok()) ++g_stats.returned;
      else ++g_stats.traps[static_cast<unsigned>(r.trap)];
    }
  }
  return gas;
}

dusk::fuzz::GasBound g_bound;

// Instantiates the module in a fresh store with stub imports and runs its exports;
// returns the gas and CPU time of all of it.
dusk::fuzz::GasTiming execute(const std::shared_ptr<const Module>& module, Transcript* log, bool count) {
  const u64 start = dusk::fuzz::thread_cpu_nanos();
  u64 gas = 0;
  const auto timing = [&] { return dusk::fuzz::GasTiming{gas, dusk::fuzz::thread_cpu_nanos() - start}; };
  Store store(fuzz_config());
  std::vector<Extern> imports;
  imports.reserve(module->imports().size());
  for (const Import& imp : module->imports()) {
    Extern ext;
    if (!stub_import(store, *module, imp, &ext)) {  // e.g. a table or memory over the limits
      log->push_back(~u64{0});
      return timing();
    }
    imports.push_back(ext);
  }
  if (count) ++g_stats.linked;

  ExecResult start_result;
  auto inst = store.instantiate(module, imports, kGasLimit, &start_result);
  gas += start_result.gas_used;
  if (!inst.ok()) {
    const InstantiateError code = inst.error().code;
    if (code != InstantiateError::kLinkError && code != InstantiateError::kInstantiationTrap)
      fail("instantiate error without an InstantiateError code");
    // The stubs match the imports exactly, so linking itself must succeed.
    if (code == InstantiateError::kLinkError) fail("stub imports rejected by the linker");
    log->push_back(static_cast<u64>(code));
    return timing();
  }
  if (count) ++g_stats.instantiated;
  log->push_back(0);
  gas += run_exports(store, *inst.value(), log, count);
  return timing();
}

void append_u32(Bytes& out, u64 v) {
  u8 buf[10];
  out.insert(out.end(), buf, buf + leb128::write_unsigned(v, buf));
}

void append_section(Bytes& out, u8 id, const Bytes& content) {
  out.push_back(id);
  append_u32(out, content.size());
  out.insert(out.end(), content.begin(), content.end());
}

// The fixed module around fuzzed instructions:
//   (type $t0 (func (param i32 i64 f32 f64)))  (type $t1 (func (param i32) (result i32)))
//   (func $f (export "f") (type $t0) (local i32 i32 i64 funcref) <instructions> end)
//   (func $h (type $t1) (i32.add (local.get 0) (i32.const 1)))
//   (table 4 16 funcref)  (memory 1 4)  (global (mut i32) (i32.const 0))  (global (mut i64) (i64.const 0))
//   (elem (i32.const 0) func $f $h)  (elem func $f $h)  (data "data")  + a data count section
Bytes wrap_body(ByteView instructions) {
  Bytes m = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  append_section(m, 1, {0x02, 0x60, 0x04, 0x7f, 0x7e, 0x7d, 0x7c, 0x00, 0x60, 0x01, 0x7f, 0x01, 0x7f});
  append_section(m, 3, {0x02, 0x00, 0x01});
  append_section(m, 4, {0x01, 0x70, 0x01, 0x04, 0x10});
  append_section(m, 5, {0x01, 0x01, 0x01, 0x04});
  append_section(m, 6, {0x02, 0x7f, 0x01, 0x41, 0x00, 0x0b, 0x7e, 0x01, 0x42, 0x00, 0x0b});
  append_section(m, 7, {0x01, 0x01, 'f', 0x00, 0x00});
  append_section(m, 9, {0x02, 0x00, 0x41, 0x00, 0x0b, 0x02, 0x00, 0x01, 0x01, 0x00, 0x02, 0x00, 0x01});
  append_section(m, 12, {0x01});
  const Bytes locals = {0x03, 0x02, 0x7f, 0x01, 0x7e, 0x01, 0x70};
  Bytes code = {0x02};
  append_u32(code, locals.size() + instructions.size() + 1);
  code.insert(code.end(), locals.begin(), locals.end());
  code.insert(code.end(), instructions.begin(), instructions.end());
  code.push_back(0x0b);
  const Bytes helper = {0x00, 0x20, 0x00, 0x41, 0x01, 0x6a, 0x0b};
  append_u32(code, helper.size());
  code.insert(code.end(), helper.begin(), helper.end());
  append_section(m, 10, code);
  append_section(m, 11, {0x01, 0x01, 0x04, 'd', 'a', 't', 'a'});
  return m;
}

void run_module(ByteView bytes) {
  const EngineConfig config = fuzz_config();
  auto compiled = compile(bytes, config);
  if (!compiled.ok()) {
    const int code = static_cast<int>(compiled.error().code);
    if (code < static_cast<int>(CompileError::kMalformed) || code > static_cast<int>(CompileError::kUnsupported))
      fail("compile error without a CompileError code");
    if (compiled.error().message.empty()) fail("compile error without a message");
    ++g_stats.compile_errors[code];
    return;
  }
  ++g_stats.compiled;
  const std::shared_ptr<const Module> module = std::move(compiled).value();
  Transcript first, second;
  const dusk::fuzz::GasTiming a = execute(module, &first, true);
  const dusk::fuzz::GasTiming b = execute(module, &second, false);
  if (first != second) fail("two runs of the same module differ");
  if (g_bound.exceeds(a) && g_bound.exceeds(b)) {
    Transcript third;
    const dusk::fuzz::GasTiming c = execute(module, &third, false);
    if (g_bound.exceeds(c)) {
      std::fprintf(stderr, "dusk-fuzz: %llu gas took %.3f ms: %.2f ns/gas, over the ceiling of %.2f\n",
                   static_cast<unsigned long long>(c.gas), c.nanos / 1e6, c.per_gas(), g_bound.ceiling_per_gas());
      fail("CPU time per gas over the ceiling: work that gas does not pay for");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto mixes = dusk::fuzz::calibrate_wasm(DUSK_HONEST_WASM_DIR, fuzz_config(), &g_bound);
  if (!g_bound.calibrated()) fail("no honest mix ran from " DUSK_HONEST_WASM_DIR);
  if (std::getenv("DUSK_FUZZ_STATS")) {
    for (const auto& m : mixes)
      std::fprintf(stderr, "dusk-fuzz: honest %-8s %10llu gas %9.3f ms %8.2f ns/gas\n", m.name.c_str(),
                   static_cast<unsigned long long>(m.timing.gas), m.timing.nanos / 1e6, m.timing.per_gas());
    std::fprintf(stderr, "dusk-fuzz: ceiling %.2f ns/gas\n", g_bound.ceiling_per_gas());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ++g_stats.inputs;
  const ByteView input(data, size);
  run_module(input);
  if (size < 4 || std::memcmp(data, "\0asm", 4) != 0) {
    ++g_stats.bodies;
    run_module(wrap_body(input));
  }
  return 0;
}
