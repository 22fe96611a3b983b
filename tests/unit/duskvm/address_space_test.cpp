// Address space for memories (detail/address_space.hpp): thousands of live instances in
// one session, a clear error at the limit, and released ranges reused, empty.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "duskvm/engine/detail/address_space.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "support/wasm_module_builder.hpp"

namespace dusk::wasm {
namespace {

using namespace dusk::testing::wasm_builder;
using VT = ValType;

constexpr u64 kFourGiB = u64{1} << 32;

// (memory 1) with no maximum: each instance reserves 4 GiB. Exports store(addr, v) and
// load(addr).
std::shared_ptr<const Module> memory_module() {
  ModuleBuilder b;
  b.memory(1);
  b.func(b.type({VT::kI32, VT::kI32}, {}), {}, cat({op::local_get(0), op::local_get(1), Bytes{0x36, 0x02, 0x00}}),
         "store");
  b.func(b.type({VT::kI32}, {VT::kI32}), {}, cat({op::local_get(0), Bytes{0x28, 0x02, 0x00}}), "load");
  auto m = compile(b.build(), EngineConfig{});
  EXPECT_TRUE(m.ok()) << m.error().message;
  return m.ok() ? *m : nullptr;
}

u32 load(Store& store, Instance* inst, u32 addr) {
  std::vector<Value> out;
  EXPECT_TRUE(store.invoke(inst->exported_func("load"), std::vector<Value>{Value::i32(addr)}, &out).ok());
  return out.empty() ? 0 : out[0].as_u32();
}

void store_word(Store& store, Instance* inst, u32 addr, u32 v) {
  std::vector<Value> out;
  EXPECT_TRUE(store.invoke(inst->exported_func("store"), std::vector<Value>{Value::i32(addr), Value::i32(v)}, &out).ok());
}

TEST(AddressSpace, ASessionHoldsThousandsOfInstances) {
  auto module = memory_module();
  ASSERT_NE(module, nullptr);
  AddressSpace& space = AddressSpace::instance();
  const u64 before = space.live_count();
  constexpr int kInstances = 5000;  // 20 TiB of address space, 5000 pages committed
  {
    Store store;
    std::vector<Instance*> instances;
    for (int i = 0; i < kInstances; ++i) {
      auto inst = store.instantiate(module, {});
      ASSERT_TRUE(inst.ok()) << "instance " << i << ": " << inst.error().message;
      instances.push_back(*inst);
    }
    EXPECT_EQ(space.live_count(), before + kInstances);
    EXPECT_GE(space.live_bytes(), kInstances * kFourGiB);
    // Each memory is its own: write a different word into each, read all back.
    for (int i = 0; i < kInstances; i += 7) store_word(store, instances[i], 64, 1000 + i);
    for (int i = 0; i < kInstances; i += 7) ASSERT_EQ(load(store, instances[i], 64), u32(1000 + i));
  }
  EXPECT_EQ(space.live_count(), before);
  // A second session reuses what the first released.
  Store again;
  for (int i = 0; i < kInstances; ++i) ASSERT_TRUE(again.instantiate(module, {}).ok()) << i;
}

TEST(AddressSpace, TheLimitGivesAClearErrorAndFreeingMakesRoom) {
  auto module = memory_module();
  ASSERT_NE(module, nullptr);
  AddressSpace& space = AddressSpace::instance();
  const u64 saved = space.limit();
  space.set_limit(space.live_bytes() + 3 * kFourGiB);
  {
    auto first = std::make_unique<Store>();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(first->instantiate(module, {}).ok()) << i;
    Store second;
    auto refused = second.instantiate(module, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, InstantiateError::kInstantiationTrap);
    const std::string& why = refused.error().message;
    EXPECT_NE(why.find("cannot reserve 4 GiB of address space"), std::string::npos) << why;
    EXPECT_NE(why.find("live memories hold"), std::string::npos) << why;
    first.reset();  // three memories released
    EXPECT_TRUE(second.instantiate(module, {}).ok());
  }
  space.set_limit(saved);
}

TEST(AddressSpace, AReusedRangeStartsEmpty) {
  auto module = memory_module();
  ASSERT_NE(module, nullptr);
  const u8* first_base = nullptr;
  {
    Store store;
    auto inst = store.instantiate(module, {});
    ASSERT_TRUE(inst.ok());
    store_word(store, *inst, 100, 0xdeadbeef);
    Memory* mem = (*inst)->memory(0);
    ASSERT_TRUE(mem->grow(3).has_value());
    store_word(store, *inst, 3 * 65536, 7);
    first_base = mem->data();
  }
  Store store;
  auto inst = store.instantiate(module, {});
  ASSERT_TRUE(inst.ok());
  Memory* mem = (*inst)->memory(0);
  EXPECT_EQ(mem->data(), first_base);  // the same range, from the free list
  EXPECT_EQ(mem->pages(), 1u);
  EXPECT_EQ(load(store, *inst, 100), 0u);
  // Pages beyond the new size are inaccessible again: growing gives zeros.
  ASSERT_TRUE(mem->grow(3).has_value());
  EXPECT_EQ(load(store, *inst, 3 * 65536), 0u);
}

}  // namespace
}  // namespace dusk::wasm
