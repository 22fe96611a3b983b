#include "node/node_settings.hpp"

#include <toml++/toml.h>

#include <charconv>

namespace dusk::node {

Result<u64> parse_block_time(std::string_view s) {
  const auto bad = [&] { return Error("block time \"" + std::string(s) + "\": seconds, as in 2, 0.5 or 0"); };
  if (s.empty()) return bad();
  const size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (frac.size() > 3 || (whole.empty() && frac.empty())) return bad();
  u64 w = 0;
  if (!whole.empty()) {
    auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
    if (ec != std::errc() || p != whole.data() + whole.size() || w > 86'400) return bad();
  }
  u64 ms = w * 1'000;
  u64 scale = 100;
  for (char c : frac) {
    if (c < '0' || c > '9') return bad();
    ms += static_cast<u64>(c - '0') * scale;
    scale /= 10;
  }
  return ms;
}

Status parse_host_port(std::string_view text, std::string_view what, std::string& host_out, u16& port_out) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0)
    return Error(std::string(what) + " address \"" + std::string(text) + "\": expected HOST:PORT, as in 127.0.0.1:8080");
  std::string host(text.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string_view port = text.substr(colon + 1);
  unsigned p = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
  if (ec != std::errc() || end != port.data() + port.size() || p > 65535)
    return Error(std::string(what) + " address \"" + std::string(text) + "\": the port must be 0..65535");
  host_out = host;
  port_out = static_cast<u16>(p);
  return {};
}

Status read_settings_file(const std::string& path, NodeSettings& into) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error(path + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) +
                 ": " + std::string(e.description()));
  }
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    const auto* s = v.as_string();
    if (key == "dev") {
      const auto* b = v.as_boolean();
      if (!b) return Error(path + ": dev: expected true or false");
      into.dev = b->get();
      continue;
    }
    if (key == "rpc_ws_requests_per_second" || key == "rpc_http_requests_per_second") {
      const auto* i = v.as_integer();
      constexpr i64 kMax = 1'000'000'000;
      if (!i || i->get() < 1 || i->get() > kMax)
        return Error(path + ": " + key + ": expected a whole number of requests from 1 to " + std::to_string(kMax));
      (key == "rpc_ws_requests_per_second" ? into.rpc_ws_requests_per_second : into.rpc_http_requests_per_second) =
          static_cast<u64>(i->get());
      continue;
    }
    if (!s) return Error(path + ": " + key + ": expected a string");
    const std::string value = s->get();
    if (key == "datadir") into.datadir = value;
    else if (key == "genesis") into.genesis_file = value;
    else if (key == "provisioner_key") into.provisioner_key_file = value;
    else if (key == "log_level") into.log_level = value;
    else if (key == "block_time") {
      auto ms = parse_block_time(value);
      if (!ms.ok()) return Error(path + ": " + ms.error().message);
      into.block_time_ms = *ms;
    } else if (key == "api") {
      if (auto a = parse_host_port(value, "api", into.api_host, into.api_port); !a.ok())
        return Error(path + ": " + a.error().message);
    } else if (key == "rpc") {
      into.rpc = value != "off";
      if (into.rpc) {
        if (auto a = parse_host_port(value, "rpc", into.rpc_host, into.rpc_port); !a.ok())
          return Error(path + ": " + a.error().message);
      }
    } else {
      return Error(path + ": unknown setting \"" + key + "\"");
    }
  }
  return {};
}

}  // namespace dusk::node
