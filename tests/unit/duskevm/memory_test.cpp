// Memory, the frame memory whose spare capacity stays zero: new bytes read as zero after
// growing within the capacity, past it, and after an emptied memory is reused.
#include <algorithm>

#include <gtest/gtest.h>

#include "duskevm/detail/memory.hpp"

namespace dusk::evm {
namespace {

bool all_zero(const u8* p, size_t n) { return std::all_of(p, p + n, [](u8 b) { return b == 0; }); }

TEST(Memory, NewBytesAreZero) {
  Memory m;
  EXPECT_EQ(m.size(), 0u);
  m.grow(100);
  ASSERT_EQ(m.size(), 100u);
  EXPECT_TRUE(all_zero(m.data(), 100));
  std::fill(m.begin(), m.end(), u8{0xff});
  m.grow(200);  // within the capacity: the 100 new bytes were never written
  EXPECT_TRUE(all_zero(m.data() + 100, 100));
  EXPECT_EQ(m[99], 0xff);
  // Past the capacity: the old bytes move, the new ones are zero.
  const size_t big = 3 * Memory::kInitialCapacity + 32;
  m.grow(big);
  ASSERT_EQ(m.size(), big);
  EXPECT_EQ(m[0], 0xff);
  EXPECT_EQ(m[99], 0xff);
  EXPECT_TRUE(all_zero(m.data() + 100, big - 100));
}

TEST(Memory, ResetLeavesNothingBehind) {
  Memory m;
  const size_t big = 2 * Memory::kInitialCapacity;
  m.grow(big);
  std::fill(m.begin(), m.end(), u8{0xab});
  m.reset();
  EXPECT_EQ(m.size(), 0u);
  m.grow(big);  // the next frame sees zeros, not the last one's bytes
  EXPECT_TRUE(all_zero(m.data(), big));
}

}  // namespace
}  // namespace dusk::evm
