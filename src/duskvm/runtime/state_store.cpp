#include "duskvm/runtime/state_store.hpp"

#include <algorithm>

namespace dusk::vm {

namespace {

constexpr const char* kCode = "code";
constexpr const char* kPages = "pages";
constexpr const char* kGroups = "groups";
constexpr const char* kMemories = "memories";
constexpr const char* kCommits = "commits";
constexpr const char* kMeta = "meta";
const Bytes kHeadKey = {'h', 'e', 'a', 'd'};

Bytes memory_key(const Hash256& root, u64 pages) {
  Bytes k(root.begin(), root.end());
  u8 b[8];
  store_le<u64>(b, pages);
  k.insert(k.end(), b, b + 8);
  return k;
}

std::string hex8(const Hash256& h) { return to_hex(ByteView(h.data(), 8)); }

// A read that must find its key: absence and failure both become an Error.
Result<Bytes> must_get(const storage::Database& db, const char* family, ByteView key, const std::string& what) {
  auto r = db.get(db.family(family), key);
  if (!r.ok()) return r.take_error();
  if (!r->has_value()) return Error(what + " is not in the store");
  return std::move(**r);
}

}  // namespace

storage::StorageResult<std::unique_ptr<StateStore>> StateStore::open(const std::string& dir) {
  auto db = storage::Database::open({.path = dir, .column_families = {kCode, kPages, kGroups, kMemories, kCommits, kMeta}});
  if (!db.ok()) return db.take_error();
  return std::unique_ptr<StateStore>(new StateStore(std::move(db).value()));
}

bool StateStore::has_commit(const Hash256& root) const {
  if (root == Hash256{}) return true;
  auto r = db_->get(db_->family(kCommits), root);
  return r.ok() && r->has_value();
}

Result<ContractTable> StateStore::contracts(const Hash256& root) const {
  if (root == Hash256{}) return ContractTable{};
  DUSK_ASSIGN(const Bytes bytes, must_get(*db_, kCommits, root, "commit " + hex8(root)));
  auto t = decode_contract_table(bytes);
  if (!t) return Error("commit " + hex8(root) + ": its contract table does not decode");
  if (state_root(*t) != root) return Error("commit " + hex8(root) + ": its contract table hashes to another root");
  return std::move(*t);
}

Result<Bytes> StateStore::code(const Hash256& code_hash) const {
  return must_get(*db_, kCode, code_hash, "code " + hex8(code_hash));
}

Result<PageTable> StateStore::page_table(const Hash256& memory_root, u64 memory_pages) const {
  if (memory_root == Hash256{}) return PageTable(memory_pages);
  const std::string what = "memory " + hex8(memory_root);
  DUSK_ASSIGN(const Bytes bytes, must_get(*db_, kMemories, memory_key(memory_root, memory_pages), what));
  const auto outline = PageTable::decode_outline(bytes);
  if (!outline || outline->pages != memory_pages) return Error(what + ": its page table is damaged");
  std::vector<std::shared_ptr<const PageGroup>> groups;
  groups.reserve(outline->groups.size());
  for (const auto& g : outline->groups) {
    DUSK_ASSIGN(const Bytes group, must_get(*db_, kGroups, g.root, what + ": group " + hex8(g.root)));
    auto decoded = PageGroup::decode(g.index, group);
    if (!decoded) return Error(what + ": group " + hex8(g.root) + " is damaged");
    groups.push_back(std::make_shared<const PageGroup>(std::move(*decoded)));
  }
  auto t = PageTable::assemble(*outline, std::move(groups));
  if (!t || t->root() != memory_root) return Error(what + ": its page table is damaged");
  return std::move(*t);
}

Result<Bytes> StateStore::page(const Hash256& page_hash) const {
  DUSK_ASSIGN(Bytes bytes, must_get(*db_, kPages, page_hash, "page " + hex8(page_hash)));
  if (bytes.size() != kPageBytes) return Error("page " + hex8(page_hash) + " is damaged");
  return bytes;
}

Result<Hash256> StateStore::head() const {
  auto r = db_->get(db_->family(kMeta), kHeadKey);
  if (!r.ok()) return r.take_error();
  if (!r->has_value()) return Hash256{};
  if ((*r)->size() != 32) return Error("the store's head is damaged");
  Hash256 h;
  std::copy((*r)->begin(), (*r)->end(), h.begin());
  return h;
}

storage::StorageResult<Hash256> StateStore::write(const NewCommit& commit, bool as_head) {
  storage::WriteBatch batch;
  for (const auto& [hash, bytes] : commit.code) batch.put(db_->family(kCode), hash, bytes);
  for (const auto& [hash, bytes] : commit.pages) batch.put(db_->family(kPages), hash, bytes);
  for (const auto& g : commit.groups) batch.put(db_->family(kGroups), g->root, g->encode());
  for (const PageTable& t : commit.page_tables) {
    const Hash256 root = t.root();
    if (root != Hash256{}) batch.put(db_->family(kMemories), memory_key(root, t.pages()), t.encode());
  }
  const Hash256 root = state_root(commit.contracts);
  if (root != Hash256{}) batch.put(db_->family(kCommits), root, encode(commit.contracts));
  if (as_head) batch.put(db_->family(kMeta), kHeadKey, root);
  auto w = db_->write(batch);
  if (!w.ok()) return w.take_error();
  return root;
}

storage::StorageStatus StateStore::forget(const Hash256& root) {
  storage::WriteBatch batch;
  batch.del(db_->family(kCommits), root);
  return db_->write(batch);
}

}  // namespace dusk::vm
