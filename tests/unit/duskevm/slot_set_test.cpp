// SlotSet (the EIP-2929 warm slots) against std::set on random operations: inserts,
// probes and erases over few addresses and keys, so that probe runs collide, wrap around
// the table's end and are cut by backward-shift erases, through several growths.
#include <random>
#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "duskevm/detail/slot_set.hpp"

namespace dusk::evm {
namespace {

TEST(SlotSet, MatchesStdSet) {
  std::mt19937_64 rng(20261204);
  SlotSet set;
  std::set<std::pair<Address, Uint256>> oracle;
  const auto random_pair = [&] {
    Address a = address_from_u8(static_cast<u8>(1 + rng() % 3));
    // Keys from a small range (collisions) and a few with high limbs set.
    Uint256 key{rng() % 600};
    if (rng() % 8 == 0) key.w[3] = rng() % 4;
    return std::make_pair(a, key);
  };
  for (int step = 0; step < 60000; ++step) {
    const auto [a, key] = random_pair();
    switch (rng() % 4) {
      case 0:
      case 1:
        ASSERT_EQ(set.insert(a, key), oracle.insert({a, key}).second) << step;
        break;
      case 2:
        set.erase(a, key);
        oracle.erase({a, key});
        break;
      default:
        ASSERT_EQ(set.contains(a, key), oracle.count({a, key}) != 0) << step;
    }
    ASSERT_EQ(set.size(), oracle.size()) << step;
    if (step % 20000 == 19999) {
      // Everything the oracle holds is found, and clear empties the set.
      for (const auto& [oa, ok] : oracle) ASSERT_TRUE(set.contains(oa, ok));
      set.clear();
      oracle.clear();
      ASSERT_FALSE(set.contains(a, key));
    }
  }
}

TEST(SlotSet, EmptyAndErasingAbsentPairs) {
  SlotSet set;
  EXPECT_FALSE(set.contains(address_from_u8(1), Uint256{1}));
  set.erase(address_from_u8(1), Uint256{1});  // nothing to erase, no table yet
  EXPECT_TRUE(set.insert(address_from_u8(1), Uint256{1}));
  EXPECT_FALSE(set.insert(address_from_u8(1), Uint256{1}));
  EXPECT_FALSE(set.contains(address_from_u8(2), Uint256{1}));  // same key, other address
  set.erase(address_from_u8(2), Uint256{1});
  EXPECT_EQ(set.size(), 1u);
}

}  // namespace
}  // namespace dusk::evm
