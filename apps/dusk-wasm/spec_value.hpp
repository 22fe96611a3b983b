// Values as wast2json writes them in spec-test scripts: {"type": "i32", "value": "42"}.
//
// Integers are the unsigned decimal of their bit pattern, floats the unsigned decimal of
// their bits; expected floats may instead be "nan:canonical" (exactly the canonical NaN,
// either sign) or "nan:arithmetic" (quiet bit set, any payload and sign). References are
// "null" or, for externref, a decimal payload (Value::extern_ref); an expected non-null
// funcref matches any non-null funcref.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "duskvm/engine/value.hpp"

namespace dusk::wasm_cli {

Result<wasm::ValType> parse_spec_type(std::string_view name);

// An argument of an action.
Result<wasm::Value> parse_spec_arg(std::string_view type, std::string_view value);

// An expected result of assert_return.
struct SpecExpected {
  enum class Kind : u8 { kExact, kCanonicalNan, kArithmeticNan, kNonNullRef };
  wasm::ValType type = wasm::ValType::kI32;
  Kind kind = Kind::kExact;
  u64 bits = 0;  // kExact: the value's bits (as wasm::Value stores them)

  bool matches(const wasm::Value& actual) const;
  std::string to_string() const;  // "i32:42", "f32:nan:canonical", "funcref:non-null"
};

Result<SpecExpected> parse_spec_expected(std::string_view type, std::string_view value);

// A value for failure reports: format_value plus, for floats, the raw bits.
std::string describe_value(const wasm::Value& value);

}  // namespace dusk::wasm_cli
