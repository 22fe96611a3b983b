// Runs one `dusk` command (command_line.hpp) and returns the exit status (exit_codes.hpp).
// Output goes to stdout (one JSON object with --json), progress and errors to stderr as
// one line each: "dusk: <what is wrong>".
#pragma once

#include "command_line.hpp"

namespace dusk::wallet_cli {

int run_command(const Options& options);

}  // namespace dusk::wallet_cli
