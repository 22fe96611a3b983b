// Prints a translated function in the interpreter's internal form, one instruction per
// line, for profiling and debugging the translator ("dusk-wasm dump").
#pragma once

#include <string>

#include "duskvm/engine/module.hpp"

namespace dusk::wasm {

// func_index counts imports; an imported function prints as such.
std::string disassemble(const Module& module, u32 func_index);

}  // namespace dusk::wasm
