// Reads a whole file into memory (wasm modules, spec-test scripts).
#pragma once

#include <string>

#include "base/bytes.hpp"
#include "base/result.hpp"

namespace dusk::wasm_cli {

// The file's bytes, or an error naming the path and the reason ("no such file", ...).
// Refuses files larger than max_bytes rather than allocating without bound.
Result<Bytes> read_file(const std::string& path, u64 max_bytes = u64{1} << 30);

}  // namespace dusk::wasm_cli
