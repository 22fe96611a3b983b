// Unsigned integers as decimal text: amounts in messages and in the node's JSON, where
// a 64-bit JSON number would lose digits in most clients.
#pragma once
#include <string>

#include "base/int.hpp"
#include "base/uint256.hpp"

namespace dusk {

std::string to_decimal(u128 v);
std::string to_decimal(const Uint256& v);

}  // namespace dusk
