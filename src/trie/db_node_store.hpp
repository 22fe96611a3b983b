// A NodeStore in the node's database: one column family whose keys are node hashes and
// whose values are the nodes' RLP. New nodes go into the caller's WriteBatch, so a
// block's trie nodes are written in the same atomic batch as everything else the block
// changes; until that batch is written they are not readable here.
//
//   DbNodeStore nodes(*db, db->family(DbNodeStore::kFamily));
//   PatriciaTrie t(nodes, root, KeyForm::kHashed);
//   ... t.put(...) ...
//   DUSK_ASSIGN(auto c, t.commit());
//   storage::WriteBatch batch;
//   nodes.put(c.nodes, batch);
//   DUSK_TRY(db->write(batch));
//
// Lives beside the trie in its own library (dusk_trie_db) so that dusk_trie itself
// needs no database: dependencies go trie_db -> {trie, storage}.
#pragma once

#include <string_view>

#include "storage/database.hpp"
#include "trie/node_store.hpp"

namespace dusk::trie {

class DbNodeStore final : public NodeStore {
 public:
  // The family callers open the database with for trie nodes.
  static constexpr std::string_view kFamily = "trie_nodes";

  // `db` and `family` must outlive the store.
  DbNodeStore(const storage::Database& db, const storage::Family& family) : db_(&db), family_(&family) {}

  TrieResult<std::optional<Bytes>> get(const Hash256& hash) const override;
  // Adds `nodes` to `batch` (a node already stored is written again, unchanged).
  void put(const std::vector<TrieNode>& nodes, storage::WriteBatch& batch) const;

 private:
  const storage::Database* db_;
  const storage::Family* family_;
};

}  // namespace dusk::trie
