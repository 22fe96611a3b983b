#include "duskevm/db_state_backend.hpp"

#include <algorithm>
#include <set>

#include "base/rlp.hpp"
#include "duskevm/state.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie.hpp"
#include "trie/trie_proof.hpp"

namespace dusk::evm {
namespace {

constexpr std::string_view kAccounts = "evm_accounts";
constexpr std::string_view kStorage = "evm_storage";
constexpr std::string_view kCode = "evm_code";
constexpr std::string_view kRoots = "evm_roots";
const Bytes kHeadKey = {'h', 'e', 'a', 'd'};

// An account's leaf in the state trie, and its flat record.
struct AccountRecord {
  u64 nonce = 0;
  Uint256 balance;
  Hash256 storage_root{};
  Hash256 code_hash{};
};

Bytes encode_account(const AccountRecord& r) {
  Bytes payload;
  rlp::encode_uint(payload, Uint256{r.nonce});
  rlp::encode_uint(payload, r.balance);
  rlp::encode_bytes(payload, r.storage_root);
  rlp::encode_bytes(payload, r.code_hash);
  Bytes out;
  rlp::encode_list_payload(out, payload);
  return out;
}

Result<Hash256> hash_of(const rlp::Item& item, const char* what) {
  auto b = rlp::decode_bytes(item);
  if (!b || b->size() != 32) return Error(std::string("stored account: a bad ") + what);
  Hash256 h;
  std::copy(b->begin(), b->end(), h.begin());
  return h;
}

Result<AccountRecord> decode_account(ByteView in) {
  auto item = rlp::decode_single(in);
  if (!item) return Error("stored account: " + item.error().message);
  auto items = rlp::decode_list(*item);
  if (!items || items->size() != 4) return Error("stored account: not a list of four items");
  AccountRecord r;
  auto nonce = rlp::decode_u64((*items)[0]);
  if (!nonce) return Error("stored account: nonce: " + nonce.error().message);
  auto balance = rlp::decode_uint256((*items)[1]);
  if (!balance) return Error("stored account: balance: " + balance.error().message);
  r.nonce = *nonce;
  r.balance = *balance;
  DUSK_ASSIGN(r.storage_root, hash_of((*items)[2], "storage root"));
  DUSK_ASSIGN(r.code_hash, hash_of((*items)[3], "code hash"));
  return r;
}

Result<Uint256> decode_slot(ByteView in) {
  auto item = rlp::decode_single(in);
  if (!item) return Error("stored slot: " + item.error().message);
  auto v = rlp::decode_uint256(*item);
  if (!v) return Error("stored slot: " + v.error().message);
  if (v->is_zero()) return Error("stored slot: a zero value is stored");
  return *v;
}

Bytes slot_key(const Address& a, const Uint256& key) {
  Bytes k(a.begin(), a.end());
  const auto kb = key.to_be();
  k.insert(k.end(), kb.begin(), kb.end());
  return k;
}

Bytes height_key(u64 height) {
  Bytes k(9);
  k[0] = 'h';
  store_be<u64>(k.data() + 1, height);
  return k;
}

Result<Hash256> read_hash(const storage::Database& db, const storage::Family& f, ByteView key, const char* what) {
  auto got = db.get(f, key);
  if (!got) return Error(std::string(what) + ": " + got.error().message);
  if (!got->has_value()) return trie::kEmptyTrieRoot;
  if ((*got)->size() != 32) return Error(std::string(what) + ": not 32 bytes");
  Hash256 h;
  std::copy((*got)->begin(), (*got)->end(), h.begin());
  return h;
}

Result<std::shared_ptr<const Bytes>> read_code(const storage::Database& db, const storage::Family& code,
                                               const Hash256& hash) {
  if (hash == kEmptyCodeHash) return std::make_shared<const Bytes>();
  auto got = db.get(code, hash);
  if (!got) return Error("reading code: " + got.error().message);
  if (!got->has_value()) return Error("the code of hash " + to_hex(hash) + " is not stored");
  return std::make_shared<const Bytes>(std::move(**got));
}

StoredAccount stored_account(const AccountRecord& r, std::shared_ptr<const Bytes> code) {
  return {r.nonce, r.balance, r.storage_root, r.code_hash, std::move(code)};
}

Error trie_error(const char* what, trie::TrieFailure f) { return Error(std::string(what) + ": " + f.message); }

// The latest state frozen at one moment: the flat records through a database snapshot,
// one read per account or slot (the tries are for older states).
class SnapshotStateReader final : public StateBackend {
 public:
  SnapshotStateReader(std::unique_ptr<storage::Snapshot> snapshot, const storage::Family& accounts,
                      const storage::Family& storage, const storage::Family& code)
      : snapshot_(std::move(snapshot)), accounts_(accounts), storage_(storage), code_(code) {}

  Result<std::optional<StoredAccount>> account(const Address& a) const override {
    auto got = snapshot_->get(accounts_, a);
    if (!got) return Error("reading an account: " + got.error().message);
    if (!got->has_value()) return std::optional<StoredAccount>{};
    DUSK_ASSIGN(const AccountRecord r, decode_account(**got));
    std::shared_ptr<const Bytes> code = std::make_shared<const Bytes>();
    if (r.code_hash != kEmptyCodeHash) {
      auto c = snapshot_->get(code_, r.code_hash);
      if (!c) return Error("reading code: " + c.error().message);
      if (!c->has_value()) return Error("the code of hash " + to_hex(r.code_hash) + " is not stored");
      code = std::make_shared<const Bytes>(std::move(**c));
    }
    return std::optional<StoredAccount>{stored_account(r, std::move(code))};
  }

  Result<Uint256> slot(const Address& a, const Uint256& key) const override {
    auto got = snapshot_->get(storage_, slot_key(a, key));
    if (!got) return Error("reading a slot: " + got.error().message);
    if (!got->has_value()) return Uint256{};
    return decode_slot(**got);
  }

 private:
  std::unique_ptr<storage::Snapshot> snapshot_;
  const storage::Family& accounts_;
  const storage::Family& storage_;
  const storage::Family& code_;
};

// The state at one root, read through the account trie and the storage tries.
class TrieStateReader final : public StateBackend {
 public:
  TrieStateReader(const storage::Database& db, const storage::Family& code, const trie::NodeStore& nodes,
                  const Hash256& root)
      : db_(db), code_(code), nodes_(nodes), root_(root) {}

  Result<std::optional<StoredAccount>> account(const Address& a) const override {
    DUSK_ASSIGN(const auto record, find(a));
    if (!record) return std::optional<StoredAccount>{};
    DUSK_ASSIGN(auto code, read_code(db_, code_, record->code_hash));
    return std::optional<StoredAccount>{stored_account(*record, std::move(code))};
  }

  Result<Uint256> slot(const Address& a, const Uint256& key) const override {
    DUSK_ASSIGN(const auto record, find(a));
    if (!record || record->storage_root == trie::kEmptyTrieRoot) return Uint256{};
    trie::PatriciaTrie t(nodes_, record->storage_root, trie::KeyForm::kHashed);
    auto got = t.get(key.to_be());
    if (!got) return trie_error("reading a storage trie", got.take_error());
    if (!got->has_value()) return Uint256{};
    return decode_slot(**got);
  }

 private:
  Result<std::optional<AccountRecord>> find(const Address& a) const {
    trie::PatriciaTrie t(nodes_, root_, trie::KeyForm::kHashed);
    auto got = t.get(a);
    if (!got) return trie_error("reading the account trie", got.take_error());
    if (!got->has_value()) return std::optional<AccountRecord>{};
    DUSK_ASSIGN(AccountRecord r, decode_account(**got));
    return std::optional<AccountRecord>{r};
  }

  const storage::Database& db_;
  const storage::Family& code_;
  const trie::NodeStore& nodes_;
  Hash256 root_;
};

}  // namespace

std::vector<std::string> DbStateBackend::families() {
  return {std::string(kAccounts), std::string(kStorage), std::string(kCode), std::string(kRoots),
          std::string(trie::DbNodeStore::kFamily)};
}

DbStateBackend::DbStateBackend(const storage::Database& db)
    : db_(&db),
      accounts_(&db.family(kAccounts)),
      storage_(&db.family(kStorage)),
      code_(&db.family(kCode)),
      roots_(&db.family(kRoots)),
      nodes_(db, db.family(trie::DbNodeStore::kFamily)) {}

Result<std::optional<StoredAccount>> DbStateBackend::account(const Address& a) const {
  auto got = db_->get(*accounts_, a);
  if (!got) return Error("reading an account: " + got.error().message);
  if (!got->has_value()) return std::optional<StoredAccount>{};
  DUSK_ASSIGN(const AccountRecord r, decode_account(**got));
  DUSK_ASSIGN(auto code, read_code(*db_, *code_, r.code_hash));
  return std::optional<StoredAccount>{stored_account(r, std::move(code))};
}

Result<Uint256> DbStateBackend::slot(const Address& a, const Uint256& key) const {
  auto got = db_->get(*storage_, slot_key(a, key));
  if (!got) return Error("reading a slot: " + got.error().message);
  if (!got->has_value()) return Uint256{};
  return decode_slot(**got);
}

Result<Hash256> DbStateBackend::root() const { return read_hash(*db_, *roots_, kHeadKey, "the state root"); }

Result<std::optional<Hash256>> DbStateBackend::root_at(u64 height) const {
  auto got = db_->get(*roots_, height_key(height));
  if (!got) return Error("reading a state root: " + got.error().message);
  if (!got->has_value()) return std::optional<Hash256>{};
  if ((*got)->size() != 32) return Error("a stored state root is not 32 bytes");
  Hash256 h;
  std::copy((*got)->begin(), (*got)->end(), h.begin());
  return std::optional<Hash256>{h};
}

std::unique_ptr<StateBackend> DbStateBackend::latest() const {
  return std::make_unique<SnapshotStateReader>(db_->snapshot(), *accounts_, *storage_, *code_);
}

std::unique_ptr<StateBackend> DbStateBackend::at(const Hash256& root) const {
  return std::make_unique<TrieStateReader>(*db_, *code_, nodes_, root);
}

Result<DbStateBackend::AccountProof> DbStateBackend::prove(const Hash256& root, const Address& a,
                                                            const std::vector<Uint256>& keys) const {
  AccountProof out;
  auto account = trie::prove(nodes_, root, a, trie::KeyForm::kHashed);
  if (!account) return trie_error("proving an account", account.take_error());
  out.proof = std::move(account->nodes);
  out.storage_root = trie::kEmptyTrieRoot;
  out.code_hash = kEmptyCodeHash;
  if (account->value) {
    DUSK_ASSIGN(const AccountRecord r, decode_account(*account->value));
    out.nonce = r.nonce;
    out.balance = r.balance;
    out.storage_root = r.storage_root;
    out.code_hash = r.code_hash;
  }
  for (const Uint256& key : keys) {
    SlotProof s;
    s.key = key;
    auto slot = trie::prove(nodes_, out.storage_root, key.to_be(), trie::KeyForm::kHashed);
    if (!slot) return trie_error("proving a storage slot", slot.take_error());
    s.proof = std::move(slot->nodes);
    if (slot->value) {
      DUSK_ASSIGN(s.value, decode_slot(*slot->value));
    }
    out.storage.push_back(std::move(s));
  }
  return out;
}

Result<StateUndo> DbStateBackend::undo_of(const StateChanges& changes) const {
  StateUndo u;
  DUSK_ASSIGN(u.root, root());
  for (const AccountChange& c : changes.accounts) {
    auto got = db_->get(*accounts_, c.address);
    if (!got) return Error("reading an account: " + got.error().message);
    StateUndo::AccountBefore before;
    before.address = c.address;
    bool had_slots = false;
    if (got->has_value()) {
      DUSK_ASSIGN(const AccountRecord r, decode_account(**got));
      before.record = std::move(**got);
      before.balance = r.balance;
      had_slots = r.storage_root != trie::kEmptyTrieRoot;
    }
    u.accounts.push_back(std::move(before));
    std::set<Bytes> seen;
    if ((c.deleted || c.storage_cleared) && had_slots) {
      const ByteView prefix(c.address.data(), c.address.size());
      DUSK_TRY(db_->scan(*storage_, prefix, [&](ByteView key, ByteView value) {
        u.slots.push_back({Bytes(key.begin(), key.end()), Bytes(value.begin(), value.end())});
        seen.emplace(key.begin(), key.end());
        return true;
      }));
    }
    if (c.deleted) continue;
    for (const auto& [key, value] : c.slots) {
      Bytes k = slot_key(c.address, key);
      if (seen.count(k) != 0) continue;
      auto v = db_->get(*storage_, k);
      if (!v) return Error("reading a slot: " + v.error().message);
      u.slots.push_back({std::move(k), std::move(*v)});
    }
  }
  for (const auto& [hash, code] : changes.code) {
    if (hash == kEmptyCodeHash) continue;
    auto got = db_->get(*code_, hash);
    if (!got) return Error("reading code: " + got.error().message);
    if (!got->has_value()) u.new_code.push_back(hash);
  }
  return u;
}

void DbStateBackend::revert(const StateUndo& undo, u64 height, storage::WriteBatch& batch) const {
  for (const auto& a : undo.accounts) {
    if (a.record) batch.put(*accounts_, a.address, *a.record);
    else batch.del(*accounts_, a.address);
  }
  for (const auto& s : undo.slots) {
    if (s.value) batch.put(*storage_, s.key, *s.value);
    else batch.del(*storage_, s.key);
  }
  for (const Hash256& h : undo.new_code) batch.del(*code_, h);
  batch.put(*roots_, kHeadKey, undo.root);
  batch.del(*roots_, height_key(height));
}

Result<Hash256> DbStateBackend::apply(const StateChanges& changes, u64 height, storage::WriteBatch& batch) const {
  DUSK_ASSIGN(const Hash256 head, root());
  trie::PatriciaTrie accounts(nodes_, head, trie::KeyForm::kHashed);
  std::vector<trie::TrieNode> nodes;
  for (const AccountChange& c : changes.accounts) {
    auto got = db_->get(*accounts_, c.address);
    if (!got) return Error("reading an account: " + got.error().message);
    std::optional<AccountRecord> old;
    if (got->has_value()) {
      DUSK_ASSIGN(AccountRecord r, decode_account(**got));
      old = r;
    }
    // Its stored slots go with a deleted account and with one deleted and created again.
    if ((c.deleted || c.storage_cleared) && old && old->storage_root != trie::kEmptyTrieRoot) {
      const ByteView prefix(c.address.data(), c.address.size());
      DUSK_TRY(db_->scan(*storage_, prefix, [&](ByteView key, ByteView) {
        batch.del(*storage_, key);
        return true;
      }));
    }
    if (c.deleted) {
      if (old) {
        if (auto r = accounts.erase(c.address); !r) return trie_error("updating the account trie", r.take_error());
        batch.del(*accounts_, c.address);
      }
      continue;
    }
    AccountRecord next{c.nonce, c.balance, trie::kEmptyTrieRoot, c.code_hash};
    if (old && !c.storage_cleared) next.storage_root = old->storage_root;
    if (!c.slots.empty()) {
      trie::PatriciaTrie slots(nodes_, next.storage_root, trie::KeyForm::kHashed);
      for (const auto& [key, value] : c.slots) {
        const auto k = key.to_be();
        if (value.is_zero()) {
          if (auto r = slots.erase(k); !r) return trie_error("updating a storage trie", r.take_error());
          batch.del(*storage_, slot_key(c.address, key));
        } else {
          const Bytes v = rlp::encode_uint(value);
          if (auto r = slots.put(k, v); !r) return trie_error("updating a storage trie", r.take_error());
          batch.put(*storage_, slot_key(c.address, key), v);
        }
      }
      auto committed = slots.commit();
      if (!committed) return trie_error("committing a storage trie", committed.take_error());
      next.storage_root = committed->root;
      nodes.insert(nodes.end(), std::make_move_iterator(committed->nodes.begin()),
                   std::make_move_iterator(committed->nodes.end()));
    }
    const Bytes leaf = encode_account(next);
    if (auto r = accounts.put(c.address, leaf); !r) return trie_error("updating the account trie", r.take_error());
    batch.put(*accounts_, c.address, leaf);
  }
  for (const auto& [hash, code] : changes.code) batch.put(*code_, hash, *code);
  auto committed = accounts.commit();
  if (!committed) return trie_error("committing the account trie", committed.take_error());
  nodes.insert(nodes.end(), std::make_move_iterator(committed->nodes.begin()),
               std::make_move_iterator(committed->nodes.end()));
  nodes_.put(nodes, batch);
  batch.put(*roots_, kHeadKey, committed->root);
  batch.put(*roots_, height_key(height), committed->root);
  return committed->root;
}

}  // namespace dusk::evm
