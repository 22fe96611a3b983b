// Page-level write tracking and snapshot/revert of linear memory (memory.hpp): what the
// contract runtime builds on to persist changed pages and roll back failed calls.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm {
namespace {

class MemoryTrackingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(DUSK_WAT_DIR) + "/tracking.wasm", std::ios::binary);
    const Bytes bytes(std::istreambuf_iterator<char>(in), {});
    auto m = compile(bytes);
    ASSERT_TRUE(m.ok()) << m.error().message;
    auto inst = store_.instantiate(*m, {});
    ASSERT_TRUE(inst.ok()) << inst.error().message;
    inst_ = *inst;
    mem_ = inst_->memory(0);
    ASSERT_NE(mem_, nullptr);
  }
  ExecResult call(const char* name, std::vector<Value> args, std::vector<Value>* out = nullptr) {
    std::vector<Value> ignored;
    return store_.invoke(inst_->exported_func(name), args, out ? out : &ignored);
  }
  u32 load(u32 addr) {
    std::vector<Value> out;
    EXPECT_TRUE(call("load", {Value::i32(addr)}, &out).ok());
    return out.at(0).as_u32();
  }
  Store store_;
  Instance* inst_ = nullptr;
  Memory* mem_ = nullptr;
};

TEST_F(MemoryTrackingTest, NothingIsTrackedWithoutSnapshot) {
  ASSERT_TRUE(call("store", {Value::i32(100), Value::i32(1)}).ok());
  EXPECT_FALSE(mem_->has_snapshot());
  EXPECT_TRUE(mem_->written_pages().empty());
}

TEST_F(MemoryTrackingTest, RevertRestoresWrittenPages) {
  ASSERT_TRUE(call("store", {Value::i32(8), Value::i32(7)}).ok());
  mem_->snapshot();
  ASSERT_TRUE(call("store", {Value::i32(8), Value::i32(1234)}).ok());
  ASSERT_TRUE(call("store", {Value::i32(3 * 4096 + 10), Value::i32(5)}).ok());
  ASSERT_TRUE(call("store", {Value::i32(3 * 4096 + 20), Value::i32(6)}).ok());  // same page again
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{0, 3}));
  EXPECT_EQ(load(8), 1234u);
  mem_->revert();
  EXPECT_EQ(load(8), 7u);
  EXPECT_EQ(load(3 * 4096 + 10), 0u);
  EXPECT_TRUE(mem_->written_pages().empty());
  // The snapshot stays armed: a second failed call reverts too.
  ASSERT_TRUE(call("store", {Value::i32(8), Value::i32(99)}).ok());
  mem_->revert();
  EXPECT_EQ(load(8), 7u);
}

TEST_F(MemoryTrackingTest, StoreAcrossPageBoundaryTracksBothPages) {
  mem_->snapshot();
  ASSERT_TRUE(call("store", {Value::i32(4096 - 2), Value::i32(0xaabbccdd)}).ok());
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{0, 1}));
  mem_->revert();
  EXPECT_EQ(load(4096 - 2), 0u);
}

TEST_F(MemoryTrackingTest, BulkWritesAndHostWritesAreTracked) {
  mem_->snapshot();
  ASSERT_TRUE(call("fill", {Value::i32(5000), Value::i32(0xff), Value::i32(10000)}).ok());
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{1, 2, 3}));
  const u8 bytes[] = {1, 2, 3, 4};
  ASSERT_TRUE(mem_->write(40000, bytes));
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{1, 2, 3, 9}));
  mem_->revert();
  EXPECT_EQ(load(5000), 0u);
  EXPECT_EQ(load(40000), 0u);
}

TEST_F(MemoryTrackingTest, GrowthIsRevertedAndReported) {
  mem_->snapshot();
  std::vector<Value> out;
  ASSERT_TRUE(call("grow", {Value::i32(1)}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 1u);
  ASSERT_TRUE(call("store", {Value::i32(65536 + 4), Value::i32(3)}).ok());
  const auto pages = mem_->written_pages();
  ASSERT_EQ(pages.size(), 16u);  // the new 64 KiB page is 16 tracked pages
  EXPECT_EQ(pages.front(), 16u);
  mem_->revert();
  ASSERT_TRUE(call("size", {}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 1u);
  EXPECT_EQ(call("load", {Value::i32(65536 + 4)}, &out).trap, Trap::kMemoryOutOfBounds);
  // Growing again gives zeroed memory, not the reverted contents.
  ASSERT_TRUE(call("grow", {Value::i32(1)}, &out).ok());
  EXPECT_EQ(load(65536 + 4), 0u);
}

TEST_F(MemoryTrackingTest, FailedCallRollsBack) {
  mem_->snapshot();
  EXPECT_EQ(call("store_then_trap", {Value::i32(64)}).trap, Trap::kUnreachable);
  EXPECT_EQ(load(64), 99u);  // the trap does not undo writes by itself
  mem_->revert();
  EXPECT_EQ(load(64), 0u);
  mem_->drop_snapshot();
  ASSERT_TRUE(call("store", {Value::i32(64), Value::i32(1)}).ok());
  EXPECT_TRUE(mem_->written_pages().empty());
}

}  // namespace
}  // namespace dusk::wasm
