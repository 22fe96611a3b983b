// dusk-wasm's command line: its commands (run, spectest, dump), their options and their
// help, on CLI11 through cli/command_line.hpp.
#pragma once

#include <variant>

#include "dump.hpp"
#include "run.hpp"
#include "spectest.hpp"

namespace dusk::wasm_cli {

// What the command line asks for: a command with its options, or the status to exit
// with when there is nothing to run (0 after printing help; kExitUsage after a usage
// error, reported on stderr).
using CommandLine = std::variant<int, RunOptions, SpecTestOptions, DumpOptions>;

CommandLine parse_command_line(int argc, const char* const* argv);

}  // namespace dusk::wasm_cli
