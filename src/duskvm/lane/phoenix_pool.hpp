// The DuskVM lane's pool of Phoenix transactions (which have no sender and no nonce:
// their nullifiers are what may conflict). The lane checks a transaction against its
// committed ledger, proof included, before add(). Entry refuses a transaction already
// pooled, or one that spends a note a pooled transaction spends (the first spend of a
// note wins); when the pool is full, a transaction with a higher fee takes the place of
// the lowest. Selection: the highest max_fee first, earlier arrivals first among equals.
// A transaction waiting more than max_age_blocks is dropped. Not thread-safe: the lane's
// caller serializes.
#pragma once

#include <map>
#include <vector>

#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "duskvm/lane/vm_transaction.hpp"
#include "duskvm/phoenix/transfer_ledger.hpp"

namespace dusk::vm {

struct PhoenixPoolConfig {
  size_t max_transactions = 256;
  u64 max_age_blocks = 1'024;
};

class PhoenixPool {
 public:
  struct Entry {
    Hash256 id{};
    VmTransaction tx;  // kind phoenix, decoded
    Bytes encoded;     // its encoding
    u64 fee = 0;
    std::vector<duskvm::phoenix::NullifierKey> nullifiers;
    u64 arrival = 0;
    u64 height = 0;  // the lane's height when it arrived
  };
  explicit PhoenixPool(PhoenixPoolConfig config = {}) : config_(config) {}

  Result<Hash256> add(Entry entry);
  std::vector<const Entry*> select(size_t max) const;
  void remove(const Hash256& id);
  // Drops what waited more than max_age_blocks at `height`.
  void prune(u64 height);
  bool contains(const Hash256& id) const { return entries_.count(id) != 0; }
  size_t size() const { return entries_.size(); }

 private:
  PhoenixPoolConfig config_;
  std::map<Hash256, Entry> entries_;
  std::map<duskvm::phoenix::NullifierKey, Hash256> spending_;  // nullifier -> pooled transaction
  u64 arrivals_ = 0;
};

}  // namespace dusk::vm
