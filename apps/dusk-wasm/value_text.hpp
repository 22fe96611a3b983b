// Values as a person types and reads them on the command line of `dusk-wasm run --invoke`.
//
// Parsing accepts, by type:
//   i32, i64    decimal (optionally negative, taken as two's complement) or 0x-hex; the
//               value must fit the width as either a signed or an unsigned number
//   f32, f64    decimal, hex float (0x1.8p3), inf, -inf, nan; rounded to nearest
//   externref   "null" or a decimal payload
//   funcref     "null" only (a function reference cannot be written down)
// Formatting gives "type:value": integers signed decimal, floats in the shortest decimal
// form that reads back to the same bits (NaNs with a non-canonical payload as
// "nan:0x<payload>"), references "null" or their payload.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "duskvm/engine/value.hpp"

namespace dusk::wasm_cli {

Result<wasm::Value> parse_value(wasm::ValType type, std::string_view text);

std::string format_value(const wasm::Value& value);

}  // namespace dusk::wasm_cli
