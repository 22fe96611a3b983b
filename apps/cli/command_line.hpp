// What dusk-wasm and dusk-evm share on top of CLI11 (Debian's libcli11-dev): one help
// layout (help_formatter.hpp), -h/--help on the tool and on every command, a `help
// [COMMAND]` command, and one way of reporting usage errors:
//
//   dusk-wasm: unknown option '--fast'
//   Try 'dusk-wasm run --help'.
//
// on stderr and exit status 2 (kExitUsage), whatever CLI11's own error codes are.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cli/exit_status.hpp"

namespace dusk::cli {

class Tool {
 public:
  // `description` heads the tool's help, `footer` ends it.
  Tool(const std::string& name, const std::string& description, const std::string& footer);
  Tool(const Tool&) = delete;
  Tool& operator=(const Tool&) = delete;

  // Adds a command; the caller adds its options. The first line of `description` is
  // its summary in the tool's help; all of it heads the command's own help, and
  // `footer` (exit statuses, examples) ends it.
  CLI::App* add_command(const std::string& name, const std::string& description, const std::string& footer);

  // Parses the command line into the options the commands were given. Returns nullopt
  // when one command was given and everything parsed: the caller runs the command it
  // finds parsed(). Otherwise returns the status to exit with, after printing:
  //   - the help asked for (-h/--help before a command's own arguments, or
  //     `help [COMMAND]`) to stdout: 0;
  //   - a usage error (the message, then a "Try ... --help" hint) to stderr:
  //     kExitUsage; CLI11's messages, or "unknown command 'X'", "unknown option '-X'",
  //     "unexpected argument 'X'";
  //   - with no arguments at all, the tool's help to stderr: kExitUsage.
  std::optional<int> parse(int argc, const char* const* argv);

 private:
  CLI::App* given_command() const;
  int usage_error(const std::string& message) const;
  int print_help() const;

  CLI::App app_;
  CLI::App* help_ = nullptr;
  std::string help_topic_;  // help's COMMAND
};

}  // namespace dusk::cli
