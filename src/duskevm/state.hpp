// The world state seen by one block's transactions: accounts, their storage and code,
// EIP-1153 transient storage, the EIP-2929 access sets, the refund counter and the logs,
// all changed through a journal so that a call frame's changes can be rolled back.
//
// Checkpoints: checkpoint() returns a mark; revert_to(mark) undoes every change made
// since, in reverse order; nothing needs to be done to commit a frame (its entries stay
// in the journal for the enclosing frames). finalize_transaction() ends a transaction:
// it applies EIP-6780 deletions and EIP-161 clearing of touched empty accounts, makes
// current storage values the next transaction's original values, forgets transient
// storage and access sets, and clears the journal.
//
// Accounts live in an ordered map (deterministic iteration for the state root).
//
// Without a backend the map is the whole state (state tests, tools, benchmarks). With
// one (set_backend, state_backend.hpp) it is the part of the state the block has
// reached: an account is loaded the first time it is looked up, a slot the first time
// it is read or written, deleted accounts and zeroed slots are remembered for the rest
// of the block so that the backend's older values never show through, and
// take_changes() ends the block, handing out its change set and forgetting what was
// loaded. accounts() and root() then describe only the loaded part; the backend's owner
// computes the root from the change set.
//
// Not thread safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/address.hpp"
#include "duskevm/log.hpp"
#include "duskevm/detail/slot_set.hpp"
#include "duskevm/state_backend.hpp"
#include "duskevm/state_changes.hpp"
#include "trie/trie.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

// keccak256 of the empty string: the code hash of an account without code.
extern const Hash256 kEmptyCodeHash;

struct StorageSlot {
  Uint256 current;
  Uint256 original;  // value at the start of the transaction (EIP-2200)
};

struct Account {
  u64 nonce = 0;
  Uint256 balance;
  std::shared_ptr<const Bytes> code;  // never null
  Hash256 code_hash = kEmptyCodeHash;
  std::map<Uint256, StorageSlot> storage;
  std::map<Uint256, Uint256> transient;  // EIP-1153
  bool created = false;     // created in the current transaction (EIP-6780)
  bool destructed = false;  // SELFDESTRUCTed, deleted at the end of the transaction
  // Loaded from a StateBackend and not deleted since: a slot missing from `storage` is
  // read from the backend; and whether the backend holds any slot of it (EIP-7610).
  bool slots_in_backend = false;
  bool backend_has_slots = false;

  Account();
  // EIP-161: no nonce, no balance, no code.
  bool is_empty() const { return nonce == 0 && balance.is_zero() && code->empty(); }
};

class State {
 public:
  // ---- reads ----
  const Account* find(const Address& a) const;
  Account* find_mut(const Address& a);  // changes through it are not journaled (setup, tests)
  bool exists(const Address& a) const { return find(a) != nullptr; }
  // Alive per EIP-161: exists and is not empty.
  bool is_alive(const Address& a) const {
    const Account* acc = find(a);
    return acc && !acc->is_empty();
  }
  Uint256 balance(const Address& a) const;
  Uint256 storage(const Address& a, const Uint256& key) const;
  Uint256 transient(const Address& a, const Uint256& key) const;
  const std::map<Address, Account>& accounts() const { return accounts_; }

  // ---- setup (not journaled: for loading a pre-state) ----
  Account& put(const Address& a, Account acc);

  // ---- journaled changes ----
  // The account, created empty (and journaled) when absent.
  Account& get_or_create(const Address& a);
  void set_balance(const Address& a, const Uint256& v);
  void add_balance(const Address& a, const Uint256& v) { set_balance(a, balance(a) + v); }
  void set_nonce(const Address& a, u64 n);
  void set_code(const Address& a, Bytes code);
  void set_storage(const Address& a, const Uint256& key, const Uint256& v);
  // The slot with its current and original values (SSTORE prices by both); an absent
  // slot is added with zeros, which changes no value, so it is not journaled (the
  // account is created, journaled, if absent).
  StorageSlot& slot(const Address& a, const Uint256& key);
  void set_transient(const Address& a, const Uint256& key, const Uint256& v);
  void mark_created(const Address& a);
  void mark_destructed(const Address& a);
  // EIP-161 touch: the account is deleted at the end of the transaction if empty.
  void touch(const Address& a);

  // EIP-2929 access sets. Each returns whether the item was already warm, and marks it.
  bool access_account(const Address& a);
  bool is_warm(const Address& a) const { return warm_accounts_.count(a) != 0; }
  bool access_slot(const Address& a, const Uint256& key);

  // EIP-3529 refund counter (may go below zero inside a transaction).
  i64 refund() const { return refund_; }
  void add_refund(i64 delta);

  void add_log(Log log);
  const std::vector<Log>& logs() const { return logs_; }

  size_t checkpoint() const { return journal_.size(); }
  void revert_to(size_t mark);

  void finalize_transaction();
  // Clears logs and refund without touching accounts (start of a transaction).
  void begin_transaction();

  // The state root (secure Merkle-Patricia trie of RLP([nonce, balance, storageRoot,
  // codeHash]) keyed by address), computed from the accounts in memory: the whole
  // state's root only without a backend.
  Hash256 root() const;

  // ---- a backend ----
  // Reads what the map lacks from `backend` (which must outlive the State; nullptr for
  // none). Set it before the block's first transaction, on a State holding nothing.
  void set_backend(const StateBackend* backend) { backend_ = backend; }
  const StateBackend* backend() const { return backend_; }
  // The first read of the backend that failed since take_changes(); while it is set,
  // what the block computed is not to be used.
  const std::optional<Error>& backend_failure() const { return backend_failure_; }
  // Between transactions: what the block changed since the last call, and with a
  // backend, everything loaded is forgotten (the backend's owner stores the changes
  // before the next block reads).
  StateChanges take_changes();

 private:
  enum class Change : u8 {
    kCreateAccount, kBalance, kNonce, kCode, kStorage, kTransient, kCreated, kDestructed,
    kTouch, kWarmAccount, kWarmSlot, kRefund, kLog,
  };
  struct Entry {
    Change kind;
    Address addr;
    Uint256 key;
    Uint256 prev;  // balance, nonce (low limb), storage or transient value, refund
    std::shared_ptr<const Bytes> prev_code;
    Hash256 prev_code_hash;
    bool prev_flag = false;
  };
  Account& must(const Address& a);
  Account* lookup(const Address& a) const;
  // The backend's side of lookup and of a slot missing from a backed account.
  Account* load_account(const Address& a) const;
  Uint256 load_slot(const Address& a, const Uint256& key) const;
  void note_block_changes();

  // Mutable: a const lookup may load an account from the backend into it (a cache of
  // what the backend holds, not a change).
  mutable std::map<Address, Account> accounts_;
  // The account the last lookup found: a contract reads its own account over and over
  // (SLOAD, SSTORE, SELFBALANCE), and the map's search compares addresses with memcmp at
  // every level. Map nodes stay put until erased; every erase forgets it, and so does
  // a copy of the State (the pointer is into the original's map).
  struct LastFound {
    Address addr{};
    Account* account = nullptr;
    LastFound() = default;
    LastFound(const LastFound&) {}
    LastFound& operator=(const LastFound&) {
      account = nullptr;
      return *this;
    }
  };
  mutable LastFound last_found_;
  std::set<Address> warm_accounts_;
  // Looked up, inserted and erased, never iterated: a hash set keeps SLOAD cheap
  // without making anything depend on its order (slot_set.hpp).
  SlotSet warm_slots_;
  std::set<Address> touched_;
  // What finalize_transaction visits (it would otherwise walk the whole state): accounts
  // and slots the transaction reached, and accounts changed around the journal.
  std::vector<Address> changed_accounts_;
  std::vector<std::pair<Address, Uint256>> changed_slots_;
  std::set<Address> unjournaled_;
  std::vector<Entry> journal_;
  std::vector<Log> logs_;
  i64 refund_ = 0;

  // With a backend: the backend and its first failure; addresses it has no account for
  // (as of now: absent there, or deleted during the block); accounts deleted during the
  // block; what the block's finished transactions may have changed; code they deployed.
  const StateBackend* backend_ = nullptr;
  mutable std::optional<Error> backend_failure_;
  mutable std::set<Address> not_in_backend_;
  std::set<Address> deleted_in_block_;
  std::set<Address> block_accounts_;
  std::set<std::pair<Address, Uint256>> block_slots_;
  std::map<Hash256, std::shared_ptr<const Bytes>> block_code_;
};

// The storage root of one account's storage (zero values are absent).
Hash256 storage_root(const Account& acc);

}  // namespace dusk::evm
