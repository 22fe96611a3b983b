// dusk: the wallet CLI (command_line.hpp, commands.hpp; docs/wallet.md).
#include <variant>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace dusk::wallet_cli;
  const auto command = parse_command_line(argc, argv);
  if (const int* status = std::get_if<int>(&command)) return *status;
  return run_command(std::get<Options>(command));
}
