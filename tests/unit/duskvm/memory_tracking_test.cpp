// Page-level write tracking and snapshot/revert of linear memory (memory.hpp): what the
// contract runtime builds on to persist changed pages and roll back failed calls.
#include <gtest/gtest.h>

#include <random>
#include <set>

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

// Nested checkpoints: an inner failed call rolls back alone; an inner success is kept
// and can still be undone by the outer level; written_pages() counts what stays.
TEST_F(MemoryTrackingTest, NestedCheckpointsRevertAlone) {
  ASSERT_TRUE(call("store", {Value::i32(0), Value::i32(5)}).ok());  // before tracking
  mem_->snapshot();
  ASSERT_TRUE(call("store", {Value::i32(0), Value::i32(6)}).ok());       // outer writes page 0
  EXPECT_EQ(mem_->checkpoint(), 2u);
  ASSERT_TRUE(call("store", {Value::i32(0), Value::i32(7)}).ok());       // inner: page 0 again
  ASSERT_TRUE(call("store", {Value::i32(8192), Value::i32(8)}).ok());    // inner: page 2
  EXPECT_EQ(mem_->checkpoint(), 3u);
  ASSERT_TRUE(call("store", {Value::i32(4096 * 5), Value::i32(9)}).ok());  // innermost: page 5
  mem_->revert();  // the innermost call failed
  EXPECT_EQ(mem_->checkpoint_depth(), 2u);
  EXPECT_EQ(load(4096 * 5), 0u);
  EXPECT_EQ(load(0), 7u);
  EXPECT_EQ(load(8192), 8u);
  mem_->revert();  // the inner call failed too
  EXPECT_EQ(mem_->checkpoint_depth(), 1u);
  EXPECT_EQ(load(0), 6u);
  EXPECT_EQ(load(8192), 0u);
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{0}));
  // A write after reverting is tracked again (the barrier was restored).
  ASSERT_TRUE(call("store", {Value::i32(8192), Value::i32(1)}).ok());
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{0, 2}));
  mem_->revert();  // the whole session: back to before the snapshot
  EXPECT_EQ(load(0), 5u);
  EXPECT_EQ(load(8192), 0u);
}

TEST_F(MemoryTrackingTest, CommittedCheckpointsStayUndoable) {
  mem_->snapshot();
  mem_->checkpoint();
  ASSERT_TRUE(call("store", {Value::i32(100), Value::i32(1)}).ok());
  ASSERT_TRUE(call("store", {Value::i32(4096 * 3), Value::i32(2)}).ok());
  mem_->commit_checkpoint();  // the inner call succeeded
  EXPECT_EQ(mem_->checkpoint_depth(), 1u);
  EXPECT_EQ(load(100), 1u);
  EXPECT_EQ(mem_->written_pages(), (std::vector<u64>{0, 3}));
  // The outer level saw no write itself, yet it undoes the inner one's.
  mem_->revert();
  EXPECT_EQ(load(100), 0u);
  EXPECT_EQ(load(4096 * 3), 0u);
  EXPECT_TRUE(mem_->written_pages().empty());
}

TEST_F(MemoryTrackingTest, GrowthInsideACheckpointIsGivenBack) {
  std::vector<Value> out;
  mem_->snapshot();
  mem_->checkpoint();
  ASSERT_TRUE(call("grow", {Value::i32(1)}, &out).ok());
  ASSERT_TRUE(call("store", {Value::i32(65536 + 8), Value::i32(3)}).ok());
  mem_->revert();
  ASSERT_TRUE(call("size", {}, &out).ok());
  EXPECT_EQ(out.at(0).as_u32(), 1u);
  EXPECT_TRUE(mem_->written_pages().empty());
  // Grown and kept by a committed checkpoint: the new pages count as written.
  mem_->checkpoint();
  ASSERT_TRUE(call("grow", {Value::i32(1)}, &out).ok());
  mem_->commit_checkpoint();
  EXPECT_EQ(mem_->written_pages().size(), 16u);
}

// Random writes, checkpoints, reverts and commits against a model that keeps a full
// copy of memory per level and the set of pages each level wrote.
TEST(MemoryCheckpoints, MatchAModelOverRandomOperations) {
  constexpr u64 kPages = 4;  // of 64 KiB: 64 tracked pages
  auto created = Memory::create(MemoryType{Limits{kPages, kPages}, false}, kPages);
  ASSERT_TRUE(created.ok()) << created.error().message;
  Memory& mem = **created;
  const u64 size = mem.size();
  std::mt19937_64 rng(42);
  for (int round = 0; round < 200; ++round) {
    mem.snapshot();
    std::vector<Bytes> copies = {Bytes(mem.data(), mem.data() + size)};
    std::vector<std::set<u64>> written = {{}};
    for (int step = 0; step < 60; ++step) {
      const int op = static_cast<int>(rng() % 10);
      if (op < 6) {  // a write of 1..6000 bytes somewhere
        const u64 len = 1 + rng() % 6000, addr = rng() % (size - len);
        Bytes data(len, static_cast<u8>(rng()));
        ASSERT_TRUE(mem.write(addr, data));
        for (u64 p = addr / 4096; p <= (addr + len - 1) / 4096; ++p) written.back().insert(p);
      } else if (op < 8 && copies.size() < 6) {
        EXPECT_EQ(mem.checkpoint(), copies.size() + 1);
        copies.emplace_back(mem.data(), mem.data() + size);
        written.emplace_back();
      } else if (op == 8) {
        mem.revert();
        ASSERT_EQ(Bytes(mem.data(), mem.data() + size), copies.back()) << round << "/" << step;
        written.back().clear();
        if (copies.size() > 1) copies.pop_back(), written.pop_back();
      } else if (copies.size() > 1) {
        mem.commit_checkpoint();
        copies.pop_back();
        std::set<u64> inner = std::move(written.back());
        written.pop_back();
        written.back().insert(inner.begin(), inner.end());
      }
      ASSERT_EQ(mem.checkpoint_depth(), copies.size());
    }
    std::set<u64> all;
    for (const auto& w : written) all.insert(w.begin(), w.end());
    ASSERT_EQ(mem.written_pages(), std::vector<u64>(all.begin(), all.end())) << round;
    mem.drop_snapshot();
  }
}

}  // namespace
}  // namespace dusk::wasm
