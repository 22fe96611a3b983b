// Trie nodes in RocksDB (src/trie/db_node_store.hpp): a trie committed through a
// WriteBatch reads back after the database is closed and opened again, updated from
// there its old root stays readable, and nodes of a batch never written are not there.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "trie/db_node_store.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie.hpp"

namespace dusk::trie {
namespace {

namespace fs = std::filesystem;
using Map = std::map<Bytes, Bytes>;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("dusk-trie-db-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<storage::Database> open_db(const fs::path& p) {
  auto db = storage::Database::open({.path = p.string(), .column_families = {std::string(DbNodeStore::kFamily)}});
  EXPECT_TRUE(db.ok()) << db.error().message;
  return db.ok() ? std::move(db).value() : nullptr;
}

Map random_map(std::mt19937_64& rng, int n) {
  Map m;
  for (int i = 0; i < n; ++i) {
    Bytes k(1 + rng() % 20), v(1 + rng() % 60);
    for (auto& b : k) b = static_cast<u8>(rng());
    for (auto& b : v) b = static_cast<u8>(rng());
    m[k] = v;
  }
  return m;
}

void expect_contents(const NodeStore& store, const Hash256& root, const Map& m) {
  PatriciaTrie t(store, root, KeyForm::kHashed);
  for (const auto& [k, v] : m) {
    auto got = t.get(k);
    ASSERT_TRUE(got.ok()) << got.error().message;
    ASSERT_TRUE(got->has_value());
    EXPECT_EQ(**got, v);
  }
}

TEST(DbNodeStore, RootsReadBackAfterReopening) {
  TempDir dir;
  std::mt19937_64 rng(17);
  Map first = random_map(rng, 500);
  Hash256 root1, root2;
  Map second = first;
  {
    auto db = open_db(dir.path);
    ASSERT_NE(db, nullptr);
    DbNodeStore nodes(*db, db->family(DbNodeStore::kFamily));
    PatriciaTrie t(nodes, kEmptyTrieRoot, KeyForm::kHashed);
    for (const auto& [k, v] : first) ASSERT_TRUE(t.put(k, v).ok());
    auto c = t.commit();
    ASSERT_TRUE(c.ok());
    root1 = c->root;
    EXPECT_EQ(root1, secure_trie_root(first));
    storage::WriteBatch batch;
    nodes.put(c->nodes, batch);
    EXPECT_EQ(batch.count(), c->nodes.size());
    ASSERT_TRUE(db->write(batch).ok());

    // A second block of changes on top, read from the database.
    PatriciaTrie u(nodes, root1, KeyForm::kHashed);
    size_t i = 0;
    for (auto it = second.begin(); it != second.end();) {
      if (i++ % 3 == 0) {
        ASSERT_TRUE(u.erase(it->first).ok());
        it = second.erase(it);
      } else {
        it->second = Bytes(1 + i % 50, static_cast<u8>(i));
        ASSERT_TRUE(u.put(it->first, it->second).ok());
        ++it;
      }
    }
    auto c2 = u.commit();
    ASSERT_TRUE(c2.ok());
    root2 = c2->root;
    EXPECT_EQ(root2, secure_trie_root(second));
    storage::WriteBatch batch2;
    nodes.put(c2->nodes, batch2);
    ASSERT_TRUE(db->write(batch2).ok());
  }
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbNodeStore nodes(*db, db->family(DbNodeStore::kFamily));
  expect_contents(nodes, root1, first);
  expect_contents(nodes, root2, second);
}

TEST(DbNodeStore, NodesOfAnUnwrittenBatchAreAbsent) {
  TempDir dir;
  std::mt19937_64 rng(23);
  const Map m = random_map(rng, 50);
  Hash256 root;
  {
    auto db = open_db(dir.path);
    ASSERT_NE(db, nullptr);
    DbNodeStore nodes(*db, db->family(DbNodeStore::kFamily));
    PatriciaTrie t(nodes, kEmptyTrieRoot, KeyForm::kHashed);
    for (const auto& [k, v] : m) ASSERT_TRUE(t.put(k, v).ok());
    auto c = t.commit();
    ASSERT_TRUE(c.ok());
    root = c->root;
    storage::WriteBatch batch;
    nodes.put(c->nodes, batch);  // and never written
  }
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbNodeStore nodes(*db, db->family(DbNodeStore::kFamily));
  PatriciaTrie t(nodes, root, KeyForm::kHashed);
  auto got = t.get(m.begin()->first);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, TrieError::kMissingNode);
}

}  // namespace
}  // namespace dusk::trie
