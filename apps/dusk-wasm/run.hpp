// `dusk-wasm run`: compiles a module, links WASI, instantiates it and calls `_start`
// (a WASI command) or, with --invoke, any exported function.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/int.hpp"
#include "cli/exit_status.hpp"

namespace dusk::wasm_cli {

// Process exit statuses besides the program's own.
inline constexpr int kExitCodeOutOfRange = 1;  // proc_exit with a code above 255
inline constexpr int kExitUsage = cli::kExitUsage;  // bad arguments, unreadable or invalid module, link error
inline constexpr int kExitTrap = 134;  // the program trapped (as a shell reports SIGABRT)

struct RunOptions {
  std::string file;
  // Program arguments after FILE (argv[1..]); with `invoke`, the function's arguments,
  // parsed by its parameter types (see value_text.hpp).
  std::vector<std::string> args;
  std::optional<std::string> invoke;  // export to call instead of _start
  u64 gas = ~u64{0};  // the largest value means no limit
  bool metering = true;
  bool stats = false;               // gas used and wall time to stderr at the end
  std::vector<std::string> env;     // "KEY=VALUE" entries for the WASI environment
};

// Runs the module and returns the process exit status: the program's exit code
// (proc_exit, or 0 when it returns), kExitTrap on a trap, kExitUsage on errors before
// the program starts. Messages go to stderr; --invoke results to stdout, one per line.
// WASI exit codes are 32-bit but a process status holds 0-255: a code above 255 is
// reported ("dusk-wasm: exit code N is out of range 0-255") and gives
// kExitCodeOutOfRange, so that it never reads as another code (256 as 0, success).
int run_module(const RunOptions& options);

}  // namespace dusk::wasm_cli
