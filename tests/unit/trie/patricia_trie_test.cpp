// The persistent trie (src/trie/patricia_trie.hpp) against the whole-map definition of
// trie.hpp: random key sets, random sequences of inserts, updates and deletes with
// commits and reopenings in between, old roots read back, how much an update reads and
// writes, and failures on a store that lacks or garbles a node.
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "trie/memory_node_store.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie.hpp"

namespace dusk::trie {
namespace {

using Map = std::map<Bytes, Bytes>;

Hash256 expected_root(const Map& m, KeyForm form) {
  return form == KeyForm::kHashed ? secure_trie_root(m) : trie_root(m);
}

// Keys over a small alphabet whose bytes differ in either nibble, of varying length, so
// that paths share prefixes and some keys are prefixes of others.
Bytes random_key(std::mt19937_64& rng, size_t max_len) {
  Bytes k(rng() % (max_len + 1));
  static const u8 kAlphabet[] = {0x00, 0x01, 0x10, 0x11, 0xf1};
  for (auto& b : k) b = kAlphabet[rng() % 5];
  return k;
}

// Values from 1 to 40 bytes, so leaves fall on both sides of the 32-byte inlining rule.
Bytes random_value(std::mt19937_64& rng) {
  Bytes v(1 + rng() % 40);
  for (auto& b : v) b = static_cast<u8>(rng());
  return v;
}

// Commits and stores the nodes; checks the root against the whole-map definition.
Hash256 commit_into(PatriciaTrie& t, MemoryNodeStore& store, const Map& want, KeyForm form) {
  auto c = t.commit();
  EXPECT_TRUE(c.ok()) << c.error().message;
  store.put(c->nodes);
  EXPECT_EQ(c->root, expected_root(want, form));
  EXPECT_EQ(t.committed_root(), c->root);
  return c->root;
}

void expect_reads(PatriciaTrie& t, const Map& want, std::mt19937_64& rng, size_t max_len) {
  for (const auto& [k, v] : want) {
    auto got = t.get(k);
    ASSERT_TRUE(got.ok()) << got.error().message;
    ASSERT_TRUE(got->has_value()) << to_hex(k);
    EXPECT_EQ(**got, v);
  }
  for (int i = 0; i < 20; ++i) {
    const Bytes k = random_key(rng, max_len);
    if (want.count(k)) continue;
    auto got = t.get(k);
    ASSERT_TRUE(got.ok()) << got.error().message;
    EXPECT_FALSE(got->has_value()) << to_hex(k);
  }
}

TEST(PatriciaTrie, EmptyTrie) {
  MemoryNodeStore store;
  PatriciaTrie t(store, kEmptyTrieRoot);
  auto got = t.get(Bytes{1, 2});
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
  ASSERT_TRUE(t.erase(Bytes{1, 2}).ok());
  auto c = t.commit();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->root, kEmptyTrieRoot);
  EXPECT_TRUE(c->nodes.empty());
  // An empty value is a deletion, as in trie_root.
  ASSERT_TRUE(t.put(Bytes{1}, Bytes{}).ok());
  EXPECT_EQ(t.commit()->root, kEmptyTrieRoot);
}

// Whole random sets put in random order, plain and hashed keys, against trie_root and
// secure_trie_root.
TEST(PatriciaTrie, RandomSetsMatchTheWholeMapRoot) {
  std::mt19937_64 rng(11);
  for (KeyForm form : {KeyForm::kPlain, KeyForm::kHashed}) {
    for (int round = 0; round < 300; ++round) {
      Map m;
      const int n = 1 + static_cast<int>(rng() % 60);
      for (int i = 0; i < n; ++i) m[random_key(rng, 4)] = random_value(rng);
      std::vector<std::pair<Bytes, Bytes>> order(m.begin(), m.end());
      std::shuffle(order.begin(), order.end(), rng);
      MemoryNodeStore store;
      PatriciaTrie t(store, kEmptyTrieRoot, form);
      for (const auto& [k, v] : order) ASSERT_TRUE(t.put(k, v).ok());
      commit_into(t, store, m, form);
      PatriciaTrie reopened(store, t.committed_root(), form);
      expect_reads(reopened, m, rng, 4);
    }
  }
}

// Random sequences of inserts, updates and deletes (of present and absent keys), with
// commits at random points, sometimes reopening the trie from its root so that updates
// start from nodes in the store, down to the empty trie at the end. Every committed root
// is checked, and every one stays readable with the key set it had.
TEST(PatriciaTrie, RandomUpdateSequencesMatchTheWholeMapRoot) {
  std::mt19937_64 rng(5);
  for (KeyForm form : {KeyForm::kPlain, KeyForm::kHashed}) {
    for (int round = 0; round < 40; ++round) {
      MemoryNodeStore store;
      Map m;
      std::vector<std::pair<Hash256, Map>> history;
      auto t = std::make_unique<PatriciaTrie>(store, kEmptyTrieRoot, form);
      const size_t max_len = 1 + rng() % 4;
      for (int step = 0; step < 300; ++step) {
        const u64 op = rng() % 10;
        if (op < 5 || m.empty()) {  // insert or overwrite
          const Bytes k = random_key(rng, max_len);
          const Bytes v = random_value(rng);
          m[k] = v;
          ASSERT_TRUE(t->put(k, v).ok());
        } else if (op < 8) {  // delete a present key, by erase or by an empty value
          auto it = m.begin();
          std::advance(it, static_cast<long>(rng() % m.size()));
          const Bytes k = it->first;
          m.erase(it);
          ASSERT_TRUE((op == 5 ? t->put(k, Bytes{}) : t->erase(k)).ok());
        } else if (op == 8) {  // delete a key that may be absent
          const Bytes k = random_key(rng, max_len);
          m.erase(k);
          ASSERT_TRUE(t->erase(k).ok());
        } else {  // commit, and now and then start over from the store
          history.emplace_back(commit_into(*t, store, m, form), m);
          if (rng() % 2) t = std::make_unique<PatriciaTrie>(store, history.back().first, form);
        }
      }
      while (!m.empty()) {  // delete everything, committing now and then
        auto it = m.begin();
        std::advance(it, static_cast<long>(rng() % m.size()));
        ASSERT_TRUE(t->erase(it->first).ok());
        m.erase(it);
        if (rng() % 8 == 0) history.emplace_back(commit_into(*t, store, m, form), m);
      }
      EXPECT_EQ(commit_into(*t, store, m, form), kEmptyTrieRoot);
      for (const auto& [root, contents] : history) {
        PatriciaTrie old(store, root, form);
        expect_reads(old, contents, rng, max_len);
      }
    }
  }
}

// Values of every size around the 32-byte rule, under keys that make leaves, branches
// with values and extensions, updated one key at a time with a commit after each.
TEST(PatriciaTrie, ValuesAroundTheInliningBoundary) {
  const std::vector<Bytes> keys = {{}, {0x01}, {0x01, 0x02}, {0x01, 0x02, 0x03}, {0x01, 0x12}, {0x10}, {0xff, 0xff}};
  for (KeyForm form : {KeyForm::kPlain, KeyForm::kHashed}) {
    MemoryNodeStore store;
    PatriciaTrie t(store, kEmptyTrieRoot, form);
    Map m;
    for (size_t size = 1; size <= 40; ++size) {
      for (size_t i = 0; i < keys.size(); ++i) {
        const Bytes v(size, static_cast<u8>(i + size));
        m[keys[i]] = v;
        ASSERT_TRUE(t.put(keys[i], v).ok());
        commit_into(t, store, m, form);
      }
    }
    for (size_t i = 0; i < keys.size(); ++i) {
      m.erase(keys[i]);
      ASSERT_TRUE(t.erase(keys[i]).ok());
      commit_into(t, store, m, form);
    }
  }
}

// A root node under 32 bytes is still stored (under its hash) and read back.
TEST(PatriciaTrie, SmallRootIsStored) {
  MemoryNodeStore store;
  PatriciaTrie t(store, kEmptyTrieRoot);
  ASSERT_TRUE(t.put(Bytes{0x12}, Bytes{0x34}).ok());
  auto c = t.commit();
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->nodes.size(), 1u);
  EXPECT_LT(c->nodes[0].rlp.size(), 32u);
  EXPECT_EQ(c->nodes[0].hash, c->root);
  store.put(c->nodes);
  PatriciaTrie reopened(store, c->root);
  EXPECT_EQ(**reopened.get(Bytes{0x12}), Bytes{0x34});
  // Growing a small root: its leaf moves under a branch.
  ASSERT_TRUE(reopened.put(Bytes{0x13}, Bytes(40, 7)).ok());
  auto c2 = reopened.commit();
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2->root, trie_root({{Bytes{0x12}, Bytes{0x34}}, {Bytes{0x13}, Bytes(40, 7)}}));
}

// A NodeStore that counts its reads.
class CountingStore final : public NodeStore {
 public:
  explicit CountingStore(const NodeStore& inner) : inner_(inner) {}
  TrieResult<std::optional<Bytes>> get(const Hash256& hash) const override {
    ++reads;
    return inner_.get(hash);
  }
  mutable size_t reads = 0;

 private:
  const NodeStore& inner_;
};

// An update reads only the nodes on its path and writes only the nodes it changed: in a
// hashed trie of 5,000 keys (depth about 4), one update reads and writes a handful of
// nodes, not thousands; an unchanged value or an absent key's deletion writes none.
TEST(PatriciaTrie, AnUpdateTouchesOnlyItsPath) {
  std::mt19937_64 rng(3);
  MemoryNodeStore store;
  Map m;
  PatriciaTrie t(store, kEmptyTrieRoot, KeyForm::kHashed);
  for (u32 i = 0; i < 5000; ++i) {
    Bytes k(4);
    store_be<u32>(k.data(), i);
    m[k] = random_value(rng);
    ASSERT_TRUE(t.put(k, m[k]).ok());
  }
  const Hash256 root = commit_into(t, store, m, KeyForm::kHashed);
  const size_t stored = store.size();
  EXPECT_GT(stored, 5000u);

  CountingStore counting(store);
  PatriciaTrie u(counting, root, KeyForm::kHashed);
  const Bytes k = m.begin()->first;
  m[k] = Bytes(33, 0xaa);
  ASSERT_TRUE(u.put(k, m[k]).ok());
  EXPECT_GE(counting.reads, 2u);
  EXPECT_LE(counting.reads, 8u);
  auto c = u.commit();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->root, secure_trie_root(m));
  EXPECT_EQ(c->nodes.size(), counting.reads);  // each node on the path, changed
  // A second key under the same commit shares the upper nodes already loaded.
  PatriciaTrie v(counting, c->root, KeyForm::kHashed);
  store.put(c->nodes);
  counting.reads = 0;
  ASSERT_TRUE(v.put(k, m[k]).ok());  // the same value: nothing changes
  ASSERT_TRUE(v.erase(Bytes{0xde, 0xad}).ok());  // absent
  auto same = v.commit();
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->root, c->root);
  EXPECT_TRUE(same->nodes.empty());
  EXPECT_LE(counting.reads, 16u);
}

TEST(PatriciaTrie, MissingAndGarbledNodesAreReported) {
  MemoryNodeStore store;
  Map m;
  PatriciaTrie t(store, kEmptyTrieRoot, KeyForm::kHashed);
  for (u8 i = 0; i < 50; ++i) {
    const Bytes k = {i, static_cast<u8>(i + 1)};
    const Bytes v(40, i);
    m.emplace(k, v);
    ASSERT_TRUE(t.put(k, v).ok());
  }
  auto c = t.commit();
  ASSERT_TRUE(c.ok());
  // Nothing stored: the root itself is missing.
  {
    PatriciaTrie lost(store, c->root, KeyForm::kHashed);
    auto got = lost.get(Bytes{1});
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.error().code, TrieError::kMissingNode);
    auto put = lost.put(Bytes{1}, Bytes{2});
    ASSERT_FALSE(put.ok());
    EXPECT_EQ(put.error().code, TrieError::kMissingNode);
    // After a failed update the trie refuses to go on.
    EXPECT_EQ(lost.put(Bytes{3}, Bytes{4}).error().code, TrieError::kBroken);
    EXPECT_EQ(lost.commit().error().code, TrieError::kBroken);
  }
  // Every node but the first one hashed (deep in the trie): the keys under it fail.
  {
    MemoryNodeStore partial;
    std::vector<TrieNode> all_but_one(c->nodes.begin() + 1, c->nodes.end());
    partial.put(all_but_one);
    PatriciaTrie holed(partial, c->root, KeyForm::kHashed);
    size_t missing = 0;
    for (const auto& [k, v] : m) {
      auto got = holed.get(k);
      if (got.ok()) EXPECT_EQ(**got, v);
      else missing += got.error().code == TrieError::kMissingNode;
    }
    EXPECT_GE(missing, 1u);
  }
  // A node stored under the wrong hash, and bytes that are not a node.
  {
    MemoryNodeStore bad;
    bad.put({{c->root, c->nodes.front().rlp}});
    PatriciaTrie garbled(bad, c->root, KeyForm::kHashed);
    EXPECT_EQ(garbled.get(Bytes{1}).error().code, TrieError::kBadNode);
    const Bytes junk = {0xc3, 0x01, 0x02, 0x03};  // a 3-item list
    MemoryNodeStore junk_store;
    const Hash256 h = crypto::keccak256(junk);
    junk_store.put({{h, junk}});
    PatriciaTrie j(junk_store, h);
    EXPECT_EQ(j.get(Bytes{1}).error().code, TrieError::kBadNode);
  }
}

}  // namespace
}  // namespace dusk::trie
