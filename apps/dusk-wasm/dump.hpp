// `dusk-wasm dump`: prints functions as the interpreter runs them (internal form).
#pragma once

#include <string>
#include <vector>

namespace dusk::wasm_cli {

struct DumpOptions {
  std::string file;
  std::vector<unsigned> functions;  // empty: all defined functions
};

// Returns the process exit code.
int run_dump(const DumpOptions& o);

}  // namespace dusk::wasm_cli
