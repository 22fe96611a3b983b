// Gas bounds work: every instruction whose work grows with an input pays for that work
// (docs/ARCHITECTURE.md, "Gas"). These tests check the prices exactly, so that a change
// that makes some work free again fails here; fuzz/wasm_gas_bound.cpp checks the time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "duskvm/engine/disassembler.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "support/wasm_module_builder.hpp"

namespace dusk::wasm {
namespace {

using namespace dusk::testing::wasm_builder;
using VT = ValType;

EngineConfig config() {
  EngineConfig c;
  c.max_memory_pages = 16;
  c.max_table_elements = 100'000;
  c.metering = true;
  return c;
}

struct Loaded {
  std::shared_ptr<const Module> module;
  Store store{config()};
  Instance* instance = nullptr;

  explicit Loaded(const Bytes& wasm) {
    auto m = compile(wasm, config());
    EXPECT_TRUE(m.ok()) << m.error().message;
    if (!m.ok()) return;
    module = *m;
    auto inst = store.instantiate(module, {});
    EXPECT_TRUE(inst.ok()) << inst.error().message;
    if (inst.ok()) instance = *inst;
  }
  ExecResult call(const char* name, std::vector<Value> args, std::vector<Value>* out = nullptr) {
    std::vector<Value> results;
    return store.invoke(instance->exported_func(name), args, out ? out : &results, 10'000'000);
  }
};

// The gas one call of `callee` costs, measured as the difference between a caller that
// calls it once and one that does not.
u64 call_price(std::vector<ModuleBuilder::Local> locals, const Bytes& body) {
  ModuleBuilder b;
  const u32 t = b.type({}, {});
  const u32 f = b.func(t, locals, body);
  b.func(t, {}, op::call(f), "with");
  b.func(t, {}, {}, "without");
  Loaded l(b.build());
  if (!l.instance) return 0;
  const ExecResult with = l.call("with", {}), without = l.call("without", {});
  EXPECT_TRUE(with.ok() && without.ok());
  return with.gas_used - without.gas_used;
}

TEST(Metering, EnteringAFunctionPaysForZeroingItsLocals) {
  const GasSchedule g = default_gas_schedule();
  const u64 bare = call_price({}, {});
  EXPECT_EQ(bare, g.op[0x10] + g.call);
  // 49,990 i64 locals: the frame's 399,920 bytes at the bulk rate, on every call.
  const u64 big = call_price({{49'990, VT::kI64}}, {});
  EXPECT_EQ(big - bare, g.bulk_cost(49'990 * 8));
  EXPECT_EQ(call_price({{8, VT::kI32}}, {}) - bare, 1u);
  EXPECT_EQ(call_price({{9, VT::kI32}}, {}) - bare, 2u);
}

TEST(Metering, EnteringAFunctionPaysForItsConstantPool) {
  const GasSchedule g = default_gas_schedule();
  const u64 bare = call_price({}, {});
  // 100 distinct constants behind a branch never taken: the pool still fills the frame.
  Bytes consts;
  for (int i = 0; i < 100; ++i) consts = cat({consts, op::i32_const(1000 + i), op::drop()});
  const Bytes body = cat({op::i32_const(0), op::if_(), consts, op::kEnd});
  const u64 price = call_price({}, body);
  // The pool holds 0 and the 100 values: 101 slots. The body's own static gas is the
  // `i32.const 0` and `if` that run (2), plus the untaken branch's block is not paid.
  EXPECT_EQ(price - bare, g.bulk_cost(101 * 8) + 2);
}

TEST(Metering, ConstantPoolIsBoundedAndExtraConstantsAreComputed) {
  // 1,000 distinct constants summed: the pool keeps 256 of them, the rest are written
  // by Const instructions, and the sum is still right.
  Bytes body = op::i64_const(0);
  i64 want = 0;
  for (int i = 1; i <= 1000; ++i) {
    const i64 v = i64{i} * 1'000'003;
    body = cat({body, op::i64_const(v), op::i64_add()});
    want += v;
  }
  ModuleBuilder b;
  b.func(b.type({}, {VT::kI64}), {}, body, "sum");
  Loaded l(b.build());
  ASSERT_NE(l.instance, nullptr);
  std::vector<Value> out;
  ASSERT_TRUE(l.call("sum", {}, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(static_cast<i64>(out[0].bits), want);
  const std::string dump = disassemble(*l.module, 0);
  EXPECT_NE(dump.find("consts 256,"), std::string::npos) << dump.substr(0, 200);
  EXPECT_NE(dump.find("Const "), std::string::npos);
}

TEST(Metering, BulkTableOperationsPayPerElementByte) {
  const GasSchedule g = default_gas_schedule();
  ModuleBuilder b;
  b.table(10'000);
  const u32 t = b.type({VT::kI32}, {});
  // table.fill 0 (index 0, value null, count n)
  b.func(t, {}, cat({op::i32_const(0), op::ref_null_func(), op::local_get(0), op::table_fill(0)}), "fill");
  Loaded l(b.build());
  ASSERT_NE(l.instance, nullptr);
  const ExecResult none = l.call("fill", {Value::i32(0)});
  const ExecResult many = l.call("fill", {Value::i32(8000)});
  ASSERT_TRUE(none.ok() && many.ok());
  EXPECT_EQ(many.gas_used - none.gas_used, g.bulk_cost(8000 * 8));
}

TEST(Metering, BulkMemoryOperationsPayPerByte) {
  const GasSchedule g = default_gas_schedule();
  ModuleBuilder b;
  b.memory(1);
  const u32 t = b.type({VT::kI32}, {});
  b.func(t, {}, cat({op::i32_const(0), op::i32_const(7), op::local_get(0), op::memory_fill()}), "fill");
  Loaded l(b.build());
  ASSERT_NE(l.instance, nullptr);
  const ExecResult none = l.call("fill", {Value::i32(0)});
  const ExecResult page = l.call("fill", {Value::i32(65536)});
  ASSERT_TRUE(none.ok() && page.ok());
  EXPECT_EQ(page.gas_used - none.gas_used, g.bulk_cost(65536));
}

TEST(Metering, FirstWriteToAPageAfterASnapshotPaysForSavingIt) {
  const GasSchedule g = default_gas_schedule();
  ModuleBuilder b;
  b.memory(1);
  // store8 at the address given: one byte.
  b.func(b.type({VT::kI32}, {}), {}, cat({op::local_get(0), op::i32_const(1), Bytes{0x3a, 0x00, 0x00}}), "poke");
  Loaded l(b.build());
  ASSERT_NE(l.instance, nullptr);
  const u64 plain = l.call("poke", {Value::i32(100)}).gas_used;
  Memory* mem = l.instance->memory(0);
  mem->snapshot();
  EXPECT_EQ(l.call("poke", {Value::i32(100)}).gas_used, plain + g.page_write);  // saves page 0
  EXPECT_EQ(l.call("poke", {Value::i32(200)}).gas_used, plain);                 // page 0 again
  EXPECT_EQ(l.call("poke", {Value::i32(5000)}).gas_used, plain + g.page_write);  // page 1
  EXPECT_EQ(mem->written_pages(), (std::vector<u64>{0, 1}));
}

TEST(Metering, GrowingMemoryPaysPerPage) {
  const GasSchedule g = default_gas_schedule();
  ModuleBuilder b;
  b.memory(1);
  b.func(b.type({VT::kI32}, {VT::kI32}), {}, cat({op::local_get(0), op::memory_grow()}), "grow");
  Loaded l(b.build());
  ASSERT_NE(l.instance, nullptr);
  const u64 none = l.call("grow", {Value::i32(0)}).gas_used;
  EXPECT_EQ(l.call("grow", {Value::i32(3)}).gas_used, none + 3 * u64{g.memory_grow_page});
  // A refused grow (past the 16-page limit) pays nothing for pages.
  EXPECT_EQ(l.call("grow", {Value::i32(100)}).gas_used, none);
}

TEST(Metering, InstantiationPaysForMemoriesTablesAndSegments) {
  const GasSchedule g = default_gas_schedule();
  ModuleBuilder b;
  b.memory(4);
  b.table(1000);
  auto m = compile(b.build(), config());
  ASSERT_TRUE(m.ok()) << m.error().message;
  const u64 want = 4 * u64{g.memory_grow_page} + g.bulk_cost(1000 * 8);
  Store store(config());
  ExecResult start;
  ASSERT_TRUE(store.instantiate(*m, {}, want, &start).ok());
  EXPECT_EQ(start.gas_used, want);
  // One unit short: nothing is created, and the error says why.
  auto short_of = store.instantiate(*m, {}, want - 1, &start);
  ASSERT_FALSE(short_of.ok());
  EXPECT_EQ(short_of.error().code, InstantiateError::kInstantiationTrap);
  EXPECT_NE(short_of.error().message.find("out of gas"), std::string::npos) << short_of.error().message;
  EXPECT_EQ(start.trap, Trap::kOutOfGas);
}

}  // namespace
}  // namespace dusk::wasm
