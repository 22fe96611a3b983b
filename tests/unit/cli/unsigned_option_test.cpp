#include "cli/unsigned_option.hpp"

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

#include <string>

namespace dusk::cli {
namespace {

std::string error_of(std::string_view text, u64 max = ~u64{0}) {
  auto r = parse_unsigned(text, max);
  return r.ok() ? "(ok)" : r.error().message;
}

TEST(UnsignedOption, DecimalAndHex) {
  EXPECT_EQ(*parse_unsigned("0"), 0u);
  EXPECT_EQ(*parse_unsigned("007"), 7u);  // decimal, not octal
  EXPECT_EQ(*parse_unsigned("18446744073709551615"), ~u64{0});
  EXPECT_EQ(*parse_unsigned("0x10"), 16u);
  EXPECT_EQ(*parse_unsigned("0XfF"), 255u);
  EXPECT_EQ(*parse_unsigned("0xffffffffffffffff"), ~u64{0});
  EXPECT_EQ(*parse_unsigned("9", 9), 9u);
}

TEST(UnsignedOption, NotANumber) {
  const std::string tail = " is not a number (expected an unsigned integer, decimal or 0x-hex)";
  EXPECT_EQ(error_of("lots"), "'lots'" + tail);
  EXPECT_EQ(error_of(""), "''" + tail);
  EXPECT_EQ(error_of("-"), "'-'" + tail);
  EXPECT_EQ(error_of("0x"), "'0x'" + tail);
  EXPECT_EQ(error_of("1e6"), "'1e6'" + tail);
  EXPECT_EQ(error_of("+5"), "'+5'" + tail);
  EXPECT_EQ(error_of(" 5"), "' 5'" + tail);
  EXPECT_EQ(error_of("5 "), "'5 '" + tail);
  EXPECT_EQ(error_of("0xfg"), "'0xfg'" + tail);
  EXPECT_EQ(error_of("-abc"), "'-abc'" + tail);
}

TEST(UnsignedOption, OutOfRange) {
  EXPECT_EQ(error_of("18446744073709551616"), "'18446744073709551616' is out of range (0 to 18446744073709551615)");
  EXPECT_EQ(error_of("99999999999999999999999"),
            "'99999999999999999999999' is out of range (0 to 18446744073709551615)");
  EXPECT_EQ(error_of("0x10000000000000000"), "'0x10000000000000000' is out of range (0 to 18446744073709551615)");
  EXPECT_EQ(error_of("-1"), "'-1' is out of range (0 to 18446744073709551615)");
  EXPECT_EQ(error_of("-99999999999999999999999", 5), "'-99999999999999999999999' is out of range (0 to 5)");
  EXPECT_EQ(error_of("10", 9), "'10' is out of range (0 to 9)");
}

TEST(UnsignedOption, ValidatorLeavesPlainDecimal) {
  const CLI::Validator v = unsigned_up_to(300);
  std::string text = "0x100";
  EXPECT_EQ(v(text), "");
  EXPECT_EQ(text, "256");
  text = "010";
  EXPECT_EQ(v(text), "");
  EXPECT_EQ(text, "10");
  text = "0x12d";
  EXPECT_EQ(v(text), "'0x12d' is out of range (0 to 300)");
}

TEST(UnsignedOption, OnAnOption) {
  CLI::App app;
  u64 gas = 5;
  app.add_option("--gas", gas)->transform(unsigned_up_to(1000));
  app.parse(std::vector<std::string>{"0x3e8", "--gas"});  // CLI11 reads the vector backwards
  EXPECT_EQ(gas, 1000u);
  try {
    app.parse(std::vector<std::string>{"1001", "--gas"});
    FAIL() << "no error";
  } catch (const CLI::ValidationError& e) {
    EXPECT_STREQ(e.what(), "--gas: '1001' is out of range (0 to 1000)");
  }
}

}  // namespace
}  // namespace dusk::cli
