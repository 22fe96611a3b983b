#include "base/leb128.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace dusk::leb128 {

namespace {
ReadStatus u(std::vector<u8> in, unsigned bits, u64* out) {
  const u8* p = in.data();
  return read_unsigned(&p, in.data() + in.size(), bits, out);
}
ReadStatus s(std::vector<u8> in, unsigned bits, i64* out) {
  const u8* p = in.data();
  return read_signed(&p, in.data() + in.size(), bits, out);
}
}  // namespace

TEST(Leb128, Unsigned) {
  u64 v;
  EXPECT_EQ(u({0xe5, 0x8e, 0x26}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, 624485u);
  EXPECT_EQ(u({0xff, 0xff, 0xff, 0xff, 0x0f}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, 0xffffffffu);
  EXPECT_EQ(u({0xff, 0xff, 0xff, 0xff, 0x1f}, 32, &v), ReadStatus::kTooLarge);
  EXPECT_EQ(u({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, 32, &v), ReadStatus::kTooLong);
  EXPECT_EQ(u({0x80}, 32, &v), ReadStatus::kUnexpectedEnd);
  EXPECT_EQ(u({0x80, 0x80, 0x80, 0x80, 0x00}, 32, &v), ReadStatus::kOk);  // padded zero is fine
  EXPECT_EQ(u({0x01}, 1, &v), ReadStatus::kOk);
  EXPECT_EQ(u({0x02}, 1, &v), ReadStatus::kTooLarge);
}

TEST(Leb128, Signed) {
  i64 v;
  EXPECT_EQ(s({0xc0, 0xbb, 0x78}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, -123456);
  EXPECT_EQ(s({0x7f}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, -1);
  EXPECT_EQ(s({0xff, 0xff, 0xff, 0xff, 0x7f}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, -1);
  EXPECT_EQ(s({0xff, 0xff, 0xff, 0xff, 0x4f}, 32, &v), ReadStatus::kTooLarge);
  EXPECT_EQ(s({0x80, 0x80, 0x80, 0x80, 0x70}, 32, &v), ReadStatus::kTooLarge);
  EXPECT_EQ(s({0x80, 0x80, 0x80, 0x80, 0x78}, 32, &v), ReadStatus::kOk);
  EXPECT_EQ(v, static_cast<i64>(INT32_MIN));
  EXPECT_EQ(s({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, 64, &v), ReadStatus::kOk);
  EXPECT_EQ(v, -1);
  EXPECT_EQ(s({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x41}, 64, &v), ReadStatus::kTooLarge);
}

TEST(Leb128, RoundTrip) {
  u8 buf[10];
  for (i64 x : std::vector<i64>{0, 1, -1, 63, 64, -64, -65, INT64_MAX, INT64_MIN}) {
    size_t n = write_signed(x, buf);
    const u8* p = buf;
    i64 y;
    ASSERT_EQ(read_signed(&p, buf + n, 64, &y), ReadStatus::kOk);
    EXPECT_EQ(x, y);
    EXPECT_EQ(p, buf + n);
  }
  for (u64 x : std::vector<u64>{0, 127, 128, UINT64_MAX}) {
    size_t n = write_unsigned(x, buf);
    const u8* p = buf;
    u64 y;
    ASSERT_EQ(read_unsigned(&p, buf + n, 64, &y), ReadStatus::kOk);
    EXPECT_EQ(x, y);
  }
}

}  // namespace dusk::leb128
