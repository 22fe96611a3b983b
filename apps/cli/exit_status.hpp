// Exit statuses every tool gives the same meaning.
#pragma once

namespace dusk::cli {

// A usage error: an unknown command or option, a bad or missing value, a missing
// argument. Tools also use it for input that cannot be read before any work starts.
inline constexpr int kExitUsage = 2;

}  // namespace dusk::cli
