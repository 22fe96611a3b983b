// Merkle-Patricia trie roots. Known answers: the empty root and the ethereum/tests
// TrieTests/trieanyorder.json and trieanyorder_secureTrie.json cases (commit
// 7d66cbfff1e6561d1046e45df8b7918d186b136f, as mirrored in ethereumjs-monorepo
// packages/trie/test/fixtures); keys and values are ASCII unless written 0x...
#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "duskevm/rlp.hpp"
#include "duskevm/trie.hpp"

namespace dusk::evm {
namespace {

Bytes bytes_of(std::string_view s) {
  if (s.starts_with("0x")) return *from_hex(s);
  return Bytes(s.begin(), s.end());
}

struct Case {
  const char* name;
  std::vector<std::pair<const char*, const char*>> in;
  const char* root;
  const char* secure_root;
};

const std::vector<Case> kAnyOrder = {
    {"singleItem", {{"A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},
     "d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab",
     "e9e2935138352776cad724d31c9fa5266a5c593bb97726dd2a908fe6d53284df"},
    {"dogs", {{"doe", "reindeer"}, {"dog", "puppy"}, {"dogglesworth", "cat"}},
     "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3",
     "d4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585"},
    {"puppy", {{"do", "verb"}, {"horse", "stallion"}, {"doge", "coin"}, {"dog", "puppy"}},
     "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
     "29b235a58c3c25ab83010c327d5932bcf05324b7d6b1185e650798034783ca9d"},
    {"foo", {{"foo", "bar"}, {"food", "bass"}},
     "17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3",
     "1385f23a33021025d9e87cca5c66c00de06178807b96a9acc92b7d651ccde842"},
    {"smallValues", {{"be", "e"}, {"dog", "puppy"}, {"bed", "d"}},
     "3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b",
     "826a4f9f9054a3e980e54b20da992c24fa20467f1ca635115ef4917be66e746f"},
    {"testy", {{"test", "test"}, {"te", "testy"}},
     "8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928",
     "aea54fb6c80499674248a462864c420c9d9f3b3d38c879c12425bade1ad76552"},
    {"hex", {{"0x0045", "0x0123456789"}, {"0x4500", "0x9876543210"}},
     "285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503",
     "bc11c02c8ab456db0c4d2728b6a2a6210d06f26a2ace4f7d8bdfc72ddf2630ab"},
};

std::map<Bytes, Bytes> entries_of(const Case& c) {
  std::map<Bytes, Bytes> m;
  for (const auto& [k, v] : c.in) m[bytes_of(k)] = bytes_of(v);
  return m;
}

TEST(Trie, EmptyRoot) {
  EXPECT_EQ(to_hex(kEmptyTrieRoot), "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  EXPECT_EQ(trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(secure_trie_root({}), kEmptyTrieRoot);
  EXPECT_EQ(ordered_trie_root({}), kEmptyTrieRoot);
  // Empty values are deletions: a trie of only empty values is empty.
  EXPECT_EQ(trie_root({{bytes_of("a"), Bytes{}}}), kEmptyTrieRoot);
}

TEST(Trie, AnyOrderVectors) {
  for (const Case& c : kAnyOrder) {
    EXPECT_EQ(to_hex(trie_root(entries_of(c))), c.root) << c.name;
    EXPECT_EQ(to_hex(secure_trie_root(entries_of(c))), c.secure_root) << c.name;
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
}  // namespace dusk::evm
