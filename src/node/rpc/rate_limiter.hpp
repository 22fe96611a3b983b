// Token buckets per connection: each key (a connection) may spend up to `rate` requests a
// second, with a burst of one second's worth; a batch spends one token per request. A
// bucket idle for a second is full again, exactly as a new one, so buckets idle that long
// are dropped (lazily, when the map has grown) and closed connections need no
// bookkeeping. Thread-safe.
//
//   RateLimiter limits(1'000);
//   if (!limits.take(connection_id, batch_size)) ... error -32005, nothing done
#pragma once

#include <chrono>
#include <map>
#include <mutex>

#include "base/int.hpp"

namespace dusk::rpc {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(double rate) : rate_(rate) {}

  // Spends `requests` tokens of `key`'s bucket; false (and nothing spent) when it holds
  // fewer. The clock is read under the lock, so concurrent calls see it advance in order;
  // the second form takes the time from the caller (tests).
  bool take(u64 key, size_t requests);
  bool take(u64 key, size_t requests, Clock::time_point now);
  void forget(u64 key);
  void clear();
  size_t tracked() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point at;
  };
  void evict_idle(Clock::time_point now);
  bool take_locked(u64 key, size_t requests, Clock::time_point now);

  const double rate_;
  mutable std::mutex mu_;
  std::map<u64, Bucket> buckets_;
  size_t evict_at_ = 1024;  // the map size that triggers the next eviction pass
};

}  // namespace dusk::rpc
