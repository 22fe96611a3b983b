// dusk-evm's command line: its commands (statetest, run), their options and their help,
// on CLI11 through cli/command_line.hpp.
#pragma once

#include <variant>

#include "run.hpp"
#include "statetest.hpp"

namespace dusk::evm_cli {

// What the command line asks for: a command with its options, or the status to exit
// with when there is nothing to run (0 after printing help; cli::kExitUsage after a
// usage error, reported on stderr).
using CommandLine = std::variant<int, RunOptions, StateTestOptions>;

CommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace dusk::evm_cli
