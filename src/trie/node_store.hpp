// Where a persistent trie finds its nodes: content-addressed, each node's RLP stored
// under its keccak256. Nodes are only ever added (a node's key is its content, so a put
// of a node already present changes nothing), which keeps every old root readable.
//
// Reading is this interface; writing is the implementation's own (MemoryNodeStore::put
// applies nodes at once; DbNodeStore::put adds them to the caller's WriteBatch so that a
// block's nodes land in the same atomic write as the rest of the block).
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "trie/trie_error.hpp"

namespace dusk::trie {

// A node a trie update created: its hash and its RLP.
struct TrieNode {
  Hash256 hash;
  Bytes rlp;
};

class NodeStore {
 public:
  virtual ~NodeStore() = default;
  // The RLP of the node whose keccak256 is `hash`; nullopt when the store lacks it.
  virtual TrieResult<std::optional<Bytes>> get(const Hash256& hash) const = 0;
};

}  // namespace dusk::trie
