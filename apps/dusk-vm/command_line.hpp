// dusk-vm's command line: deploy, upgrade, call, query, root, commits, forget, finalize,
// prove-page and verify-page over a state directory, attach-abi and describe, on CLI11
// through cli/command_line.hpp.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "base/bytes.hpp"

namespace dusk::vm_cli {

enum class Command {
  kDeploy, kUpgrade, kCall, kQuery, kRoot, kCommits, kForget, kFinalize, kProvePage, kVerifyPage, kAttachAbi, kDescribe
};

struct Options {
  Command command = Command::kRoot;
  std::string state;         // --state DIR (describe: optional)
  std::string file;          // deploy, upgrade, attach-abi: FILE.wasm; describe: FILE.wasm or ID
  Bytes owner;               // deploy: --owner HEX
  std::string init;          // deploy: --init ARG; upgrade: --migrate ARG (hex or JSON)
  std::optional<u64> nonce;  // deploy: --nonce N (default: the first free one)
  std::string id;            // upgrade, call, query, prove-page: ID (hex)
  std::string function;      // call, query: FN
  std::string arg;           // call, query: ARG (0x-hex, or JSON with an ABI description)
  Bytes origin;              // call, query, upgrade: --origin HEX
  u64 gas = 1'000'000'000;   // --gas N
  u64 height = 0;            // --height N: the block height contracts see
  u32 chain_id = 0;          // --chain-id N
  u64 page = 0;              // prove-page: PAGE
  std::string root;          // verify-page, forget, finalize: ROOT (hex)
  std::string proof;         // verify-page: PROOF (hex)
  std::string abi_file;      // attach-abi: ABI.json
  std::string out;           // attach-abi: --out FILE
  bool json = false;
};

// The options, or the status to exit with (help printed: 0; usage error: 2).
std::variant<int, Options> parse_command_line(int argc, const char* const* argv);

}  // namespace dusk::vm_cli
