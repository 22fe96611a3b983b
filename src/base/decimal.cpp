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

}  // namespace dusk
