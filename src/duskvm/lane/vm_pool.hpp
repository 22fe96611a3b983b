// The DuskVM lane's transaction pool: signed transactions waiting for a block, per
// sender by nonce. Entry: a transaction whose signature verified, for the lane's chain,
// with a nonce from the sender's account nonce to kMaxNonceGap above it, not already
// pooled, and within the pool's size; the same (sender, nonce) is replaced only by a gas
// price at least 10% (and strictly) higher. Selection: each sender's run of consecutive
// nonces from its account nonce, merged by gas price (earlier arrival first among
// equals). The lane checks balances when it runs them (a transaction that cannot pay is
// dropped then). A transaction that waits more than max_age_blocks is dropped, with the
// sender's later ones. Not thread-safe: the lane's caller serializes.
#pragma once
#include <functional>
#include <map>
#include <vector>

#include "base/result.hpp"
#include "duskvm/lane/vm_transaction.hpp"

namespace dusk::vm {

struct VmPoolConfig {
  size_t max_transactions = 4096;
  u64 max_nonce_gap = 64;
  u64 min_gas_price = 1;
  u64 replacement_bump_percent = 10;
  u64 max_age_blocks = 1'024;  // a transaction waiting longer is dropped
};

class VmPool {
 public:
  struct Entry {
    VmTransaction tx;
    Bytes encoded;
    Hash256 id{};
    u64 arrival = 0;  // a counter: the order of entry
    u64 height = 0;   // the lane's height when it arrived
  };
  explicit VmPool(VmPoolConfig config) : config_(config) {}

  // `account_nonce`: the sender's nonce in the lane's committed state; `height`: the
  // lane's height now.
  Result<Hash256> add(VmTransaction tx, Bytes encoded, u64 account_nonce, u64 height = 0);
  std::vector<const Entry*> select(const std::function<u64(const DsKey&)>& nonce_of, size_t max) const;
  void remove(const Hash256& id);
  // Drops what the committed state has passed (nonce below the account's) and, per
  // sender, from the first entry more than max_age_blocks old at `height` on.
  void prune(const std::function<u64(const DsKey&)>& nonce_of, u64 height = 0);
  size_t size() const { return by_id_.size(); }
  bool contains(const Hash256& id) const { return by_id_.count(id) != 0; }

 private:
  VmPoolConfig config_;
  std::map<DsKey, std::map<u64, Entry>> by_sender_;
  std::map<Hash256, std::pair<DsKey, u64>> by_id_;
  u64 arrivals_ = 0;
};

}  // namespace dusk::vm
