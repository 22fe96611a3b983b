// dusk-vm's command line: deploy, upgrade, call, query, root, prove-page and verify-page over a
// state directory, on CLI11 through cli/command_line.hpp.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "base/bytes.hpp"

namespace dusk::vm_cli {

enum class Command { kDeploy, kUpgrade, kCall, kQuery, kRoot, kProvePage, kVerifyPage };

struct Options {
  Command command = Command::kRoot;
  std::string state;         // --state DIR
  std::string file;          // deploy, upgrade: FILE.wasm
  Bytes owner;               // deploy: --owner HEX
  Bytes init;                // deploy: --init HEX; upgrade: --migrate HEX
  std::optional<u64> nonce;  // deploy: --nonce N (default: the first free one)
  std::string id;            // upgrade, call, query, prove-page: ID (hex)
  std::string function;      // call, query: FN
  Bytes arg;                 // call, query: ARG (hex)
  Bytes origin;              // call, query, upgrade: --origin HEX
  u64 gas = 1'000'000'000;   // --gas N
  u64 page = 0;              // prove-page: PAGE
  std::string root;          // verify-page: ROOT (hex)
  std::string proof;         // verify-page: PROOF (hex)
  bool json = false;
};

// The options, or the status to exit with (help printed: 0; usage error: 2).
std::variant<int, Options> parse_command_line(int argc, const char* const* argv);

}  // namespace dusk::vm_cli
