// Minimal leveled logging to stderr. Thread-safe per line.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

namespace dusk::log {

enum class Level { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

void set_level(Level level);
Level level();
// Parses "trace", "debug", "info", "warn", "error", "off"; returns false if unknown.
bool parse_level(std::string_view name, Level* out);
void write(Level level, std::string_view component, std::string_view message);

inline bool enabled(Level l) { return l >= level(); }

}  // namespace dusk::log

// DUSK_LOG(kInfo, "wasm", "loaded " << n << " functions")
#define DUSK_LOG(lvl, component, stream_expr)                               \
  do {                                                                      \
    if (::dusk::log::enabled(::dusk::log::Level::lvl)) {                    \
      std::ostringstream dusk_log_os_;                                      \
      dusk_log_os_ << stream_expr;                                          \
      ::dusk::log::write(::dusk::log::Level::lvl, component, dusk_log_os_.str()); \
    }                                                                       \
  } while (0)
