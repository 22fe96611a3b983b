// Unsigned integers up to 128 bits as decimal text: amounts in messages and in the
// node's JSON, where a 64-bit JSON number would lose digits in most clients.
#pragma once
#include <string>

#include "base/int.hpp"

namespace dusk {

std::string to_decimal(u128 v);

}  // namespace dusk
