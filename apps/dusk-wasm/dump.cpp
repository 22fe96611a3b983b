#include "dump.hpp"

#include <cstdio>

#include "duskvm/engine/disassembler.hpp"
#include "duskvm/engine/module.hpp"
#include "read_file.hpp"
#include "run.hpp"

namespace dusk::wasm_cli {

int run_dump(const DumpOptions& o) {
  auto bytes = read_file(o.file);
  if (!bytes) {
    std::fprintf(stderr, "dusk-wasm: %s\n", bytes.error().message.c_str());
    return kExitUsage;
  }
  auto module = wasm::compile(*bytes);
  if (!module) {
    std::fprintf(stderr, "dusk-wasm: compile error in %s: %s\n", o.file.c_str(), module.error().message.c_str());
    return kExitUsage;
  }
  const wasm::Module& m = **module;
  std::vector<unsigned> funcs = o.functions;
  const unsigned total = static_cast<unsigned>(m.num_imported_funcs() + m.num_defined_funcs());
  if (funcs.empty())
    for (unsigned i = m.num_imported_funcs(); i < total; ++i) funcs.push_back(i);
  for (unsigned f : funcs) {
    if (f >= total) {
      std::fprintf(stderr, "dusk-wasm: no function %u (the module has %u)\n", f, total);
      return kExitUsage;
    }
    std::printf("function %u %s\n%s\n", f, m.func_type(f).to_string().c_str(), wasm::disassemble(m, f).c_str());
  }
  return 0;
}

}  // namespace dusk::wasm_cli
