// What dusk-vm's commands do (command_line.hpp reads them): each returns the exit status.
#pragma once

#include "command_line.hpp"

namespace dusk::vm_cli {

int run_command(const Options& options);

}  // namespace dusk::vm_cli
