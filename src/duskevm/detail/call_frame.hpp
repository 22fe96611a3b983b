// The frame a CALL, CALLCODE, DELEGATECALL or STATICCALL of `parent` opens, as the EVM
// defines it: its kind, static flag, depth, gas (what the caller hands over, stipend
// included), recipient, sender, value and input. The code to run is the caller's to
// load. Shared by the interpreter and by the tracer's report of a call refused before
// it ran (depth, balance), so that both describe the same frame.
#pragma once

#include "duskevm/detail/instructions.hpp"
#include "duskevm/message.hpp"

namespace dusk::evm::detail {

inline Message call_frame(const Message& parent, u8 opcode, const Address& to, const Uint256& value, ByteView input,
                          i64 gas) {
  Message m;
  m.kind = opcode == op::CALL           ? CallKind::kCall
           : opcode == op::CALLCODE     ? CallKind::kCallCode
           : opcode == op::DELEGATECALL ? CallKind::kDelegateCall
                                        : CallKind::kStaticCall;
  m.is_static = parent.is_static || opcode == op::STATICCALL;
  m.depth = parent.depth + 1;
  m.gas = gas;
  m.recipient = (opcode == op::CALL || opcode == op::STATICCALL) ? to : parent.recipient;
  m.sender = opcode == op::DELEGATECALL ? parent.sender : parent.recipient;
  m.value = opcode == op::DELEGATECALL ? parent.value : value;
  m.input = input;
  return m;
}

}  // namespace dusk::evm::detail
