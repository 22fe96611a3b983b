#include "base/decimal.hpp"

#include <gtest/gtest.h>

namespace dusk {
namespace {

TEST(Decimal, WritesEveryDigitUpTo128Bits) {
  EXPECT_EQ(to_decimal(0), "0");
  EXPECT_EQ(to_decimal(7), "7");
  EXPECT_EQ(to_decimal(10), "10");
  EXPECT_EQ(to_decimal(1'000'000'000), "1000000000");
  EXPECT_EQ(to_decimal(~u64{0}), "18446744073709551615");
  EXPECT_EQ(to_decimal(static_cast<u128>(~u64{0}) + 1), "18446744073709551616");
  EXPECT_EQ(to_decimal(~u128{0}), "340282366920938463463374607431768211455");
}

}  // namespace
}  // namespace dusk
