// The spec-test script runner: `dusk-wasm spectest FILE.json...` runs scripts that
// wast2json made from the WebAssembly test suite's .wast files.
//
// Each file runs in a fresh Store with the `spectest` host module and the engine's
// default limits (assert_exhaustion relies on the call-depth limit); gas is unlimited.
// Every command is one check, except the ones we cannot run, which are counted as
// skipped, by kind, and never as passed:
//   - assert_malformed / assert_invalid on text modules (.wat): we have no text parser;
//   - command types this runner does not know.
// Trap messages are compared loosely: any trap satisfies assert_trap (--verbose shows
// the expected message next to ours); assert_exhaustion needs kCallStackExhausted.
// A script nested more than kMaxScriptDepth levels deep is an error of that file,
// found before parsing ("JSON nested deeper than 256 levels (at byte N)").
#pragma once

#include <string>
#include <vector>

#include "base/json_depth.hpp"

namespace dusk::wasm_cli {

inline constexpr u32 kMaxScriptDepth = kMaxJsonDepth;  // 256

struct SpecTestOptions {
  bool verbose = false;
  std::vector<std::string> files;
};

// Runs every file, printing each failure as "<wast file>:<line>: <command>: expected
// ..., got ...", then the skipped counts and finally exactly "N passed, M failed".
// Returns the process exit status: 0 iff nothing failed.
int run_spectest(const SpecTestOptions& options);

}  // namespace dusk::wasm_cli
