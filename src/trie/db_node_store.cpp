#include "trie/db_node_store.hpp"

namespace dusk::trie {

TrieResult<std::optional<Bytes>> DbNodeStore::get(const Hash256& hash) const {
  auto got = db_->get(*family_, hash);
  if (!got) return TrieFailure{TrieError::kStore, "reading a trie node: " + got.error().message};
  return std::move(got).value();
}

void DbNodeStore::put(const std::vector<TrieNode>& nodes, storage::WriteBatch& batch) const {
  for (const auto& n : nodes) batch.put(*family_, n.hash, n.rlp);
}

}  // namespace dusk::trie
