#include "duskvm/runtime/state_store.hpp"

#include <algorithm>

namespace dusk::vm {

namespace {

// The column families, by index into StateStore::cf_ (their names after the prefix).
enum Cf : size_t { kCode, kPages, kGroups, kMemories, kCommits, kMeta, kRefs, kCfCount };
static_assert(kCfCount == 7, "StateStore::cf_ holds one pointer per column family");
constexpr const char* kCfNames[kCfCount] = {"code", "pages", "groups", "memories", "commits", "meta", "refs"};
const Bytes kHeadKey = {'h', 'e', 'a', 'd'};
const Bytes kFinalKey = {'f', 'i', 'n', 'a', 'l'};

Bytes memory_key(const Hash256& root, u64 pages) {
  Bytes k(root.begin(), root.end());
  u8 b[8];
  store_le<u64>(b, pages);
  k.insert(k.end(), b, b + 8);
  return k;
}

std::string hex8(const Hash256& h) { return to_hex(ByteView(h.data(), 8)); }

// A read that must find its key: absence and failure both become an Error.
Result<Bytes> must_get(const storage::Database& db, const storage::Family& family, ByteView key, const std::string& what) {
  auto r = db.get(family, key);
  if (!r.ok()) return r.take_error();
  if (!r->has_value()) return Error(what + " is not in the store");
  return std::move(**r);
}

}  // namespace

std::vector<std::string> StateStore::column_families(std::string_view prefix) {
  std::vector<std::string> names;
  for (const char* name : kCfNames) names.push_back(std::string(prefix) + name);
  return names;
}

storage::StorageResult<std::unique_ptr<StateStore>> StateStore::open(const std::string& dir) {
  auto db = storage::Database::open({.path = dir, .column_families = column_families("")});
  if (!db.ok()) return db.take_error();
  auto store = attach(**db, "");
  if (!store.ok()) return store.take_error();
  (*store)->owned_ = std::move(db).value();
  return store;
}

storage::StorageResult<std::unique_ptr<StateStore>> StateStore::attach(storage::Database& db, std::string_view prefix) {
  std::unique_ptr<StateStore> store(new StateStore(db));
  for (size_t i = 0; i < kCfCount; ++i) {
    const std::string name = std::string(prefix) + kCfNames[i];
    store->cf_[i] = db.find_family(name);
    if (!store->cf_[i])
      return storage::StorageFailure(storage::StorageError::kUnknownColumnFamily,
                                     "the database was not opened with column family " + name +
                                         " (StateStore::column_families)");
  }
  return store;
}

bool StateStore::has_commit(const Hash256& root) const {
  if (root == Hash256{}) return true;
  auto r = db_->get(cf(kCommits), root);
  return r.ok() && r->has_value();
}

Result<ContractTable> StateStore::contracts(const Hash256& root) const {
  if (root == Hash256{}) return ContractTable{};
  DUSK_ASSIGN(const Bytes bytes, must_get(*db_, cf(kCommits), root, "commit " + hex8(root)));
  auto t = decode_contract_table(bytes);
  if (!t) return Error("commit " + hex8(root) + ": its contract table does not decode");
  if (state_root(*t) != root) return Error("commit " + hex8(root) + ": its contract table hashes to another root");
  return std::move(*t);
}

Result<Bytes> StateStore::code(const Hash256& code_hash) const {
  return must_get(*db_, cf(kCode), code_hash, "code " + hex8(code_hash));
}

Result<PageTable> StateStore::page_table(const Hash256& memory_root, u64 memory_pages) const {
  if (memory_root == Hash256{}) return PageTable(memory_pages);
  const std::string what = "memory " + hex8(memory_root);
  DUSK_ASSIGN(const Bytes bytes, must_get(*db_, cf(kMemories), memory_key(memory_root, memory_pages), what));
  const auto outline = PageTable::decode_outline(bytes);
  if (!outline || outline->pages != memory_pages) return Error(what + ": its page table is damaged");
  std::vector<std::shared_ptr<const PageGroup>> groups;
  groups.reserve(outline->groups.size());
  for (const auto& g : outline->groups) {
    DUSK_ASSIGN(const Bytes group, must_get(*db_, cf(kGroups), g.root, what + ": group " + hex8(g.root)));
    auto decoded = PageGroup::decode(g.index, group);
    if (!decoded) return Error(what + ": group " + hex8(g.root) + " is damaged");
    groups.push_back(std::make_shared<const PageGroup>(std::move(*decoded)));
  }
  auto t = PageTable::assemble(*outline, std::move(groups));
  if (!t || t->root() != memory_root) return Error(what + ": its page table is damaged");
  return std::move(*t);
}

Result<Bytes> StateStore::page(const Hash256& page_hash) const {
  DUSK_ASSIGN(Bytes bytes, must_get(*db_, cf(kPages), page_hash, "page " + hex8(page_hash)));
  if (bytes.size() != kPageBytes) return Error("page " + hex8(page_hash) + " is damaged");
  return bytes;
}

Result<Hash256> StateStore::head() const {
  auto r = db_->get(cf(kMeta), kHeadKey);
  if (!r.ok()) return r.take_error();
  if (!r->has_value()) return Hash256{};
  if ((*r)->size() != 32) return Error("the store's head is damaged");
  Hash256 h;
  std::copy((*r)->begin(), (*r)->end(), h.begin());
  return h;
}

namespace {

// Reference counts, read from the store and changed in memory, then written in the
// commit's batch. A count is how many parents name the item: commits name code and
// memory outlines, outlines name groups, groups name pages. An item is written when its
// count leaves zero and deleted, with its children released, when it comes back to zero.
class Refs {
 public:
  Refs(const storage::Database& db, const storage::Family& family, storage::WriteBatch& batch)
      : db_(db), family_(family), batch_(batch) {}

  storage::StorageResult<u64> count(char kind, ByteView key) {
    const Bytes k = ref_key(kind, key);
    if (auto it = pending_.find(k); it != pending_.end()) return it->second;
    auto r = db_.get(family_, k);
    if (!r.ok()) return r.take_error();
    if (!r->has_value()) return u64{0};
    if ((*r)->size() != 8) return storage::StorageFailure(storage::StorageError::kCorruption, "a reference count is damaged");
    return load_le<u64>((*r)->data());
  }
  void set(char kind, ByteView key, u64 n) { pending_[ref_key(kind, key)] = n; }
  void flush() {
    for (const auto& [k, n] : pending_) {
      if (n == 0) {
        batch_.del(family_, k);
      } else {
        u8 b[8];
        store_le<u64>(b, n);
        batch_.put(family_, k, ByteView(b, 8));
      }
    }
  }

 private:
  static Bytes ref_key(char kind, ByteView key) {
    Bytes k;
    k.reserve(1 + key.size());
    k.push_back(static_cast<u8>(kind));
    k.insert(k.end(), key.begin(), key.end());
    return k;
  }
  const storage::Database& db_;
  const storage::Family& family_;
  storage::WriteBatch& batch_;
  std::map<Bytes, u64> pending_;
};

constexpr char kRefCode = 'c', kRefOutline = 'o', kRefGroup = 'g', kRefPage = 'p';

storage::StorageFailure missing(const std::string& what) {
  return storage::StorageFailure(storage::StorageError::kInvalid,
                                 "the commit names " + what + ", which neither it nor the store holds");
}

}  // namespace

// What write() and forget() share: the reference graph, walked down from a commit.
struct StateStore::Graph {
  const StateStore& store;
  storage::WriteBatch& batch;
  Refs refs;
  // A new commit's items by key (write only).
  std::map<Hash256, ByteView> code, pages;
  std::map<Hash256, const PageGroup*> groups;
  std::map<Bytes, const PageTable*> outlines;

  Graph(const StateStore& s, storage::WriteBatch& b) : store(s), batch(b), refs(*s.db_, s.cf(kRefs), b) {}
  const storage::Family& family(Cf which) const { return store.cf(which); }

  storage::StorageStatus acquire_page(const Hash256& h) {
    DUSK_ASSIGN(const u64 n, refs.count(kRefPage, h));
    if (n == 0) {
      auto it = pages.find(h);
      if (it == pages.end()) return missing("page " + hex8(h));
      batch.put(family(kPages), h, it->second);
    }
    refs.set(kRefPage, h, n + 1);
    return {};
  }
  storage::StorageStatus acquire_group(const Hash256& root) {
    DUSK_ASSIGN(const u64 n, refs.count(kRefGroup, root));
    if (n == 0) {
      auto it = groups.find(root);
      if (it == groups.end()) return missing("page group " + hex8(root));
      batch.put(family(kGroups), root, it->second->encode());
      for (const auto& [index, hash] : it->second->hashes) DUSK_TRY(acquire_page(hash));
    }
    refs.set(kRefGroup, root, n + 1);
    return {};
  }
  storage::StorageStatus acquire_outline(const Hash256& root, u64 memory_pages) {
    const Bytes key = memory_key(root, memory_pages);
    DUSK_ASSIGN(const u64 n, refs.count(kRefOutline, key));
    if (n == 0) {
      auto it = outlines.find(key);
      if (it == outlines.end()) return missing("memory " + hex8(root));
      const Bytes bytes = it->second->encode();
      batch.put(family(kMemories), key, bytes);
      const auto outline = PageTable::decode_outline(bytes);
      for (const auto& g : outline->groups) DUSK_TRY(acquire_group(g.root));
    }
    refs.set(kRefOutline, key, n + 1);
    return {};
  }
  storage::StorageStatus acquire_code(const Hash256& h) {
    DUSK_ASSIGN(const u64 n, refs.count(kRefCode, h));
    if (n == 0) {
      auto it = code.find(h);
      if (it == code.end()) return missing("code " + hex8(h));
      batch.put(family(kCode), h, it->second);
    }
    refs.set(kRefCode, h, n + 1);
    return {};
  }

  // Releasing: an item whose count reaches zero is deleted and releases its children.
  storage::StorageResult<bool> release(char kind, ByteView key) {
    DUSK_ASSIGN(const u64 n, refs.count(kind, key));
    if (n == 0) return storage::StorageFailure(storage::StorageError::kCorruption, "a reference count is already zero");
    refs.set(kind, key, n - 1);
    return n == 1;
  }
  storage::StorageStatus release_page(const Hash256& h) {
    DUSK_ASSIGN(const bool gone, release(kRefPage, h));
    if (gone) batch.del(family(kPages), h);
    return {};
  }
  storage::StorageStatus release_group(const Hash256& root) {
    DUSK_ASSIGN(const bool gone, release(kRefGroup, root));
    if (!gone) return {};
    auto bytes = store.db_->get(family(kGroups), root);
    if (!bytes.ok()) return bytes.take_error();
    if (!bytes->has_value() || (*bytes)->size() < 4)
      return storage::StorageFailure(storage::StorageError::kCorruption, "page group " + hex8(root) + " is missing or damaged");
    // The pages of a group are (u32 index, hash) pairs after a u32 count.
    const Bytes& b = **bytes;
    for (size_t at = 4; at + 36 <= b.size(); at += 36) {
      Hash256 h;
      std::copy_n(b.data() + at + 4, 32, h.begin());
      DUSK_TRY(release_page(h));
    }
    batch.del(family(kGroups), root);
    return {};
  }
  storage::StorageStatus release_outline(const Hash256& root, u64 memory_pages) {
    const Bytes key = memory_key(root, memory_pages);
    DUSK_ASSIGN(const bool gone, release(kRefOutline, key));
    if (!gone) return {};
    auto bytes = store.db_->get(family(kMemories), key);
    if (!bytes.ok()) return bytes.take_error();
    const auto outline = bytes->has_value() ? PageTable::decode_outline(**bytes) : std::nullopt;
    if (!outline) return storage::StorageFailure(storage::StorageError::kCorruption, "memory " + hex8(root) + " is missing or damaged");
    for (const auto& g : outline->groups) DUSK_TRY(release_group(g.root));
    batch.del(family(kMemories), key);
    return {};
  }
  storage::StorageStatus release_code(const Hash256& h) {
    DUSK_ASSIGN(const bool gone, release(kRefCode, h));
    if (gone) batch.del(family(kCode), h);
    return {};
  }
};

storage::StorageResult<Hash256> StateStore::write(const NewCommit& commit, bool as_head) {
  storage::WriteBatch batch;
  auto root = stage(commit, batch, as_head);
  if (!root.ok()) return root;
  auto w = db_->write(batch);
  if (!w.ok()) return w.take_error();
  return root;
}

storage::StorageResult<Hash256> StateStore::stage(const NewCommit& commit, storage::WriteBatch& batch, bool as_head) const {
  const Hash256 root = state_root(commit.contracts);
  if (root != Hash256{} && !has_commit(root)) {
    Graph g(*this, batch);
    for (const auto& [hash, bytes] : commit.code) g.code.emplace(hash, bytes);
    for (const auto& [hash, bytes] : commit.pages) g.pages.emplace(hash, bytes);
    for (const auto& group : commit.groups) g.groups.emplace(group->root, group.get());
    for (const PageTable& t : commit.page_tables) g.outlines.emplace(memory_key(t.root(), t.pages()), &t);
    for (const auto& [id, state] : commit.contracts) {
      DUSK_TRY(g.acquire_code(state.code_hash));
      if (state.memory_root != Hash256{}) DUSK_TRY(g.acquire_outline(state.memory_root, state.memory_pages));
    }
    g.refs.flush();
    batch.put(cf(kCommits), root, encode(commit.contracts));
  }
  if (as_head) batch.put(cf(kMeta), kHeadKey, root);
  return root;
}

storage::StorageStatus StateStore::forget(const Hash256& root) {
  storage::WriteBatch batch;
  DUSK_TRY(stage_forget(root, batch));
  return db_->write(batch);
}

storage::StorageStatus StateStore::stage_forget(const Hash256& root, storage::WriteBatch& batch) const {
  if (root == Hash256{}) return {};  // the empty state is never written
  auto head = this->head();
  if (head.ok() && *head == root)
    return storage::StorageFailure(storage::StorageError::kInvalid, "commit " + hex8(root) + " is the head: it cannot be forgotten");
  auto final_root = finalized();
  if (final_root.ok() && *final_root == root)
    return storage::StorageFailure(storage::StorageError::kInvalid, "commit " + hex8(root) + " is final: it cannot be forgotten");
  if (!has_commit(root)) return {};
  auto table = contracts(root);
  if (!table.ok()) return storage::StorageFailure(storage::StorageError::kCorruption, table.error().message);
  Graph g(*this, batch);
  for (const auto& [id, state] : *table) {
    DUSK_TRY(g.release_code(state.code_hash));
    if (state.memory_root != Hash256{}) DUSK_TRY(g.release_outline(state.memory_root, state.memory_pages));
  }
  g.refs.flush();
  batch.del(cf(kCommits), root);
  return {};
}

storage::StorageStatus StateStore::finalize(const Hash256& root) {
  storage::WriteBatch batch;
  DUSK_TRY(stage_finalize(root, batch));
  return db_->write(batch);
}

storage::StorageStatus StateStore::stage_finalize(const Hash256& root, storage::WriteBatch& batch) const {
  if (!has_commit(root)) return storage::StorageFailure(storage::StorageError::kInvalid, "commit " + hex8(root) + " is not in the store");
  batch.put(cf(kMeta), kFinalKey, root);
  return {};
}

Result<Hash256> StateStore::finalized() const {
  auto r = db_->get(cf(kMeta), kFinalKey);
  if (!r.ok()) return r.take_error();
  if (!r->has_value()) return Hash256{};
  if ((*r)->size() != 32) return Error("the store's final commit is damaged");
  Hash256 h;
  std::copy((*r)->begin(), (*r)->end(), h.begin());
  return h;
}

Result<std::vector<Hash256>> StateStore::commits() const {
  std::vector<Hash256> out;
  bool damaged = false;
  auto s = db_->scan(cf(kCommits), {}, [&](ByteView key, ByteView) {
    if (key.size() != 32) return !(damaged = true);
    Hash256 h;
    std::copy(key.begin(), key.end(), h.begin());
    out.push_back(h);
    return true;
  });
  if (!s.ok()) return s.take_error();
  if (damaged) return Error("the store's commit index is damaged");
  return out;
}

Result<StateStore::Usage> StateStore::usage() const {
  Usage u;
  const std::pair<Cf, u64*> families[] = {
      {kCommits, &u.commits}, {kCode, &u.code}, {kMemories, &u.memories}, {kGroups, &u.groups}, {kPages, &u.pages}};
  for (const auto& [which, count] : families) {
    auto s = db_->scan(cf(which), {}, [&](ByteView, ByteView value) {
      ++*count;
      u.bytes += value.size();
      return true;
    });
    if (!s.ok()) return s.take_error();
  }
  return u;
}

}  // namespace dusk::vm
