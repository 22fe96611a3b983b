// Ways an execution can end other than by returning.
#pragma once

#include "base/int.hpp"

namespace dusk::wasm {

enum class Trap : u8 {
  kNone = 0,
  kUnreachable,               // `unreachable` executed
  kMemoryOutOfBounds,         // load, store or bulk memory access past the end
  kTableOutOfBounds,          // table access past the end
  kUndefinedElement,          // call_indirect index past the table's end
  kUninitializedElement,      // call_indirect through a null reference
  kIndirectCallTypeMismatch,  // call_indirect signature differs
  kIntegerDivideByZero,
  kIntegerOverflow,           // INT_MIN / -1, or float-to-int out of range
  kInvalidConversion,         // float-to-int of NaN
  kCallStackExhausted,        // call depth or value stack limit reached (the message says which)
  kOutOfGas,                  // the gas limit was reached
  kHostError,                 // a host function failed (see the message)
  kExit,                      // a host function asked to end the program (WASI proc_exit)
};

// The spec test suite's wording, e.g. "integer divide by zero".
const char* trap_message(Trap t);

}  // namespace dusk::wasm
