#include "duskvm/runtime/merkle.hpp"

#include <algorithm>

#include "crypto/hash/blake2b.hpp"

namespace dusk::vm {

namespace {

constexpr Hash256 kEmpty{};

bool bit(const Hash256& key, size_t depth) { return (key[depth / 8] >> (7 - depth % 8)) & 1; }

// The entries of [lo, hi) whose bit `depth` is 0 come first (they are sorted): the split.
size_t split(std::span<const MerkleEntry> e, size_t depth) {
  return static_cast<size_t>(std::partition_point(e.begin(), e.end(), [&](const MerkleEntry& x) {
                               return !bit(x.first, depth);
                             }) -
                             e.begin());
}

Hash256 subtree(std::span<const MerkleEntry> e, size_t depth) {
  if (e.empty()) return kEmpty;
  if (e.size() == 1) return merkle_leaf(e[0].first, e[0].second);
  const size_t mid = split(e, depth);
  return merkle_node(subtree(e.first(mid), depth + 1), subtree(e.subspan(mid), depth + 1));
}

bool same_prefix(const Hash256& a, const Hash256& b, size_t bits) {
  for (size_t i = 0; i < bits; ++i)
    if (bit(a, i) != bit(b, i)) return false;
  return true;
}

}  // namespace

Hash256 merkle_leaf(const Hash256& key, const Hash256& value) {
  const u8 tag = 0x00;
  return crypto::blake2b<32>({ByteView(&tag, 1), key, value});
}

Hash256 merkle_node(const Hash256& left, const Hash256& right) {
  const u8 tag = 0x01;
  return crypto::blake2b<32>({ByteView(&tag, 1), left, right});
}

Hash256 merkle_root(std::span<const MerkleEntry> entries) { return subtree(entries, 0); }

Hash256 merkle_subtree(std::span<const MerkleEntry> entries, size_t depth) { return subtree(entries, depth); }

MerkleProof merkle_prove(std::span<const MerkleEntry> entries, const Hash256& key) {
  MerkleProof proof;
  std::span<const MerkleEntry> e = entries;
  size_t depth = 0;
  while (e.size() > 1) {
    const size_t mid = split(e, depth);
    if (bit(key, depth)) {
      proof.siblings.push_back(subtree(e.first(mid), depth + 1));
      e = e.subspan(mid);
    } else {
      proof.siblings.push_back(subtree(e.subspan(mid), depth + 1));
      e = e.first(mid);
    }
    ++depth;
  }
  if (e.size() == 1 && e[0].first != key) proof.other = e[0];
  return proof;
}

bool merkle_verify(const Hash256& root, const Hash256& key, const std::optional<Hash256>& value,
                   const MerkleProof& proof) {
  const size_t depth = proof.siblings.size();
  if (depth > 256) return false;
  Hash256 h;
  if (value) {
    if (proof.other) return false;
    h = merkle_leaf(key, *value);
  } else if (proof.other) {
    // Another key in the key's place shows the key is absent, if it shares the path.
    if (proof.other->first == key || !same_prefix(proof.other->first, key, depth)) return false;
    h = merkle_leaf(proof.other->first, proof.other->second);
  } else {
    h = kEmpty;
  }
  // A leaf stands where its subtree holds one entry: at depth 0 only for a one-entry
  // tree, and an empty place only where a sibling is not empty (else the tree would
  // have folded).
  for (size_t i = depth; i-- > 0;) h = bit(key, i) ? merkle_node(proof.siblings[i], h) : merkle_node(h, proof.siblings[i]);
  return h == root;
}

}  // namespace dusk::vm
