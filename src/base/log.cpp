#include "base/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace dusk::log {

namespace {
std::atomic<Level> g_level{Level::kInfo};
std::mutex g_mutex;
constexpr const char* kNames[] = {"trace", "debug", "info", "warn", "error", "off"};
}  // namespace

void set_level(Level l) { g_level.store(l, std::memory_order_relaxed); }
Level level() { return g_level.load(std::memory_order_relaxed); }

bool parse_level(std::string_view name, Level* out) {
  for (int i = 0; i <= static_cast<int>(Level::kOff); ++i) {
    if (name == kNames[i]) {
      *out = static_cast<Level>(i);
      return true;
    }
  }
  return false;
}

void write(Level l, std::string_view component, std::string_view message) {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "[%s] %.*s: %.*s\n", kNames[static_cast<int>(l)],
               static_cast<int>(component.size()), component.data(),
               static_cast<int>(message.size()), message.data());
}

}  // namespace dusk::log
