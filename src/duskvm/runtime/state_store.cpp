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
const Bytes kFormatKey = {'f', 'o', 'r', 'm', 'a', 't'};
// The layout this code reads and writes (grouped page tables, reference counts). A store
// without it is new, or was written by an older layout, which is refused.
const std::string kFormat = "dusk-vm-state 2";

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

std::vector<std::string> StateStore::counter_families(std::string_view prefix) {
  return {std::string(prefix) + kCfNames[kRefs]};
}

storage::StorageResult<std::unique_ptr<StateStore>> StateStore::open(const std::string& dir) {
  auto db = storage::Database::open(
      {.path = dir, .column_families = column_families(""), .counter_families = counter_families("")});
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
  if (!store->cf(kRefs).counts())
    return storage::StorageFailure(storage::StorageError::kInvalid,
                                   "column family " + std::string(prefix) + "refs must be opened as a counter family "
                                   "(StateStore::counter_families)");
  auto format = db.get(store->cf(kMeta), kFormatKey);
  if (!format.ok()) return format.take_error();
  if (format->has_value()) {
    if (std::string((*format)->begin(), (*format)->end()) != kFormat)
      return storage::StorageFailure(storage::StorageError::kInvalid,
                                     "the state store's layout is '" + std::string((*format)->begin(), (*format)->end()) +
                                         "', this program reads '" + kFormat + "'");
    return store;
  }
  bool empty = true;
  auto scanned = db.scan(store->cf(kCommits), {}, [&](ByteView, ByteView) { return empty = false; });
  if (!scanned.ok()) return scanned.take_error();
  if (!empty)
    return storage::StorageFailure(storage::StorageError::kInvalid,
                                   "the state store was written by an older layout (before '" + kFormat +
                                       "'); start a new state directory");
  storage::WriteBatch batch;
  batch.put(store->cf(kMeta), kFormatKey, ByteView(reinterpret_cast<const u8*>(kFormat.data()), kFormat.size()));
  if (auto w = db.write(batch); !w.ok()) return w.take_error();
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

constexpr char kRefCode = 'c', kRefOutline = 'o', kRefGroup = 'g', kRefPage = 'p';

Bytes ref_key(char kind, ByteView key) {
  Bytes k;
  k.reserve(1 + key.size());
  k.push_back(static_cast<u8>(kind));
  k.insert(k.end(), key.begin(), key.end());
  return k;
}

storage::StorageFailure missing(const std::string& what) {
  return storage::StorageFailure(storage::StorageError::kInvalid,
                                 "the commit names " + what + ", which neither it nor the store holds");
}
storage::StorageFailure damaged(const std::string& what) {
  return storage::StorageFailure(storage::StorageError::kCorruption, what);
}
storage::StorageFailure refused(const std::string& what) {
  return storage::StorageFailure(storage::StorageError::kInvalid, what);
}

}  // namespace

// The changes so far, over the store as written: every put and delete by (family, key),
// read back before the database, so that the reference counts, items, commits, head and
// final commit seen by one change are those the earlier changes left.
//
// Reference counts: a count is how many parents name an item (commits name code and
// memory outlines, outlines name groups, groups name pages). An item is written when its
// count leaves zero and deleted, with its children released, when it comes back to zero.
struct StateStore::Changes::Impl {
  const StateStore& store;
  std::map<std::pair<size_t, Bytes>, std::optional<Bytes>> writes;  // nullopt: deleted
  bool failed = false;
  bool finished = false;  // finish() ran: the set is spent
  // The items of the commit being staged, by key.
  std::map<Hash256, ByteView> code, pages;
  std::map<Hash256, const PageGroup*> groups;
  std::map<Bytes, const PageTable*> outlines;

  explicit Impl(const StateStore& s) : store(s) {}

  storage::StorageResult<std::optional<Bytes>> get(Cf which, ByteView key) const {
    if (auto it = writes.find({which, Bytes(key.begin(), key.end())}); it != writes.end()) return it->second;
    return store.db_->get(store.cf(which), key);
  }
  storage::StorageResult<bool> has(Cf which, ByteView key) const {
    DUSK_ASSIGN(const auto v, get(which, key));
    return v.has_value();
  }
  void put(Cf which, ByteView key, ByteView value) {
    writes[{which, Bytes(key.begin(), key.end())}] = Bytes(value.begin(), value.end());
  }
  void del(Cf which, ByteView key) { writes[{which, Bytes(key.begin(), key.end())}] = std::nullopt; }
  storage::StorageResult<Hash256> root_at(const Bytes& meta_key) const {
    DUSK_ASSIGN(const auto v, get(kMeta, meta_key));
    if (!v) return Hash256{};
    if (v->size() != 32) return damaged("the store's " + std::string(meta_key.begin(), meta_key.end()) + " is damaged");
    Hash256 h;
    std::copy(v->begin(), v->end(), h.begin());
    return h;
  }

  // Reference counts: what the database holds (read only when a change must know it)
  // plus what these changes added; written at finish() as the value when it was read,
  // else as an add, so that counting a reference never needs a read.
  struct Count {
    std::optional<u64> stored;  // read from the database (with earlier adds folded in)
    i64 added = 0;
  };
  std::map<Bytes, Count> counts;

  storage::StorageResult<u64> count(char kind, ByteView key) {
    Count& c = counts[ref_key(kind, key)];
    if (!c.stored) {
      DUSK_ASSIGN(const auto v, store.db_->get(store.cf(kRefs), ref_key(kind, key)));
      if (v && v->size() != 8) return damaged("a reference count is damaged");
      c.stored = v ? load_le<u64>(v->data()) : 0;
    }
    return *c.stored + static_cast<u64>(c.added);
  }
  void add(char kind, ByteView key, i64 delta) { counts[ref_key(kind, key)].added += delta; }

  // Acquiring: a new commit names an item. What the commit provides is written (again,
  // harmlessly, when the store holds it); a provided group or outline that is new
  // names its children in turn. What it does not provide its base commit names, so the
  // store holds it: only its count grows. With no base (the empty state), everything
  // named must be provided.
  bool strict = false;

  storage::StorageStatus acquire_page(const Hash256& h) {
    if (auto it = pages.find(h); it != pages.end()) put(kPages, h, it->second);
    else if (strict) return missing("page " + hex8(h));
    add(kRefPage, h, 1);
    return {};
  }
  storage::StorageStatus acquire_group(const Hash256& root) {
    auto it = groups.find(root);
    if (it == groups.end()) {
      if (strict) return missing("page group " + hex8(root));
    } else {
      DUSK_ASSIGN(const u64 n, count(kRefGroup, root));
      if (n == 0) {
        put(kGroups, root, it->second->encode());
        for (const auto& [index, hash] : it->second->hashes) DUSK_TRY(acquire_page(hash));
      }
    }
    add(kRefGroup, root, 1);
    return {};
  }
  storage::StorageStatus acquire_outline(const Hash256& root, u64 memory_pages) {
    const Bytes key = memory_key(root, memory_pages);
    auto it = outlines.find(key);
    if (it == outlines.end()) {
      if (strict) return missing("memory " + hex8(root));
    } else {
      DUSK_ASSIGN(const u64 n, count(kRefOutline, key));
      if (n == 0) {
        put(kMemories, key, it->second->encode());
        for (const Hash256& g : it->second->group_roots()) DUSK_TRY(acquire_group(g));
      }
    }
    add(kRefOutline, key, 1);
    return {};
  }
  storage::StorageStatus acquire_code(const Hash256& h) {
    if (auto it = code.find(h); it != code.end()) put(kCode, h, it->second);
    else if (strict) return missing("code " + hex8(h));
    add(kRefCode, h, 1);
    return {};
  }

  // Releasing: true when the count came back to zero (the caller deletes the item).
  storage::StorageResult<bool> release(char kind, ByteView key) {
    DUSK_ASSIGN(const u64 n, count(kind, key));
    if (n == 0) return damaged("a reference count is already zero");
    add(kind, key, -1);
    return n == 1;
  }
  storage::StorageStatus release_page(const Hash256& h) {
    DUSK_ASSIGN(const bool gone, release(kRefPage, h));
    if (gone) del(kPages, h);
    return {};
  }
  storage::StorageStatus release_group(const Hash256& root) {
    DUSK_ASSIGN(const bool gone, release(kRefGroup, root));
    if (!gone) return {};
    DUSK_ASSIGN(const auto bytes, get(kGroups, root));
    // A group's stored form: u32 count, then (u32 index, hash) pairs.
    if (!bytes || bytes->size() < 4 || (bytes->size() - 4) % 36 != 0)
      return damaged("page group " + hex8(root) + " is missing or damaged");
    for (size_t at = 4; at + 36 <= bytes->size(); at += 36) {
      Hash256 h;
      std::copy_n(bytes->data() + at + 4, 32, h.begin());
      DUSK_TRY(release_page(h));
    }
    del(kGroups, root);
    return {};
  }
  storage::StorageStatus release_outline(const Hash256& root, u64 memory_pages) {
    const Bytes key = memory_key(root, memory_pages);
    DUSK_ASSIGN(const bool gone, release(kRefOutline, key));
    if (!gone) return {};
    DUSK_ASSIGN(const auto bytes, get(kMemories, key));
    const auto outline = bytes ? PageTable::decode_outline(*bytes) : std::nullopt;
    if (!outline) return damaged("memory " + hex8(root) + " is missing or damaged");
    for (const auto& g : outline->groups) DUSK_TRY(release_group(g.root));
    del(kMemories, key);
    return {};
  }
  storage::StorageStatus release_code(const Hash256& h) {
    DUSK_ASSIGN(const bool gone, release(kRefCode, h));
    if (gone) del(kCode, h);
    return {};
  }

  storage::StorageResult<Hash256> commit(const NewCommit& c, bool as_head) {
    const Hash256 root = state_root(c.contracts);
    DUSK_ASSIGN(const bool known, has(kCommits, root));
    if (root != Hash256{} && !known) {
      DUSK_ASSIGN(const bool base_kept, has(kCommits, c.base));
      if (c.base != Hash256{} && !base_kept)
        return refused("the commit's base " + hex8(c.base) + " is not kept (forgotten?): what it named may be gone");
      strict = c.base == Hash256{};
      code.clear(), pages.clear(), groups.clear(), outlines.clear();
      for (const auto& [hash, bytes] : c.code) code.emplace(hash, bytes);
      for (const auto& [hash, bytes] : c.pages) pages.emplace(hash, bytes);
      for (const auto& group : c.groups) groups.emplace(group->root, group.get());
      for (const PageTable& t : c.page_tables) outlines.emplace(memory_key(t.root(), t.pages()), &t);
      for (const auto& [id, state] : c.contracts) {
        DUSK_TRY(acquire_code(state.code_hash));
        if (state.memory_root != Hash256{}) DUSK_TRY(acquire_outline(state.memory_root, state.memory_pages));
      }
      put(kCommits, root, encode(c.contracts));
    }
    if (as_head) put(kMeta, kHeadKey, root);
    return root;
  }

  storage::StorageStatus forget(const Hash256& root) {
    if (root == Hash256{}) return {};  // the empty state is never written
    DUSK_ASSIGN(const Hash256 head, root_at(kHeadKey));
    if (head == root) return refused("commit " + hex8(root) + " is the head: it cannot be forgotten");
    DUSK_ASSIGN(const Hash256 final_root, root_at(kFinalKey));
    if (final_root == root) return refused("commit " + hex8(root) + " is final: it cannot be forgotten");
    DUSK_ASSIGN(const auto bytes, get(kCommits, root));
    if (!bytes) return {};  // already forgotten
    const auto table = decode_contract_table(*bytes);
    if (!table || state_root(*table) != root) return damaged("commit " + hex8(root) + ": its contract table is damaged");
    for (const auto& [id, state] : *table) {
      DUSK_TRY(release_code(state.code_hash));
      if (state.memory_root != Hash256{}) DUSK_TRY(release_outline(state.memory_root, state.memory_pages));
    }
    del(kCommits, root);
    return {};
  }

  storage::StorageStatus finalize(const Hash256& root) {
    DUSK_ASSIGN(const bool known, has(kCommits, root));
    if (root != Hash256{} && !known) return refused("commit " + hex8(root) + " is not in the store");
    put(kMeta, kFinalKey, root);
    return {};
  }
};

StateStore::Changes::Changes(const StateStore& store) : impl_(std::make_unique<Impl>(store)) {}
StateStore::Changes::~Changes() = default;

// A change that fails may have left part of itself in the overlay: the whole set is
// then refused by finish().
template <typename T>
static T remember_failure(bool& failed, T r) {
  if (!r.ok()) failed = true;
  return r;
}

storage::StorageResult<Hash256> StateStore::Changes::commit(const NewCommit& c, bool as_head) {
  if (impl_->failed || impl_->finished) return refused("an earlier change of this set failed, or it is finished");
  return remember_failure(impl_->failed, impl_->commit(c, as_head));
}
storage::StorageStatus StateStore::Changes::forget(const Hash256& root) {
  if (impl_->failed || impl_->finished) return refused("an earlier change of this set failed, or it is finished");
  return remember_failure(impl_->failed, impl_->forget(root));
}
storage::StorageStatus StateStore::Changes::finalize(const Hash256& root) {
  if (impl_->failed || impl_->finished) return refused("an earlier change of this set failed, or it is finished");
  return remember_failure(impl_->failed, impl_->finalize(root));
}
storage::StorageStatus StateStore::Changes::finish(storage::WriteBatch& batch) {
  if (impl_->failed) return refused("a change of this set failed: none of them may be written");
  if (impl_->finished) return refused("this set of changes is already finished");
  impl_->finished = true;
  for (const auto& [where, value] : impl_->writes) {
    const storage::Family& family = impl_->store.cf(where.first);
    if (value) batch.put(family, where.second, *value);
    else batch.del(family, where.second);
  }
  const storage::Family& refs = impl_->store.cf(kRefs);
  for (const auto& [key, c] : impl_->counts) {
    if (c.stored) {
      const u64 n = *c.stored + static_cast<u64>(c.added);
      if (n == 0) {
        batch.del(refs, key);
      } else {
        u8 b[8];
        store_le<u64>(b, n);
        batch.put(refs, key, ByteView(b, 8));
      }
    } else if (c.added != 0) {
      batch.add(refs, key, c.added);
    }
  }
  impl_->writes.clear();
  impl_->counts.clear();
  return {};
}

storage::StorageResult<Hash256> StateStore::write(const NewCommit& commit, bool as_head) {
  Changes changes(*this);
  DUSK_ASSIGN(const Hash256 root, changes.commit(commit, as_head));
  storage::WriteBatch batch;
  DUSK_TRY(changes.finish(batch));
  DUSK_TRY(db_->write(batch));
  return root;
}

storage::StorageStatus StateStore::forget(const Hash256& root) {
  Changes changes(*this);
  DUSK_TRY(changes.forget(root));
  storage::WriteBatch batch;
  DUSK_TRY(changes.finish(batch));
  return db_->write(batch);
}

storage::StorageStatus StateStore::finalize(const Hash256& root) {
  Changes changes(*this);
  DUSK_TRY(changes.finalize(root));
  storage::WriteBatch batch;
  DUSK_TRY(changes.finish(batch));
  return db_->write(batch);
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
