// Writes the metering attacks (wasm_attacks.hpp) into a fuzz corpus directory, sized for
// the fuzzer's limits (modules of at most 1 MiB, short inputs): the function with 49,990
// locals at full size (48 bytes), and 12,000 constants instead of a million.
//
//   wasm_attack_seeds DIR
#include <cstdio>
#include <fstream>
#include <string>

#include "gas_bound/wasm_attacks.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: wasm_attack_seeds DIR\n");
    return 2;
  }
  using namespace dusk::fuzz::wasm_attacks;
  const std::string dir = argv[1];
  const struct {
    const char* name;
    dusk::Bytes wasm;
  } seeds[] = {{"attack_many_locals.wasm", many_locals(kFullLocals)},
               {"attack_many_constants.wasm", many_constants(12'000)}};
  for (const auto& s : seeds) {
    std::ofstream out(dir + "/" + s.name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(s.wasm.data()), static_cast<std::streamsize>(s.wasm.size()));
    if (!out) {
      std::fprintf(stderr, "wasm_attack_seeds: cannot write %s/%s\n", dir.c_str(), s.name);
      return 1;
    }
  }
  return 0;
}
