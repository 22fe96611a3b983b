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

std::shared_ptr<const PublicKeyCache::Lines> PublicKeyCache::lines(const AccountKey& bytes, const PublicKey& key) {
  if (lines_capacity_ == 0) return nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = lines_.find(bytes); it != lines_.end()) {
      lines_order_.splice(lines_order_.begin(), lines_order_, it->second.at);
      return it->second.lines;
    }
  }
  // Computed outside the lock (about a Miller loop's worth of G2 work).
  auto lines = std::make_shared<const Lines>(crypto::bls12_381::prepare_g2(key.point()));
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = lines_.find(bytes); it != lines_.end()) return it->second.lines;
  lines_order_.push_front(bytes);
  lines_.emplace(bytes, LineSlot{lines, lines_order_.begin()});
  if (lines_.size() > lines_capacity_) {
    lines_.erase(lines_order_.back());
    lines_order_.pop_back();
  }
  return lines;
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
