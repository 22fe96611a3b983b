#include "duskds/public_key_cache.hpp"

namespace dusk::ds {

LedgerResult<PublicKeyCache::PublicKey> PublicKeyCache::decode(const AccountKey& bytes, const char* role) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = keys_.find(bytes); it != keys_.end()) {
      order_.splice(order_.begin(), order_, it->second.at);
      ++hits_;
      return it->second.key;
    }
  }
  // Decoded outside the lock: two threads may decode the same new key, harmlessly.
  auto key = PublicKey::from_bytes(bytes);
  if (!key.ok()) return ledger_error(LedgerError::kBadPublicKey, std::string(role) + ": " + key.error().message);
  std::lock_guard<std::mutex> lock(mutex_);
  if (keys_.find(bytes) == keys_.end()) {
    order_.push_front(bytes);
    keys_.emplace(bytes, Slot{*key, order_.begin()});
    if (keys_.size() > capacity_) {
      keys_.erase(order_.back());
      order_.pop_back();
    }
  }
  return *key;
}

size_t PublicKeyCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return keys_.size();
}

u64 PublicKeyCache::hits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return hits_;
}

}  // namespace dusk::ds
