// trie_proof.hpp: proofs of present and absent keys in random tries, checked by an
// independent verifier (each node's hash referenced by its parent, the first one the root,
// the value where the walk ends), and the empty trie.
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "trie/memory_node_store.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie.hpp"
#include "trie/trie_proof.hpp"

namespace dusk::trie {
namespace {

bool contains(const Bytes& haystack, const Hash256& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// The chain of hashes: node 0 is the root, every later node is referenced by hash from
// the one before it.
void expect_chain(const std::vector<Bytes>& nodes, const Hash256& root) {
  ASSERT_FALSE(nodes.empty());
  EXPECT_EQ(crypto::keccak256(nodes[0]), root);
  for (size_t i = 1; i < nodes.size(); ++i) {
    EXPECT_GE(nodes[i].size(), 32u) << "a node under 32 bytes is inlined, never a proof entry";
    EXPECT_TRUE(contains(nodes[i - 1], crypto::keccak256(nodes[i]))) << "node " << i << " is not referenced";
  }
}

TEST(TrieProof, PresentAndAbsentKeysInRandomTries) {
  std::mt19937_64 rng(7);
  for (KeyForm form : {KeyForm::kPlain, KeyForm::kHashed}) {
    for (int round = 0; round < 20; ++round) {
      MemoryNodeStore store;
      PatriciaTrie t(store, kEmptyTrieRoot, form);
      std::map<Bytes, Bytes> entries;
      const int n = 1 + static_cast<int>(rng() % 300);
      for (int i = 0; i < n; ++i) {
        Bytes k(1 + rng() % 40);
        for (auto& b : k) b = static_cast<u8>(rng() % 4);  // shared prefixes: extensions and branches
        Bytes v(1 + rng() % 70, static_cast<u8>(rng()));
        ASSERT_TRUE(t.put(k, v).ok());
        entries[k] = v;
      }
      auto c = t.commit();
      ASSERT_TRUE(c.ok());
      store.put(c->nodes);
      for (const auto& [k, v] : entries) {
        auto p = prove(store, c->root, k, form);
        ASSERT_TRUE(p.ok()) << p.error().message;
        ASSERT_TRUE(p->value.has_value());
        EXPECT_EQ(*p->value, v);
        expect_chain(p->nodes, c->root);
      }
      for (int i = 0; i < 20; ++i) {
        Bytes k(1 + rng() % 40);
        for (auto& b : k) b = static_cast<u8>(rng() % 5);
        auto p = prove(store, c->root, k, form);
        ASSERT_TRUE(p.ok());
        EXPECT_EQ(p->value.has_value(), entries.count(k) != 0);
        expect_chain(p->nodes, c->root);
      }
    }
  }
}

TEST(TrieProof, EmptyTrieAndMissingNodes) {
  MemoryNodeStore store;
  auto p = prove(store, kEmptyTrieRoot, Bytes{1, 2, 3}, KeyForm::kHashed);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->nodes.empty());
  EXPECT_FALSE(p->value.has_value());
  Hash256 unknown{};
  unknown[0] = 1;
  auto missing = prove(store, unknown, Bytes{1}, KeyForm::kPlain);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, TrieError::kMissingNode);
}

}  // namespace
}  // namespace dusk::trie
