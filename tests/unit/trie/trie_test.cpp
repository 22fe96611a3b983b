// Merkle-Patricia trie roots: the empty root, hex-prefix encoding, agreement with a
// naive construction written here from the yellow paper, order independence and the
// secure and ordered forms. (The state roots of every EEST state test are the external
// check.) Keys and values are ASCII unless written 0x...
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "base/rlp.hpp"
#include "trie/trie.hpp"

namespace dusk::trie {
namespace {

Bytes bytes_of(std::string_view s) {
  if (s.starts_with("0x")) return *from_hex(s);
  return Bytes(s.begin(), s.end());
}

// A second, deliberately naive construction straight from the yellow paper's appendix D
// (recursive over the sorted key set, nodes as rlp::Value, no shared code with trie.cpp
// beyond RLP and keccak), as the oracle for the random tests below. The state roots of
// every EEST state test (ctest -L conformance) check the secure trie against Ethereum as
// well.
std::vector<u8> nibbles_of(const Bytes& key) {
  std::vector<u8> n;
  for (u8 b : key) {
    n.push_back(b >> 4);
    n.push_back(b & 15);
  }
  return n;
}

using Pairs = std::vector<std::pair<std::vector<u8>, Bytes>>;  // sorted by path

Bytes hp(const std::vector<u8>& path, size_t from, bool leaf) {
  // Appendix C from scratch: flag 2 * leaf + odd, then the nibbles, paired into bytes.
  std::vector<u8> n;
  const size_t len = path.size() - from;
  n.push_back(static_cast<u8>(2 * leaf + (len % 2)));
  if (len % 2 == 0) n.push_back(0);
  n.insert(n.end(), path.begin() + static_cast<long>(from), path.end());
  Bytes out;
  for (size_t i = 0; i < n.size(); i += 2) out.push_back(static_cast<u8>(n[i] << 4 | n[i + 1]));
  return out;
}

rlp::Value node_of(const Pairs& items, size_t depth);

// How a child appears in its parent: inline when its RLP is under 32 bytes, else hashed.
rlp::Value child_ref(const Pairs& items, size_t depth) {
  if (items.empty()) return rlp::Value::str({});
  const rlp::Value node = node_of(items, depth);
  const Bytes enc = rlp::encode(node);
  if (enc.size() < 32) return node;
  const auto h = crypto::keccak256(enc);
  return rlp::Value::str(Bytes(h.begin(), h.end()));
}

rlp::Value node_of(const Pairs& items, size_t depth) {
  if (items.size() == 1) {
    return rlp::Value::list({rlp::Value::str(hp(items[0].first, depth, true)),
                             rlp::Value::str(items[0].second)});
  }
  // The longest prefix all paths share beyond depth.
  size_t common = 0;
  for (;;) {
    const size_t at = depth + common;
    bool same = items[0].first.size() > at;
    for (const auto& it : items) same = same && it.first.size() > at && it.first[at] == items[0].first[at];
    if (!same) break;
    ++common;
  }
  if (common > 0) {
    std::vector<u8> prefix(items[0].first.begin() + static_cast<long>(depth),
                           items[0].first.begin() + static_cast<long>(depth + common));
    std::vector<u8> path(depth, 0);
    path.insert(path.end(), prefix.begin(), prefix.end());
    return rlp::Value::list({rlp::Value::str(hp(path, depth, false)), child_ref(items, depth + common)});
  }
  std::vector<rlp::Value> branch;
  Bytes value;
  for (u8 nib = 0; nib < 16; ++nib) {
    Pairs sub;
    for (const auto& it : items) {
      if (it.first.size() == depth) value = it.second;
      else if (it.first[depth] == nib) sub.push_back(it);
    }
    branch.push_back(child_ref(sub, depth + 1));
  }
  branch.push_back(rlp::Value::str(value));
  return rlp::Value::list(std::move(branch));
}

Hash256 reference_root(const std::map<Bytes, Bytes>& entries) {
  Pairs items;
  for (const auto& [k, v] : entries) {
    if (!v.empty()) items.emplace_back(nibbles_of(k), v);
  }
  if (items.empty()) return kEmptyTrieRoot;
  return crypto::keccak256(rlp::encode(node_of(items, 0)));
}

TEST(Trie, EmptyRoot) {
  EXPECT_EQ(to_hex(kEmptyTrieRoot), "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  EXPECT_EQ(trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(secure_trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(ordered_trie_root({}), kEmptyTrieRoot);
  // Empty values are deletions: a trie of only empty values is empty.
  EXPECT_EQ(trie_root({{bytes_of("a"), Bytes{}}}), kEmptyTrieRoot);
}

// Small hand-sized sets (one leaf, a shared prefix, a key that is a prefix of another,
// inline and hashed children) and random ones over a small alphabet, against the naive
// construction above.
TEST(Trie, MatchesTheNaiveConstruction) {
  const std::vector<std::map<Bytes, Bytes>> fixed = {
      {{bytes_of("k"), bytes_of("a value long enough to be hashed, not inlined")}},
      {{bytes_of("lane"), bytes_of("evm")}, {bytes_of("lamp"), bytes_of("oil")},
       {bytes_of("lampshade"), bytes_of("paper")}},
      {{bytes_of("ds"), bytes_of("settle")}, {bytes_of("dsk"), bytes_of("final")}},
      {{bytes_of("no"), bytes_of("t")}, {bytes_of("note"), bytes_of("n")}},
      {{bytes_of("0x0102"), bytes_of("0x01")}, {bytes_of("0x0201"), bytes_of("0x02")}},
  };
  for (size_t i = 0; i < fixed.size(); ++i) EXPECT_EQ(trie_root(fixed[i]), reference_root(fixed[i])) << i;
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::map<Bytes, Bytes> m;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Bytes k(rng() % 5), v(1 + rng() % 45);
      for (auto& b : k) b = static_cast<u8>(rng() % 3 * 17);  // shared nibbles, both halves
      for (auto& b : v) b = static_cast<u8>(rng());
      m[k] = v;
    }
    ASSERT_EQ(trie_root(m), reference_root(m)) << "round " << round;
  }
}

TEST(Trie, HexPrefix) {
  // Yellow paper, appendix C: flag nibble 2*leaf + odd, padded to whole bytes.
  const std::vector<u8> p = {1, 2, 3, 4, 5};
  EXPECT_EQ(to_hex(hex_prefix(p, 0, 5, false)), "112345");
  EXPECT_EQ(to_hex(hex_prefix(p, 1, 5, false)), "002345");
  EXPECT_EQ(to_hex(hex_prefix(p, 0, 5, true)), "312345");
  EXPECT_EQ(to_hex(hex_prefix(p, 1, 5, true)), "202345");
  EXPECT_EQ(to_hex(hex_prefix(p, 5, 5, true)), "20");
}

TEST(Trie, InsertionOrderDoesNotMatter) {
  std::mt19937_64 rng(42);
  std::vector<std::pair<Bytes, Bytes>> kv;
  for (int i = 0; i < 300; ++i) {
    Bytes k(1 + rng() % 6), v(1 + rng() % 40);
    for (auto& b : k) b = static_cast<u8>(rng() % 4);  // a small alphabet forces shared prefixes
    for (auto& b : v) b = static_cast<u8>(rng());
    kv.emplace_back(k, v);
  }
  // Later duplicates overwrite earlier ones in every order, so dedupe first.
  std::map<Bytes, Bytes> reference;
  for (const auto& [k, v] : kv) reference[k] = v;
  std::vector<std::pair<Bytes, Bytes>> unique(reference.begin(), reference.end());
  const Hash256 want = trie_root(reference);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(unique.begin(), unique.end(), rng);
    std::map<Bytes, Bytes> m;
    for (const auto& [k, v] : unique) m.emplace(k, v);
    EXPECT_EQ(trie_root(m), want);
  }
  // The secure root is the plain root over hashed keys.
  std::map<Bytes, Bytes> hashed;
  for (const auto& [k, v] : reference) {
    const auto h = crypto::keccak256(k);
    hashed[Bytes(h.begin(), h.end())] = v;
  }
  EXPECT_EQ(secure_trie_root(reference), trie_root(hashed));
  EXPECT_NE(trie_root(reference), trie_root(hashed));
}

TEST(Trie, OrderedRootUsesRlpIndexKeys) {
  std::vector<Bytes> values;
  std::map<Bytes, Bytes> m;
  for (u64 i = 0; i < 200; ++i) {  // crosses the 0x7f/0x80 and one-/two-byte key boundaries
    values.push_back(Bytes(1 + i % 50, static_cast<u8>(i)));
    m[rlp::encode_uint(Uint256{i})] = values.back();
  }
  EXPECT_EQ(ordered_trie_root(values), trie_root(m));
}

}  // namespace
}  // namespace dusk::trie
