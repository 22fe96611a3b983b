#include "cli/unsigned_option.hpp"

#include <charconv>
#include <string>
#include <system_error>

namespace dusk::cli {

Result<u64> parse_unsigned(std::string_view text, u64 max) {
  const bool negative = text.size() > 1 && text[0] == '-';
  std::string_view digits = negative ? text.substr(1) : text;
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
    digits.remove_prefix(2);
    base = 16;
  }
  u64 value = 0;
  const char* const end = digits.data() + digits.size();
  const auto [stop, ec] = std::from_chars(digits.data(), end, value, base);
  // from_chars stops at the first non-digit; a number too large for u64 still consumes
  // every digit and reports result_out_of_range.
  const bool all_digits = !digits.empty() && stop == end && (ec == std::errc() || ec == std::errc::result_out_of_range);
  const std::string quoted = "'" + std::string(text) + "'";
  if (!all_digits) return Error(quoted + " is not a number (expected an unsigned integer, decimal or 0x-hex)");
  if (negative || ec == std::errc::result_out_of_range || value > max) {
    return Error(quoted + " is out of range (0 to " + std::to_string(max) + ")");
  }
  return value;
}

CLI::Validator unsigned_up_to(u64 max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        auto value = parse_unsigned(text, max);
        if (!value) return value.error().message;
        text = std::to_string(*value);
        return {};
      },
      // No description: the option's own help says what it takes.
      "");
}

}  // namespace dusk::cli
