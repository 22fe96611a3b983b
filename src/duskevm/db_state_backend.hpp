// DuskEVM's state in the node's database: a StateBackend that reads accounts, code and
// slots from flat records (one RocksDB read each), and applies a block's change set
// (State::take_changes) to the account trie and the accounts' storage tries
// incrementally, writing everything into the block's WriteBatch.
//
//   auto db = storage::Database::open({.path = dir, .column_families = DbStateBackend::families()});
//   DbStateBackend backend(**db);
//   State state;
//   state.set_backend(&backend);
//   ... apply the block's transactions ...
//   if (state.backend_failure()) ...          // the block cannot be trusted
//   storage::WriteBatch batch;
//   DUSK_ASSIGN(Hash256 root, backend.apply(state.take_changes(), height, batch));
//   DUSK_TRY(db->write(batch));               // the block and its state, at once
//
// Layout (column families):
//   evm_accounts  address -> RLP([nonce, balance, storageRoot, codeHash]) (the trie leaf)
//   evm_storage   address ++ key (32 bytes) -> RLP(value), zero slots absent
//   evm_code      code hash -> code
//   evm_roots     "head" -> the state root of the last applied block;
//                 "h" ++ height (8 bytes, big-endian) -> the state root at that height
//   trie_nodes    the tries' nodes (trie::DbNodeStore), never deleted
//
// The flat records are the latest state, which blocks read; the tries keep every root,
// so at(root) reads any recorded state (queries at recent heights) through them, more
// slowly. apply() reads the database as it is (the parent block's state): the caller
// writes each batch before applying the next block. Pruning old trie nodes is future work.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "duskevm/state_backend.hpp"
#include "duskevm/state_changes.hpp"
#include "duskevm/state_undo.hpp"
#include "storage/database.hpp"
#include "trie/db_node_store.hpp"

namespace dusk::evm {

class DbStateBackend final : public StateBackend {
 public:
  // The column families the database must be opened with.
  static std::vector<std::string> families();

  // `db` (opened with families()) must outlive the backend.
  explicit DbStateBackend(const storage::Database& db);

  Result<std::optional<StoredAccount>> account(const Address& a) const override;
  Result<Uint256> slot(const Address& a, const Uint256& key) const override;

  // The state root after the last written batch (the empty trie's root at first).
  Result<Hash256> root() const;
  // The root recorded for `height`; nullopt when none was.
  Result<std::optional<Hash256>> root_at(u64 height) const;
  // Adds to `batch` what `changes` make of the current state: the tries' new nodes, the
  // flat records, code, and the new root as the head and as the root at `height`.
  // Returns the new root. Nothing is visible until the batch is written.
  Result<Hash256> apply(const StateChanges& changes, u64 height, storage::WriteBatch& batch) const;

  // What undoes apply(changes, ...) on the current state: the flat records it would
  // overwrite or delete as they are now (for an account deleted or recreated, every
  // stored slot of it), the code it would add, and the current root. Read before apply.
  Result<StateUndo> undo_of(const StateChanges& changes) const;
  // Adds to `batch` what restores the state before the block at `height` from its undo:
  // the flat records, the head root (its tries were never deleted), the root recorded for
  // `height` removed. Undos of several blocks go into one batch newest first.
  void revert(const StateUndo& undo, u64 height, storage::WriteBatch& batch) const;

  // The state as written now, frozen (a database snapshot: later batches do not show):
  // one read per account or slot, for queries of the latest state.
  std::unique_ptr<StateBackend> latest() const;
  // The state at `root` (a recorded root), read through the tries.
  std::unique_ptr<StateBackend> at(const Hash256& root) const;

  // EIP-1186 (eth_getProof): an account and some of its slots at `root`, with the trie
  // nodes that prove them (trie_proof.hpp). An absent account has nonce 0, balance 0,
  // the empty storage root and the empty code hash, and a proof of its absence.
  struct SlotProof {
    Uint256 key;
    Uint256 value;
    std::vector<Bytes> proof;
  };
  struct AccountProof {
    std::vector<Bytes> proof;
    u64 nonce = 0;
    Uint256 balance;
    Hash256 storage_root{};
    Hash256 code_hash{};
    std::vector<SlotProof> storage;
  };
  Result<AccountProof> prove(const Hash256& root, const Address& a, const std::vector<Uint256>& keys) const;

 private:
  const storage::Database* db_;
  const storage::Family* accounts_;
  const storage::Family* storage_;
  const storage::Family* code_;
  const storage::Family* roots_;
  trie::DbNodeStore nodes_;
};

}  // namespace dusk::evm
