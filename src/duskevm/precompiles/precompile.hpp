// The shape shared by every precompiled contract of DuskEVM.
//
// A precompile is a pure function of its input. `gas(input)` prices the call before it
// runs (the caller charges it, and fails the call if the gas given is not enough);
// `run(input)` computes the output or fails. A failure consumes all the gas given to the
// call, as Ethereum specifies for every precompile; the Error message says why, in the
// words of go-ethereum where the shared test vectors give them (fail-*.json), so tests
// can compare reasons and not only the fact of failing.
//
// Each precompile's file defines one `extern const Precompile` per operation; the
// interpreter maps addresses to them per fork.
#pragma once

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::evm {

struct Precompile {
  const char* name;                     // the name Ethereum's vectors use, e.g. "BLS12_G1ADD"
  u64 (*gas)(ByteView input);           // total gas of a call with this input
  Result<Bytes> (*run)(ByteView input); // output, or why the call fails
};

}  // namespace dusk::evm
