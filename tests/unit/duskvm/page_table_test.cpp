// The page table (src/duskvm/runtime/page_table.hpp): its root, put together from the
// groups' roots, against merkle_root over every page (the definition), through random
// updates; its stored form, and damage to it refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "duskvm/runtime/page_table.hpp"

namespace dusk::vm {
namespace {

Hash256 random_hash(std::mt19937_64& rng) {
  Hash256 h;
  for (auto& b : h) b = static_cast<u8>(rng());
  return h;
}

Hash256 definition(const std::map<u32, Hash256>& pages) {
  std::vector<MerkleEntry> e;
  for (const auto& [index, hash] : pages) e.emplace_back(page_key(index), hash);
  return merkle_root(e);
}

// Random changes over `span` pages: mostly writes, some clears, clustered or spread.
std::vector<PageTable::Change> random_changes(std::mt19937_64& rng, u32 span, size_t n) {
  std::vector<PageTable::Change> c;
  const u32 centre = static_cast<u32>(rng() % span);
  for (size_t i = 0; i < n; ++i) {
    const u32 index = rng() % 2 ? static_cast<u32>(rng() % span)
                                : std::min<u32>(span - 1, centre + static_cast<u32>(rng() % 130));
    if (rng() % 4 == 0) c.emplace_back(index, std::nullopt);
    else c.emplace_back(index, random_hash(rng));
  }
  return c;
}

TEST(VmPageTable, RootMatchesTheDefinitionThroughRandomUpdates) {
  std::mt19937_64 rng(1234);
  EXPECT_EQ(PageTable(16).root(), Hash256{});
  const u32 spans[] = {1, 3, 64, 65, 200, 4096, 1u << 20, 0xffffffffu};
  for (int round = 0; round < 200; ++round) {
    const u32 span = spans[round % std::size(spans)];
    PageTable t(u64{span});
    std::map<u32, Hash256> model;
    for (int step = 0; step < 6; ++step) {
      const auto changes = random_changes(rng, span, 1 + rng() % (step == 0 ? 300 : 20));
      for (const auto& [index, hash] : changes) {
        if (hash) model[index] = *hash;
        else model.erase(index);
      }
      const auto groups = t.update(changes);
      ASSERT_EQ(t.hashes(), model) << round;
      ASSERT_EQ(t.root(), definition(model)) << "round " << round << " step " << step << " pages " << model.size();
      // What update hands back is the touched groups that are left, each with its root.
      std::set<u32> touched;
      for (const auto& [index, hash] : changes) {
        const u64 first = u64{index >> kGroupShift} << kGroupShift;
        const auto it = model.lower_bound(static_cast<u32>(first));
        if (it != model.end() && it->first < first + kGroupPages) touched.insert(index >> kGroupShift);
      }
      ASSERT_EQ(groups.size(), touched.size()) << round;
      for (const auto& g : groups) {
        std::vector<MerkleEntry> e;
        for (const auto& [index, hash] : g->hashes) e.emplace_back(page_key(index), hash);
        EXPECT_EQ(g->root, merkle_subtree(e, kGroupDepth));
      }
    }
  }
}

TEST(VmPageTable, CopiesDoNotSeeLaterUpdates) {
  std::mt19937_64 rng(7);
  PageTable a(1024);
  (void)a.update(random_changes(rng, 1024, 100));
  const PageTable b = a;
  const auto before = b.hashes();
  const Hash256 root = b.root();
  const std::vector<PageTable::Change> overwrite = {{before.begin()->first, random_hash(rng)}};
  (void)a.update(overwrite);
  EXPECT_EQ(b.hashes(), before);
  EXPECT_EQ(b.root(), root);
  EXPECT_NE(a.root(), root);
}

TEST(VmPageTable, StoredFormRoundTripsAndRefusesDamage) {
  std::mt19937_64 rng(99);
  PageTable t(5000);
  (void)t.update(random_changes(rng, 5000, 400));
  // Stored: the outline, and each group apart.
  const auto outline = PageTable::decode_outline(t.encode());
  ASSERT_TRUE(outline);
  EXPECT_EQ(outline->pages, 5000u);
  std::vector<std::shared_ptr<const PageGroup>> groups;
  for (const auto& g : outline->groups) {
    std::map<u32, Hash256> pages;
    for (const auto& [index, hash] : t.hashes())
      if ((index >> kGroupShift) == g.index) pages[index] = hash;
    PageGroup group;
    group.hashes = pages;
    auto decoded = PageGroup::decode(g.index, group.encode());
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->root, g.root);
    EXPECT_EQ(decoded->hashes.size(), g.count);
    groups.push_back(std::make_shared<const PageGroup>(std::move(*decoded)));
  }
  auto back = PageTable::assemble(*outline, groups);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, t);
  EXPECT_EQ(back->root(), t.root());

  // Damage: truncation, trailing bytes, groups out of order or beyond the memory.
  const Bytes bytes = t.encode();
  for (size_t cut = 0; cut < bytes.size(); cut += 13) EXPECT_FALSE(PageTable::decode_outline(ByteView(bytes).first(cut)));
  Bytes longer = bytes;
  longer.push_back(0);
  EXPECT_FALSE(PageTable::decode_outline(longer));
  PageTable small(64);
  const std::vector<PageTable::Change> beyond = {{64, random_hash(rng)}};  // page 64 of a 64-page memory
  (void)small.update(beyond);
  EXPECT_FALSE(PageTable::decode_outline(small.encode()));
  Bytes reordered = bytes;  // the first two groups' entries swapped
  std::swap_ranges(reordered.begin() + 12, reordered.begin() + 52, reordered.begin() + 52);
  EXPECT_FALSE(PageTable::decode_outline(reordered));
  // A group decoded under another index, or with a page of another group, is refused.
  PageGroup g;
  g.hashes = {{70, random_hash(rng)}, {71, random_hash(rng)}};
  EXPECT_TRUE(PageGroup::decode(1, g.encode()));
  EXPECT_FALSE(PageGroup::decode(2, g.encode()));
  g.hashes[200] = random_hash(rng);
  EXPECT_FALSE(PageGroup::decode(1, g.encode()));
  EXPECT_FALSE(PageGroup::decode(1, Bytes{0, 0, 0, 0}));  // no pages
  // A group whose root or size disagrees with the outline is refused.
  auto swapped = groups;
  std::swap(swapped.front(), swapped.back());
  EXPECT_FALSE(PageTable::assemble(*outline, swapped));
  swapped = groups;
  swapped.pop_back();
  EXPECT_FALSE(PageTable::assemble(*outline, swapped));
}

}  // namespace
}  // namespace dusk::vm
