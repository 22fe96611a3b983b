// Per-connection token buckets (node/rpc/rate_limiter.hpp), on a clock the test sets: the
// burst, the refill, batches all-or-nothing, keys apart, and idle buckets dropped without
// changing what any key may do.
#include <gtest/gtest.h>

#include "node/rpc/rate_limiter.hpp"

namespace dusk::rpc {
namespace {

using namespace std::chrono_literals;
using Clock = RateLimiter::Clock;

TEST(RateLimiter, BurstRefillAndBatches) {
  RateLimiter limits(10);
  const Clock::time_point t0{};
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(limits.take(1, 1, t0)) << i;
  EXPECT_FALSE(limits.take(1, 1, t0));            // the second's worth is spent
  EXPECT_TRUE(limits.take(2, 10, t0));            // another connection has its own
  EXPECT_FALSE(limits.take(1, 6, t0 + 500ms));    // 5 back after half a second: 6 is too many...
  EXPECT_TRUE(limits.take(1, 5, t0 + 500ms));     // ...and refusing spent nothing
  EXPECT_FALSE(limits.take(1, 1, t0 + 500ms));
  EXPECT_TRUE(limits.take(1, 10, t0 + 5s));       // never more than one second's worth
  EXPECT_FALSE(limits.take(1, 1, t0 + 5s));
  EXPECT_FALSE(limits.take(3, 11, t0));           // a batch above the burst never passes
  limits.forget(1);
  EXPECT_TRUE(limits.take(1, 10, t0 + 5s));       // forgotten: a full bucket again
}

TEST(RateLimiter, IdleBucketsAreDroppedWithoutChangingAnyLimit) {
  RateLimiter limits(100);
  const Clock::time_point t0{};
  // Passes run when the map reaches 1,024 entries, then twice what survived the last one.
  for (u64 k = 0; k < 2048; ++k) ASSERT_TRUE(limits.take(k, 100, t0));
  EXPECT_EQ(limits.tracked(), 2048u);  // nothing was idle at the pass at 1,024
  // A second later every bucket is full again: the next pass drops them all.
  EXPECT_TRUE(limits.take(5000, 1, t0 + 1s));
  EXPECT_EQ(limits.tracked(), 1u);
  EXPECT_TRUE(limits.take(7, 100, t0 + 1s));  // a dropped key is as a fresh one, full
  // A key spent within the last second is kept: it may not start over.
  for (u64 k = 0; k < 1100; ++k) ASSERT_TRUE(limits.take(10'000 + k, 1, t0 + 1500ms));
  // (an eviction pass ran while they were added: key 7, half a second idle, survived it)
  EXPECT_FALSE(limits.take(7, 60, t0 + 1501ms));  // about 50 tokens back, not 100
  EXPECT_TRUE(limits.take(7, 50, t0 + 1501ms));
}

}  // namespace
}  // namespace dusk::rpc
