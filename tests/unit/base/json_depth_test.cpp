#include "base/json_depth.hpp"

#include <gtest/gtest.h>

#include <string>

namespace dusk {
namespace {

std::string nested(size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

TEST(JsonDepth, UpToTheLimit) {
  EXPECT_TRUE(check_json_depth("", 3).ok());
  EXPECT_TRUE(check_json_depth("42", 0).ok());
  EXPECT_TRUE(check_json_depth(nested(3), 3).ok());
  EXPECT_TRUE(check_json_depth(R"({"a": [1, {"b": []}], "c": {}})", 4).ok());
  EXPECT_TRUE(check_json_depth(nested(kMaxJsonDepth)).ok());
}

TEST(JsonDepth, DeeperFailsNamingTheLimitAndTheByte) {
  const Status s = check_json_depth(R"({"a": [1, {"b": [[]]}]})", 3);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "JSON nested deeper than 3 levels (at byte 16)");
  EXPECT_FALSE(check_json_depth("[", 0).ok());
  EXPECT_FALSE(check_json_depth(nested(kMaxJsonDepth + 1)).ok());
  // What crashed `dusk-wasm spectest`: fails at the first bracket past the limit.
  const Status deep = check_json_depth(nested(100'000));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.error().message, "JSON nested deeper than 256 levels (at byte 256)");
}

TEST(JsonDepth, SiblingsDoNotAddUp) {
  EXPECT_TRUE(check_json_depth("[[1], [2], {\"a\": [3]}, [[4]]]", 3).ok());
}

TEST(JsonDepth, BracketsInStringsDoNotCount) {
  EXPECT_TRUE(check_json_depth(R"(["[[[[", "{{{{"])", 1).ok());
  EXPECT_TRUE(check_json_depth(R"({"key [[[": "]]]]]]]"})", 1).ok());
  // An escaped quote does not end the string; an escaped backslash does not escape it.
  EXPECT_TRUE(check_json_depth(R"(["a \" [[[ \\\" [[["])", 1).ok());
  EXPECT_FALSE(check_json_depth(R"(["\\", [[]]])", 2).ok());
  EXPECT_FALSE(check_json_depth(R"(["\"", [[]]])", 2).ok());
}

TEST(JsonDepth, UnmatchedClosersDoNotHideDepth) {
  // A stray closer cannot buy depth: the count never goes below zero.
  EXPECT_FALSE(check_json_depth("]]]]" + nested(3), 2).ok());
  EXPECT_TRUE(check_json_depth("]]]]" + nested(2), 2).ok());
}

}  // namespace
}  // namespace dusk
