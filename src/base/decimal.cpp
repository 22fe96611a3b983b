#include "base/decimal.hpp"

#include <algorithm>

namespace dusk {

std::string to_decimal(u128 v) {
  std::string s;
  do {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  std::reverse(s.begin(), s.end());
  return s;
}

std::string to_decimal(const Uint256& v) {
  // Nineteen digits at a time: 10^19 is the largest power of ten below 2^64.
  constexpr u64 kChunk = 10'000'000'000'000'000'000ull;
  if (v.fits_u64()) return to_decimal(static_cast<u128>(v.low64()));
  const DivMod d = divmod(v, Uint256{kChunk});
  std::string low = to_decimal(static_cast<u128>(d.rem.low64()));
  return to_decimal(d.quot) + std::string(19 - low.size(), '0') + low;
}

}  // namespace dusk
