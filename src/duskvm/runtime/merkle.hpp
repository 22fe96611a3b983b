// The state tree of DuskVM: a compact binary Merkle tree over 256-bit keys, with
// BLAKE2b-256. One shape serves both levels of the state root: a contract's memory
// (keys are page indices) and the set of contracts (keys are contract IDs).
//
// A key's path is its bits, most significant first. A subtree that holds one entry is
// that entry's leaf, wherever it sits (no chain of empty siblings down to depth 256), so
// the tree's height follows the number of entries, not the key width:
//
//   empty    = 32 zero bytes
//   leaf     = BLAKE2b-256(0x00 || key || value)
//   internal = BLAKE2b-256(0x01 || left || right)
//
// The root of an empty tree is `empty`. Every key can be proven present (with its value)
// or absent against the root, by a proof that a standalone function checks.
#pragma once

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "base/fixed_bytes.hpp"

namespace dusk::vm {

using MerkleEntry = std::pair<Hash256, Hash256>;  // key, value

// The root of `entries`, which must be sorted by key with no key twice.
Hash256 merkle_root(std::span<const MerkleEntry> entries);
// The subtree at `depth` that holds `entries` (sorted, distinct keys, all sharing their
// first `depth` bits): what merkle_root computes for them on its way down, so that a
// tree can be put together from subtrees kept elsewhere (page_table.hpp does).
Hash256 merkle_subtree(std::span<const MerkleEntry> entries, size_t depth);

// What proves a key present or absent: the siblings from the top down to where the key's
// subtree holds at most one entry, and that entry when it is another key's.
struct MerkleProof {
  std::vector<Hash256> siblings;       // siblings[i] is the sibling at depth i
  std::optional<MerkleEntry> other;    // absence: the one entry sharing the key's path
};

// The proof for `key` in `entries` (sorted, distinct keys).
MerkleProof merkle_prove(std::span<const MerkleEntry> entries, const Hash256& key);

// True when `proof` shows that `key` holds `value` under `root` (value nullopt: that the
// key is absent).
bool merkle_verify(const Hash256& root, const Hash256& key, const std::optional<Hash256>& value,
                   const MerkleProof& proof);

// The node hashes, for callers that build proofs of their own shapes.
Hash256 merkle_leaf(const Hash256& key, const Hash256& value);
Hash256 merkle_node(const Hash256& left, const Hash256& right);

}  // namespace dusk::vm
