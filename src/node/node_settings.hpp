// What duskd is told to run: its command line, and optionally a TOML file of the same
// settings (--config). A flag given on the command line wins over the file.
//
//   # duskd.toml
//   datadir = "/var/lib/duskd"
//   genesis = "/etc/duskd/genesis.toml"
//   provisioner_key = "/etc/duskd/provisioner.key"   # hex of a 32-byte BLS secret key
//   block_time = "2"                                 # seconds; "0.5"; "0": on demand
//   api = "127.0.0.1:8080"
//   rpc_ws_requests_per_second = 1000      # per connection (rpc/rate_limiter.hpp)
//   rpc_http_requests_per_second = 5000
//   log_level = "info"
#pragma once
#include <optional>
#include <string>

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::node {

struct NodeSettings {
  bool dev = false;
  std::string datadir;              // empty with --dev: a temporary directory
  std::string genesis_file;         // required without --dev
  std::string provisioner_key_file; // the key that produces blocks (--dev: account 0's)
  std::optional<u64> block_time_ms; // default: the genesis's block time (--dev: 1 s)
  std::string api_host = "127.0.0.1";
  u16 api_port = 8080;              // 0: any free port (printed)
  bool rpc = true;                  // the Ethereum JSON-RPC (rpc/rpc_server.hpp)
  std::string rpc_host = "127.0.0.1";
  u16 rpc_port = 8545;              // 0: any free port (printed)
  u64 rpc_ws_requests_per_second = 1'000;    // per WebSocket connection
  u64 rpc_http_requests_per_second = 5'000;  // per kept-alive HTTP connection
  std::string log_level = "info";
};

// Reads a settings file into `into` (keys it does not name stay as they are). Errors
// name the key, and the line for TOML syntax.
Status read_settings_file(const std::string& path, NodeSettings& into);
// "2", "0.5", "0" (seconds, at most millisecond precision) -> milliseconds.
Result<u64> parse_block_time(std::string_view seconds);
// "127.0.0.1:8080", "[::1]:0" -> host and port; `what` names the setting in errors.
Status parse_host_port(std::string_view text, std::string_view what, std::string& host, u16& port);

}  // namespace dusk::node
