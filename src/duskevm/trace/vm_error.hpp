// The words go-ethereum uses for what went wrong in the EVM (core/vm/errors.go), so
// that traces read as geth's do: a frame's "error" in callTracer, a step's "error" in
// the struct logger, and the reason of a revert ("revertReason").
#pragma once

#include <optional>
#include <string>

#include "base/bytes.hpp"
#include "duskevm/evm.hpp"

namespace dusk::evm::trace {

// geth's message for a frame that ended with `status` (not kSuccess). `fault`, when
// the frame's last instruction failed (Tracer::on_fault), adds what geth prints for
// stack and opcode faults ("stack underflow (0 <=> 2)", "invalid opcode: opcode 0xc
// not defined"). `creation_output`: for a creation, what its init code returned, which
// tells a code deposit that ran out of gas from one over EIP-170's size.
std::string vm_error(StatusCode status, const Tracer::Fault* fault = nullptr, CallKind kind = CallKind::kCall,
                     ByteView creation_output = {});

// Whether geth's struct logger shows the fault in the step's "error": geth does for
// faults found before an instruction runs (stack bounds, gas, undefined opcodes), not
// for those found while it runs (jump destination, write protection, return data
// bounds).
bool fault_shown_in_step(StatusCode status);

// Solidity's revert data decoded as geth does (accounts/abi UnpackRevert):
// Error(string) gives the string, Panic(uint256) the compiler's words for its code;
// anything else nothing. The string is made valid UTF-8 (bad bytes become U+FFFD, as
// Go's JSON encoder writes them), so that it can go into JSON as it is.
std::optional<std::string> decode_revert_reason(ByteView output);

// "0x" + lower-case hex (hexutil.Bytes, geth's form of byte strings in JSON).
std::string hex_bytes(ByteView data);

}  // namespace dusk::evm::trace
