// The `spectest` import module that the WebAssembly spec-test scripts expect, as the
// reference interpreter defines it (interpreter/host/spectest.ml): print functions,
// four immutable globals with the value 666 / 666.6, a funcref table of 10..20 elements
// and a memory of 1..2 pages.
#pragma once

#include "duskvm/engine/linker.hpp"
#include "duskvm/engine/store.hpp"

namespace dusk::wasm_cli {

// Creates the module's externs in `store` and defines them on `linker` under "spectest".
// With `verbose`, the print functions write each argument as "<value> : <type>" to
// stdout like the reference interpreter; otherwise they print nothing.
void define_spectest_module(wasm::Store& store, wasm::Linker& linker, bool verbose);

}  // namespace dusk::wasm_cli
