// DUSK amounts as people type and read them: decimal DUSK with up to 9 decimals (1 DUSK
// = 10^9 LUX on DuskDS and DuskVM), and wei on DuskEVM (1 LUX = 10^9 wei, 18 decimals).
// Exact integer arithmetic only: "0.1" is 100,000,000 LUX, never 0.1 rounded in binary.
#pragma once

#include <string>
#include <string_view>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::wallet_cli {

inline constexpr u64 kLuxPerDusk = 1'000'000'000;

// "12", "0.5", "1000000.000000001" -> LUX. Refused, with a message naming the text: empty
// text, signs, spaces, exponents, other characters, a dot without digits on either side,
// more than 9 decimals, and amounts above 2^64 - 1 LUX.
Result<u64> parse_dusk(std::string_view text);

// LUX as DUSK: "12", "0.5", "1000000.000000001" (no trailing zeros, no dot for whole DUSK).
std::string format_lux(u64 lux);

// A decimal string of wei (as the node answers, any length) as DUSK with up to 18
// decimals: "10000000000000000000000" -> "10000". Errors: text that is not decimal digits.
Result<std::string> format_wei(std::string_view wei);

// A decimal string of LUX (as the node answers) as DUSK. Errors: not decimal digits.
Result<std::string> format_lux_text(std::string_view lux);

}  // namespace dusk::wallet_cli
