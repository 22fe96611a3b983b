#include "spec_value.hpp"

#include <charconv>
#include <cstdio>
#include <system_error>

#include "value_text.hpp"

namespace dusk::wasm_cli {

using wasm::Value;
using wasm::ValType;

namespace {

constexpr u32 kF32Magnitude = 0x7fffffffu;
constexpr u32 kF32CanonicalNan = 0x7fc00000u;  // exponent all ones, quiet bit only
constexpr u64 kF64Magnitude = 0x7fffffffffffffffull;
constexpr u64 kF64CanonicalNan = 0x7ff8000000000000ull;

Result<u64> parse_bits(std::string_view text, u64 max) {
  u64 v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 10);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v > max) {
    return Error("bad value '" + std::string(text) + "'");
  }
  return v;
}

u64 width_max(ValType t) {
  return (t == ValType::kI32 || t == ValType::kF32) ? 0xffffffffull : ~u64{0};
}

std::string hex_bits(u64 bits, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%0*llx", digits, static_cast<unsigned long long>(bits));
  return buf;
}

}  // namespace

Result<ValType> parse_spec_type(std::string_view name) {
  if (name == "i32") return ValType::kI32;
  if (name == "i64") return ValType::kI64;
  if (name == "f32") return ValType::kF32;
  if (name == "f64") return ValType::kF64;
  if (name == "funcref") return ValType::kFuncRef;
  if (name == "externref") return ValType::kExternRef;
  return Error("unsupported value type '" + std::string(name) + "'");
}

Result<Value> parse_spec_arg(std::string_view type_name, std::string_view value) {
  DUSK_ASSIGN(ValType type, parse_spec_type(type_name));
  if (wasm::is_ref(type)) {
    if (value == "null") return Value::null_ref(type);
    if (type == ValType::kFuncRef) return Error("cannot pass a non-null funcref argument");
    DUSK_ASSIGN(u64 payload, parse_bits(value, ~u64{0} - 1));
    return Value::extern_ref(payload);
  }
  DUSK_ASSIGN(u64 bits, parse_bits(value, width_max(type)));
  return Value{type, bits};
}

Result<SpecExpected> parse_spec_expected(std::string_view type_name, std::string_view value) {
  DUSK_ASSIGN(ValType type, parse_spec_type(type_name));
  SpecExpected e;
  e.type = type;
  if (type == ValType::kF32 || type == ValType::kF64) {
    if (value == "nan:canonical") {
      e.kind = SpecExpected::Kind::kCanonicalNan;
      return e;
    }
    if (value == "nan:arithmetic") {
      e.kind = SpecExpected::Kind::kArithmeticNan;
      return e;
    }
  }
  if (wasm::is_ref(type)) {
    if (value == "null") return e;  // kExact, bits 0
    if (type == ValType::kFuncRef) {
      e.kind = SpecExpected::Kind::kNonNullRef;
      return e;
    }
    DUSK_ASSIGN(u64 payload, parse_bits(value, ~u64{0} - 1));
    e.bits = Value::extern_ref(payload).bits;
    return e;
  }
  DUSK_ASSIGN(e.bits, parse_bits(value, width_max(type)));
  return e;
}

bool SpecExpected::matches(const Value& actual) const {
  if (actual.type != type) return false;
  const bool f32 = type == ValType::kF32;
  switch (kind) {
    case Kind::kExact:
      return (type == ValType::kI32 || f32) ? actual.as_u32() == static_cast<u32>(bits) : actual.bits == bits;
    case Kind::kCanonicalNan:
      return f32 ? (actual.as_u32() & kF32Magnitude) == kF32CanonicalNan
                 : (actual.bits & kF64Magnitude) == kF64CanonicalNan;
    case Kind::kArithmeticNan:
      return f32 ? (actual.as_u32() & kF32CanonicalNan) == kF32CanonicalNan
                 : (actual.bits & kF64CanonicalNan) == kF64CanonicalNan;
    case Kind::kNonNullRef:
      return !actual.is_null();
  }
  return false;
}

std::string SpecExpected::to_string() const {
  const std::string prefix = std::string(wasm::to_string(type)) + ":";
  switch (kind) {
    case Kind::kExact:
      return describe_value(Value{type, bits});
    case Kind::kCanonicalNan:
      return prefix + "nan:canonical";
    case Kind::kArithmeticNan:
      return prefix + "nan:arithmetic";
    case Kind::kNonNullRef:
      return prefix + "non-null";
  }
  return prefix + "?";
}

std::string describe_value(const Value& value) {
  if (value.type == ValType::kF32) return format_value(value) + " (" + hex_bits(value.as_u32(), 8) + ")";
  if (value.type == ValType::kF64) return format_value(value) + " (" + hex_bits(value.bits, 16) + ")";
  return format_value(value);
}

}  // namespace dusk::wasm_cli
