// The host functions a contract may import (module "env"), and what they return.
//
// Pointers are addresses in the calling contract's memory; results that are bytes go to
// its argument buffer (`argbuf`). Every call pays kHostCallGas, and kHostByteGas for each
// byte it reads from or writes to the contract's memory, before it does the work.
//
//   c(callee_ptr, name_ptr, name_len, arg_len: i32, gas_limit: i64) -> i32
//       Calls entry point `name` of the contract whose 32-byte ID is at callee_ptr with
//       the first arg_len bytes of the caller's argbuf. gas_limit > 0 and below what
//       remains: the callee's limit; otherwise 93% of what remains. Returns the result's
//       length (the result is in the caller's argbuf) or a negative code below. A failed
//       callee costs the caller its whole limit; its changes and events are undone.
//       Re-entrancy is allowed; the depth is limited (SessionConfig::max_call_depth).
//   emit(topic_ptr, topic_len, arg_len)       an event: the topic, and argbuf[0, arg_len)
//   panic(arg_len)                            fails the call with argbuf[0, arg_len) as
//                                             its message (UTF-8)
//   caller() -> i32                           1 and the caller's ID in argbuf, or 0 when
//                                             called from outside (a transaction)
//   origin() -> i32                           who sent the top-level call, as the session
//                                             was told (the node: the transaction's
//                                             signer; at deploy: the owner): its bytes in
//                                             argbuf and their length (0: nobody named)
//   callstack() -> i32                        the IDs of the calling contracts in argbuf,
//                                             innermost first; returns their number
//   self_id()                                 the contract's own ID in argbuf
//   owner() -> i32                            its owner's bytes in argbuf; their length
//   limit() -> i64, spent() -> i64            the call's gas limit, and the gas spent
//   block_height() -> i64, chain_id() -> i32  the block the session executes in
//   hq(name_ptr, name_len, arg_len) -> i32    a host query (host_queries.hpp): the result
//                                             in argbuf and its length, or kNoSuchQuery /
//                                             kQueryBadInput (negative)
//
#pragma once

#include "base/int.hpp"

namespace dusk::vm {

inline constexpr u64 kHostCallGas = 100;
inline constexpr u64 kHostByteGas = 1;
// Deploying and upgrading pay per byte of code for validating and translating it:
// bench/vm_commit measures about 37 us a KiB (36 ns a byte), priced like host queries
// at 1,000 gas a microsecond with room to spare (docs/PERFORMANCE.md). The price does
// not depend on the module cache: a cached module costs what a new one does.
inline constexpr u64 kCodeByteGas = 50;

// Negative codes of c():
inline constexpr int kCallPanicked = -1;       // argbuf: u32 little-endian length, message
inline constexpr int kCallOutOfGas = -2;
inline constexpr int kCallNoSuchContract = -3;
inline constexpr int kCallTooDeep = -4;        // SessionConfig::max_call_depth reached
inline constexpr int kCallNoSuchEntry = -5;    // no entry point of that name
inline constexpr int kCallFailed = -6;         // any other trap (the message is logged)

}  // namespace dusk::vm
