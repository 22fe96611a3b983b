// Shared pricing helper of the hash-like precompiles: base + per_word * ceil(len / 32).
#pragma once

#include "base/int.hpp"

namespace dusk::evm {

constexpr u64 word_cost(u64 base, u64 per_word, u64 len) { return base + per_word * ((len + 31) / 32); }

}  // namespace dusk::evm
