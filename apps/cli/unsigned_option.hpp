// Unsigned integer arguments (--gas, function indices), read the same way by every tool
// so that each accepts the same forms and says the same thing when it cannot.
#pragma once

#include <CLI/Error.hpp>  // Validators.hpp uses it without including it
#include <CLI/Validators.hpp>
#include <string_view>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::cli {

// `text` as an unsigned integer, decimal or 0x-hex, from 0 to `max`. The error tells
// the two failures apart:
//   "'lots' is not a number (expected an unsigned integer, decimal or 0x-hex)"
//   "'-1' is out of range (0 to 9)"   (negative numbers and numbers above max, however long)
Result<u64> parse_unsigned(std::string_view text, u64 max = ~u64{0});

// parse_unsigned as a CLI11 transform for an option's values: rejects what it rejects,
// with its message, and leaves the value in plain decimal for CLI11's own conversion
// (which would read "010" as octal).
CLI::Validator unsigned_up_to(u64 max);

}  // namespace dusk::cli
