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

// Tracing (EIP-3155 step lines, geth's struct logger and callTracer: src/duskevm/trace/).
// Every hook is called only when a tracer is set (Evm::set_tracer, apply_transaction's
// `tracer`): the untraced interpreter (RunMode::kFast) compiles to the same code as
// without tracing; Evm::call and Evm::create test the tracer pointer once per frame.
// A tracer is used from one thread. Order of calls for a transaction:
//
//   on_transaction_start            (apply_transaction only)
//   on_enter(top message)
//     on_step, on_step_cost ...     (per instruction, when wants_steps())
//     on_enter(child) ... on_exit(child)   (CALL*/CREATE*, between the parent's
//                                           on_step_cost and its next on_step)
//     on_fault                      (the frame's last instruction halted exceptionally)
//   on_exit(top message)
//   on_transaction_end              (apply_transaction only)
class Tracer {
 public:
  virtual ~Tracer() = default;

  // One instruction as it starts. Views are valid only during the call.
  struct Step {
    u64 pc = 0;
    u8 opcode = 0;
    i64 gas = 0;                       // gas left before the instruction
    int depth = 0;                     // 1 for the transaction's own frame
    i64 refund = 0;                    // the transaction's refund counter so far
    const Uint256* stack_bottom = nullptr;  // stack_bottom[stack_size - 1] is the top
    size_t stack_size = 0;
    ByteView memory;
    ByteView return_data;              // of the last call or creation this frame made
    const Message* msg = nullptr;      // the frame (msg->recipient: whose storage)
    const State* state = nullptr;      // as of the step (SLOAD's value: state->storage)
  };
  // An instruction that ended its frame exceptionally (kChecked's exact fault).
  struct Fault {
    StatusCode status = StatusCode::kSuccess;
    u64 pc = 0;
    u8 opcode = 0;
    size_t stack_size = 0;  // when the instruction started
    int depth = 0;          // 1-based, as Step::depth
  };

  // Whether on_step/on_step_cost are wanted. Without them the interpreter runs its
  // per-instruction checks (RunMode::kChecked) but calls nothing per instruction, which
  // is what a call-frame tracer wants.
  virtual bool wants_steps() const { return true; }
  // EIP-3155: on_step before each instruction; on_step_cost follows with what the
  // instruction cost: the gas it took, including memory expansion and, for CALL*, the
  // gas handed to the new frame (go-ethereum counts it in CALL's cost but not in
  // CREATE's, which takes it while executing). A CALL*'s or CREATE*'s cost is
  // reported before the new frame's own steps. An instruction that halts exceptionally
  // is reported with cost 0 (all the frame's gas is gone anyway), then on_fault.
  virtual void on_step(const Step& step) = 0;
  virtual void on_step_cost(u64 gas_cost) = 0;
  virtual void on_fault(const Fault&) {}

  // A frame begins: the transaction's message (depth 0), a CALL* or CREATE* (msg.kind),
  // including calls to precompiles and frames refused before running code, which
  // go-ethereum lists too: on_exit follows at once with kCallDepthExceeded,
  // kInsufficientBalance or kNonceOverflow and gas_left == msg.gas, or for a creation
  // at an occupied address kAddressCollision and gas_left 0. For a creation
  // msg.recipient is the new address and msg.code the init code (msg.input is empty).
  virtual void on_enter(const Message&) {}
  // The frame `msg` ended. gas_left: what it returns to its caller (0 after an
  // exceptional halt). output: the return or revert data; for a successful creation,
  // the deployed code; for a creation whose code could not be stored (kOutOfGas for
  // the deposit or EIP-170's size, kContractValidationFailure for EIP-3541), the code
  // its init code returned.
  virtual void on_exit(const Message& /*msg*/, StatusCode /*status*/, i64 /*gas_left*/, ByteView /*output*/) {}
  // SELFDESTRUCT by `contract` (the frame ends successfully right after).
  virtual void on_selfdestruct(const Address& /*contract*/, const Address& /*beneficiary*/,
                               const Uint256& /*balance*/) {}
  // LOG0..LOG4, as emitted (a reverted frame's logs are reported too: the tracer drops them).
  virtual void on_log(const Log&) {}
  // apply_transaction's bounds: the gas limit, and the gas the receipt records (after
  // refunds and the EIP-7623 floor). Callers that run Evm::call themselves (eth_call)
  // may call them too.
  virtual void on_transaction_start(u64 /*gas_limit*/) {}
  virtual void on_transaction_end(StatusCode /*status*/, u64 /*gas_used*/) {}
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

  // The tracer (tracer.hpp's contract above) for the messages run from now on; null: none.
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
  // Frames that the tracer sees although no code runs (evm.cpp): a CALL* refused for
  // depth or balance, a CREATE* refused for depth, balance, nonce or (with `address`) a
  // collision, and SELFDESTRUCT, which go-ethereum's callTracer lists as a frame.
  void trace_refused_call(const Message& parent, u8 opcode, const Address& to, const Uint256& value,
                          ByteView input, i64 gas);
  void trace_refused_creation(const Message& parent, u8 opcode, const Uint256& value, const Uint256& salt,
                              ByteView init_code, u64 nonce, i64 gas, const Address* address = nullptr);
  void trace_selfdestruct(const Address& contract, const Address& beneficiary, const Uint256& balance);
  std::unique_ptr<FramePool> own_frames_;  // when no pool was given
  FramePool& frames_;
  std::optional<std::string> not_implemented_;
  Uint256 blob_base_fee_;
};

}  // namespace dusk::evm
