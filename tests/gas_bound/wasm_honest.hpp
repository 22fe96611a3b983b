// Times the honest WebAssembly mixes (honest/*.wat, assembled into a directory at build
// time) to calibrate a GasBound: each mix's `main` loops until it runs out of gas.
#pragma once

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "duskvm/engine/module.hpp"
#include "duskvm/engine/store.hpp"
#include "gas_bound/gas_bound.hpp"

namespace dusk::fuzz {

// Gas each honest mix runs for, and how many times (the fastest run counts).
inline constexpr u64 kHonestGas = 2'000'000;
inline constexpr int kHonestRepeats = 3;

// Runs `name` of a fresh instance of `wasm` with `gas`; returns its gas and CPU time.
// The timing is empty when the module does not compile or instantiate.
inline GasTiming time_wasm(const Bytes& wasm, const wasm::EngineConfig& config, const char* name, u64 gas) {
  auto module = wasm::compile(wasm, config);
  if (!module.ok()) return {};
  wasm::Store store(config);
  auto inst = store.instantiate(*module, {}, gas);
  if (!inst.ok()) return {};
  wasm::FuncInst* f = (*inst)->exported_func(name);
  if (!f) return {};
  std::vector<wasm::Value> results;
  const u64 start = thread_cpu_nanos();
  const wasm::ExecResult r = store.invoke(f, {}, &results, gas);
  return {r.gas_used, thread_cpu_nanos() - start};
}

// The fastest of `repeats` runs.
inline GasTiming best_of(int repeats, const Bytes& wasm, const wasm::EngineConfig& config, const char* name, u64 gas) {
  GasTiming best;
  for (int i = 0; i < repeats; ++i) {
    const GasTiming t = time_wasm(wasm, config, name, gas);
    if (i == 0 || t.nanos < best.nanos) best = t;
  }
  return best;
}

struct HonestMix {
  std::string name;
  GasTiming timing;
};

// Times every *.wasm of `dir`; adds each to `bound`. Empty when the directory has none.
inline std::vector<HonestMix> calibrate_wasm(const std::string& dir, const wasm::EngineConfig& config, GasBound* bound) {
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string n = e->d_name;
      if (n.size() > 5 && n.ends_with(".wasm")) files.push_back(n);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  std::vector<HonestMix> mixes;
  for (const std::string& f : files) {
    std::ifstream in(dir + "/" + f, std::ios::binary);
    const Bytes wasm((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const GasTiming t = best_of(kHonestRepeats, wasm, config, "main", kHonestGas);
    if (t.gas > 0) bound->add_honest(t);  // a mix that did not run is reported with gas 0
    mixes.push_back({f.substr(0, f.size() - 5), t});
  }
  return mixes;
}

}  // namespace dusk::fuzz
