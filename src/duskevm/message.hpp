// A message: one call or contract creation, as the EVM runs it, and its outcome.
#pragma once

#include <memory>
#include <optional>

#include "base/bytes.hpp"
#include "base/address.hpp"
#include "base/fixed_bytes.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

enum class CallKind : u8 { kCall, kCallCode, kDelegateCall, kStaticCall, kCreate, kCreate2 };

struct Message {
  CallKind kind = CallKind::kCall;
  bool is_static = false;
  int depth = 0;               // 0 for the transaction's own message
  i64 gas = 0;
  Address recipient{};         // the account whose storage and balance the code acts on
  Address sender{};            // CALLER
  Uint256 value;               // CALLVALUE (DELEGATECALL: the parent's value, not transferred)
  ByteView input;              // calldata, or init code for creations
  Address code_address{};      // whose code runs (differs from recipient for CALLCODE,
                               // DELEGATECALL and EIP-7702 delegations)
  std::shared_ptr<const Bytes> code;  // the code to run (never null for calls)
  bool skip_precompile = false;       // EIP-7702: a delegation to a precompile runs no code
  Uint256 salt;                // CREATE2
  std::optional<Hash256> code_hash;   // when known, the analysis is cached under it
};

// Why a frame stopped. Everything after kRevert is an exceptional halt: all its gas is
// consumed and its state changes are rolled back.
enum class StatusCode : u8 {
  kSuccess,
  kRevert,
  kOutOfGas,
  kInvalidInstruction,      // 0xFE
  kUndefinedInstruction,
  kStackUnderflow,
  kStackOverflow,
  kBadJumpDestination,
  kInvalidMemoryAccess,     // RETURNDATACOPY past the return data
  kStaticModeViolation,
  kPrecompileFailure,
  kContractValidationFailure,  // EIP-3541: deployed code starts with 0xEF
  kCallDepthExceeded,
  kInsufficientBalance,
  kNonceOverflow,
  kAddressCollision,
  kNotImplemented,          // a precompile this build does not have (fails the test case)
};
const char* status_name(StatusCode s);

struct CallResult {
  StatusCode status = StatusCode::kSuccess;
  i64 gas_left = 0;
  Bytes output;
  Address created{};  // CREATE/CREATE2 on success
};

}  // namespace dusk::evm
