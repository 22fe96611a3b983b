// dusk-vm: DuskVM for contract developers (command_line.hpp, commands.hpp).
#include <variant>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace dusk::vm_cli;
  const auto command = parse_command_line(argc, argv);
  if (const int* status = std::get_if<int>(&command)) return *status;
  return run_command(std::get<Options>(command));
}
