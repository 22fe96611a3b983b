// What the engine offers the contract runtime: memories it creates itself (restored
// state), instantiation without data segments or start, instances it frees, and typed
// host functions.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "duskvm/engine/detail/address_space.hpp"
#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm {
namespace {

std::shared_ptr<const Module> load_module() {
  std::ifstream in(std::string(DUSK_WAT_DIR) + "/restore.wasm", std::ios::binary);
  const Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto m = compile(bytes);
  EXPECT_TRUE(m.ok()) << m.error().message;
  return m.ok() ? *m : nullptr;
}

// env.add(i32 a, i64 b) -> i64: a + b, bound from C++ types.
std::vector<Extern> imports(Store& store) {
  FuncInst* add = store.bind_returning<i64, i32, i64>([](HostContext&, i32 a, i64 b, i64* r) {
    *r = a + b;
    return Trap::kNone;
  });
  return {Extern::func(add)};
}

u64 call(Store& store, Instance* inst, const char* name, std::vector<Value> args = {}) {
  std::vector<Value> out;
  const ExecResult r = store.invoke(inst->exported_func(name), args, &out);
  EXPECT_TRUE(r.ok()) << name << ": " << r.describe();
  return out.empty() ? 0 : out[0].bits;
}

TEST(RuntimeSupport, DefaultInstantiationAppliesSegmentsAndStart) {
  auto module = load_module();
  ASSERT_NE(module, nullptr);
  Store store;
  auto inst = store.instantiate(module, imports(store));
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  EXPECT_EQ(call(store, *inst, "byte", {Value::i32(16)}), u64{'h'});
  EXPECT_EQ(call(store, *inst, "g"), 7u);
}

TEST(RuntimeSupport, ARestoredMemoryKeepsItsStateWithoutSegmentsOrStart) {
  auto module = load_module();
  ASSERT_NE(module, nullptr);
  Store store;
  InstantiateOptions options;
  options.apply_data_segments = false;
  options.run_start = false;
  int made = 0;
  options.memory_factory = [&](const MemoryType& type, u64 limit) -> Result<std::unique_ptr<Memory>> {
    ++made;
    auto m = Memory::create(type, limit);
    if (!m.ok()) return m.take_error();
    // The state a previous session left: two pages, "world" at 16.
    if (!(*m)->grow(1)) return Error("cannot grow");
    const std::string saved = "world";
    (*m)->write(16, ByteView(reinterpret_cast<const u8*>(saved.data()), saved.size()));
    return std::move(m).value();
  };
  auto inst = store.instantiate(module, imports(store), options);
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  EXPECT_EQ(made, 1);
  EXPECT_EQ((*inst)->memory(0)->pages(), 2u);
  EXPECT_EQ(call(store, *inst, "byte", {Value::i32(16)}), u64{'w'});
  EXPECT_EQ(call(store, *inst, "g"), 0u);  // the start function did not run
}

TEST(RuntimeSupport, AFactoryThatFailsOrCheatsFailsInstantiation) {
  auto module = load_module();
  ASSERT_NE(module, nullptr);
  Store store;
  InstantiateOptions options;
  options.memory_factory = [](const MemoryType&, u64) -> Result<std::unique_ptr<Memory>> {
    return Error("page store unavailable");
  };
  auto failed = store.instantiate(module, imports(store), options);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, InstantiateError::kInstantiationTrap);
  EXPECT_EQ(failed.error().message, "page store unavailable");
  options.memory_factory = [](const MemoryType&, u64 limit) -> Result<std::unique_ptr<Memory>> {
    return Memory::create(MemoryType{Limits{0, std::nullopt}, false}, limit);  // too small
  };
  EXPECT_FALSE(store.instantiate(module, imports(store), options).ok());
}

TEST(RuntimeSupport, TypedHostFunctionsGetTheirTypeFromCpp) {
  auto module = load_module();
  ASSERT_NE(module, nullptr);
  Store store;
  auto inst = store.instantiate(module, imports(store));
  ASSERT_TRUE(inst.ok()) << inst.error().message;
  EXPECT_EQ(static_cast<i64>(call(store, *inst, "sum", {Value::i32(2), Value::i64(40)})), 42);
  EXPECT_EQ(static_cast<i64>(call(store, *inst, "sum", {Value::i32(static_cast<u32>(-5)), Value::i64(3)})), -2);
  // A function bound with other types does not link.
  FuncInst* wrong = store.bind<i32>([](HostContext&, i32) { return Trap::kNone; });
  std::vector<Extern> bad = {Extern::func(wrong)};
  auto refused = store.instantiate(module, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, InstantiateError::kLinkError);
}

TEST(RuntimeSupport, ReleasedInstancesFreeWhatTheyDefined) {
  auto module = load_module();
  ASSERT_NE(module, nullptr);
  AddressSpace& space = AddressSpace::instance();
  Store store;
  const u64 before = space.live_count();
  std::vector<Instance*> instances;
  for (int i = 0; i < 3; ++i) {
    auto inst = store.instantiate(module, imports(store));
    ASSERT_TRUE(inst.ok());
    instances.push_back(*inst);
  }
  EXPECT_EQ(space.live_count(), before + 3);
  store.release(instances[1]);
  EXPECT_EQ(store.instance_count(), 2u);
  EXPECT_EQ(space.live_count(), before + 2);
  EXPECT_EQ(call(store, instances[0], "byte", {Value::i32(17)}), u64{'e'});
  EXPECT_EQ(call(store, instances[2], "g"), 7u);
  store.release(instances[1]);  // no longer held: ignored
  EXPECT_EQ(store.instance_count(), 2u);
}

}  // namespace
}  // namespace dusk::wasm
