#include "amount.hpp"

namespace dusk::wallet_cli {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Digits with `decimals` of them after a decimal point, trailing zeros (and a bare
// point) dropped, leading zeros of the whole part dropped.
std::string with_decimals(std::string digits, size_t decimals) {
  if (digits.size() <= decimals) digits.insert(digits.begin(), decimals + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - decimals);
  std::string frac = digits.substr(digits.size() - decimals);
  size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return frac.empty() ? whole : whole + "." + frac;
}

}  // namespace

Result<u64> parse_dusk(std::string_view text) {
  const std::string quoted = "amount '" + std::string(text) + "'";
  if (text.empty()) return Error("amount: empty (expected DUSK, as 12 or 0.5)");
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (dot != std::string_view::npos && (whole.empty() || frac.empty()))
    return Error(quoted + ": expected digits on both sides of the point (as 0.5)");
  if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(frac)))
    return Error(quoted + ": not a number of DUSK (expected digits with at most one point, as 12 or 0.5)");
  if (frac.size() > 9) return Error(quoted + ": more than 9 decimals (the smallest unit is 1 LUX = 0.000000001 DUSK)");
  u64 lux = 0;
  for (char c : whole) {
    const u64 d = static_cast<u64>(c - '0');
    if (lux > (~u64{0} - d) / 10) return Error(quoted + ": too large (at most 18446744073.709551615 DUSK)");
    lux = lux * 10 + d;
  }
  if (lux > ~u64{0} / kLuxPerDusk) return Error(quoted + ": too large (at most 18446744073.709551615 DUSK)");
  lux *= kLuxPerDusk;
  u64 f = 0;
  for (size_t i = 0; i < 9; ++i) f = f * 10 + (i < frac.size() ? static_cast<u64>(frac[i] - '0') : 0);
  if (lux > ~u64{0} - f) return Error(quoted + ": too large (at most 18446744073.709551615 DUSK)");
  return lux + f;
}

std::string format_lux(u64 lux) { return with_decimals(std::to_string(lux), 9); }

Result<std::string> format_wei(std::string_view wei) {
  if (!all_digits(wei)) return Error("not a decimal amount of wei: '" + std::string(wei) + "'");
  return with_decimals(std::string(wei), 18);
}

Result<std::string> format_lux_text(std::string_view lux) {
  if (!all_digits(lux)) return Error("not a decimal amount of LUX: '" + std::string(lux) + "'");
  return with_decimals(std::string(lux), 9);
}

}  // namespace dusk::wallet_cli
