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
#include "crypto/encoding_error.hpp"

namespace dusk::evm {

// Every failure but kNotImplemented fails the call, which consumes all its gas (as
// for every Ethereum precompile).
enum class PrecompileError : u8 {
  DUSK_ENCODING_ERROR_VALUES,      // a point or field element that does not decode
  kInvalidInput = crypto::kEncodingErrorEnd,  // any other rule of the input broken
  kNotImplemented,                 // a precompile of a fork this build has not written
                                   // yet: the EVM reports it (Evm::not_implemented)
};
using PrecompileFailure = Failure<PrecompileError>;
using PrecompileResult = Result<Bytes, PrecompileFailure>;

inline PrecompileFailure invalid_input(std::string why) {
  return PrecompileFailure(PrecompileError::kInvalidInput, std::move(why));
}

struct Precompile {
  const char* name;                     // the name Ethereum's vectors use, e.g. "BLS12_G1ADD"
  u64 (*gas)(ByteView input);           // total gas of a call with this input
  PrecompileResult (*run)(ByteView input); // output, or why the call fails
};

}  // namespace dusk::evm

DUSK_WIDENS_ENCODING_ERROR(dusk::evm::PrecompileError)
