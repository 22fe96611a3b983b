// Decoded account keys, kept: decoding a min-sig public key (decompressing a G2 point and
// checking its subgroup) is about 130 us, the bulk of decoding a transfer, and the same
// senders and receivers come back block after block. The cache holds only keys that
// decoded, so a bad key is refused every time, as without it; the result never depends
// on the cache, only the time does. Bounded (least recently used out) and thread-safe.
//
// It also keeps, for the senders whose signatures it sees most, the key's Miller-loop
// lines (bls12_381::prepare_g2), which a batch check would otherwise compute for every
// signature (crypto/bls scheme.hpp: batch_verify_prepared). About 20 KB a key, so fewer
// of them: `lines_capacity` (4,096 by default, about 80 MB at most).
#pragma once

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "crypto/bls12_381/pairing.hpp"
#include "duskds/account_key.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

class PublicKeyCache {
 public:
  using PublicKey = crypto::bls::BlsMinSig::PublicKey;

  using Lines = crypto::bls12_381::G2Prepared;

  explicit PublicKeyCache(size_t capacity = 65'536, size_t lines_capacity = 4'096)
      : capacity_(capacity ? capacity : 1), lines_capacity_(lines_capacity) {}

  // The key `bytes` decodes to; a refusal names `role` (sender, receiver).
  LedgerResult<PublicKey> decode(const AccountKey& bytes, const char* role);

  // The Miller-loop lines of `key` (a key decode() returned for `bytes`), computed on
  // first use; null when lines_capacity is 0.
  std::shared_ptr<const Lines> lines(const AccountKey& bytes, const PublicKey& key);

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
  struct LineSlot {
    std::shared_ptr<const Lines> lines;
    Order::iterator at;
  };
  size_t lines_capacity_;
  Order lines_order_;
  std::map<AccountKey, LineSlot> lines_;
};

}  // namespace dusk::ds
