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

TEST(Decimal, WritesEveryDigitOf256BitWords) {
  EXPECT_EQ(to_decimal(Uint256{}), "0");
  EXPECT_EQ(to_decimal(Uint256{~u64{0}}), "18446744073709551615");
  // 10^19 and 10^19 + 1: a chunk boundary, the low chunk padded with zeros.
  EXPECT_EQ(to_decimal(Uint256{10'000'000'000'000'000'000ull}), "10000000000000000000");
  EXPECT_EQ(to_decimal(Uint256{10'000'000'000'000'000'000ull} + Uint256{1}), "10000000000000000001");
  EXPECT_EQ(to_decimal(*Uint256::from_hex("ffffffffffffffffffffffffffffffff")), to_decimal(~u128{0}));
  EXPECT_EQ(to_decimal(*Uint256::from_hex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
            "115792089237316195423570985008687907853269984665640564039457584007913129639935");
}

}  // namespace
}  // namespace dusk
