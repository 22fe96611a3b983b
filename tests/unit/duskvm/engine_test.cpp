// End-to-end checks of the engine on small hand-written modules (wat/*.wat, compiled
// with wat2wasm at build time). The spec suite (tests/conformance) covers the rest.
#include <gtest/gtest.h>

#include <bit>
#include <fstream>
#include <iterator>

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm {
namespace {

Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Bytes bytes = read_file(std::string(DUSK_WAT_DIR) + "/basics.wasm");
    ASSERT_FALSE(bytes.empty());
    auto m = compile(bytes, config_);
    ASSERT_TRUE(m.ok()) << m.error().message;
    module_ = *m;
    store_ = std::make_unique<Store>(config_);
    auto inst = store_->instantiate(module_, {});
    ASSERT_TRUE(inst.ok()) << inst.error().message;
    inst_ = *inst;
  }
  ExecResult call(const char* name, std::vector<Value> args, std::vector<Value>* out, u64 gas = ~u64{0}) {
    FuncInst* f = inst_->exported_func(name);
    EXPECT_NE(f, nullptr) << name;
    return store_->invoke(f, args, out, gas);
  }
  EngineConfig config_;
  std::shared_ptr<const Module> module_;
  std::unique_ptr<Store> store_;
  Instance* inst_ = nullptr;
};

TEST_F(EngineTest, Recursion) {
  std::vector<Value> out;
  ASSERT_TRUE(call("fib", {Value::i32(20)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 6765u);
}

TEST_F(EngineTest, Loop) {
  std::vector<Value> out;
  ASSERT_TRUE(call("sum", {Value::i32(1000)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u64(), 499500u);
}

TEST_F(EngineTest, MultiValue) {
  std::vector<Value> out;
  ASSERT_TRUE(call("swap", {Value::i32(1), Value::i32(2)}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].as_u32(), 2u);
  EXPECT_EQ(out[1].as_u32(), 1u);
}

TEST_F(EngineTest, ChainedCopiesKeepTheirOrder) {
  std::vector<Value> out;
  ASSERT_TRUE(call("rotate", {Value::i32(1), Value::i32(2)}, &out).ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].as_u32(), 2u);
  EXPECT_EQ(out[1].as_u32(), 1u);
}

TEST_F(EngineTest, DeferredLocalSurvivesWrite) {
  std::vector<Value> out;
  ASSERT_TRUE(call("tee", {Value::i32(5)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 105u);
}

TEST_F(EngineTest, MemoryAndGlobals) {
  std::vector<Value> out;
  ASSERT_TRUE(call("mem", {Value::i32(100), Value::i32(0xdeadbeef)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 0xdeadbeefu);
  EXPECT_EQ(call("mem", {Value::i32(65534), Value::i32(1)}, &out).trap, Trap::kMemoryOutOfBounds);
  ASSERT_TRUE(call("glob", {}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 21u);
}

TEST_F(EngineTest, Traps) {
  std::vector<Value> out;
  EXPECT_EQ(call("div", {Value::i32(1), Value::i32(0)}, &out).trap, Trap::kIntegerDivideByZero);
  EXPECT_EQ(call("div", {Value::i32(0x80000000u), Value::i32(0xffffffffu)}, &out).trap, Trap::kIntegerOverflow);
  const ExecResult deep = call("deep", {Value::i32(0)}, &out);
  EXPECT_EQ(deep.trap, Trap::kCallStackExhausted);
  EXPECT_NE(deep.describe().find("call depth limit"), std::string::npos) << deep.describe();
  // The store is usable after a trap.
  ASSERT_TRUE(call("fib", {Value::i32(10)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 55u);
}

TEST_F(EngineTest, BrTable) {
  std::vector<Value> out;
  for (u32 i : {0u, 1u, 2u, 7u}) {
    ASSERT_TRUE(call("brtable", {Value::i32(i)}, &out).ok());
    const u32 expect = i == 0 ? 10 : i == 1 ? 12 : 13;
    EXPECT_EQ(out.at(0).as_u32(), expect) << i;
  }
}

TEST_F(EngineTest, FusedCompareAndBranch) {
  std::vector<Value> out;
  ASSERT_TRUE(call("fuse", {Value::i32(5)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 1u);
  ASSERT_TRUE(call("loopcmp", {Value::i64(100)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u64(), 102u);
  ASSERT_TRUE(call("loopcmp", {Value::i64(0)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u64(), 3u);
  for (u64 n : {0ull, 1ull, 0x100000000ull}) {
    ASSERT_TRUE(call("nonzero64", {Value::i64(n)}, &out).ok());
    EXPECT_EQ(out.at(0).as_u32(), n != 0 ? 1u : 0u) << n;
  }
}

TEST_F(EngineTest, FusedFloatCompareAndBranch) {
  std::vector<Value> out;
  const double nan = std::bit_cast<double>(0x7ff8000000000000ull);
  const float nanf = std::bit_cast<float>(0x7fc00000u);
  struct Case {
    double a, b;
    u32 expect;
  };
  for (const Case& c : {Case{1, 2, 1}, Case{2, 1, 0}, Case{1, 1, 0}, Case{nan, 1, 0}, Case{1, nan, 0}}) {
    ASSERT_TRUE(call("flt", {Value::f64(c.a), Value::f64(c.b)}, &out).ok());
    EXPECT_EQ(out.at(0).as_u32(), c.expect) << c.a << " < " << c.b;
  }
  for (const Case& c : {Case{1, 2, 0}, Case{2, 1, 1}, Case{1, 1, 1}, Case{nan, 1, 0}, Case{1, nan, 0}}) {
    const float a = c.a != c.a ? nanf : static_cast<float>(c.a), b = c.b != c.b ? nanf : static_cast<float>(c.b);
    ASSERT_TRUE(call("fge32", {Value::f32(a), Value::f32(b)}, &out).ok());
    EXPECT_EQ(out.at(0).as_u32(), c.expect) << c.a << " >= " << c.b;
  }
}

TEST_F(EngineTest, Superinstructions) {
  std::vector<Value> out;
  ASSERT_TRUE(call("index", {Value::i32(392), Value::i32(2)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 0x11223344u);
  EXPECT_EQ(call("index", {Value::i32(65532), Value::i32(1)}, &out).trap, Trap::kMemoryOutOfBounds);
  ASSERT_TRUE(call("madd", {Value::f64(1.5), Value::f64(2.0), Value::f64(0.25)}, &out).ok());
  EXPECT_EQ(out.at(0).as_f64(), 3.25);
  // Two roundings, not a fused multiply-add: 0.1 * 10 rounds to exactly 1.0 first.
  ASSERT_TRUE(call("madd", {Value::f64(0.1), Value::f64(10.0), Value::f64(-1.0)}, &out).ok());
  EXPECT_EQ(out.at(0).as_f64(), 0.0);
  ASSERT_TRUE(call("add3", {Value::i32(0xffffffffu), Value::i32(2), Value::i32(40)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 41u);
  ASSERT_TRUE(call("wrapaddr", {Value::i32(400)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 0x44u);
  // 0 + (-1) wraps to 0xffffffff; adding the offset 1 must then be out of bounds.
  EXPECT_EQ(call("wrapaddr", {Value::i32(0)}, &out).trap, Trap::kMemoryOutOfBounds);
}

TEST_F(EngineTest, OutOfGasIsExactAndRepeatable) {
  std::vector<Value> out;
  ExecResult a = call("spin", {}, &out, 12345);
  EXPECT_EQ(a.trap, Trap::kOutOfGas);
  EXPECT_EQ(a.gas_used, 12345u);
  // Metered work is deterministic: the same call uses the same gas.
  ExecResult b = call("fib", {Value::i32(15)}, &out, 1'000'000);
  ExecResult c = call("fib", {Value::i32(15)}, &out, 1'000'000);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.gas_used, c.gas_used);
  EXPECT_GT(b.gas_used, 0u);
  // Exactly the gas used is enough; one less is not.
  EXPECT_TRUE(call("fib", {Value::i32(15)}, &out, b.gas_used).ok());
  EXPECT_EQ(call("fib", {Value::i32(15)}, &out, b.gas_used - 1).trap, Trap::kOutOfGas);
}

TEST(EngineHost, HostCanCallBackIntoWasm) {
  const Bytes bytes = read_file(std::string(DUSK_WAT_DIR) + "/reentry.wasm");
  auto m = compile(bytes);
  ASSERT_TRUE(m.ok()) << m.error().message;
  Store store;
  Instance* inst = nullptr;
  FuncInst* host = store.add_host_function(
      {{ValType::kI32}, {ValType::kI32}}, [&](HostContext& ctx, std::span<const Value> args, std::span<Value> results) {
        std::vector<Value> out;
        const std::vector<Value> inner_args{args[0]};
        const ExecResult r = ctx.store->invoke(inst->exported_func("inner"), inner_args, &out, ctx.gas_left);
        if (!r.ok()) return r.trap;
        ctx.consume_gas(r.gas_used);
        results[0] = out.at(0);
        return Trap::kNone;
      });
  const std::vector<Extern> imports{Extern::func(host)};
  auto created = store.instantiate(*m, imports);
  ASSERT_TRUE(created.ok()) << created.error().message;
  inst = *created;
  std::vector<Value> out;
  // outer -> mid -> host -> inner -> leaf, then back out through mid's and outer's frames.
  for (u32 n : {5u, 7u}) {
    const std::vector<Value> args{Value::i32(n)};
    const ExecResult r = store.invoke(inst->exported_func("outer"), args, &out, 1'000'000);
    ASSERT_TRUE(r.ok()) << r.describe();
    EXPECT_EQ(out.at(0).as_u32(), 2 * n + 1 + 100);
  }
}

TEST(EngineCompile, RejectsWithClearErrors) {
  EXPECT_EQ(compile(Bytes{0, 'a', 's', 'x', 1, 0, 0, 0}).error().code, CompileError::kMalformed);
  EXPECT_EQ(compile(Bytes{0, 'a', 's', 'm', 2, 0, 0, 0}).error().message, "unknown binary version");
  // A type section declaring a v128 parameter: SIMD is named as unsupported.
  const Bytes simd{0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, 1, 0x60, 1, 0x7b, 0};
  auto r = compile(simd);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, CompileError::kUnsupported);
  EXPECT_NE(r.error().message.find("SIMD"), std::string::npos);
}

}  // namespace
}  // namespace dusk::wasm
