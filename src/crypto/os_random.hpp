// The operating system's random bytes (getrandom(2)), for keys, nonces, blinders and
// batch-verification weights: one place that loops over short reads and EINTR.
#pragma once

#include <span>

#include "base/int.hpp"

namespace dusk::crypto {

// Fills `out` with unpredictable bytes, or returns false when the system cannot.
bool os_random_bytes(std::span<u8> out);

}  // namespace dusk::crypto
