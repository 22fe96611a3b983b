#include "dusk-wasm/value_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace dusk::wasm_cli {

using wasm::Value;
using wasm::ValType;

namespace {
u64 bits(ValType t, std::string_view text) {
  auto v = parse_value(t, text);
  EXPECT_TRUE(v.ok()) << text << ": " << (v.ok() ? "" : v.error().message);
  if (!v.ok()) return 0xdeadbeef;
  EXPECT_EQ(v->type, t);
  return v->bits;
}
bool rejects(ValType t, std::string_view text) { return !parse_value(t, text).ok(); }
}  // namespace

TEST(CliValueText, Integers) {
  EXPECT_EQ(bits(ValType::kI32, "42"), 42u);
  EXPECT_EQ(bits(ValType::kI32, "-1"), 0xffffffffu);
  EXPECT_EQ(bits(ValType::kI32, "4294967295"), 0xffffffffu);
  EXPECT_EQ(bits(ValType::kI32, "-2147483648"), 0x80000000u);
  EXPECT_EQ(bits(ValType::kI32, "0x7FFFFFFF"), 0x7fffffffu);
  EXPECT_EQ(bits(ValType::kI32, "0xffffffff"), 0xffffffffu);
  EXPECT_EQ(bits(ValType::kI32, "-0x10"), 0xfffffff0u);
  EXPECT_EQ(bits(ValType::kI64, "-1"), ~u64{0});
  EXPECT_EQ(bits(ValType::kI64, "18446744073709551615"), ~u64{0});
  EXPECT_EQ(bits(ValType::kI64, "-9223372036854775808"), u64{1} << 63);
  EXPECT_EQ(bits(ValType::kI64, "0x123456789abcdef0"), 0x123456789abcdef0u);
}

TEST(CliValueText, IntegersRejected) {
  EXPECT_TRUE(rejects(ValType::kI32, ""));
  EXPECT_TRUE(rejects(ValType::kI32, "4294967296"));
  EXPECT_TRUE(rejects(ValType::kI32, "-2147483649"));
  EXPECT_TRUE(rejects(ValType::kI32, "0x100000000"));
  EXPECT_TRUE(rejects(ValType::kI32, "12abc"));
  EXPECT_TRUE(rejects(ValType::kI32, "1.5"));
  EXPECT_TRUE(rejects(ValType::kI32, "--1"));
  EXPECT_TRUE(rejects(ValType::kI32, "0x"));
  EXPECT_TRUE(rejects(ValType::kI32, " 1"));
  EXPECT_TRUE(rejects(ValType::kI64, "18446744073709551616"));
  EXPECT_TRUE(rejects(ValType::kI64, "-9223372036854775809"));
  auto e = parse_value(ValType::kI32, "4294967296");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "'4294967296' is out of range for i32");
}

TEST(CliValueText, Floats) {
  EXPECT_EQ(bits(ValType::kF32, "1.5"), 0x3fc00000u);
  EXPECT_EQ(bits(ValType::kF32, "-0"), 0x80000000u);
  EXPECT_EQ(bits(ValType::kF32, "0.1"), 0x3dcccccdu);  // nearest float to 0.1
  EXPECT_EQ(bits(ValType::kF32, "inf"), 0x7f800000u);
  EXPECT_EQ(bits(ValType::kF32, "-inf"), 0xff800000u);
  EXPECT_EQ(bits(ValType::kF32, "1e3"), 0x447a0000u);
  EXPECT_EQ(bits(ValType::kF32, "0x1.8p1"), 0x40400000u);  // 3.0
  EXPECT_EQ(bits(ValType::kF64, "0.1"), 0x3fb999999999999aull);
  EXPECT_EQ(bits(ValType::kF64, "-2.5"), 0xc004000000000000ull);
  EXPECT_EQ(bits(ValType::kF64, "-0x1p-2"), 0xbfd0000000000000ull);
  EXPECT_TRUE(std::isnan(parse_value(ValType::kF64, "nan")->as_f64()));
  EXPECT_TRUE(rejects(ValType::kF32, ""));
  EXPECT_TRUE(rejects(ValType::kF32, "1.5x"));
  EXPECT_TRUE(rejects(ValType::kF32, "1e39"));  // beyond the largest f32
  EXPECT_TRUE(rejects(ValType::kF64, "+1"));
  EXPECT_TRUE(rejects(ValType::kF64, "--1"));
  EXPECT_TRUE(rejects(ValType::kF64, "abc"));
}

TEST(CliValueText, References) {
  EXPECT_EQ(bits(ValType::kExternRef, "null"), 0u);
  EXPECT_EQ(bits(ValType::kExternRef, "0"), Value::extern_ref(0).bits);
  EXPECT_EQ(bits(ValType::kExternRef, "7"), Value::extern_ref(7).bits);
  EXPECT_EQ(bits(ValType::kFuncRef, "null"), 0u);
  EXPECT_TRUE(rejects(ValType::kFuncRef, "1"));
  EXPECT_TRUE(rejects(ValType::kExternRef, "-1"));
  EXPECT_TRUE(rejects(ValType::kExternRef, "18446744073709551615"));  // payload + 1 overflows
  EXPECT_TRUE(rejects(ValType::kV128, "0"));
}

TEST(CliValueText, Format) {
  EXPECT_EQ(format_value(Value::i32(42)), "i32:42");
  EXPECT_EQ(format_value(Value::i32(0xffffffffu)), "i32:-1");
  EXPECT_EQ(format_value(Value::i64(u64{1} << 63)), "i64:-9223372036854775808");
  EXPECT_EQ(format_value(Value::f32(1.5f)), "f32:1.5");
  EXPECT_EQ(format_value(Value::f32(0.1f)), "f32:0.1");  // shortest form, not 0.100000001
  EXPECT_EQ(format_value(Value::f64(0.1)), "f64:0.1");
  EXPECT_EQ(format_value(Value::f64(-0.0)), "f64:-0");
  EXPECT_EQ(format_value(Value::f64(1e300)), "f64:1e+300");
  EXPECT_EQ(format_value(Value::f32(std::numeric_limits<float>::infinity())), "f32:inf");
  EXPECT_EQ(format_value(Value::f64(-std::numeric_limits<double>::infinity())), "f64:-inf");
  EXPECT_EQ(format_value(Value::f32_bits(0x7fc00000u)), "f32:nan");
  EXPECT_EQ(format_value(Value::f32_bits(0xffc00000u)), "f32:-nan");
  EXPECT_EQ(format_value(Value::f32_bits(0x7f800001u)), "f32:nan:0x1");
  EXPECT_EQ(format_value(Value::f64_bits(0x7ff8000000000001ull)), "f64:nan:0x8000000000001");
  EXPECT_EQ(format_value(Value::null_ref(ValType::kFuncRef)), "funcref:null");
  EXPECT_EQ(format_value(Value::null_ref(ValType::kExternRef)), "externref:null");
  EXPECT_EQ(format_value(Value::extern_ref(7)), "externref:7");
}

TEST(CliValueText, FormatThenParseKeepsBits) {
  for (u32 b : {0x3fc00000u, 0x00000001u, 0x7f7fffffu, 0x80000000u, 0x3eaaaaabu}) {
    const std::string text = format_value(Value::f32_bits(b));
    EXPECT_EQ(bits(ValType::kF32, text.substr(4)), b) << text;
  }
  for (u64 b : {0x3fb999999999999aull, 0x0000000000000001ull, 0x7fefffffffffffffull, 0xc00921fb54442d18ull}) {
    const std::string text = format_value(Value::f64_bits(b));
    EXPECT_EQ(bits(ValType::kF64, text.substr(4)), b) << text;
  }
}

}  // namespace dusk::wasm_cli
