// Hostile modules: each must end in a clean compile error, a clean instantiation error
// or a trap, with the documented code, and without a huge allocation or a crash.
// Modules are built here byte by byte (ModuleBuilder) so that they can break limits
// that a text assembler refuses to encode.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "base/leb128.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "support/wasm_module_builder.hpp"

namespace dusk::wasm {
namespace {

using namespace dusk::testing::wasm_builder;

// Limits like the fuzzer's: small enough that a test never commits much memory.
EngineConfig small_config() {
  EngineConfig c;
  c.max_memory_pages = 256;
  c.max_table_elements = 100'000;
  c.max_call_depth = 500;
  c.max_value_stack = 1u << 16;
  c.metering = true;
  return c;
}

constexpr u64 kGas = 1'000'000;

// Compiles, instantiates and keeps the store for invoking exports.
struct Harness {
  explicit Harness(const EngineConfig& c = small_config()) : config(c), store(c) {}

  // Compiles and instantiates; false (with `error` set) on failure.
  bool load(const Bytes& wasm) {
    auto m = compile(wasm, config);
    if (!m.ok()) {
      error = m.error();
      return false;
    }
    auto inst = store.instantiate(*m, {}, kGas);
    if (!inst.ok()) {
      error = inst.error();
      return false;
    }
    instance = *inst;
    return true;
  }
  ExecResult call(const char* name, std::vector<Value> args = {}, u64 gas = kGas) {
    FuncInst* f = instance ? instance->exported_func(name) : nullptr;
    if (!f) {
      ADD_FAILURE() << "no export " << name;
      return {};
    }
    results.clear();
    return store.invoke(f, args, &results, gas);
  }

  EngineConfig config;
  Store store;
  Instance* instance = nullptr;
  Error error;
  std::vector<Value> results;
};

// Expects compile() to fail with `code`.
void expect_compile_error(const Bytes& wasm, CompileError code, const EngineConfig& config = small_config()) {
  auto m = compile(wasm, config);
  ASSERT_FALSE(m.ok()) << "compiled, expected error code " << static_cast<int>(code);
  EXPECT_EQ(m.error().code, code) << m.error().message;
  EXPECT_FALSE(m.error().message.empty());
}

using VT = ValType;

// --- memory

TEST(Hostile, HugeDeclaredMemoryFailsInstantiation) {
  // 65536 pages (4 GiB) is a valid declaration, but over this engine's limit of 256.
  ModuleBuilder b;
  b.memory(65536);
  Harness h;
  auto m = compile(b.build(), h.config);
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto inst = h.store.instantiate(*m, {});
  ASSERT_FALSE(inst.ok());
  EXPECT_EQ(inst.error().code, InstantiateError::kInstantiationTrap);
  EXPECT_NE(inst.error().message.find("exceeds the engine limit"), std::string::npos) << inst.error().message;
}

TEST(Hostile, HugeDeclaredMemory64FailsInstantiation) {
  ModuleBuilder b;
  b.memory(u64{1} << 40, std::nullopt, /*is64=*/true);
  Harness h;
  auto m = compile(b.build(), h.config);
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto inst = h.store.instantiate(*m, {});
  ASSERT_FALSE(inst.ok());
  EXPECT_EQ(inst.error().code, InstantiateError::kInstantiationTrap);
}

TEST(Hostile, MemoryOverFourGibIsInvalid) {
  ModuleBuilder b;
  b.memory(65537);
  expect_compile_error(b.build(), CompileError::kInvalid);
  ModuleBuilder c;
  c.memory(1, 0xffffffffu);
  expect_compile_error(c.build(), CompileError::kInvalid);
}

TEST(Hostile, HugeMemoryImportCannotBeCreated) {
  Harness h;
  auto m32 = h.store.add_memory(MemoryType{Limits{65536, std::nullopt}, false});
  ASSERT_FALSE(m32.ok());
  EXPECT_NE(m32.error().message.find("65536 pages exceeds the engine limit of 256 pages"), std::string::npos)
      << m32.error().message;
  EXPECT_FALSE(h.store.add_memory(MemoryType{Limits{u64{1} << 48, std::nullopt}, true}).ok());
}

TEST(Hostile, MemoryGrowBeyondLimitReturnsMinusOne) {
  ModuleBuilder b;
  b.memory(1);  // no declared maximum: the engine limit (16 pages here) applies
  const u32 t = b.type({VT::kI32}, {VT::kI32});
  b.func(t, {}, cat({op::local_get(0), op::memory_grow()}), "grow");
  b.func(b.type({}, {VT::kI32}), {}, op::memory_size(), "size");
  EngineConfig c = small_config();
  c.max_memory_pages = 16;
  Harness h(c);
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  // Growth past the limit returns -1 and charges nothing for pages (only growth that
  // happens is paid for per page)...
  for (u32 delta : {17u, 0x10000u, 0x7fffffffu, 0xffffffffu}) {
    const ExecResult r = h.call("grow", {Value::i32(delta)}, ~u64{0});
    ASSERT_TRUE(r.ok()) << delta << ": " << r.describe();
    EXPECT_EQ(h.results.at(0).as_i32(), -1) << delta;
  }
  // ...so it returns -1 even with little gas, and memory is unchanged.
  const ExecResult refused = h.call("grow", {Value::i32(0xffffffffu)}, kGas);
  ASSERT_TRUE(refused.ok()) << refused.describe();
  EXPECT_EQ(h.results.at(0).as_i32(), -1);
  ASSERT_TRUE(h.call("grow", {Value::i32(15)}).ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 1u);
  ASSERT_TRUE(h.call("grow", {Value::i32(1)}).ok());
  EXPECT_EQ(h.results.at(0).as_i32(), -1);
  ASSERT_TRUE(h.call("grow", {Value::i32(0)}).ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 16u);
  ASSERT_TRUE(h.call("size").ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 16u);
}

TEST(Hostile, MemoryGrowInALoopStopsAtTheLimit) {
  // (loop (br_if 0 (i32.ne (memory.grow (i32.const 1)) (i32.const -1)))) (memory.size)
  ModuleBuilder b;
  b.memory(0);
  const Bytes code = cat({op::loop(), op::i32_const(1), op::memory_grow(), op::i32_const(-1), {0x47},
                          op::br_if(0), op::kEnd, op::memory_size()});
  b.func(b.type({}, {VT::kI32}), {}, code, "grow_all");
  Harness h;
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  // 256 pages at the default price of memory growth, and the loop's own instructions.
  ASSERT_TRUE(h.call("grow_all", {}, 256 * u64{default_gas_schedule().memory_grow_page} + 10'000).ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 256u);
}

// --- tables

TEST(Hostile, HugeTableFailsCleanly) {
  ModuleBuilder b;
  b.table(0xffffffffu);
  Harness h;
  auto m = compile(b.build(), h.config);
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto inst = h.store.instantiate(*m, {});
  ASSERT_FALSE(inst.ok());
  EXPECT_EQ(inst.error().code, InstantiateError::kInstantiationTrap);
  EXPECT_NE(inst.error().message.find("exceeds the engine limit"), std::string::npos) << inst.error().message;
  // Through the embedder API as well.
  EXPECT_EQ(h.store.add_table(TableType{VT::kFuncRef, Limits{0xffffffffu, std::nullopt}}, Value::null_ref(VT::kFuncRef)),
            nullptr);
}

TEST(Hostile, TableMinimumOverMaximumIsInvalid) {
  ModuleBuilder b;
  b.table(0xffffffffu, 1);
  expect_compile_error(b.build(), CompileError::kInvalid);
}

TEST(Hostile, TableGrowBeyondLimitReturnsMinusOne) {
  ModuleBuilder b;
  b.table(1);
  // (table.grow 0 (ref.null func) (local.get 0))
  b.func(b.type({VT::kI32}, {VT::kI32}), {}, cat({op::ref_null_func(), op::local_get(0), op::table_grow(0)}), "grow");
  b.func(b.type({}, {VT::kI32}), {}, op::table_size(0), "size");
  Harness h;  // max_table_elements 100000
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  // As for memory, a refused grow is not charged for the requested elements.
  for (u32 delta : {100'000u, 0x7fffffffu, 0xffffffffu}) {
    const ExecResult r = h.call("grow", {Value::i32(delta)}, ~u64{0});
    ASSERT_TRUE(r.ok()) << delta << ": " << r.describe();
    EXPECT_EQ(h.results.at(0).as_i32(), -1) << delta;
  }
  const ExecResult refused = h.call("grow", {Value::i32(0xffffffffu)}, kGas);
  ASSERT_TRUE(refused.ok()) << refused.describe();
  EXPECT_EQ(h.results.at(0).as_i32(), -1);
  ASSERT_TRUE(h.call("grow", {Value::i32(99'999)}).ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 1u);
  ASSERT_TRUE(h.call("grow", {Value::i32(1)}).ok());
  EXPECT_EQ(h.results.at(0).as_i32(), -1);
  ASSERT_TRUE(h.call("size").ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 100'000u);
}

// --- nesting

Bytes nested(const Bytes& open, size_t depth) { return cat({repeat(open, depth), repeat(op::kEnd, depth)}); }

TEST(Hostile, DeeplyNestedBlocksAreTooLarge) {
  // 100000 nested blocks against the default limit of 65536.
  EngineConfig c = small_config();
  ASSERT_LT(c.max_block_depth, 100'000u);
  for (const Bytes& open : {op::block(), op::loop()}) {
    ModuleBuilder b;
    b.func(b.type({}, {}), {}, nested(open, 100'000), "f");
    expect_compile_error(b.build(), CompileError::kTooLarge, c);
  }
  // Nested ifs need a condition each.
  ModuleBuilder b;
  b.func(b.type({}, {}), {}, cat({repeat(cat({op::i32_const(1), op::if_()}), 100'000), repeat(op::kEnd, 100'000)}),
         "f");
  expect_compile_error(b.build(), CompileError::kTooLarge, c);
}

TEST(Hostile, BlockDepthLimitIsExact) {
  EngineConfig c = small_config();
  c.max_block_depth = 1000;
  {
    ModuleBuilder b;
    b.func(b.type({}, {}), {}, nested(op::block(), 1000), "f");
    Harness h(c);
    ASSERT_TRUE(h.load(b.build())) << h.error.message;
    EXPECT_TRUE(h.call("f").ok());
  }
  ModuleBuilder b;
  b.func(b.type({}, {}), {}, nested(op::block(), 1001), "f");
  expect_compile_error(b.build(), CompileError::kTooLarge, c);
}

TEST(Hostile, DeepNestingWithinARaisedLimitCompilesAndRuns) {
  // 100000 levels accepted when the limit allows them: no recursion in the compiler.
  EngineConfig c = small_config();
  c.max_block_depth = 100'000;
  ModuleBuilder b;
  // Innermost: br to the outermost block.
  b.func(b.type({}, {}), {}, cat({repeat(op::block(), 100'000), op::br(99'999), repeat(op::kEnd, 100'000)}), "f");
  Harness h(c);
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  EXPECT_TRUE(h.call("f").ok());
}

// Many values that defer to locals, then many local writes and block boundaries: the
// translator must not rescan the whole operand stack each time (that would take about
// 10^10 steps here and time the test out).
TEST(Hostile, ManyDeferredLocalsCompileInLinearTime) {
  constexpr size_t kValues = 100'000;
  ModuleBuilder b;
  const Bytes local_set0 = {0x21, 0x00};
  const Bytes drop = {0x1a};
  b.func(b.type({}, {VT::kI32}), {{2, VT::kI32}},
         cat({repeat(op::local_get(1), kValues),                              // deferred reads of local 1
              repeat(cat({op::local_get(0), op::i32_const(7), local_set0}), kValues),  // writes of local 0
              repeat(cat({op::block(), op::kEnd}), kValues),                  // block boundaries
              repeat(drop, 2 * kValues - 1)}),
         "f");
  EngineConfig c = small_config();
  c.max_value_stack = 1u << 20;  // the frame holds 2 * kValues values
  Harness h(c);
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  const ExecResult r = h.call("f", {}, ~u64{0});
  ASSERT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(h.results.at(0).as_u32(), 0u);  // the first value: local 1, never written
}

// --- runaway execution

TEST(Hostile, InfiniteLoopRunsOutOfGasExactly) {
  ModuleBuilder b;
  b.func(b.type({}, {}), {}, cat({op::loop(), op::br(0), op::kEnd}), "spin");
  Harness h;
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  for (u64 gas : {u64{1}, u64{12'345}, u64{1'000'000}}) {
    const ExecResult r = h.call("spin", {}, gas);
    EXPECT_EQ(r.trap, Trap::kOutOfGas) << gas;
    EXPECT_EQ(r.gas_used, gas);
  }
  const ExecResult zero = h.call("spin", {}, 0);
  EXPECT_EQ(zero.trap, Trap::kOutOfGas);
  EXPECT_EQ(zero.gas_used, 0u);
}

TEST(Hostile, InfiniteLoopInStartFunctionFailsInstantiation) {
  ModuleBuilder b;
  b.start(b.func(b.type({}, {}), {}, cat({op::loop(), op::br(0), op::kEnd})));
  Harness h;
  auto m = compile(b.build(), h.config);
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto inst = h.store.instantiate(*m, {}, 50'000);
  ASSERT_FALSE(inst.ok());
  EXPECT_EQ(inst.error().code, InstantiateError::kInstantiationTrap);
  EXPECT_NE(inst.error().message.find(trap_message(Trap::kOutOfGas)), std::string::npos) << inst.error().message;
}

TEST(Hostile, UnboundedRecursionExhaustsTheCallStack) {
  ModuleBuilder b;
  const u32 t = b.type({VT::kI32}, {VT::kI32});
  // (func $f (param i32) (result i32) (call $f (i32.add (local.get 0) (i32.const 1))))
  b.func(t, {}, cat({op::local_get(0), op::i32_const(1), op::i32_add(), op::call(0)}), "recurse");
  // Mutual recursion through a second function.
  b.func(b.type({}, {}), {}, op::call(2), "ping");
  b.func(b.type({}, {}), {}, op::call(1));
  b.func(b.type({}, {VT::kI32}), {}, op::i32_const(7), "seven");
  for (u32 depth : {500u, 20'000u}) {
    EngineConfig c = small_config();
    c.max_call_depth = depth;
    c.max_value_stack = 1u << 20;
    Harness h(c);
    ASSERT_TRUE(h.load(b.build())) << h.error.message;
    EXPECT_EQ(h.call("recurse", {Value::i32(0)}, ~u64{0}).trap, Trap::kCallStackExhausted) << depth;
    EXPECT_EQ(h.call("ping", {}, ~u64{0}).trap, Trap::kCallStackExhausted) << depth;
    // The store is usable after the trap.
    ASSERT_TRUE(h.call("seven").ok());
    EXPECT_EQ(h.results.at(0).as_u32(), 7u);
  }
}

TEST(Hostile, RecursionWithLargeFramesExhaustsTheValueStack) {
  // 10000 locals per frame: the value stack (2^16 slots) runs out long before the
  // call depth limit does.
  ModuleBuilder b;
  b.func(b.type({}, {}), {{10'000, VT::kI64}}, op::call(0), "recurse");
  b.func(b.type({}, {VT::kI32}), {}, op::i32_const(7), "seven");
  EngineConfig c = small_config();
  c.max_call_depth = 20'000;
  Harness h(c);
  ASSERT_TRUE(h.load(b.build())) << h.error.message;
  EXPECT_EQ(h.call("recurse", {}, ~u64{0}).trap, Trap::kCallStackExhausted);
  ASSERT_TRUE(h.call("seven").ok());
  EXPECT_EQ(h.results.at(0).as_u32(), 7u);
}

// --- function shape limits

TEST(Hostile, TooManyLocals) {
  EngineConfig c = small_config();
  c.max_locals = 1000;
  {
    ModuleBuilder b;
    b.func(b.type({VT::kI32}, {}), {{999, VT::kI32}}, {}, "f");  // 1000 with the parameter
    Harness h(c);
    ASSERT_TRUE(h.load(b.build())) << h.error.message;
    EXPECT_TRUE(h.call("f", {Value::i32(1)}).ok());
  }
  {
    ModuleBuilder b;
    b.func(b.type({VT::kI32}, {}), {{1000, VT::kI32}}, {}, "f");
    expect_compile_error(b.build(), CompileError::kTooLarge, c);
  }
  {
    // Split over groups.
    ModuleBuilder b;
    b.func(b.type({}, {}), {{500, VT::kI32}, {500, VT::kI64}, {1, VT::kF64}}, {}, "f");
    expect_compile_error(b.build(), CompileError::kTooLarge, c);
  }
  {
    // Default limit, max_locals + 1.
    ModuleBuilder b;
    const EngineConfig d = small_config();
    b.func(b.type({}, {}), {{d.max_locals + 1, VT::kI32}}, {}, "f");
    expect_compile_error(b.build(), CompileError::kTooLarge, d);
  }
  {
    // Counts whose sum overflows 32 bits.
    ModuleBuilder b;
    b.func(b.type({}, {}), {{0xffffffffu, VT::kI32}, {0xffffffffu, VT::kI32}}, {}, "f");
    auto m = compile(b.build(), small_config());
    ASSERT_FALSE(m.ok());
    EXPECT_TRUE(m.error().code == CompileError::kTooLarge || m.error().code == CompileError::kMalformed) << m.error().message;
  }
}

TEST(Hostile, ModuleLargerThanTheLimit) {
  EngineConfig c = small_config();
  c.max_module_bytes = 1024;
  ModuleBuilder b;
  b.custom(1024);  // the section header brings it over
  const Bytes big = b.build();
  ASSERT_GT(big.size(), 1024u);
  expect_compile_error(big, CompileError::kTooLarge, c);
  // Exactly at the limit is fine.
  ModuleBuilder fit;
  fit.custom(1024 - 8 - 3);
  const Bytes exact = fit.build();
  ASSERT_EQ(exact.size(), 1024u);
  EXPECT_TRUE(compile(exact, c).ok());
}

TEST(Hostile, BrTableWithHugeTargetCount) {
  const u32 kTypeVoid = 0;
  auto br_table_module = [&](u32 declared, u32 present) {
    // (block (br_table 0 0 ... 0 (i32.const 0)))
    ModuleBuilder b;
    b.type({}, {});
    b.func(kTypeVoid, {}, cat({op::block(), op::i32_const(0), {0x0e}, leb(declared), repeat({0x00}, present), op::kEnd}),
           "f");
    return b.build();
  };
  // A count over the limit, with nothing behind it.
  expect_compile_error(br_table_module(0xffffffffu, 0), CompileError::kTooLarge);
  expect_compile_error(br_table_module(small_config().max_br_table_targets + 1, 0), CompileError::kTooLarge);
  // A count under the limit but longer than the body: malformed, not a big allocation.
  expect_compile_error(br_table_module(999'999, 10), CompileError::kMalformed);
  // A lower limit is exact.
  EngineConfig c = small_config();
  c.max_br_table_targets = 1000;
  expect_compile_error(br_table_module(1001, 1002), CompileError::kTooLarge, c);
  {
    Harness h(c);
    ASSERT_TRUE(h.load(br_table_module(1000, 1001))) << h.error.message;
    EXPECT_TRUE(h.call("f").ok());
  }
  // A large but legal table compiles and runs.
  Harness h;
  ASSERT_TRUE(h.load(br_table_module(100'000, 100'001))) << h.error.message;
  EXPECT_TRUE(h.call("f").ok());
}

TEST(Hostile, HugeVectorCountsWithNoContent) {
  // Each section declares 2^32-1 entries and holds none.
  for (u8 id : {1, 2, 3, 4, 5, 6, 7, 9, 10, 11}) {
    Bytes m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
    ModuleBuilder::section(m, id, leb(0xffffffffu));
    auto r = compile(m, small_config());
    ASSERT_FALSE(r.ok()) << "section " << int(id);
    EXPECT_TRUE(r.error().code == CompileError::kTooLarge || r.error().code == CompileError::kMalformed || r.error().code == CompileError::kInvalid)
        << "section " << int(id) << ": " << r.error().message;
  }
  // A function body size over the limit.
  Bytes m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
  ModuleBuilder::section(m, 1, {0x01, 0x60, 0x00, 0x00});
  ModuleBuilder::section(m, 3, {0x01, 0x00});
  ModuleBuilder::section(m, 10, cat({{0x01}, leb(0xffffffffu)}));
  expect_compile_error(m, CompileError::kTooLarge);
}

// --- values from the host

// An i32 from the host whose upper 32 bits are set (Value{kI32, bits} rather than
// Value::i32) must act as its low 32 bits, as invoke() arguments do: memory.fill and
// memory.grow read whole slots, so host results must be zero-extended (slot_bits).
TEST(Hostile, HostI32ResultsWithHighBitsActAsI32) {
  // (import "env" "zero" (func (result i32))) (memory 1)
  // (func (export "fill") (result i32) (memory.fill (call 0) (i32.const 7) (i32.const 1)) (i32.load8_u (i32.const 0)))
  // (func (export "grow") (result i32) (memory.grow (call 0)))
  Bytes m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
  ModuleBuilder::section(m, 1, {0x01, 0x60, 0x00, 0x01, 0x7f});
  ModuleBuilder::section(m, 2, {0x01, 0x03, 'e', 'n', 'v', 0x04, 'z', 'e', 'r', 'o', 0x00, 0x00});
  ModuleBuilder::section(m, 3, {0x02, 0x00, 0x00});
  ModuleBuilder::section(m, 5, {0x01, 0x00, 0x01});
  ModuleBuilder::section(m, 7, {0x02, 0x04, 'f', 'i', 'l', 'l', 0x00, 0x01, 0x04, 'g', 'r', 'o', 'w', 0x00, 0x02});
  const Bytes fill = cat({{0x00}, op::call(0), op::i32_const(7), op::i32_const(1), {0xfc, 0x0b, 0x00},
                          op::i32_const(0), {0x2d, 0x00, 0x00}, op::kEnd});
  const Bytes grow = cat({{0x00}, op::call(0), op::memory_grow(), op::kEnd});
  ModuleBuilder::section(m, 10, cat({{0x02}, leb(fill.size()), fill, leb(grow.size()), grow}));
  auto module = compile(m, small_config());
  ASSERT_TRUE(module.ok()) << module.error().message;
  Store store(small_config());
  FuncInst* zero = store.add_host_function(FuncType{{}, {VT::kI32}}, [](HostContext&, std::span<const Value>,
                                                                       std::span<Value> results) {
    results[0] = Value{VT::kI32, 0xffffffff00000000ull};  // i32 0, with garbage above
    return Trap::kNone;
  });
  const Extern imports[] = {Extern::func(zero)};
  auto inst = store.instantiate(*module, imports);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  std::vector<Value> out;
  ExecResult r = store.invoke(inst.value()->exported_func("fill"), {}, &out, kGas);
  ASSERT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(out.at(0).as_u32(), 7u);
  r = store.invoke(inst.value()->exported_func("grow"), {}, &out, kGas);
  ASSERT_TRUE(r.ok()) << r.describe();
  EXPECT_EQ(out.at(0).as_u32(), 1u);
}

// --- malformed bytes

// A module with a bit of everything, for truncation and corruption.
Bytes sample_module() {
  ModuleBuilder b;
  b.memory(1, 2);
  b.table(2);
  const u32 t = b.type({VT::kI32}, {VT::kI32});
  b.func(t, {{2, VT::kI64}}, cat({op::block(), op::local_get(0), op::br_if(0), op::kEnd, op::local_get(0),
                                   op::i32_const(3), op::i32_add()}),
         "add3");
  b.func(b.type({}, {}), {}, cat({op::loop(), op::br(0), op::kEnd}), "spin");
  b.func(b.type({}, {VT::kI32}), {}, cat({op::i32_const(1), op::memory_grow()}), "grow");
  return b.build();
}

// Section boundaries of a well-formed module (where a truncated module may be valid).
std::vector<size_t> section_ends(const Bytes& m) {
  std::vector<size_t> ends = {8};
  size_t p = 8;
  while (p < m.size()) {
    ++p;  // id
    const u8* q = m.data() + p;
    u64 size = 0;
    EXPECT_EQ(leb128::read_unsigned(&q, m.data() + m.size(), 32, &size), leb128::ReadStatus::kOk);
    p = static_cast<size_t>(q - m.data()) + size;
    ends.push_back(p);
  }
  return ends;
}

// Runs every exported function of a module that compiled, under a gas limit: all must
// end cleanly (any trap is fine).
void run_all(const std::shared_ptr<const Module>& m) {
  Store store(small_config());
  if (!m->imports().empty()) return;
  auto inst = store.instantiate(m, {}, 100'000);
  if (!inst.ok()) {
    EXPECT_TRUE(inst.error().code == InstantiateError::kInstantiationTrap) << inst.error().message;
    return;
  }
  for (const Export& e : m->exports()) {
    FuncInst* f = inst.value()->exported_func(e.name);
    if (!f) continue;
    std::vector<Value> args;
    for (ValType p : f->type().params) args.push_back(Value::zero(p));
    std::vector<Value> out;
    const ExecResult r = store.invoke(f, args, &out, 100'000);
    EXPECT_LE(r.gas_used, 100'000u);
    EXPECT_NE(r.trap, Trap::kHostError) << r.message;
  }
}

TEST(Hostile, TruncatedModules) {
  const Bytes full = sample_module();
  auto ok = compile(full, small_config());
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  const std::vector<size_t> ends = section_ends(full);
  ASSERT_EQ(ends.back(), full.size());
  for (size_t n = 0; n < full.size(); ++n) {
    const Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    auto r = compile(prefix, small_config());
    const bool at_boundary = std::find(ends.begin(), ends.end(), n) != ends.end();
    if (!at_boundary) {
      ASSERT_FALSE(r.ok()) << "prefix of " << n << " bytes compiled";
      EXPECT_EQ(r.error().code, CompileError::kMalformed) << n << ": " << r.error().message;
    } else if (r.ok()) {
      run_all(*r);
    } else {
      // Whole sections dropped: e.g. functions declared without their code.
      EXPECT_TRUE(r.error().code == CompileError::kMalformed || r.error().code == CompileError::kInvalid) << n << ": " << r.error().message;
    }
  }
}

TEST(Hostile, CorruptedAndGarbageBytes) {
  const Bytes full = sample_module();
  // Every single-byte corruption (a few values per position).
  size_t compiled = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    for (u8 v : {u8{0x00}, u8{0x01}, u8{0x7f}, u8{0x80}, u8{0xff}, static_cast<u8>(full[i] ^ 0x40)}) {
      if (v == full[i]) continue;
      Bytes m = full;
      m[i] = v;
      auto r = compile(m, small_config());
      if (r.ok()) {
        ++compiled;
        run_all(*r);
      } else {
        EXPECT_GE(r.error().code, CompileError::kMalformed);
        EXPECT_LE(r.error().code, CompileError::kUnsupported);
        EXPECT_FALSE(r.error().message.empty());
      }
    }
  }
  EXPECT_GT(compiled, 0u);
  // Random bytes, with and without a valid header (deterministic generator).
  u64 state = 0x9e3779b97f4a7c15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int i = 0; i < 2000; ++i) {
    Bytes m;
    if (i % 2 == 0) m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
    const size_t len = next() % 64;
    for (size_t k = 0; k < len; ++k) m.push_back(static_cast<u8>(next()));
    auto r = compile(m, small_config());
    if (r.ok()) {
      run_all(*r);
      continue;
    }
    EXPECT_GE(r.error().code, CompileError::kMalformed);
    EXPECT_LE(r.error().code, CompileError::kUnsupported);
  }
  // Empty input and a bare header.
  expect_compile_error({}, CompileError::kMalformed);
  EXPECT_TRUE(compile(Bytes{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}, small_config()).ok());
}

}  // namespace
}  // namespace dusk::wasm
