// Where DuskVM's state lives on disk (src/storage, one RocksDB database):
//
//   code      code hash            -> bytecode
//   pages     page hash            -> the page's 4 KiB (content-addressed: shared by every
//                                     memory and commit that holds the same page)
//   groups    group root           -> a group of up to 64 page hashes (PageGroup; shared
//                                     likewise)
//   memories  memory root || pages -> the memory's outline: its groups' indices, sizes
//                                     and roots (PageTable::encode; shared likewise)
//   commits   state root           -> ContractTable of that commit
//   meta      "head"               -> the root of the latest commit written with
//                                     `as_head` (what a tool reopens by default)
//             "final"              -> the commit marked final (finalize)
//   refs      kind || key          -> how many parents name an item (u64): commits name
//                                     code and outlines, outlines groups, groups pages
//
// Everything but commits is shared and counted: a commit writes an item only when its
// count leaves zero, and forgetting a commit deletes, in one batch, every item whose
// count comes back to zero, so the store holds exactly what its kept commits need.
//
// A commit is written in one atomic batch: a crash leaves the store with or without it,
// never a part. The empty state (root: 32 zero bytes) exists without being written.
// A commit writes the pages, groups and outlines it changed, so its size follows the
// pages written, not the memory's size (but for the outline: 40 bytes a group).
// Reading is cheap: a session loads the contract table of its base commit, then a
// contract's page table and pages when it first runs. Contract tables, outlines and
// groups are checked against the roots that name them; pages and code for their size
// and presence only (RocksDB's block checksums catch a damaged disk).
//
// Not thread-safe for writes; one writer at a time (the node's block executor).
#pragma once

#include <array>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "duskvm/runtime/state.hpp"
#include "storage/database.hpp"

namespace dusk::vm {

class StateStore {
 public:
  // A store of its own in `dir` (dusk-vm, tests).
  static storage::StorageResult<std::unique_ptr<StateStore>> open(const std::string& dir);
  // A store inside a database shared with other parts of a node, in column families
  // named `prefix` + code, pages, ... (column_families(prefix): the database must have
  // been opened with them). The database outlives the store. Through Changes, a block's
  // changes to the store go into the caller's batch, beside what the rest of the node
  // writes for the same block: one atomic write for all.
  static storage::StorageResult<std::unique_ptr<StateStore>> attach(storage::Database& db, std::string_view prefix);
  static std::vector<std::string> column_families(std::string_view prefix);
  // Of those, the families of reference counts, which must be opened as counter
  // families (storage::Options::counter_families).
  static std::vector<std::string> counter_families(std::string_view prefix);
  storage::Database& database() const { return *db_; }

  // The contract table of a commit; fails when no such commit was written.
  Result<ContractTable> contracts(const Hash256& root) const;
  Result<Bytes> code(const Hash256& code_hash) const;
  // The page table of a memory (memory_pages in 4 KiB pages), checked against its root.
  Result<PageTable> page_table(const Hash256& memory_root, u64 memory_pages) const;
  Result<Bytes> page(const Hash256& page_hash) const;
  bool has_commit(const Hash256& root) const;
  // Every commit the store holds, ascending by root (a full scan).
  Result<std::vector<Hash256>> commits() const;

  // What a new commit adds: its contract table, and the code, page tables, groups and
  // pages it refers to that the store may not hold yet (writing one it holds is
  // harmless).
  struct NewCommit {
    // The kept commit this one was made from: what the new commit names without
    // providing it, the base names, so the store holds it. The empty state's root: the
    // commit provides everything it names.
    Hash256 base{};
    ContractTable contracts;
    std::vector<std::pair<Hash256, Bytes>> code;  // code hash -> bytecode
    std::vector<PageTable> page_tables;
    std::vector<std::shared_ptr<const PageGroup>> groups;
    std::vector<std::pair<Hash256, Bytes>> pages;  // page hash -> contents
  };
  // Writes it in one batch and returns its state root; with `as_head`, the same batch
  // makes it the head.
  storage::StorageResult<Hash256> write(const NewCommit& commit, bool as_head = false);
  // The head (the empty state's root when none was set).
  Result<Hash256> head() const;

  // Forgets a commit, and deletes what no kept commit names any more (pages, groups,
  // outlines and code shared with kept commits stay). Refused for the head and the
  // final commit; a commit the store does not hold is already forgotten. A session
  // opened on a forgotten commit may find pages or code gone when it first runs a
  // contract, and cannot commit what it built on them (clear errors; nothing written).
  storage::StorageStatus forget(const Hash256& root);
  // Marks a commit final (a node's finalized state; kept until another is).
  storage::StorageStatus finalize(const Hash256& root);

  // Several changes made as one (a node's block: the new commit and head, a commit made
  // final, old ones forgotten), each seeing what the earlier ones did, and put into the
  // caller's batch by finish(). Stage new commits before forgetting old ones (a commit
  // may name what an old one held). Nothing reaches the batch unless every change
  // succeeded; after a failure the set refuses everything. The store must not be
  // written otherwise between the changes and the batch's write.
  class Changes {
   public:
    explicit Changes(const StateStore& store);
    ~Changes();
    Changes(const Changes&) = delete;
    Changes& operator=(const Changes&) = delete;
    storage::StorageResult<Hash256> commit(const NewCommit& commit, bool as_head = false);
    storage::StorageStatus forget(const Hash256& root);
    storage::StorageStatus finalize(const Hash256& root);
    // Puts every change into `batch`, once: the set is spent (a new Changes, made after
    // the batch is written, sees these changes).
    storage::StorageStatus finish(storage::WriteBatch& batch);

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };
  // The final commit (the empty state's root when none was marked).
  Result<Hash256> finalized() const;

  // What the store holds: items per kind and their bytes (a full scan: for tools and
  // tests).
  struct Usage {
    u64 commits = 0, code = 0, memories = 0, groups = 0, pages = 0, bytes = 0;
  };
  Result<Usage> usage() const;

 private:
  explicit StateStore(storage::Database& db) : db_(&db) {}
  const storage::Family& cf(size_t which) const { return *cf_[which]; }

  storage::Database* db_;
  std::unique_ptr<storage::Database> owned_;  // open(): the store's own database
  std::array<const storage::Family*, 7> cf_{};
};

}  // namespace dusk::vm
