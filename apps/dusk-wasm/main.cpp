// dusk-wasm: the standalone WebAssembly tool. Reads the command line (command_line.hpp)
// and runs the command it names: run (run.hpp), spectest (spectest.hpp) or dump
// (dump.hpp).
#include <variant>

#include "command_line.hpp"

int main(int argc, char** argv) {
  using namespace dusk::wasm_cli;
  const CommandLine command = parse_command_line(argc, argv);
  if (const int* status = std::get_if<int>(&command)) return *status;
  if (const auto* o = std::get_if<RunOptions>(&command)) return run_module(*o);
  if (const auto* o = std::get_if<SpecTestOptions>(&command)) return run_spectest(*o);
  return run_dump(std::get<DumpOptions>(command));
}
