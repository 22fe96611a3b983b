#include "duskevm/state.hpp"

#include "crypto/hash/keccak.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {

const Hash256 kEmptyCodeHash = crypto::keccak256({});

namespace {
const std::shared_ptr<const Bytes>& empty_code() {
  static const auto kEmpty = std::make_shared<const Bytes>();
  return kEmpty;
}
// The RIPEMD-160 precompile's address: mainnet block 2675119 cleared the empty account
// there although the call that touched it ran out of gas, so clients keep that one touch
// across a revert.
constexpr Address kRipemdAddress = address_from_u8(3);
}  // namespace

Account::Account() : code(empty_code()) {}

Account* State::lookup(const Address& a) const {
  if (last_found_.account && same_address(last_found_.addr, a)) return last_found_.account;
  auto it = accounts_.find(a);
  if (it == accounts_.end()) return backend_ ? load_account(a) : nullptr;
  // The map is const here; its values are not (find_mut hands them out).
  Account* acc = const_cast<Account*>(&it->second);
  last_found_.addr = a;
  last_found_.account = acc;
  return acc;
}
Account* State::load_account(const Address& a) const {
  if (not_in_backend_.count(a) != 0) return nullptr;
  auto got = backend_->account(a);
  if (!got) {
    if (!backend_failure_) backend_failure_ = got.take_error();
    return nullptr;
  }
  if (!got->has_value()) {
    not_in_backend_.insert(a);
    return nullptr;
  }
  const StoredAccount& stored = **got;
  Account acc;
  acc.nonce = stored.nonce;
  acc.balance = stored.balance;
  acc.code_hash = stored.code_hash;
  if (stored.code && !stored.code->empty()) acc.code = stored.code;
  acc.slots_in_backend = true;
  acc.backend_has_slots = stored.storage_root != trie::kEmptyTrieRoot;
  Account* loaded = &accounts_.emplace(a, std::move(acc)).first->second;
  last_found_.addr = a;
  last_found_.account = loaded;
  return loaded;
}

Uint256 State::load_slot(const Address& a, const Uint256& key) const {
  auto got = backend_->slot(a, key);
  if (got) return *got;
  if (!backend_failure_) backend_failure_ = got.take_error();
  return {};
}

const Account* State::find(const Address& a) const { return lookup(a); }
Account* State::find_mut(const Address& a) {
  Account* acc = lookup(a);
  if (acc) unjournaled_.insert(a);  // its slots may change behind the journal's back
  return acc;
}
Account& State::must(const Address& a) { return *lookup(a); }

Uint256 State::balance(const Address& a) const {
  const Account* acc = find(a);
  return acc ? acc->balance : Uint256{};
}
Uint256 State::storage(const Address& a, const Uint256& key) const {
  Account* acc = lookup(a);
  if (!acc) return {};
  auto it = acc->storage.find(key);
  if (it != acc->storage.end()) return it->second.current;
  if (!acc->slots_in_backend) return {};
  // Loaded once per block; later reads and SSTORE's original value find it here.
  const Uint256 v = load_slot(a, key);
  acc->storage.emplace(key, StorageSlot{v, v});
  return v;
}
Uint256 State::transient(const Address& a, const Uint256& key) const {
  const Account* acc = find(a);
  if (!acc) return {};
  auto it = acc->transient.find(key);
  return it == acc->transient.end() ? Uint256{} : it->second;
}

Account& State::put(const Address& a, Account acc) {
  unjournaled_.insert(a);
  if (backend_) {
    // The account replaces the stored one, storage included.
    deleted_in_block_.insert(a);
    acc.slots_in_backend = acc.backend_has_slots = false;
    if (!acc.code->empty()) block_code_[acc.code_hash] = acc.code;
    last_found_.account = nullptr;
  }
  return accounts_[a] = std::move(acc);
}

Account& State::get_or_create(const Address& a) {
  if (backend_) lookup(a);  // a stored account comes into the map first
  auto [it, inserted] = accounts_.try_emplace(a);
  if (inserted) journal_.push_back({Change::kCreateAccount, a, {}, {}, nullptr, {}, false});
  if (changed_accounts_.empty() || changed_accounts_.back() != a) changed_accounts_.push_back(a);
  return it->second;
}

void State::set_balance(const Address& a, const Uint256& v) {
  Account& acc = get_or_create(a);
  journal_.push_back({Change::kBalance, a, {}, acc.balance, nullptr, {}, false});
  acc.balance = v;
}

void State::set_nonce(const Address& a, u64 n) {
  Account& acc = get_or_create(a);
  journal_.push_back({Change::kNonce, a, {}, Uint256{acc.nonce}, nullptr, {}, false});
  acc.nonce = n;
}

void State::set_code(const Address& a, Bytes code) {
  Account& acc = get_or_create(a);
  journal_.push_back({Change::kCode, a, {}, {}, acc.code, acc.code_hash, false});
  acc.code_hash = crypto::keccak256(code);
  acc.code = code.empty() ? empty_code() : std::make_shared<const Bytes>(std::move(code));
  if (backend_ && !acc.code->empty()) block_code_[acc.code_hash] = acc.code;
}

StorageSlot& State::slot(const Address& a, const Uint256& key) {
  Account& acc = get_or_create(a);
  if (changed_slots_.empty() || changed_slots_.back().second != key || changed_slots_.back().first != a)
    changed_slots_.emplace_back(a, key);  // a loop storing to one slot adds it once
  auto [it, inserted] = acc.storage.try_emplace(key);
  if (inserted && acc.slots_in_backend) {
    const Uint256 v = load_slot(a, key);
    it->second = {v, v};
  }
  return it->second;
}

void State::set_storage(const Address& a, const Uint256& key, const Uint256& v) {
  StorageSlot& s = slot(a, key);
  journal_.push_back({Change::kStorage, a, key, s.current, nullptr, {}, false});
  s.current = v;
}

void State::set_transient(const Address& a, const Uint256& key, const Uint256& v) {
  Account& acc = get_or_create(a);
  Uint256& slot_value = acc.transient[key];
  journal_.push_back({Change::kTransient, a, key, slot_value, nullptr, {}, false});
  slot_value = v;
}

void State::mark_created(const Address& a) {
  Account& acc = get_or_create(a);
  journal_.push_back({Change::kCreated, a, {}, {}, nullptr, {}, acc.created});
  acc.created = true;
}

void State::mark_destructed(const Address& a) {
  Account& acc = get_or_create(a);
  journal_.push_back({Change::kDestructed, a, {}, {}, nullptr, {}, acc.destructed});
  acc.destructed = true;
}

void State::touch(const Address& a) {
  if (touched_.insert(a).second) journal_.push_back({Change::kTouch, a, {}, {}, nullptr, {}, false});
}

bool State::access_account(const Address& a) {
  if (!warm_accounts_.insert(a).second) return true;
  journal_.push_back({Change::kWarmAccount, a, {}, {}, nullptr, {}, false});
  return false;
}

bool State::access_slot(const Address& a, const Uint256& key) {
  if (!warm_slots_.insert(a, key)) return true;
  journal_.push_back({Change::kWarmSlot, a, key, {}, nullptr, {}, false});
  return false;
}

void State::add_refund(i64 delta) {
  journal_.push_back({Change::kRefund, {}, {}, Uint256{static_cast<u64>(refund_)}, nullptr, {}, false});
  refund_ += delta;
}

void State::add_log(Log log) {
  journal_.push_back({Change::kLog, {}, {}, {}, nullptr, {}, false});
  logs_.push_back(std::move(log));
}

void State::revert_to(size_t mark) {
  while (journal_.size() > mark) {
    Entry& e = journal_.back();
    switch (e.kind) {
      case Change::kCreateAccount:
        accounts_.erase(e.addr);
        last_found_.account = nullptr;
        break;
      case Change::kBalance: must(e.addr).balance = e.prev; break;
      case Change::kNonce: must(e.addr).nonce = e.prev.low64(); break;
      case Change::kCode:
        must(e.addr).code = std::move(e.prev_code);
        must(e.addr).code_hash = e.prev_code_hash;
        break;
      case Change::kStorage: must(e.addr).storage[e.key].current = e.prev; break;
      case Change::kTransient: must(e.addr).transient[e.key] = e.prev; break;
      case Change::kCreated: must(e.addr).created = e.prev_flag; break;
      case Change::kDestructed: must(e.addr).destructed = e.prev_flag; break;
      case Change::kTouch:
        if (e.addr != kRipemdAddress) touched_.erase(e.addr);
        break;
      case Change::kWarmAccount: warm_accounts_.erase(e.addr); break;
      case Change::kWarmSlot:
        warm_slots_.erase(e.addr, e.key);
        break;
      case Change::kRefund: refund_ = static_cast<i64>(e.prev.low64()); break;
      case Change::kLog: logs_.pop_back(); break;
    }
    journal_.pop_back();
  }
}

void State::begin_transaction() {
  logs_.clear();
  refund_ = 0;
  journal_.clear();
}

// Only what the transaction may have changed is visited: the accounts it reached through
// get_or_create, the ones it touched, the slots it read or wrote through slot(), and
// accounts changed without the journal (put, find_mut). Every other account already has
// created == false, no transient storage and no zero or unsettled slot, so the work is
// the transaction's, not the state's size.
void State::finalize_transaction() {
  auto settle_account = [&](const Address& a) {
    if (backend_) lookup(a);
    auto it = accounts_.find(a);
    if (it == accounts_.end()) return;
    Account& acc = it->second;
    if (acc.destructed || (touched_.count(a) != 0 && acc.is_empty())) {
      accounts_.erase(it);
      last_found_.account = nullptr;
      if (backend_) {  // the stored account must not show through for the rest of the block
        deleted_in_block_.insert(a);
        not_in_backend_.insert(a);
      }
      return;
    }
    acc.created = false;
    acc.transient.clear();
  };
  for (const Address& a : changed_accounts_) settle_account(a);
  for (const Address& a : touched_) settle_account(a);
  for (const Address& a : unjournaled_) {
    settle_account(a);
    auto it = accounts_.find(a);
    if (it == accounts_.end()) continue;
    for (const auto& [key, slot] : it->second.storage) changed_slots_.emplace_back(a, key);
  }
  for (const auto& [a, key] : changed_slots_) {
    Account* acc = lookup(a);
    if (!acc) continue;
    auto s = acc->storage.find(key);
    if (s == acc->storage.end()) continue;
    s->second.original = s->second.current;
    // A zero slot of a backed account stays, so that the stored value does not show
    // through for the rest of the block.
    if (s->second.current.is_zero() && !acc->slots_in_backend) acc->storage.erase(s);
  }
  if (backend_) note_block_changes();
  changed_accounts_.clear();
  changed_slots_.clear();
  unjournaled_.clear();
  touched_.clear();
  warm_accounts_.clear();
  warm_slots_.clear();
  journal_.clear();
  refund_ = 0;
}

void State::note_block_changes() {
  block_accounts_.insert(changed_accounts_.begin(), changed_accounts_.end());
  block_accounts_.insert(touched_.begin(), touched_.end());
  block_accounts_.insert(unjournaled_.begin(), unjournaled_.end());
  for (const auto& s : changed_slots_) {
    block_slots_.insert(s);
    block_accounts_.insert(s.first);
  }
}

StateChanges State::take_changes() {
  finalize_transaction();
  StateChanges out;
  auto slot = block_slots_.begin();
  for (const Address& a : block_accounts_) {
    AccountChange c;
    c.address = a;
    c.storage_cleared = deleted_in_block_.count(a) != 0;
    const auto it = accounts_.find(a);
    c.deleted = it == accounts_.end();
    while (slot != block_slots_.end() && slot->first < a) ++slot;
    for (; slot != block_slots_.end() && slot->first == a; ++slot) {
      if (c.deleted) continue;
      const auto s = it->second.storage.find(slot->second);
      c.slots[slot->second] = s == it->second.storage.end() ? Uint256{} : s->second.current;
    }
    if (!c.deleted) {
      c.nonce = it->second.nonce;
      c.balance = it->second.balance;
      c.code_hash = it->second.code_hash;
    }
    out.accounts.push_back(std::move(c));
  }
  out.code = std::move(block_code_);
  block_code_.clear();
  block_accounts_.clear();
  block_slots_.clear();
  deleted_in_block_.clear();
  not_in_backend_.clear();
  backend_failure_.reset();
  if (backend_) {
    accounts_.clear();
    last_found_.account = nullptr;
  }
  return out;
}

Hash256 storage_root(const Account& acc) {
  std::map<Bytes, Bytes> entries;
  for (const auto& [key, slot] : acc.storage) {
    if (slot.current.is_zero()) continue;
    const auto k = key.to_be();
    entries.emplace(Bytes(k.begin(), k.end()), rlp::encode_uint(slot.current));
  }
  return entries.empty() ? trie::kEmptyTrieRoot : trie::secure_trie_root(entries);
}

Hash256 State::root() const {
  std::map<Bytes, Bytes> entries;
  for (const auto& [addr, acc] : accounts_) {
    Bytes payload;
    rlp::encode_uint(payload, Uint256{acc.nonce});
    rlp::encode_uint(payload, acc.balance);
    rlp::encode_bytes(payload, storage_root(acc));
    rlp::encode_bytes(payload, acc.code_hash);
    Bytes item;
    rlp::encode_list_payload(item, payload);
    entries.emplace(Bytes(addr.begin(), addr.end()), std::move(item));
  }
  return entries.empty() ? trie::kEmptyTrieRoot : trie::secure_trie_root(entries);
}

}  // namespace dusk::evm
