// go-ethereum's callTracer (eth/tracers/native/call.go): the transaction as a tree of
// call frames, in geth's JSON shape:
//
//   {"type": "CALL", "from": "0x..", "to": "0x..", "value": "0x0",
//    "gas": "0x...", "gasUsed": "0x...", "input": "0x...", "output": "0x...",
//    "error": "execution reverted", "revertReason": "...",
//    "calls": [{...}, ...], "logs": [{"address", "topics", "data", "index", "position"}]}
//
// type: CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 or SELFDESTRUCT.
// from: the account the frame was called from (for DELEGATECALL the calling contract);
// to: the callee, or the new contract (omitted for a creation that failed). value: hex
// quantity, absent for STATICCALL (DELEGATECALL shows the value it inherits, as geth
// does). gas: what the frame was given, and for the top frame the transaction's gas
// limit; gasUsed: what it used, for the top frame the receipt's gas used (intrinsic
// gas, refunds and the EIP-7623 floor included): apply_transaction reports both
// (on_transaction_start, on_transaction_end), a caller running Evm::call itself
// (eth_call) may report them the same way, else the top frame shows its message's gas
// (without intrinsic gas). output: return data, revert data, or
// a creation's deployed code (absent when empty or after an exceptional halt). error:
// geth's words (vm_error.hpp); revertReason: the decoded Error(string) or Panic(uint256).
// Frames that never ran code are listed too: precompile calls, calls to accounts
// without code, calls refused for depth or balance ("max call depth exceeded",
// "insufficient balance for transfer"), creations that collided.
//
// Options: only_top_call drops the inner frames; with_log adds each frame's logs in
// emission order ("position": how many inner calls of the frame came before the log;
// "index": the log's index in the block, counted from first_log_index), those of failed
// frames removed, as geth does. Known difference: a CALLCODE or DELEGATECALL to an
// EIP-7702-delegated account shows the delegate as "to".
//
// Bounded: once about `max_bytes` of frame data (input, output, logs) has been kept,
// further frames are left out and truncated() says so; the result then carries
// "truncated": true (geth has no such field).
//
// One CallTracer records one transaction; not thread safe. Usage:
//   trace::CallTracer tracer({.with_log = true});
//   auto receipt = apply_transaction(state, env, tx, fork, cache, &tracer);
//   nlohmann::json j = tracer.result();
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "duskevm/evm.hpp"

namespace dusk::evm::trace {

struct CallTracerOptions {
  bool only_top_call = false;
  bool with_log = false;
  u64 first_log_index = 0;
  u64 max_bytes = u64{64} << 20;
};

class CallTracer final : public Tracer {
 public:
  explicit CallTracer(CallTracerOptions options = {});

  // The top frame and everything under it; null before the transaction ran.
  nlohmann::json result() const;
  bool truncated() const { return truncated_; }

  bool wants_steps() const override { return false; }
  void on_step(const Step&) override {}
  void on_step_cost(u64) override {}
  void on_fault(const Fault& fault) override;
  void on_enter(const Message& msg) override;
  void on_exit(const Message& msg, StatusCode status, i64 gas_left, ByteView output) override;
  void on_selfdestruct(const Address& contract, const Address& beneficiary, const Uint256& balance) override;
  void on_log(const Log& log) override;
  void on_transaction_start(u64 gas_limit) override;
  void on_transaction_end(StatusCode status, u64 gas_used) override;

 private:
  struct CallLog {
    Log log;
    u64 index = 0;
    u64 position = 0;
  };
  struct Frame {
    const char* type = "CALL";
    Address from{};
    std::optional<Address> to;
    std::optional<Uint256> value;
    u64 gas = 0;
    u64 gas_used = 0;
    Bytes input;
    Bytes output;
    std::string error;
    std::optional<std::string> revert_reason;
    std::vector<Frame> calls;
    std::vector<CallLog> logs;
    std::optional<Fault> fault;  // while open: the fault of its last instruction
  };
  static nlohmann::json to_json(const Frame& f);
  static void drop_logs(Frame& f);
  bool keep(u64 bytes);

  CallTracerOptions options_;
  std::vector<Frame> open_;   // open_[0] is the top frame
  int skipped_ = 0;           // open frames not recorded (only_top_call, max_bytes), the deepest
  // Per open frame, recorded or not: its account (the next frame's "from") and the log
  // count at its entry (a failed frame's logs do not count, as in geth's state journal).
  std::vector<Address> accounts_;
  std::vector<u64> log_marks_;
  std::optional<Frame> top_;  // the finished top frame
  std::optional<u64> gas_limit_;
  u64 log_count_ = 0;         // logs emitted and not reverted
  u64 bytes_ = 0;
  bool truncated_ = false;
};

}  // namespace dusk::evm::trace
