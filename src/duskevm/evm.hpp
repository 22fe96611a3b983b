// The EVM: runs messages (calls and contract creations) against a State under one fork's
// rules. evm.cpp holds the message plumbing (value transfer, checkpoints, precompiles,
// contract deployment); interpreter.cpp the bytecode interpreter.
//
// One Evm runs one transaction's messages. Per-depth stacks and memories are allocated
// once and reused, so the interpreter loop does not allocate except to grow memory.
//
// Native stack: each call depth recurses through call() and run(), about 3 KiB per level
// in an optimized build (1024 levels fit in a default 8 MiB stack) and about 10 KiB
// under ASan, where callers must run the EVM on a larger stack (dusk-evm uses 256 MiB).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "duskevm/block_env.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/detail/frame_pool.hpp"
#include "duskevm/message.hpp"
#include "duskevm/state.hpp"

namespace dusk::evm {

// What the transaction contributes to the environment (ORIGIN, GASPRICE, BLOBHASH).
struct TxContext {
  Address origin{};
  Uint256 gas_price;
  std::vector<Bytes32> blob_hashes;
};

// EIP-3155 step tracing. on_step is called before each instruction with the state it
// starts from; on_step_cost follows with what the instruction cost: the gas it took,
// including memory expansion and, for CALL* and CREATE*, the gas handed to the new
// frame (reported before that frame's own steps, as go-ethereum does). An instruction
// that halts exceptionally is reported with cost 0 (all the frame's gas is gone anyway).
class Tracer {
 public:
  virtual ~Tracer() = default;
  virtual void on_step(u64 pc, u8 opcode, i64 gas, u64 memory_size, const Uint256* stack_bottom,
                       size_t stack_size, int depth, i64 refund) = 0;
  virtual void on_step_cost(u64 gas_cost) = 0;
};

// The address of a contract created by CREATE (or a creation transaction):
// keccak256(rlp([sender, nonce]))[12:].
Address create_address(const Address& sender, u64 nonce);
// CREATE2 (EIP-1014): keccak256(0xff || sender || salt || keccak256(init_code))[12:].
Address create2_address(const Address& sender, const Uint256& salt, ByteView init_code);
// EIP-684 and EIP-7610: a creation at an address with a nonce, code or storage fails.
bool blocks_creation(const Account& existing);

// How the interpreter checks instructions (interpreter.cpp): kFast once per basic block,
// kChecked one instruction at a time (so a failing frame's status names the exact first
// fault), kTraced as kChecked with a tracer.
enum class RunMode { kFast, kChecked, kTraced };

class Evm {
 public:
  // `frames` (optional) supplies the per-depth stacks and memories and may be shared
  // by successive Evm objects on one thread (frame_pool.hpp); without it the Evm keeps
  // its own.
  Evm(State& state, const BlockEnv& block, const TxContext& tx, Fork fork, CodeCache& cache,
      FramePool* frames = nullptr);

  // Runs a call message (kCall, kCallCode, kDelegateCall, kStaticCall) or a creation
  // (kCreate, kCreate2: msg.recipient must be the new address) with a checkpoint around
  // it. Depth and balance are checked by the caller.
  CallResult call(const Message& msg);
  CallResult create(const Message& msg);

  void set_tracer(Tracer* t) { tracer_ = t; }
  // Check instructions one at a time (RunMode::kChecked) rather than per block. Gas and
  // state are the same either way; only the status a failing frame reports can differ
  // (see interpreter.cpp). A tracer implies it.
  void set_exact_status(bool on) { exact_status_ = on; }
  Fork fork() const { return fork_; }
  State& state() { return state_; }
  // Set when a message reached a precompile this build does not implement.
  const std::optional<std::string>& not_implemented() const { return not_implemented_; }

  // EIP-7702: the address a delegation designator (0xef0100 || address) points to.
  static std::optional<Address> delegation_target(ByteView code);

 private:
  friend class Interpreter;
  CallResult execute(const Message& msg);
  // Where kFast hands a frame to kChecked: the entry of the block whose check failed.
  struct ResumePoint {
    u64 pc = 0;
    size_t stack_height = 0;
    i64 gas = 0;
    Bytes return_data;
  };
  template <RunMode kMode>
  CallResult run(const Message& msg, const CodeAnalysis& code, ResumePoint* resume = nullptr);
  // Out-of-line instructions (interpreter.cpp).
  StatusCode op_call(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem, Bytes& return_data);
  StatusCode op_create(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem, Bytes& return_data);
  StatusCode op_log(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem);


  State& state_;
  const BlockEnv& block_;
  const TxContext& tx_;
  Fork fork_;
  CodeCache& cache_;
  Tracer* tracer_ = nullptr;
  bool exact_status_ = false;
  // Tracing: the gas before the step whose cost is not reported yet (-1: none).
  i64 trace_gas_before_ = -1;
  void trace_flush(i64 gas_now) {
    if (trace_gas_before_ < 0) return;
    tracer_->on_step_cost(static_cast<u64>(trace_gas_before_ - gas_now));
    trace_gas_before_ = -1;
  }
  std::unique_ptr<FramePool> own_frames_;  // when no pool was given
  FramePool& frames_;
  std::optional<std::string> not_implemented_;
  Uint256 blob_base_fee_;
};

}  // namespace dusk::evm
