// Decoded account keys, kept: decoding a min-sig public key (decompressing a G2 point and
// checking its subgroup) is about 130 us, the bulk of decoding a transfer, and the same
// senders and receivers come back block after block. The cache holds only keys that
// decoded, so a bad key is refused every time, as without it; the result never depends
// on the cache, only the time does. Bounded (least recently used out) and thread-safe.
#pragma once

#include <list>
#include <map>
#include <mutex>
#include <string>

#include "duskds/account_key.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

class PublicKeyCache {
 public:
  using PublicKey = crypto::bls::BlsMinSig::PublicKey;

  explicit PublicKeyCache(size_t capacity = 65'536) : capacity_(capacity ? capacity : 1) {}

  // The key `bytes` decodes to; a refusal names `role` (sender, receiver).
  LedgerResult<PublicKey> decode(const AccountKey& bytes, const char* role);

  size_t size() const;
  u64 hits() const;

 private:
  using Order = std::list<AccountKey>;  // most recently used first
  struct Slot {
    PublicKey key;
    Order::iterator at;
  };
  size_t capacity_;
  mutable std::mutex mutex_;
  Order order_;
  std::map<AccountKey, Slot> keys_;
  u64 hits_ = 0;
};

}  // namespace dusk::ds
