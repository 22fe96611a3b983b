#include "command_line.hpp"

#include <string>

#include "cli/command_line.hpp"
#include "cli/unsigned_option.hpp"

namespace dusk::evm_cli {

namespace {

constexpr const char* kDescription =
    "DuskEVM as a command-line tool: runs Ethereum state tests and executes bytecode.";

constexpr const char* kFooter = "Run 'dusk-evm COMMAND --help' for the options of a command.";

constexpr const char* kStateTestDescription =
    "run Ethereum state-test JSON files or folders\n"
    "\n"
    "Runs every post-state entry of the state tests in PATH (files, or folders searched\n"
    "for .json files) for the forks DuskEVM implements (Cancun, Prague), prints each\n"
    "failing case with its first difference (exception, logs, root) and finally\n"
    "'N passed, M failed'.";

constexpr const char* kStateTestFooter =
    "exit status:\n"
    "  0      nothing failed (with --known-failures: no failure that FILE does not list)\n"
    "  1      a case failed, or a file could not be read or parsed\n"
    "  2      bad arguments, or a known-failures file that cannot be read\n"
    "\n"
    "example:\n"
    "  dusk-evm statetest --fork Prague --known-failures known.txt eest/state_tests";

constexpr const char* kRunDescription =
    "execute bytecode as a call to an account holding it\n"
    "\n"
    "Executes HEX as the code of account 0x00..aa called by 0x00..cc (which holds 2^128\n"
    "wei) in block 1 (gas limit 30000000), and prints the output, the gas used and the\n"
    "error, if any: a revert or an exceptional halt (out of gas, bad jump, ...).";

constexpr const char* kRunFooter =
    "Memory costs 3 gas per 32-byte word plus words^2/512, so a large --gas pays for a\n"
    "lot of it: 1 GiB costs about 2.2*10^12 gas, 4 GiB about 3.5*10^13. Memory, return\n"
    "data or logs larger than the machine can allocate end the run with \"dusk-evm: out\n"
    "of memory\".\n"
    "\n"
    "exit status:\n"
    "  0      the code ran, whatever its outcome (see error)\n"
    "  1      out of memory\n"
    "  2      bad arguments\n"
    "\n"
    "examples:\n"
    "  dusk-evm run --code 600160020160005260206000f3    (1 + 2, returned as a word)\n"
    "  dusk-evm run --json --trace --gas 100 --code 602a00";

// --fork NAME into `fork`.
CLI::Option* add_fork_option(CLI::App* command, std::function<void(evm::Fork)> set, const std::string& help) {
  return command
      ->add_option_function<std::string>(
          "--fork",
          [set = std::move(set)](const std::string& name) {
            const auto fork = evm::fork_from_name(name);
            if (!fork) throw CLI::ValidationError("--fork", "unknown fork '" + name + "' (Cancun or Prague)");
            set(*fork);
          },
          help)
      ->type_name("NAME");
}

// --NAME HEX into `bytes`.
CLI::Option* add_hex_option(CLI::App* command, const std::string& name, Bytes& bytes, const std::string& help) {
  return command
      ->add_option_function<std::string>(
          name,
          [name, &bytes](const std::string& hex) {
            auto b = from_hex(hex);
            if (!b.ok()) throw CLI::ValidationError(name, b.error().message);
            bytes = std::move(b).value();
          },
          help)
      ->type_name("HEX");
}

CLI::App* add_statetest(cli::Tool& tool, StateTestOptions& o) {
  CLI::App* command = tool.add_command("statetest", kStateTestDescription, kStateTestFooter);
  command->add_option("PATH", o.paths, "state-test files, or folders to search for .json files")->required();
  add_fork_option(command, [&o](evm::Fork f) { o.fork = f; },
                  "only this fork's entries: Cancun or Prague (default: both)");
  command->add_option("--test", o.test_filter, "only tests whose name contains NAME (default: all)")
      ->type_name("NAME");
  command
      ->add_option("--known-failures", o.known_failures,
                   "tolerate the failures FILE lists, each with its reason\n"
                   "(format: apps/dusk-evm/known_failures.hpp); the last line\n"
                   "becomes 'N passed, M failed (K known, J new)', and only new\n"
                   "failures fail the run")
      ->type_name("FILE");
  command->add_flag("-v,--verbose", o.verbose,
                    "on a root mismatch, list the accounts that differ; print\n"
                    "known failures too");
  return command;
}

CLI::App* add_run(cli::Tool& tool, RunOptions& o) {
  CLI::App* command = tool.add_command("run", kRunDescription, kRunFooter);
  add_hex_option(command, "--code", o.code, "the bytecode, hex with or without 0x")->required();
  add_hex_option(command, "--input", o.input, "calldata, hex (default: empty)");
  command
      ->add_option("--gas", o.gas,
                   "gas given to the call (default: 10000000); N from 0 to\n"
                   "9223372036854775807 = 2^63-1, decimal or 0x-hex: the EVM counts\n"
                   "gas in a signed 64-bit integer, and EIP-1985 bounds gas there")
      ->transform(cli::unsigned_up_to(kMaxRunGas))
      ->type_name("N");
  add_fork_option(command, [&o](evm::Fork f) { o.fork = f; }, "Cancun or Prague (default: Prague)");
  command->add_flag("--p256verify", o.p256verify,
                    "P256VERIFY (EIP-7951) at 0x100, as the DuskEVM chain has it\n"
                    "(RIP-7212's address); Ethereum's Cancun and Prague have no\n"
                    "precompile there");
  command->add_flag("--json", o.json, "print one JSON object {output, gasUsed, error}");
  command->add_flag("--trace", o.trace, "print an EIP-3155 JSON line per instruction first");
  return command;
}

}  // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
  cli::Tool tool("dusk-evm", kDescription, kFooter);
  StateTestOptions statetest;
  RunOptions run;
  const CLI::App* statetest_command = add_statetest(tool, statetest);
  add_run(tool, run);
  if (auto status = tool.parse(argc, argv)) return *status;
  if (statetest_command->parsed()) return statetest;
  return run;
}

}  // namespace dusk::evm_cli
