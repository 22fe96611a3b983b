#include "node/rpc/rate_limiter.hpp"

#include <algorithm>

namespace dusk::rpc {

bool RateLimiter::take(u64 key, size_t requests) {
  std::lock_guard lock(mu_);
  return take_locked(key, requests, Clock::now());
}

bool RateLimiter::take(u64 key, size_t requests, Clock::time_point now) {
  std::lock_guard lock(mu_);
  return take_locked(key, requests, now);
}

bool RateLimiter::take_locked(u64 key, size_t requests, Clock::time_point now) {
  const double n = static_cast<double>(requests);
  if (buckets_.size() >= evict_at_) evict_idle(now);
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{rate_, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {  // a caller's earlier time never takes tokens back
    b.tokens = std::min(rate_, b.tokens + rate_ * std::chrono::duration<double>(now - b.at).count());
    b.at = now;
  }
  if (b.tokens < n) return false;
  b.tokens -= n;
  return true;
}

void RateLimiter::forget(u64 key) {
  std::lock_guard lock(mu_);
  buckets_.erase(key);
}

void RateLimiter::clear() {
  std::lock_guard lock(mu_);
  buckets_.clear();
}

size_t RateLimiter::tracked() const {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

void RateLimiter::evict_idle(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.at >= std::chrono::seconds(1); });
  // Next pass when the map has doubled from what stays (at least 1024 entries).
  evict_at_ = std::max<size_t>(1024, 2 * buckets_.size());
}

}  // namespace dusk::rpc
