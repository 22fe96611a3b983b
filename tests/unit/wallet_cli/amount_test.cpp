// DUSK amounts: exact decimal parsing to LUX, and LUX and wei shown as DUSK.
#include "dusk/amount.hpp"

#include <gtest/gtest.h>

namespace dusk::wallet_cli {
namespace {

TEST(Amount, ParsesWholeAndFractionalDusk) {
  EXPECT_EQ(*parse_dusk("0"), 0u);
  EXPECT_EQ(*parse_dusk("1"), 1'000'000'000u);
  EXPECT_EQ(*parse_dusk("12.5"), 12'500'000'000u);
  EXPECT_EQ(*parse_dusk("0.1"), 100'000'000u);  // exact: no binary rounding
  EXPECT_EQ(*parse_dusk("0.000000001"), 1u);
  EXPECT_EQ(*parse_dusk("1000000.000000001"), 1'000'000'000'000'001u);
  EXPECT_EQ(*parse_dusk("007.50"), 7'500'000'000u);
  // The largest: 2^64 - 1 LUX.
  EXPECT_EQ(*parse_dusk("18446744073.709551615"), ~u64{0});
}

TEST(Amount, RefusesWhatIsNotAnAmount) {
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1e9", "0x10", "1,5", "1.", ".5", "1.2.3", "abc", "1_000"}) {
    auto r = parse_dusk(bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
  auto decimals = parse_dusk("1.0000000001");
  ASSERT_FALSE(decimals.ok());
  EXPECT_NE(decimals.error().message.find("more than 9 decimals"), std::string::npos);
  for (const char* big : {"18446744073.709551616", "18446744074", "99999999999999999999999999"}) {
    auto r = parse_dusk(big);
    ASSERT_FALSE(r.ok()) << big;
    EXPECT_NE(r.error().message.find("too large"), std::string::npos) << r.error().message;
  }
}

TEST(Amount, FormatsLux) {
  EXPECT_EQ(format_lux(0), "0");
  EXPECT_EQ(format_lux(1), "0.000000001");
  EXPECT_EQ(format_lux(1'000'000'000), "1");
  EXPECT_EQ(format_lux(12'500'000'000), "12.5");
  EXPECT_EQ(format_lux(~u64{0}), "18446744073.709551615");
  for (u64 v : {u64{0}, u64{1}, u64{999'999'999}, u64{1'234'567'890'123}, ~u64{0}})
    EXPECT_EQ(*parse_dusk(format_lux(v)), v);
  EXPECT_EQ(*format_lux_text("1000000000000000"), "1000000");
  EXPECT_FALSE(format_lux_text("12a").ok());
  EXPECT_FALSE(format_lux_text("").ok());
}

TEST(Amount, FormatsWeiBeyondSixtyFourBits) {
  EXPECT_EQ(*format_wei("0"), "0");
  EXPECT_EQ(*format_wei("1"), "0.000000000000000001");
  EXPECT_EQ(*format_wei("1000000000000000000"), "1");
  EXPECT_EQ(*format_wei("10000000000000000000000"), "10000");
  EXPECT_EQ(*format_wei("2500000000000000000"), "2.5");
  EXPECT_EQ(*format_wei("123456789012345678901234567890"), "123456789012.34567890123456789");
  EXPECT_FALSE(format_wei("0x10").ok());
  EXPECT_FALSE(format_wei("-1").ok());
}

}  // namespace
}  // namespace dusk::wallet_cli
