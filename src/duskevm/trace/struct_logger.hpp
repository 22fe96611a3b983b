// go-ethereum's default tracer for debug_traceTransaction and debug_traceCall, the
// struct (opcode) logger: one entry per instruction executed, in geth's JSON shape
// (eth/tracers/logger in go-ethereum v1.17, the execution-apis structLog format):
//
//   {"gas": 21087, "failed": false, "returnValue": "0x...",
//    "structLogs": [{"pc": 0, "op": "PUSH1", "gas": 78979, "gasCost": 3, "depth": 1,
//                    "stack": ["0x0", "0x2a"],               unless disable_stack
//                    "memory": ["0x00...00", ...],           with enable_memory
//                    "returnData": "0x...",                  with enable_return_data
//                    "storage": {"0x<slot>": "0x<value>"},   SLOAD/SSTORE, unless disable_storage
//                    "refund": 4800,                         when nonzero
//                    "error": "out of gas"}, ...]}          when the step failed
//
// gas: the gas the transaction used, as its receipt says (apply_transaction reports it
// through on_transaction_end; a caller running Evm::call itself, as eth_call does, may
// call on_transaction_end with its own figure; else it is what the top frame used,
// without intrinsic gas). failed: the transaction's message did not succeed.
// returnValue: its output when it succeeded or reverted, else empty. Per step, gas is
// the gas left before the instruction and gasCost what it took (for CALL* including the
// gas handed to the callee, for CREATE* not: geth's convention), so within a frame
// gas - gasCost is the next step's gas, but after CALL* and CREATE* where the callee's
// unused gas comes back. Stack words are 0x + minimal hex, bottom first. Storage is
// what geth shows: for the frame's account, every slot read or written so far in the
// transaction (by SLOAD's current value, SSTORE's new one), cumulative across frames
// and reverts. A failing step's gasCost is its instruction's static gas (geth reports
// what it had computed; the dynamic part is not known here), and its "error" is shown
// only for faults geth finds before an instruction runs (vm_error.hpp).
//
// Bounded: entries stop after `limit` of them and once about `max_bytes` of JSON text
// has been logged (memory, stack and storage copies count); the result then carries
// "truncated": true, a field geth does not have (it stops silently), and truncated()
// says so. `legacy_hex`: returnValue, memory words and storage keys and values without
// "0x", as geth wrote them before v1.15.6 (returnValue) and v1.17.3 (memory, storage);
// stack words and returnData have the prefix either way.
//
// One StructLogger records one transaction; not thread safe. Usage:
//   trace::StructLogger logger({.enable_memory = true});
//   auto receipt = apply_transaction(state, env, tx, fork, cache, &logger);
//   nlohmann::json j = logger.result();
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "duskevm/evm.hpp"

namespace dusk::evm::trace {

struct StructLoggerOptions {
  bool disable_stack = false;
  bool disable_storage = false;
  bool enable_memory = false;
  bool enable_return_data = false;
  // Most entries kept; 0: no limit. (geth's `limit` counted entries up to v1.14.12 and
  // counts bytes of output since; the JSON-RPC layer chooses what to pass where.)
  u64 limit = 0;
  // About this many bytes of JSON text at most, always: the server's own bound.
  u64 max_bytes = u64{64} << 20;
  bool legacy_hex = false;
};

class StructLogger final : public Tracer {
 public:
  explicit StructLogger(StructLoggerOptions options = {});

  // The trace in geth's shape (above). Call once the transaction has run.
  nlohmann::json result() const;
  // Entries were dropped for `limit` or `max_bytes`.
  bool truncated() const { return truncated_; }
  size_t entries() const { return logs_.size(); }

  void on_step(const Step& step) override;
  void on_step_cost(u64 gas_cost) override;
  void on_fault(const Fault& fault) override;
  void on_exit(const Message& msg, StatusCode status, i64 gas_left, ByteView output) override;
  void on_transaction_end(StatusCode status, u64 gas_used) override;

 private:
  using Storage = std::map<Uint256, Uint256>;
  struct Entry {
    u64 pc = 0;
    i64 gas = 0;
    u64 gas_cost = 0;
    i64 refund = 0;
    int depth = 0;
    u8 opcode = 0;
    std::string error;
    std::vector<Uint256> stack;  // empty when disabled
    Bytes memory;
    Bytes return_data;
    std::shared_ptr<const Storage> storage;  // SLOAD and SSTORE only
  };

  StructLoggerOptions options_;
  std::vector<Entry> logs_;
  bool last_logged_ = false;  // the step just reported has an entry
  bool truncated_ = false;
  u64 bytes_ = 0;
  std::map<Address, Storage> storage_;  // per account: the slots seen so far
  // The top frame's outcome and, with apply_transaction, the receipt's gas.
  bool ended_ = false;
  StatusCode status_ = StatusCode::kSuccess;
  Bytes output_;
  u64 frame_gas_used_ = 0;
  std::optional<u64> receipt_gas_used_;
};

}  // namespace dusk::evm::trace
