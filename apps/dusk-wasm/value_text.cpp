#include "value_text.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace dusk::wasm_cli {

using wasm::Value;
using wasm::ValType;

namespace {

bool starts_with_hex_prefix(std::string_view s) {
  return s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

// Parses all of `text` as an unsigned number in `base`; nullopt on anything else.
std::optional<u64> parse_all(std::string_view text, int base) {
  if (text.empty()) return std::nullopt;
  u64 v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, base);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// An integer of `bits` width: unsigned up to 2^bits - 1, or negative down to -2^(bits-1).
Result<u64> parse_int(std::string_view text, unsigned bits, const char* type_name) {
  const u64 umax = bits == 64 ? ~u64{0} : (u64{1} << bits) - 1;
  const bool negative = !text.empty() && text[0] == '-';
  std::string_view digits = negative ? text.substr(1) : text;
  const bool hex = starts_with_hex_prefix(digits);
  std::optional<u64> magnitude = hex ? parse_all(digits.substr(2), 16) : parse_all(digits, 10);
  if (!magnitude) {
    return Error("'" + std::string(text) + "' is not an " + type_name +
                 " (expected a decimal or 0x-hex integer)");
  }
  if (negative) {
    const u64 limit = u64{1} << (bits - 1);  // |INT_MIN|
    if (*magnitude > limit) return Error("'" + std::string(text) + "' is out of range for " + type_name);
    return (u64{0} - *magnitude) & umax;
  }
  if (*magnitude > umax) return Error("'" + std::string(text) + "' is out of range for " + type_name);
  return *magnitude;
}

template <typename F>
Result<F> parse_float(std::string_view text, const char* type_name) {
  const bool negative = !text.empty() && text[0] == '-';
  std::string_view body = negative ? text.substr(1) : text;
  std::chars_format format = std::chars_format::general;
  if (starts_with_hex_prefix(body)) {
    body = body.substr(2);
    format = std::chars_format::hex;
  }
  // from_chars accepts no sign of its own here: we strip '-' above so "-0x1p3" works.
  if (body.empty() || body[0] == '-' || body[0] == '+') {
    return Error("'" + std::string(text) + "' is not an " + type_name);
  }
  F v{};
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), v, format);
  if (ec == std::errc::result_out_of_range) {
    return Error("'" + std::string(text) + "' is out of range for " + type_name);
  }
  if (ec != std::errc() || end != body.data() + body.size()) {
    return Error("'" + std::string(text) + "' is not an " + type_name +
                 " (expected a decimal, hex float, inf or nan)");
  }
  return negative ? -v : v;
}

Result<Value> parse_ref(ValType type, std::string_view text) {
  if (text == "null") return Value::null_ref(type);
  if (type == ValType::kFuncRef) return Error("a funcref argument can only be 'null'");
  std::optional<u64> payload = parse_all(text, 10);
  // The payload is stored plus one, so the largest u64 cannot be represented.
  if (!payload || *payload == ~u64{0}) {
    return Error("'" + std::string(text) + "' is not an externref (expected 'null' or a decimal payload)");
  }
  return Value::extern_ref(*payload);
}

template <typename F, typename Bits>
std::string format_float(Bits bits) {
  constexpr int kMantissaBits = std::numeric_limits<F>::digits - 1;
  constexpr Bits kMantissaMask = (Bits{1} << kMantissaBits) - 1;
  constexpr Bits kCanonicalPayload = Bits{1} << (kMantissaBits - 1);
  const F v = std::bit_cast<F>(bits);
  const bool negative = (bits >> (sizeof(Bits) * 8 - 1)) != 0;
  if (std::isnan(v)) {
    std::string s = negative ? "-nan" : "nan";
    const Bits payload = bits & kMantissaMask;
    if (payload != kCanonicalPayload) {
      char hex[24];
      auto r = std::to_chars(hex, hex + sizeof hex, static_cast<u64>(payload), 16);
      s += ":0x" + std::string(hex, r.ptr);
    }
    return s;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
  return std::string(buf, r.ptr);
}

}  // namespace

Result<Value> parse_value(ValType type, std::string_view text) {
  switch (type) {
    case ValType::kI32: {
      DUSK_ASSIGN(u64 v, parse_int(text, 32, "i32"));
      return Value::i32(static_cast<u32>(v));
    }
    case ValType::kI64: {
      DUSK_ASSIGN(u64 v, parse_int(text, 64, "i64"));
      return Value::i64(v);
    }
    case ValType::kF32: {
      DUSK_ASSIGN(float v, parse_float<float>(text, "f32"));
      return Value::f32(v);
    }
    case ValType::kF64: {
      DUSK_ASSIGN(double v, parse_float<double>(text, "f64"));
      return Value::f64(v);
    }
    case ValType::kFuncRef:
    case ValType::kExternRef:
      return parse_ref(type, text);
    case ValType::kV128:
      break;
  }
  return Error("values of type v128 are not supported");
}

std::string format_value(const Value& value) {
  switch (value.type) {
    case ValType::kI32:
      return "i32:" + std::to_string(static_cast<i32>(value.as_u32()));
    case ValType::kI64:
      return "i64:" + std::to_string(static_cast<i64>(value.as_u64()));
    case ValType::kF32:
      return "f32:" + format_float<float>(value.as_u32());
    case ValType::kF64:
      return "f64:" + format_float<double>(value.as_u64());
    case ValType::kFuncRef:
      return value.is_null() ? "funcref:null" : "funcref:function";
    case ValType::kExternRef:
      return value.is_null() ? "externref:null" : "externref:" + std::to_string(value.extern_payload());
    case ValType::kV128:
      break;
  }
  return "v128:?";
}

}  // namespace dusk::wasm_cli
