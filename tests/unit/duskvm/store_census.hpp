// For tests of the state store's reference counting: what the commits a store holds
// need (their code, memory outlines, page groups and pages, each counted once), to
// compare with what the store holds (StateStore::usage): equal means nothing leaked and
// nothing a kept commit needs was deleted.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "duskvm/runtime/state_store.hpp"

namespace dusk::vm::test {

inline StateStore::Usage needed_by_commits(const StateStore& store) {
  StateStore::Usage u;
  std::set<Hash256> code, groups, pages;
  std::set<std::pair<Hash256, u64>> memories;
  auto roots = store.commits();
  EXPECT_TRUE(roots.ok());
  if (!roots.ok()) return u;
  for (const Hash256& root : *roots) {
    auto contracts = store.contracts(root);
    EXPECT_TRUE(contracts.ok()) << contracts.error().message;
    if (!contracts.ok()) continue;
    for (const auto& [id, state] : *contracts) {
      code.insert(state.code_hash);
      if (state.memory_root == Hash256{}) continue;
      memories.emplace(state.memory_root, state.memory_pages);
      auto table = store.page_table(state.memory_root, state.memory_pages);
      EXPECT_TRUE(table.ok()) << table.error().message;
      if (!table.ok()) continue;
      for (const Hash256& g : table->group_roots()) groups.insert(g);
      table->for_each([&](u32, const Hash256& h) { pages.insert(h); });
    }
  }
  u.commits = roots->size();
  u.code = code.size();
  u.memories = memories.size();
  u.groups = groups.size();
  u.pages = pages.size();
  return u;
}

// The store holds exactly what its commits need.
inline void expect_no_leak(const StateStore& store, const std::string& where) {
  const auto held = store.usage();
  ASSERT_TRUE(held.ok()) << held.error().message;
  const auto needed = needed_by_commits(store);
  EXPECT_EQ(held->commits, needed.commits) << where;
  EXPECT_EQ(held->code, needed.code) << where;
  EXPECT_EQ(held->memories, needed.memories) << where;
  EXPECT_EQ(held->groups, needed.groups) << where;
  EXPECT_EQ(held->pages, needed.pages) << where;
}

}  // namespace dusk::vm::test
