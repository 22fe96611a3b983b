#include "dusk-wasm/spec_value.hpp"

#include <gtest/gtest.h>

namespace dusk::wasm_cli {

using wasm::Value;
using wasm::ValType;

namespace {
SpecExpected expected(std::string_view type, std::string_view value) {
  auto e = parse_spec_expected(type, value);
  EXPECT_TRUE(e.ok()) << type << " " << value;
  return e.ok() ? *e : SpecExpected{};
}
}  // namespace

TEST(CliSpecValue, Arguments) {
  auto a = parse_spec_arg("i32", "4294967295");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->type, ValType::kI32);
  EXPECT_EQ(a->bits, 0xffffffffu);
  EXPECT_EQ(parse_spec_arg("f32", "2143289344")->bits, 0x7fc00000u);  // bits, not a number
  EXPECT_EQ(parse_spec_arg("i64", "18446744073709551615")->bits, ~u64{0});
  EXPECT_EQ(parse_spec_arg("f64", "9221120237041090560")->bits, 0x7ff8000000000000ull);
  EXPECT_EQ(parse_spec_arg("externref", "1")->bits, Value::extern_ref(1).bits);
  EXPECT_TRUE(parse_spec_arg("externref", "null")->is_null());
  EXPECT_TRUE(parse_spec_arg("funcref", "null")->is_null());
  EXPECT_FALSE(parse_spec_arg("funcref", "0").ok());
  EXPECT_FALSE(parse_spec_arg("i32", "4294967296").ok());
  EXPECT_FALSE(parse_spec_arg("i32", "-1").ok());
  EXPECT_FALSE(parse_spec_arg("i32", "").ok());
  EXPECT_FALSE(parse_spec_arg("v128", "0").ok());
  EXPECT_FALSE(parse_spec_arg("f32", "nan:canonical").ok());
}

TEST(CliSpecValue, ExactMatch) {
  EXPECT_TRUE(expected("i32", "42").matches(Value::i32(42)));
  EXPECT_FALSE(expected("i32", "42").matches(Value::i64(42)));  // type matters
  EXPECT_FALSE(expected("i32", "42").matches(Value::i32(43)));
  EXPECT_TRUE(expected("f32", "2147483648").matches(Value::f32_bits(0x80000000u)));  // -0
  EXPECT_FALSE(expected("f32", "0").matches(Value::f32_bits(0x80000000u)));  // +0 is not -0
  EXPECT_TRUE(expected("f64", "9221120237041090561").matches(Value::f64_bits(0x7ff8000000000001ull)));
}

TEST(CliSpecValue, CanonicalNan) {
  const SpecExpected e32 = expected("f32", "nan:canonical");
  EXPECT_TRUE(e32.matches(Value::f32_bits(0x7fc00000u)));
  EXPECT_TRUE(e32.matches(Value::f32_bits(0xffc00000u)));
  EXPECT_FALSE(e32.matches(Value::f32_bits(0x7fc00001u)));
  EXPECT_FALSE(e32.matches(Value::f32_bits(0x7fa00000u)));
  EXPECT_FALSE(e32.matches(Value::f32_bits(0x7f800000u)));  // infinity
  const SpecExpected e64 = expected("f64", "nan:canonical");
  EXPECT_TRUE(e64.matches(Value::f64_bits(0x7ff8000000000000ull)));
  EXPECT_TRUE(e64.matches(Value::f64_bits(0xfff8000000000000ull)));
  EXPECT_FALSE(e64.matches(Value::f64_bits(0x7ff8000000000001ull)));
  EXPECT_FALSE(e64.matches(Value::f32_bits(0x7fc00000u)));
}

TEST(CliSpecValue, ArithmeticNan) {
  const SpecExpected e32 = expected("f32", "nan:arithmetic");
  EXPECT_TRUE(e32.matches(Value::f32_bits(0x7fc00000u)));
  EXPECT_TRUE(e32.matches(Value::f32_bits(0xffc00001u)));
  EXPECT_TRUE(e32.matches(Value::f32_bits(0x7fffffffu)));
  EXPECT_FALSE(e32.matches(Value::f32_bits(0x7fa00000u)));  // signalling
  EXPECT_FALSE(e32.matches(Value::f32_bits(0x3fc00000u)));  // a number
  const SpecExpected e64 = expected("f64", "nan:arithmetic");
  EXPECT_TRUE(e64.matches(Value::f64_bits(0xfff8000000000123ull)));
  EXPECT_FALSE(e64.matches(Value::f64_bits(0x7ff4000000000000ull)));
}

TEST(CliSpecValue, References) {
  EXPECT_TRUE(expected("externref", "null").matches(Value::null_ref(ValType::kExternRef)));
  EXPECT_FALSE(expected("externref", "null").matches(Value::extern_ref(0)));
  EXPECT_TRUE(expected("externref", "0").matches(Value::extern_ref(0)));
  EXPECT_FALSE(expected("externref", "1").matches(Value::extern_ref(2)));
  EXPECT_FALSE(expected("externref", "null").matches(Value::null_ref(ValType::kFuncRef)));
  EXPECT_TRUE(expected("funcref", "null").matches(Value::null_ref(ValType::kFuncRef)));
  int dummy = 0;
  const Value some_func{ValType::kFuncRef, reinterpret_cast<u64>(&dummy)};
  EXPECT_FALSE(expected("funcref", "null").matches(some_func));
  EXPECT_TRUE(expected("funcref", "3").matches(some_func));  // any non-null
  EXPECT_FALSE(expected("funcref", "3").matches(Value::null_ref(ValType::kFuncRef)));
}

TEST(CliSpecValue, Describe) {
  EXPECT_EQ(expected("i32", "4294967295").to_string(), "i32:-1");
  EXPECT_EQ(expected("f32", "1069547520").to_string(), "f32:1.5 (0x3fc00000)");
  EXPECT_EQ(expected("f64", "nan:canonical").to_string(), "f64:nan:canonical");
  EXPECT_EQ(expected("funcref", "1").to_string(), "funcref:non-null");
  EXPECT_EQ(describe_value(Value::f64(1.0)), "f64:1 (0x3ff0000000000000)");
}

}  // namespace dusk::wasm_cli
