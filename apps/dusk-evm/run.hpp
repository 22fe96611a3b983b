// `dusk-evm run`: executes bytecode as a call to an account holding it.
#pragma once

#include <limits>
#include <string>

#include "base/bytes.hpp"
#include "duskevm/fork.hpp"

namespace dusk::evm_cli {

// The most gas a run can be given: the interpreter counts gas in an i64 (as EIP-1985
// bounds gas values at 2^63 - 1); sums such as a call's gas plus its stipend stay below
// the limit because the caller pays more than the stipend first.
inline constexpr u64 kMaxRunGas = static_cast<u64>(std::numeric_limits<i64>::max());

struct RunOptions {
  Bytes code;
  Bytes input;
  u64 gas = 10'000'000;  // at most kMaxRunGas
  evm::Fork fork = evm::Fork::kPrague;
  bool json = false;   // one JSON object {output, gasUsed, error}
  bool trace = false;  // EIP-3155 steps before the result
  bool p256verify = false;  // P256VERIFY at 0x100 (BlockEnv::p256verify)
};

// The address the code runs at, and the caller (both plain test addresses).
inline constexpr u8 kRunCodeAddress = 0xaa;
inline constexpr u8 kRunCallerAddress = 0xcc;

// Prints the result; returns 0 whenever the code ran (a revert or failure included).
int run_code(const RunOptions& opts);

}  // namespace dusk::evm_cli
