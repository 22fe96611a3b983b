// Result and the failure types (base/result.hpp): a typed failure keeps its code, passes
// on as a plain Error, and widens only where an enum declares it holds another's values.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk {
namespace {

enum class Narrow : u8 { kA = 1, kB = 2 };
enum class Wide : u8 { kA = 1, kB = 2, kC = 16 };
enum class Unrelated : u8 { kX = 1 };

}  // namespace

template <>
inline constexpr bool kFailureWidens<Narrow, Wide> = true;

namespace {

Result<int, Failure<Narrow>> narrow(bool ok) {
  if (!ok) return Failure<Narrow>(Narrow::kB, "narrow failed");
  return 7;
}

Result<int, Failure<Wide>> wide(bool ok) {
  DUSK_ASSIGN(const int v, narrow(ok));  // widens on the way out
  return v + 1;
}

Result<int> plain(bool ok) {
  DUSK_ASSIGN(const int v, wide(ok));  // drops the code on the way out
  return v * 2;
}

TEST(Result, ValuesAndTypedFailures) {
  EXPECT_EQ(*narrow(true), 7);
  const auto f = narrow(false);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, Narrow::kB);
  EXPECT_EQ(f.error().message, "narrow failed");
}

TEST(Result, WideningKeepsTheNumber) {
  EXPECT_EQ(*wide(true), 8);
  const auto f = wide(false);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, Wide::kB);
  EXPECT_EQ(f.error().message, "narrow failed");
}

TEST(Result, AnyFailurePassesOnAsAnError) {
  EXPECT_EQ(*plain(true), 16);
  const auto f = plain(false);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().message, "narrow failed");
}

TEST(Result, OnlyDeclaredWideningsConvert) {
  static_assert(std::is_constructible_v<Failure<Wide>, Failure<Narrow>>);
  static_assert(!std::is_constructible_v<Failure<Narrow>, Failure<Wide>>);
  static_assert(!std::is_constructible_v<Failure<Unrelated>, Failure<Narrow>>);
  static_assert(!std::is_constructible_v<Failure<Narrow>, Error>);
  static_assert(std::is_constructible_v<Error, Failure<Unrelated>>);
}

TEST(Result, VoidResults) {
  const Result<void, Failure<Narrow>> ok;
  EXPECT_TRUE(ok.ok());
  Result<void, Failure<Narrow>> bad = Failure<Narrow>(Narrow::kA, "no");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Narrow::kA);
  const Status as_status = Result<void, Failure<Narrow>>(Failure<Narrow>(Narrow::kA, "no")).take_error();
  EXPECT_EQ(as_status.error().message, "no");
}

}  // namespace
}  // namespace dusk
