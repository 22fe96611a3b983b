// A NodeStore in memory, for tests and for tries that never outlive a process.
#pragma once

#include <map>

#include "trie/node_store.hpp"

namespace dusk::trie {

class MemoryNodeStore final : public NodeStore {
 public:
  TrieResult<std::optional<Bytes>> get(const Hash256& hash) const override {
    const auto it = nodes_.find(hash);
    if (it == nodes_.end()) return std::optional<Bytes>{};
    return std::optional<Bytes>{it->second};
  }
  void put(const std::vector<TrieNode>& nodes) {
    for (const auto& n : nodes) nodes_.emplace(n.hash, n.rlp);
  }
  size_t size() const { return nodes_.size(); }

 private:
  std::map<Hash256, Bytes> nodes_;
};

}  // namespace dusk::trie
