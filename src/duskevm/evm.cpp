#include "duskevm/evm.hpp"

#include <algorithm>

#include "duskevm/detail/call_frame.hpp"
#include "duskevm/detail/instructions.hpp"
#include "duskevm/precompiles/registry.hpp"

namespace dusk::evm {

const char* status_name(StatusCode s) {
  switch (s) {
    case StatusCode::kSuccess: return "success";
    case StatusCode::kRevert: return "revert";
    case StatusCode::kOutOfGas: return "out of gas";
    case StatusCode::kInvalidInstruction: return "invalid instruction";
    case StatusCode::kUndefinedInstruction: return "undefined instruction";
    case StatusCode::kStackUnderflow: return "stack underflow";
    case StatusCode::kStackOverflow: return "stack overflow";
    case StatusCode::kBadJumpDestination: return "bad jump destination";
    case StatusCode::kInvalidMemoryAccess: return "return data out of bounds";
    case StatusCode::kStaticModeViolation: return "write in static context";
    case StatusCode::kPrecompileFailure: return "precompile failure";
    case StatusCode::kContractValidationFailure: return "invalid code prefix 0xef";
    case StatusCode::kCallDepthExceeded: return "call depth exceeded";
    case StatusCode::kInsufficientBalance: return "insufficient balance";
    case StatusCode::kNonceOverflow: return "nonce overflow";
    case StatusCode::kAddressCollision: return "address collision";
    case StatusCode::kNotImplemented: return "not implemented";
  }
  return "unknown";
}

Evm::Evm(State& state, const BlockEnv& block, const TxContext& tx, Fork fork, CodeCache& cache,
         FramePool* frames)
    : state_(state),
      block_(block),
      tx_(tx),
      fork_(fork),
      cache_(cache),
      own_frames_(frames ? nullptr : std::make_unique<FramePool>()),
      frames_(frames ? *frames : *own_frames_),
      blob_base_fee_(blob_base_fee(block)) {}

bool blocks_creation(const Account& existing) {
  if (existing.nonce != 0 || !existing.code->empty()) return true;
  // Stored slots not loaded yet (a state with a backend): the backend knows whether there
  // are any.
  if (existing.slots_in_backend && existing.backend_has_slots) return true;
  for (const auto& [key, slot] : existing.storage)
    if (!slot.current.is_zero() || !slot.original.is_zero()) return true;
  return false;
}

std::optional<Address> Evm::delegation_target(ByteView code) {
  if (code.size() != 23 || code[0] != 0xef || code[1] != 0x01 || code[2] != 0x00) return std::nullopt;
  Address a;
  std::copy(code.begin() + 3, code.end(), a.begin());
  return a;
}

CallResult Evm::execute(const Message& msg) {
  if (!msg.code || msg.code->empty()) return {StatusCode::kSuccess, msg.gas, {}, {}};
  std::shared_ptr<const CodeAnalysis> owned;
  CodeAnalysis local;
  const CodeAnalysis* analysis;
  if (msg.code_hash) {
    owned = cache_.get(*msg.code_hash, *msg.code);
    analysis = owned.get();
  } else {
    local = analyze(*msg.code);
    analysis = &local;
  }
  if (tracer_) {
    return tracer_->wants_steps() ? run<RunMode::kTraced>(msg, *analysis) : run<RunMode::kChecked>(msg, *analysis);
  }
  if (exact_status_) return run<RunMode::kChecked>(msg, *analysis);
  return run<RunMode::kFast>(msg, *analysis);
}

CallResult Evm::call(const Message& msg) {
  if (tracer_) tracer_->on_enter(msg);
  const size_t cp = state_.checkpoint();
  if (msg.kind == CallKind::kCall || msg.kind == CallKind::kCallCode) {
    if (!msg.value.is_zero()) {
      state_.set_balance(msg.sender, state_.balance(msg.sender) - msg.value);
      state_.add_balance(msg.recipient, msg.value);
    }
  }
  if (msg.kind != CallKind::kDelegateCall) state_.touch(msg.recipient);

  CallResult r;
  const Precompile* pc = msg.skip_precompile ? nullptr : find_precompile(msg.code_address, fork_, block_.p256verify);
  if (pc) {
    const u64 cost = pc->gas(msg.input);
    if (cost > static_cast<u64>(msg.gas)) {
      r = {StatusCode::kOutOfGas, 0, {}, {}};
    } else {
      auto out = pc->run(msg.input);
      if (out.ok()) {
        r = {StatusCode::kSuccess, msg.gas - static_cast<i64>(cost), std::move(out).value(), {}};
      } else if (out.error().code == PrecompileError::kNotImplemented) {
        if (!not_implemented_) not_implemented_ = out.error().message;
        r = {StatusCode::kNotImplemented, 0, {}, {}};
      } else {
        r = {StatusCode::kPrecompileFailure, 0, {}, {}};
      }
    }
  } else {
    r = execute(msg);
  }
  if (r.status != StatusCode::kSuccess) {
    state_.revert_to(cp);
    if (r.status != StatusCode::kRevert) r.gas_left = 0;
  }
  if (tracer_) tracer_->on_exit(msg, r.status, r.gas_left, r.output);
  return r;
}

CallResult Evm::create(const Message& msg) {
  if (tracer_) tracer_->on_enter(msg);
  const size_t cp = state_.checkpoint();
  const Address& addr = msg.recipient;
  state_.get_or_create(addr);
  state_.mark_created(addr);
  state_.set_nonce(addr, 1);  // EIP-161
  state_.touch(addr);
  if (!msg.value.is_zero()) {
    state_.set_balance(msg.sender, state_.balance(msg.sender) - msg.value);
    state_.add_balance(addr, msg.value);
  }
  CallResult r = execute(msg);
  if (r.status == StatusCode::kSuccess) {
    const i64 deposit = 200 * static_cast<i64>(r.output.size());
    if (!r.output.empty() && r.output[0] == 0xef) r.status = StatusCode::kContractValidationFailure;
    else if (r.output.size() > kMaxCodeSize || deposit > r.gas_left) r.status = StatusCode::kOutOfGas;
    else {
      r.gas_left -= deposit;
      if (tracer_) tracer_->on_exit(msg, r.status, r.gas_left, r.output);
      state_.set_code(addr, std::move(r.output));
      r.output.clear();
      r.created = addr;
      return r;
    }
  }
  state_.revert_to(cp);
  if (r.status != StatusCode::kRevert) {
    r.gas_left = 0;
    // (a creation whose code could not be stored: the tracer sees that code)
    if (tracer_) tracer_->on_exit(msg, r.status, r.gas_left, r.output);
    r.output.clear();
    return r;
  }
  if (tracer_) tracer_->on_exit(msg, r.status, r.gas_left, r.output);
  return r;
}

void Evm::trace_refused_call(const Message& parent, u8 opcode, const Address& to, const Uint256& value,
                             ByteView input, i64 gas) {
  Message m = detail::call_frame(parent, opcode, to, value, input, gas);
  m.code_address = to;
  const StatusCode why = m.depth > kMaxCallDepth ? StatusCode::kCallDepthExceeded : StatusCode::kInsufficientBalance;
  tracer_->on_enter(m);
  tracer_->on_exit(m, why, gas, {});
}

void Evm::trace_refused_creation(const Message& parent, u8 opcode, const Uint256& value, const Uint256& salt,
                                 ByteView init_code, u64 nonce, i64 gas, const Address* address) {
  const bool is2 = opcode == op::CREATE2;
  Message m;
  m.kind = is2 ? CallKind::kCreate2 : CallKind::kCreate;
  m.depth = parent.depth + 1;
  m.gas = gas;
  m.recipient = address ? *address
                : is2   ? create2_address(parent.recipient, salt, init_code)
                        : create_address(parent.recipient, nonce);
  m.sender = parent.recipient;
  m.value = value;
  m.code_address = m.recipient;
  m.code = std::make_shared<const Bytes>(init_code.begin(), init_code.end());
  m.salt = salt;
  StatusCode why = StatusCode::kAddressCollision;
  i64 left = 0;  // a collision consumes the gas
  if (!address) {
    left = gas;
    why = m.depth > kMaxCallDepth               ? StatusCode::kCallDepthExceeded
          : state_.balance(parent.recipient) < value ? StatusCode::kInsufficientBalance
                                                     : StatusCode::kNonceOverflow;
  }
  tracer_->on_enter(m);
  tracer_->on_exit(m, why, left, {});
}

void Evm::trace_selfdestruct(const Address& contract, const Address& beneficiary, const Uint256& balance) {
  tracer_->on_selfdestruct(contract, beneficiary, balance);
}

}  // namespace dusk::evm
