// Validates one function body and translates it into the interpreter's form (ops.hpp)
// in a single pass.
//
// Operands live in frame slots. The translator tracks, for every value on the wasm
// operand stack, the slot that holds it: usually the value's own stack slot, but
// `local.get` and constants are not copied at all; consumers read the local's or the
// constant's slot directly. Such deferred values are copied to their stack slot only
// when needed: before the local is written, at block boundaries, and when values must
// be contiguous (call arguments, branch values). Gas is charged once per basic block.
#pragma once

#include <set>

#include "base/result.hpp"
#include "duskvm/engine/module.hpp"

namespace dusk::wasm {

// Error codes are CompileError (malformed, invalid, too large, unsupported).
CompileStatus compile_function(const Module& module, const EngineConfig& config, const std::set<u32>& declared_refs,
                        u32 func_index, ByteView body, Function* out);

}  // namespace dusk::wasm
