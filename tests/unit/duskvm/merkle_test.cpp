// The DuskVM state tree (src/duskvm/runtime/merkle.hpp): its root against an
// independent definition, and proofs of presence and absence, valid and tampered.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "crypto/hash/blake2b.hpp"
#include "duskvm/runtime/contract_id.hpp"
#include "duskvm/runtime/merkle.hpp"

namespace dusk::vm {
namespace {

Hash256 random_hash(std::mt19937_64& rng) {
  Hash256 h;
  for (auto& b : h) b = static_cast<u8>(rng());
  return h;
}

std::vector<MerkleEntry> sorted(const std::map<Hash256, Hash256>& m) { return {m.begin(), m.end()}; }

// The same tree defined the slow way: recursion over a set, splitting on each bit
// (no shared code with merkle.cpp but the two node hashes, which are a definition).
Hash256 reference(const std::map<Hash256, Hash256>& m, size_t depth) {
  if (m.empty()) return Hash256{};
  if (m.size() == 1) return merkle_leaf(m.begin()->first, m.begin()->second);
  std::map<Hash256, Hash256> zero, one;
  for (const auto& [k, v] : m) ((k[depth / 8] >> (7 - depth % 8)) & 1 ? one : zero).emplace(k, v);
  return merkle_node(reference(zero, depth + 1), reference(one, depth + 1));
}

TEST(Merkle, NodeHashesAreTaggedBlake2b) {
  Hash256 k{}, v{};
  k[0] = 1;
  v[31] = 2;
  Bytes leaf_input = {0x00};
  leaf_input.insert(leaf_input.end(), k.begin(), k.end());
  leaf_input.insert(leaf_input.end(), v.begin(), v.end());
  const auto want = crypto::blake2b<32>(leaf_input);
  EXPECT_EQ(merkle_leaf(k, v), Hash256(want));
  EXPECT_EQ(merkle_root({}), Hash256{});
  const std::vector<MerkleEntry> one = {{k, v}};
  EXPECT_EQ(merkle_root(one), merkle_leaf(k, v));
}

TEST(Merkle, RootMatchesTheDefinition) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::map<Hash256, Hash256> m;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Hash256 key = random_hash(rng);
      if (rng() % 3 == 0) std::fill(key.begin() + 4, key.end(), 0);  // page-index-like keys
      m[key] = random_hash(rng);
    }
    ASSERT_EQ(merkle_root(sorted(m)), reference(m, 0)) << round;
  }
}

TEST(Merkle, ProofsOfPresenceAndAbsence) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 100; ++round) {
    std::map<Hash256, Hash256> m;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) m[random_hash(rng)] = random_hash(rng);
    const auto entries = sorted(m);
    const Hash256 root = merkle_root(entries);
    for (const auto& [k, v] : m) {
      const MerkleProof p = merkle_prove(entries, k);
      ASSERT_TRUE(merkle_verify(root, k, v, p));
      ASSERT_FALSE(merkle_verify(root, k, std::nullopt, p));  // not absent
      Hash256 wrong = v;
      wrong[0] ^= 1;
      ASSERT_FALSE(merkle_verify(root, k, wrong, p));  // not another value
      if (!p.siblings.empty()) {
        MerkleProof tampered = p;
        tampered.siblings[rng() % tampered.siblings.size()][5] ^= 0x40;
        ASSERT_FALSE(merkle_verify(root, k, v, tampered));
      }
      Hash256 other_root = root;
      other_root[9] ^= 1;
      ASSERT_FALSE(merkle_verify(other_root, k, v, p));
    }
    for (int i = 0; i < 10; ++i) {
      const Hash256 absent = random_hash(rng);
      if (m.count(absent)) continue;
      const MerkleProof p = merkle_prove(entries, absent);
      ASSERT_TRUE(merkle_verify(root, absent, std::nullopt, p)) << round;
      ASSERT_FALSE(merkle_verify(root, absent, random_hash(rng), p));
      if (p.other) {
        // The witness must share the absent key's path: another entry will not do.
        MerkleProof lie = p;
        lie.other->second[0] ^= 1;
        ASSERT_FALSE(merkle_verify(root, absent, std::nullopt, lie));
      }
    }
  }
}

TEST(Merkle, AnEntryCannotBeProvenAbsent) {
  std::mt19937_64 rng(3);
  std::map<Hash256, Hash256> m;
  for (int i = 0; i < 20; ++i) m[random_hash(rng)] = random_hash(rng);
  const auto entries = sorted(m);
  const Hash256 root = merkle_root(entries);
  const Hash256 present = entries[7].first;
  // Its own proof, read as absence with itself as the witness, is refused.
  MerkleProof p = merkle_prove(entries, present);
  p.other = entries[7];
  EXPECT_FALSE(merkle_verify(root, present, std::nullopt, p));
}

TEST(ContractId, DependsOnCodeNonceAndOwner) {
  const Bytes code = {0, 'a', 's', 'm'}, owner = {1, 2, 3};
  const ContractId a = contract_id(code, 0, owner);
  EXPECT_EQ(a, contract_id(code, 0, owner));
  EXPECT_NE(a, contract_id(code, 1, owner));
  EXPECT_NE(a, contract_id(code, 0, Bytes{1, 2, 4}));
  EXPECT_NE(a, contract_id(Bytes{0, 'a', 's', 'n'}, 0, owner));
  // BLAKE2b-256 over code || nonce (8 bytes, little-endian) || owner.
  Bytes input = code;
  const Bytes nonce = {5, 0, 0, 0, 0, 0, 0, 0};
  input.insert(input.end(), nonce.begin(), nonce.end());
  input.insert(input.end(), owner.begin(), owner.end());
  EXPECT_EQ(contract_id(code, 5, owner), ContractId(crypto::blake2b<32>(input)));
}

}  // namespace
}  // namespace dusk::vm
