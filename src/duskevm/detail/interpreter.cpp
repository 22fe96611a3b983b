// The bytecode interpreter: one loop over the padded code with a handler per
// instruction. Dynamic costs (memory expansion, copies, cold accesses, SSTORE, calls) are
// charged in the instruction's handler.
//
// Three modes (RunMode). kFast checks stack bounds and charges static gas once per basic
// block, at its entry (code_analysis.hpp), so that most handlers check nothing; when a
// block's check fails it hands the frame, from that block's entry, to kChecked, which
// checks each instruction as it comes and so fails at the exact instruction with the
// exact status. kTraced is kChecked with an EIP-3155 line per step. Gas and state come
// out the same in all three: a block either runs to its end or halts exceptionally, and
// an exceptional halt consumes the frame's gas and undoes its changes wherever it happens.
// Only the status of such a halt can differ: in kFast a dynamic charge (memory growth,
// a cold access) that fails after the block's static gas was taken is reported as out of
// gas where checking one instruction at a time could have reached a different fault
// later in the block. Callers that report statuses (dusk-evm run) ask for kChecked.
//
// Gas is a signed 64-bit count: a charge that makes it negative is out of gas. Memory
// offsets and sizes beyond 2^32 bytes are out of gas before any arithmetic on them
// (expanding to 4 GiB costs far more gas than a block holds).
#include <algorithm>
#include <cstring>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/detail/call_frame.hpp"
#include "duskevm/detail/instructions.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {
namespace {

constexpr u64 kMaxMemory = u64{1} << 32;
constexpr i64 kColdAccountSurcharge = 2500;  // EIP-2929: 2600 cold - 100 warm
constexpr i64 kColdSloadSurcharge = 2000;    // 2100 cold - 100 warm

constexpr i64 memory_cost(u64 words) {
  return static_cast<i64>(3 * words + words * words / 512);
}
constexpr u64 num_words(u64 bytes) { return (bytes + 31) / 32; }

// Grows `mem` to cover [0, end) and charges for it; returns the gas left, negative when
// out of gas (then `mem` is unchanged). Gas goes in and out by value: the interpreter's
// gas counter must never have its address taken, or the compiler keeps it in memory
// and every instruction pays a load and a store for it.
[[gnu::noinline]] i64 grow_memory(i64 gas, Memory& mem, u64 end) {
  const u64 new_words = num_words(end);
  const u64 old_words = mem.size() / 32;
  gas -= memory_cost(new_words) - memory_cost(old_words);
  if (gas < 0) return gas;
  mem.grow(new_words * 32);
  return gas;
}

// Checks and charges a memory region given as words. On success `off` and `len` hold it.
// Always inlined, so that `gas` stays the caller's register.
[[gnu::always_inline]] inline bool memory_region(i64& gas, Memory& mem, const Uint256& offset,
                                                 const Uint256& size, u64& off, u64& len) {
  if (size.is_zero()) {
    off = 0;
    len = 0;
    return true;
  }
  if (!offset.fits_u64() || !size.fits_u64() || offset.low64() > kMaxMemory || size.low64() > kMaxMemory)
    return false;
  off = offset.low64();
  len = size.low64();
  const u64 end = off + len;
  if (end > mem.size()) {
    gas = grow_memory(gas, mem, end);
    return gas >= 0;
  }
  return true;
}

// Copies src[from, from + len) to dst with zero fill past the end of src.
inline void copy_padded(u8* dst, ByteView src, const Uint256& from, u64 len) {
  if (len == 0) return;
  u64 start = from.fits_u64() ? from.low64() : ~u64{0};
  u64 n = 0;
  if (start < src.size()) {
    n = std::min<u64>(len, src.size() - start);
    std::memcpy(dst, src.data() + start, n);
  }
  std::memset(dst + n, 0, len - n);
}

// PUSHn's immediate, N known at compile time: the bytes ending at its last byte read as
// big-endian words (the code has 32 zero bytes in front, see CodeAnalysis, so reading
// before the opcode is safe), the bytes before the immediate masked off. Written limb by
// limb into the stack slot: no temporary, no loop.
template <unsigned N>
inline void push_value(Uint256* slot, const u8* immediate) {
  const u8* end = immediate + N;
#pragma GCC unroll 4
  for (unsigned i = 0; i < 4; ++i) {
    constexpr unsigned kBits = 8 * N;
    const unsigned lo = 64 * i;
    if (kBits <= lo) {
      slot->w[i] = 0;
    } else {
      u64 v = load_be<u64>(end - 8 * (i + 1));
      if (kBits < lo + 64) v &= (u64{1} << (kBits - lo)) - 1;
      slot->w[i] = v;
    }
  }
}

// Stack words are copied limb by limb through general registers. Handlers write results
// as four 8-byte stores (the carry chains, PUSH, MLOAD), and a 16-byte load of a word just
// written that way cannot be served from the store buffer: it waits for the stores to
// retire (measured: DUP1 after ADD took most of a loop's time when GCC copied the word
// with two 16-byte moves). The empty asm keeps the compiler from merging the limbs into
// vector moves.
[[gnu::always_inline]] inline void copy_word(Uint256& dst, const Uint256& src) {
  u64 w0 = src.w[0], w1 = src.w[1], w2 = src.w[2], w3 = src.w[3];
#if defined(__GNUC__)
  asm("" : "+r"(w0), "+r"(w1), "+r"(w2), "+r"(w3));
#endif
  dst.w[0] = w0;
  dst.w[1] = w1;
  dst.w[2] = w2;
  dst.w[3] = w3;
}
[[gnu::always_inline]] inline void swap_words(Uint256& a, Uint256& b) {
#pragma GCC unroll 2
  for (int half = 0; half < 4; half += 2) {
    u64 a0 = a.w[half], a1 = a.w[half + 1], b0 = b.w[half], b1 = b.w[half + 1];
#if defined(__GNUC__)
    asm("" : "+r"(a0), "+r"(a1), "+r"(b0), "+r"(b1));
#endif
    a.w[half] = b0;
    a.w[half + 1] = b1;
    b.w[half] = a0;
    b.w[half + 1] = a1;
  }
}

#if DUSK_EVM_CGOTO
// interpreter_labels.inc, read as opcodes: entry i must name opcode i when the
// instruction list defines it, and UNDEFINED otherwise.
namespace label_check {
using namespace op;
inline constexpr int UNDEFINED = -1;
inline constexpr int kOpcodes[] = {
#define DUSK_EVM_LABEL(name) static_cast<int>(name)
#include "duskevm/detail/interpreter_labels.inc"
#undef DUSK_EVM_LABEL
};
constexpr bool labels_match_instructions() {
  if (std::size(kOpcodes) != 256) return false;
  for (int i = 0; i < 256; ++i) {
    const int want = kInstructionTable[i].name ? i : UNDEFINED;
    if (kOpcodes[i] != want) return false;
  }
  return true;
}
static_assert(labels_match_instructions(), "interpreter_labels.inc disagrees with DUSK_EVM_INSTRUCTIONS");
}  // namespace label_check
#endif

}  // namespace

Address create_address(const Address& sender, u64 nonce) {
  Bytes payload;
  rlp::encode_bytes(payload, sender);
  rlp::encode_uint(payload, Uint256{nonce});
  Bytes list;
  rlp::encode_list_payload(list, payload);
  const auto h = crypto::keccak256(list);
  Address a;
  std::copy(h.begin() + 12, h.end(), a.begin());
  return a;
}

Address create2_address(const Address& sender, const Uint256& salt, ByteView init_code) {
  u8 buf[85];
  buf[0] = 0xff;
  std::copy(sender.begin(), sender.end(), buf + 1);
  salt.to_be(buf + 21);
  const auto ch = crypto::keccak256(init_code);
  std::copy(ch.begin(), ch.end(), buf + 53);
  const auto h = crypto::keccak256(ByteView(buf, sizeof buf));
  Address a;
  std::copy(h.begin() + 12, h.end(), a.begin());
  return a;
}


// The CALL family, CREATE/CREATE2 and LOGn, out of line: they hold objects with
// destructors (which a computed goto would skip) and most of the stack space, and keeping
// them out of run() keeps its frame small, which is what bounds native stack use over
// 1024 nested calls. Each reads its operands at sp[-1], sp[-2], ... and leaves its result
// in the lowest operand slot; run() then drops the rest. A status other than kSuccess
// ends the frame.
#define OP_FAIL(code_) return StatusCode::code_
#define OP_CHARGE(amount)                            \
  do {                                               \
    gas -= static_cast<i64>(amount);                 \
    if (gas < 0) return StatusCode::kOutOfGas;       \
  } while (0)
#define OP_MEM(off_w, size_w, off, len) \
  if (!memory_region(gas, mem, off_w, size_w, off, len)) return StatusCode::kOutOfGas
#define OP_ACCESS(addr) \
  if (!state_.access_account(addr)) OP_CHARGE(kColdAccountSurcharge)

[[gnu::noinline]] StatusCode Evm::op_log(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem) {
  if (msg.is_static) OP_FAIL(kStaticModeViolation);
  const int n = opcode - op::LOG0;
  u64 off, len;
  OP_MEM(sp[-1], sp[-2], off, len);
  OP_CHARGE(8 * len);
  Log log;
  log.address = msg.recipient;
  log.topics.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) sp[-3 - i].to_be(log.topics[static_cast<size_t>(i)].data());
  log.data.assign(mem.begin() + static_cast<ptrdiff_t>(off), mem.begin() + static_cast<ptrdiff_t>(off + len));
  if (tracer_) tracer_->on_log(log);
  state_.add_log(std::move(log));
  sp -= 2 + n;
  return StatusCode::kSuccess;
}

[[gnu::noinline]] StatusCode Evm::op_create(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem,
                                            Bytes& return_data) {
  if (msg.is_static) OP_FAIL(kStaticModeViolation);
  const bool is2 = opcode == op::CREATE2;
  const Uint256 value = sp[-1];
  u64 off, len;
  OP_MEM(sp[-2], sp[-3], off, len);
  if (len > kMaxInitCodeSize) OP_FAIL(kOutOfGas);  // EIP-3860
  OP_CHARGE((is2 ? 8 : 2) * num_words(len));       // init code words (+ hashing for CREATE2)
  const Uint256 salt = is2 ? sp[-4] : Uint256{};
  sp -= is2 ? 4 : 3;
  return_data.clear();
  *sp++ = Uint256{};
  Uint256& slot = sp[-1];
  const i64 child_gas = gas - gas / 64;
  const Account* self = state_.find(msg.recipient);
  const u64 nonce = self ? self->nonce : 0;
  // This CREATE's cost, without the gas handed to the new frame (as go-ethereum
  // reports it), comes before the new frame's steps.
  if (tracer_) trace_flush(gas);
  if (msg.depth + 1 > kMaxCallDepth || state_.balance(msg.recipient) < value || nonce == ~u64{0}) {
    // The new frame never starts; the caller keeps its gas.
    if (tracer_)
      trace_refused_creation(msg, opcode, value, salt, ByteView(mem.data() + off, len), nonce, child_gas);
    return StatusCode::kSuccess;
  }
  gas -= child_gas;
  const ByteView init(mem.data() + off, len);
  const Address addr = is2 ? create2_address(msg.recipient, salt, init) : create_address(msg.recipient, nonce);
  state_.access_account(addr);
  state_.set_nonce(msg.recipient, nonce + 1);
  const Account* existing = state_.find(addr);
  if (existing && blocks_creation(*existing)) {  // EIP-684/7610: the gas is lost
    if (tracer_) trace_refused_creation(msg, opcode, value, salt, init, nonce, child_gas, &addr);
    return StatusCode::kSuccess;
  }
  Message child;
  child.kind = is2 ? CallKind::kCreate2 : CallKind::kCreate;
  child.depth = msg.depth + 1;
  child.gas = child_gas;
  child.recipient = addr;
  child.sender = msg.recipient;
  child.value = value;
  child.code_address = addr;
  child.code = std::make_shared<const Bytes>(init.begin(), init.end());
  child.salt = salt;
  CallResult r = create(child);
  gas += r.gas_left;
  if (r.status == StatusCode::kSuccess) slot = to_word(addr);
  else if (r.status == StatusCode::kRevert) return_data = std::move(r.output);
  return StatusCode::kSuccess;
}

[[gnu::noinline]] StatusCode Evm::op_call(u8 opcode, const Message& msg, Uint256* sp, i64& gas, Memory& mem,
                                          Bytes& return_data) {
  const bool has_value = opcode == op::CALL || opcode == op::CALLCODE;
  const Uint256 gas_arg = sp[-1];
  const Address to = to_address(sp[-2]);
  const Uint256 value = has_value ? sp[-3] : Uint256{};
  Uint256* args = sp - (has_value ? 4 : 3);
  const Uint256 in_off = args[0], in_size = args[-1], out_off = args[-2], out_size = args[-3];
  sp -= has_value ? 7 : 6;
  ++sp;
  sp[-1] = Uint256{};
  Uint256& slot = sp[-1];

  OP_ACCESS(to);
  u64 ioff, ilen, ooff, olen;
  OP_MEM(in_off, in_size, ioff, ilen);
  OP_MEM(out_off, out_size, ooff, olen);

  std::shared_ptr<const Bytes> callee_code;
  std::optional<Hash256> callee_hash;
  Address code_address = to;
  bool skip_precompile = false;
  if (const Account* acc = state_.find(to)) {
    callee_code = acc->code;
    callee_hash = acc->code_hash;
    if (fork_ >= Fork::kPrague) {
      if (auto target = delegation_target(*acc->code)) {
        // EIP-7702: loading the delegate costs an access, warm (100) or cold (2600).
        OP_CHARGE(100);
        OP_ACCESS(*target);
        code_address = *target;
        skip_precompile = true;
        const Account* del = state_.find(*target);
        callee_code = del ? del->code : nullptr;
        callee_hash = del ? std::optional<Hash256>(del->code_hash) : std::nullopt;
      }
    }
  }
  if (!value.is_zero()) {
    if (opcode == op::CALL && msg.is_static) OP_FAIL(kStaticModeViolation);
    OP_CHARGE(9000);
    if (opcode == op::CALL && !state_.is_alive(to)) OP_CHARGE(25000);
  }
  const i64 cap = gas - gas / 64;
  const i64 given = gas_arg.fits_u64() && gas_arg.low64() < static_cast<u64>(cap)
                        ? static_cast<i64>(gas_arg.low64())
                        : cap;
  gas -= given;
  return_data.clear();
  const i64 stipend = value.is_zero() ? 0 : 2300;
  if (msg.depth + 1 > kMaxCallDepth || (has_value && state_.balance(msg.recipient) < value)) {
    if (tracer_) {
      trace_flush(gas);
      trace_refused_call(msg, opcode, to, value, ByteView(mem.data() + ioff, ilen), given + stipend);
    }
    gas += given + stipend;  // the stipend too, as every client does
    return StatusCode::kSuccess;
  }
  Message child = detail::call_frame(msg, opcode, to, value, ByteView(mem.data() + ioff, ilen), given + stipend);
  child.code_address = code_address;
  child.code = std::move(callee_code);
  child.code_hash = callee_hash;
  child.skip_precompile = skip_precompile;
  if (tracer_) trace_flush(gas);  // this CALL's line comes before the callee's steps
  CallResult r = call(child);
  gas += r.gas_left;
  if (r.status == StatusCode::kSuccess) slot = Uint256{1};
  if (olen && !r.output.empty()) std::memcpy(mem.data() + ooff, r.output.data(), std::min<u64>(olen, r.output.size()));
  return_data = std::move(r.output);
  return StatusCode::kSuccess;
}

#undef OP_FAIL
#undef OP_CHARGE
#undef OP_MEM
#undef OP_ACCESS

template <RunMode kMode>
CallResult Evm::run(const Message& msg, const CodeAnalysis& code, ResumePoint* resume) {
  constexpr bool kTrace = kMode == RunMode::kTraced;
  constexpr bool kFast = kMode == RunMode::kFast;
  // A resumed frame keeps its memory; a new one starts with it empty.
  FramePool::Frame& fb = resume ? frames_.frame_in_use(msg.depth) : frames_.frame(msg.depth);
  Uint256* const stack_base = fb.stack.get();
  Uint256* sp = stack_base;  // one past the top item
  Memory& mem = fb.memory;
  Bytes return_data;
  const u8* const code_begin = code.code();
  const u8* pc = code_begin;
  i64 gas = msg.gas;
  CallResult result;
  if (resume) {
    pc = code_begin + resume->pc;
    sp = stack_base + resume->stack_height;
    gas = resume->gas;
    return_data = std::move(resume->return_data);
  }

#define FAIL(code_)                     \
  do {                                  \
    result.status = StatusCode::code_;  \
    goto done;                          \
  } while (0)
#define CHARGE(amount)              \
  do {                              \
    gas -= static_cast<i64>(amount); \
    if (gas < 0) FAIL(kOutOfGas);   \
  } while (0)
#define MEM(off_w, size_w, off, len) \
  if (!memory_region(gas, mem, off_w, size_w, off, len)) FAIL(kOutOfGas)
#define ACCESS(addr) \
  if (!state_.access_account(addr)) CHARGE(kColdAccountSurcharge)

  // kChecked and kTraced: each handler starts with its own instruction's checks (CASE
  // below): the trace line when tracing, then stack underflow, stack overflow and static
  // gas with the instruction's constants from kInstructionTable, so that a handler tests
  // only what can fail for it (ADD: underflow and gas; PUSH1: overflow and gas;
  // JUMPDEST: gas). kFast checks nothing per instruction.
  u8 opcode;
  // kTraced: the step about to run, then its cost once the next step (or a new frame,
  // or the end of this one) shows what it took.
#define TRACE_STEP()                                                                           \
  {                                                                                            \
    trace_flush(gas);                                                                          \
    Tracer::Step step_;                                                                        \
    step_.pc = static_cast<u64>(pc - code_begin);                                              \
    step_.opcode = opcode;                                                                     \
    step_.gas = gas;                                                                           \
    step_.depth = msg.depth + 1;                                                               \
    step_.refund = state_.refund();                                                            \
    step_.stack_bottom = stack_base;                                                           \
    step_.stack_size = static_cast<size_t>(sp - stack_base);                                   \
    step_.memory = ByteView(mem.data(), mem.size());                                           \
    step_.return_data = return_data;                                                           \
    step_.msg = &msg;                                                                          \
    step_.state = &state_;                                                                     \
    tracer_->on_step(step_);                                                                   \
    trace_gas_before_ = gas;                                                                   \
  }
  // After an instruction that ends its block and falls through (JUMPI not taken, GAS,
  // SSTORE, CALL*, CREATE*): the next block is entered.
#define NEXT_ENTRY                                       \
  {                                                      \
    ++pc;                                                \
    ENTER_BLOCK(static_cast<u64>(pc - code_begin))       \
    JUMP_NEXT;                                           \
  }
#define CHECK(opc)                                                                               \
  if constexpr (!kFast) {                                                                        \
    constexpr InstructionInfo kInfo = kInstructionTable[opc];                                    \
    opcode = opc;                                                                                \
    if constexpr (kTrace) TRACE_STEP();                                                          \
    if constexpr (kInfo.stack_in > 0) {                                                          \
      if (sp < stack_base + kInfo.stack_in) FAIL(kStackUnderflow);                               \
    }                                                                                            \
    if constexpr (kInfo.stack_change > 0) {                                                      \
      if (sp > stack_base + (1024 - kInfo.stack_change)) FAIL(kStackOverflow);                   \
    }                                                                                            \
    if constexpr (kInfo.static_gas > 0) {                                                        \
      gas -= kInfo.static_gas;                                                                   \
      if (gas < 0) FAIL(kOutOfGas);                                                              \
    }                                                                                            \
  }

  // kFast: the checks of the block entered at `offset` (code_analysis.hpp). On failure
  // the block is run again from its entry by kChecked, nothing of it having run yet.
#define ENTER_BLOCK(offset)                                                     \
  if constexpr (kFast) {                                                        \
    const BlockEntry& entry_ = code.block(offset);                               \
    const i64 gas_ = gas - static_cast<i64>(entry_.gas);                         \
    if (gas_ < 0 || !entry_.admits(static_cast<u64>(sp - stack_base))) goto block_check_failed; \
    gas = gas_;                                                                 \
  }

#if DUSK_EVM_CGOTO
  // Threaded dispatch: every handler ends with its own indirect jump, so the branch
  // predictor sees one jump site per instruction kind. Undefined opcodes land on
  // L_UNDEFINED.
  static void* const kLabels[256] = {
#define DUSK_EVM_LABEL(name) &&L_##name
#include "duskevm/detail/interpreter_labels.inc"
#undef DUSK_EVM_LABEL
  };
#define CASE(name) \
  L_##name:        \
  CHECK(op::name)
#define UNDEFINED_CASE L_UNDEFINED:
#define DISPATCH() goto* kLabels[*pc];
#define NEXT \
  {          \
    ++pc;    \
    DISPATCH() \
  }
#define JUMP_NEXT DISPATCH()
  if (!resume) ENTER_BLOCK(0)
  DISPATCH()
  {
#else
  // A portable switch in a loop (-DDUSK_EVM_DISPATCH=switch).
#define CASE(name)  \
  case op::name:    \
    CHECK(op::name)
#define UNDEFINED_CASE default:
#define NEXT \
  {          \
    ++pc;    \
    continue; \
  }
#define JUMP_NEXT continue
  if (!resume) ENTER_BLOCK(0)
  for (;;) {
    switch (*pc) {
#endif
      CASE(STOP) goto done;
      CASE(ADD) sp[-2] = sp[-1] + sp[-2]; --sp; NEXT;
      CASE(MUL) sp[-2] = sp[-1] * sp[-2]; --sp; NEXT;
      CASE(SUB) sp[-2] = sp[-1] - sp[-2]; --sp; NEXT;
      CASE(DIV) sp[-2] = evm_div(sp[-1], sp[-2]); --sp; NEXT;
      CASE(SDIV) sp[-2] = evm_sdiv(sp[-1], sp[-2]); --sp; NEXT;
      CASE(MOD) sp[-2] = evm_mod(sp[-1], sp[-2]); --sp; NEXT;
      CASE(SMOD) sp[-2] = evm_smod(sp[-1], sp[-2]); --sp; NEXT;
      CASE(ADDMOD) sp[-3] = evm_addmod(sp[-1], sp[-2], sp[-3]); sp -= 2; NEXT;
      CASE(MULMOD) sp[-3] = evm_mulmod(sp[-1], sp[-2], sp[-3]); sp -= 2; NEXT;
      CASE(EXP) {
        CHARGE(50 * ((bit_width(sp[-2]) + 7) / 8));
        sp[-2] = exp(sp[-1], sp[-2]);
        --sp;
        NEXT;
      }
      CASE(SIGNEXTEND) sp[-2] = signextend(sp[-1], sp[-2]); --sp; NEXT;
      CASE(LT) sp[-2] = Uint256{sp[-1] < sp[-2]}; --sp; NEXT;
      CASE(GT) sp[-2] = Uint256{sp[-1] > sp[-2]}; --sp; NEXT;
      CASE(SLT) sp[-2] = Uint256{slt(sp[-1], sp[-2])}; --sp; NEXT;
      CASE(SGT) sp[-2] = Uint256{sgt(sp[-1], sp[-2])}; --sp; NEXT;
      CASE(EQ) sp[-2] = Uint256{sp[-1] == sp[-2]}; --sp; NEXT;
      CASE(ISZERO) sp[-1] = Uint256{sp[-1].is_zero()}; NEXT;
      CASE(AND) sp[-2] = sp[-1] & sp[-2]; --sp; NEXT;
      CASE(OR) sp[-2] = sp[-1] | sp[-2]; --sp; NEXT;
      CASE(XOR) sp[-2] = sp[-1] ^ sp[-2]; --sp; NEXT;
      CASE(NOT) sp[-1] = ~sp[-1]; NEXT;
      CASE(BYTE) sp[-2] = byte(sp[-1], sp[-2]); --sp; NEXT;
      CASE(SHL) sp[-2] = shl(sp[-2], shift_amount(sp[-1])); --sp; NEXT;
      CASE(SHR) sp[-2] = shr(sp[-2], shift_amount(sp[-1])); --sp; NEXT;
      CASE(SAR) sp[-2] = sar(sp[-2], shift_amount(sp[-1])); --sp; NEXT;

      CASE(KECCAK256) {
        u64 off, len;
        MEM(sp[-1], sp[-2], off, len);
        CHARGE(6 * num_words(len));
        const auto h = crypto::keccak256(ByteView(mem.data() + off, len));
        sp[-2] = Uint256::from_be(h.data());
        --sp;
        NEXT;
      }

      CASE(ADDRESS) *sp++ = to_word(msg.recipient); NEXT;
      CASE(BALANCE) {
        const Address a = to_address(sp[-1]);
        ACCESS(a);
        sp[-1] = state_.balance(a);
        NEXT;
      }
      CASE(ORIGIN) *sp++ = to_word(tx_.origin); NEXT;
      CASE(CALLER) *sp++ = to_word(msg.sender); NEXT;
      CASE(CALLVALUE) *sp++ = msg.value; NEXT;
      CASE(CALLDATALOAD) {
        u8 word[32];
        copy_padded(word, msg.input, sp[-1], 32);
        sp[-1] = Uint256::from_be(word);
        NEXT;
      }
      CASE(CALLDATASIZE) *sp++ = Uint256{msg.input.size()}; NEXT;
#define COPY_CASE(name, source)                      \
  CASE(name) {                                       \
    u64 off, len;                                    \
    MEM(sp[-1], sp[-3], off, len);                   \
    CHARGE(3 * num_words(len));                      \
    if (len) copy_padded(mem.data() + off, source, sp[-2], len); \
    sp -= 3;                                         \
    NEXT;                                            \
  }
      COPY_CASE(CALLDATACOPY, msg.input)
      COPY_CASE(CODECOPY, ByteView(code_begin, code.size))
#undef COPY_CASE
      CASE(CODESIZE) *sp++ = Uint256{code.size}; NEXT;
      CASE(GASPRICE) *sp++ = tx_.gas_price; NEXT;
      CASE(EXTCODESIZE) {
        const Address a = to_address(sp[-1]);
        ACCESS(a);
        const Account* acc = state_.find(a);
        sp[-1] = Uint256{acc ? acc->code->size() : 0};
        NEXT;
      }
      CASE(EXTCODECOPY) {
        const Address a = to_address(sp[-1]);
        ACCESS(a);
        u64 off, len;
        MEM(sp[-2], sp[-4], off, len);
        CHARGE(3 * num_words(len));
        if (len) {
          const Account* acc = state_.find(a);
          const ByteView src = acc ? ByteView(*acc->code) : ByteView();
          copy_padded(mem.data() + off, src, sp[-3], len);
        }
        sp -= 4;
        NEXT;
      }
      CASE(RETURNDATASIZE) *sp++ = Uint256{return_data.size()}; NEXT;
      CASE(RETURNDATACOPY) {
        const Uint256& from = sp[-2];
        const Uint256& size = sp[-3];
        const auto end = add_with_carry(from, size);
        if (end.carry || !end.value.fits_u64() || end.value.low64() > return_data.size())
          FAIL(kInvalidMemoryAccess);
        u64 off, len;
        MEM(sp[-1], size, off, len);
        CHARGE(3 * num_words(len));
        if (len) std::memcpy(mem.data() + off, return_data.data() + from.low64(), len);
        sp -= 3;
        NEXT;
      }
      CASE(EXTCODEHASH) {
        const Address a = to_address(sp[-1]);
        ACCESS(a);
        const Account* acc = state_.find(a);
        sp[-1] = (acc && !acc->is_empty()) ? Uint256::from_be(acc->code_hash.data()) : Uint256{};
        NEXT;
      }
      CASE(BLOCKHASH) {
        const Uint256 n = sp[-1];
        Uint256 h{};
        if (n.fits_u64() && n.low64() < block_.number && block_.number - n.low64() <= 256 && block_.block_hash) {
          const Hash256 bh = block_.block_hash(n.low64());
          h = Uint256::from_be(bh.data());
        }
        sp[-1] = h;
        NEXT;
      }
      CASE(COINBASE) *sp++ = to_word(block_.coinbase); NEXT;
      CASE(TIMESTAMP) *sp++ = Uint256{block_.timestamp}; NEXT;
      CASE(NUMBER) *sp++ = Uint256{block_.number}; NEXT;
      CASE(PREVRANDAO) *sp++ = block_.prev_randao; NEXT;
      CASE(GASLIMIT) *sp++ = Uint256{block_.gas_limit}; NEXT;
      CASE(CHAINID) *sp++ = block_.chain_id; NEXT;
      CASE(SELFBALANCE) *sp++ = state_.balance(msg.recipient); NEXT;
      CASE(BASEFEE) *sp++ = block_.base_fee; NEXT;
      CASE(BLOBHASH) {
        const Uint256 i = sp[-1];
        sp[-1] = (i.fits_u64() && i.low64() < tx_.blob_hashes.size())
                     ? Uint256::from_be(tx_.blob_hashes[i.low64()].data())
                     : Uint256{};
        NEXT;
      }
      CASE(BLOBBASEFEE) *sp++ = blob_base_fee_; NEXT;

      CASE(POP) --sp; NEXT;
      CASE(MLOAD) {
        u64 off, len;
        MEM(sp[-1], Uint256{32}, off, len);
        sp[-1] = Uint256::from_be(mem.data() + off);
        NEXT;
      }
      CASE(MSTORE) {
        u64 off, len;
        MEM(sp[-1], Uint256{32}, off, len);
        sp[-2].to_be(mem.data() + off);
        sp -= 2;
        NEXT;
      }
      CASE(MSTORE8) {
        u64 off, len;
        MEM(sp[-1], Uint256{1}, off, len);
        mem[off] = static_cast<u8>(sp[-2].low64());
        sp -= 2;
        NEXT;
      }
      CASE(SLOAD) {
        if (!state_.access_slot(msg.recipient, sp[-1])) CHARGE(kColdSloadSurcharge);
        sp[-1] = state_.storage(msg.recipient, sp[-1]);
        NEXT;
      }
      CASE(SSTORE) {
        if (msg.is_static) FAIL(kStaticModeViolation);
        if (gas <= 2300) FAIL(kOutOfGas);  // EIP-2200 sentry
        const Uint256 key = sp[-1];
        const Uint256 value = sp[-2];
        sp -= 2;
        i64 cost = 0;
        if (!state_.access_slot(msg.recipient, key)) cost += 2100;
        const StorageSlot& s = state_.slot(msg.recipient, key);
        const Uint256 current = s.current, original = s.original;
        i64 refund = 0;
        if (current == value) {
          cost += 100;
        } else if (original == current) {
          if (original.is_zero()) cost += 20000;
          else {
            cost += 2900;
            if (value.is_zero()) refund += 4800;
          }
        } else {
          cost += 100;
          if (!original.is_zero()) {
            if (current.is_zero()) refund -= 4800;
            else if (value.is_zero()) refund += 4800;
          }
          if (original == value) refund += original.is_zero() ? 19900 : 2800;
        }
        CHARGE(cost);
        if (current != value) state_.set_storage(msg.recipient, key, value);
        if (refund != 0) state_.add_refund(refund);
        NEXT_ENTRY;
      }
      // kFast jumps: the destination's byte must be JUMPDEST and its block entry must
      // pass; a JUMPDEST in PUSH data has an entry that never passes, so the jump map is
      // read only on that slow path. The block's check covers the JUMPDEST, which is
      // then skipped.
#define JUMP_TO(dest)                                                           \
  {                                                                             \
    if (!(dest).fits_u64() || (dest).low64() >= code.size) FAIL(kBadJumpDestination); \
    const u64 to_ = (dest).low64();                                             \
    if constexpr (kFast) {                                                      \
      if (code_begin[to_] != op::JUMPDEST) FAIL(kBadJumpDestination);           \
      const BlockEntry& entry_ = code.block(to_);                               \
      const i64 gas_ = gas - static_cast<i64>(entry_.gas);                      \
      pc = code_begin + to_;                                                    \
      if (gas_ < 0 || !entry_.admits(static_cast<u64>(sp - stack_base))) {      \
        if (!code.is_jumpdest(to_)) FAIL(kBadJumpDestination);                  \
        goto block_check_failed;                                                \
      }                                                                         \
      gas = gas_;                                                               \
      ++pc;                                                                     \
    } else {                                                                    \
      if (!code.is_jumpdest(to_)) FAIL(kBadJumpDestination);                    \
      pc = code_begin + to_;                                                    \
    }                                                                           \
    JUMP_NEXT;                                                                  \
  }
      CASE(JUMP) {
        const Uint256& dest = sp[-1];  // read in place, not copied
        --sp;
        JUMP_TO(dest)
      }
      CASE(JUMPI) {
        const Uint256& dest = sp[-1];
        const bool cond = !sp[-2].is_zero();
        sp -= 2;
        if (cond) JUMP_TO(dest)
        NEXT_ENTRY;
      }
#undef JUMP_TO
      CASE(PC) *sp++ = Uint256{static_cast<u64>(pc - code_begin)}; NEXT;
      CASE(MSIZE) *sp++ = Uint256{mem.size()}; NEXT;
      CASE(GAS) *sp++ = Uint256{static_cast<u64>(gas)}; NEXT_ENTRY;
      CASE(JUMPDEST) NEXT;
      CASE(TLOAD) sp[-1] = state_.transient(msg.recipient, sp[-1]); NEXT;
      CASE(TSTORE) {
        if (msg.is_static) FAIL(kStaticModeViolation);
        state_.set_transient(msg.recipient, sp[-1], sp[-2]);
        sp -= 2;
        NEXT;
      }
      CASE(MCOPY) {
        const Uint256 dst = sp[-1], src = sp[-2], size = sp[-3];
        sp -= 3;
        if (size.is_zero()) NEXT;
        u64 off, len;
        MEM(std::max(dst, src), size, off, len);
        CHARGE(3 * num_words(len));
        std::memmove(mem.data() + dst.low64(), mem.data() + src.low64(), len);
        NEXT;
      }
      CASE(PUSH0) *sp++ = Uint256{}; NEXT;

      CASE(DUP1) copy_word(*sp, sp[-1]); ++sp; NEXT;
      CASE(DUP2) copy_word(*sp, sp[-2]); ++sp; NEXT;
      CASE(DUP3) copy_word(*sp, sp[-3]); ++sp; NEXT;
      CASE(DUP4) copy_word(*sp, sp[-4]); ++sp; NEXT;
      CASE(DUP5) copy_word(*sp, sp[-5]); ++sp; NEXT;
      CASE(DUP6) copy_word(*sp, sp[-6]); ++sp; NEXT;
      CASE(DUP7) copy_word(*sp, sp[-7]); ++sp; NEXT;
      CASE(DUP8) copy_word(*sp, sp[-8]); ++sp; NEXT;
      CASE(DUP9) copy_word(*sp, sp[-9]); ++sp; NEXT;
      CASE(DUP10) copy_word(*sp, sp[-10]); ++sp; NEXT;
      CASE(DUP11) copy_word(*sp, sp[-11]); ++sp; NEXT;
      CASE(DUP12) copy_word(*sp, sp[-12]); ++sp; NEXT;
      CASE(DUP13) copy_word(*sp, sp[-13]); ++sp; NEXT;
      CASE(DUP14) copy_word(*sp, sp[-14]); ++sp; NEXT;
      CASE(DUP15) copy_word(*sp, sp[-15]); ++sp; NEXT;
      CASE(DUP16) copy_word(*sp, sp[-16]); ++sp; NEXT;
      CASE(SWAP1) swap_words(sp[-1], sp[-2]); NEXT;
      CASE(SWAP2) swap_words(sp[-1], sp[-3]); NEXT;
      CASE(SWAP3) swap_words(sp[-1], sp[-4]); NEXT;
      CASE(SWAP4) swap_words(sp[-1], sp[-5]); NEXT;
      CASE(SWAP5) swap_words(sp[-1], sp[-6]); NEXT;
      CASE(SWAP6) swap_words(sp[-1], sp[-7]); NEXT;
      CASE(SWAP7) swap_words(sp[-1], sp[-8]); NEXT;
      CASE(SWAP8) swap_words(sp[-1], sp[-9]); NEXT;
      CASE(SWAP9) swap_words(sp[-1], sp[-10]); NEXT;
      CASE(SWAP10) swap_words(sp[-1], sp[-11]); NEXT;
      CASE(SWAP11) swap_words(sp[-1], sp[-12]); NEXT;
      CASE(SWAP12) swap_words(sp[-1], sp[-13]); NEXT;
      CASE(SWAP13) swap_words(sp[-1], sp[-14]); NEXT;
      CASE(SWAP14) swap_words(sp[-1], sp[-15]); NEXT;
      CASE(SWAP15) swap_words(sp[-1], sp[-16]); NEXT;
      CASE(SWAP16) swap_words(sp[-1], sp[-17]); NEXT;

      // The out-of-line handlers (op_log, op_create, op_call) take their opcode; a
      // status other than success ends the frame.
      // They update a copy of the gas counter (`g`), never `gas` itself (see
      // grow_memory). CALL* and CREATE* end their blocks (next: NEXT_ENTRY).
#define OUT_OF_LINE_CASE(name, call, popped, next) \
  CASE(name) {                                \
    i64 g = gas;                              \
    const StatusCode st = call;               \
    gas = g;                                  \
    if (st != StatusCode::kSuccess) {         \
      result.status = st;                     \
      goto done;                              \
    }                                         \
    sp -= popped;                             \
    next;                                     \
  }
      OUT_OF_LINE_CASE(LOG0, op_log(op::LOG0, msg, sp, g, mem), 2, NEXT)
      OUT_OF_LINE_CASE(LOG1, op_log(op::LOG1, msg, sp, g, mem), 3, NEXT)
      OUT_OF_LINE_CASE(LOG2, op_log(op::LOG2, msg, sp, g, mem), 4, NEXT)
      OUT_OF_LINE_CASE(LOG3, op_log(op::LOG3, msg, sp, g, mem), 5, NEXT)
      OUT_OF_LINE_CASE(LOG4, op_log(op::LOG4, msg, sp, g, mem), 6, NEXT)
      OUT_OF_LINE_CASE(CREATE, op_create(op::CREATE, msg, sp, g, mem, return_data), 2, NEXT_ENTRY)
      OUT_OF_LINE_CASE(CREATE2, op_create(op::CREATE2, msg, sp, g, mem, return_data), 3, NEXT_ENTRY)
      OUT_OF_LINE_CASE(CALL, op_call(op::CALL, msg, sp, g, mem, return_data), 6, NEXT_ENTRY)
      OUT_OF_LINE_CASE(CALLCODE, op_call(op::CALLCODE, msg, sp, g, mem, return_data), 6, NEXT_ENTRY)
      OUT_OF_LINE_CASE(DELEGATECALL, op_call(op::DELEGATECALL, msg, sp, g, mem, return_data), 5, NEXT_ENTRY)
      OUT_OF_LINE_CASE(STATICCALL, op_call(op::STATICCALL, msg, sp, g, mem, return_data), 5, NEXT_ENTRY)
#undef OUT_OF_LINE_CASE

#define RETURN_CASE(name, code_)                                             \
  CASE(name) {                                                              \
    u64 off, len;                                                           \
    MEM(sp[-1], sp[-2], off, len);                                          \
    result.output.assign(mem.begin() + static_cast<ptrdiff_t>(off),         \
                         mem.begin() + static_cast<ptrdiff_t>(off + len));  \
    result.status = code_;                                                  \
    goto done;                                                              \
  }
      RETURN_CASE(RETURN, StatusCode::kSuccess)
      RETURN_CASE(REVERT, StatusCode::kRevert)
#undef RETURN_CASE
      CASE(INVALID) FAIL(kInvalidInstruction);
      CASE(SELFDESTRUCT) {
        if (msg.is_static) FAIL(kStaticModeViolation);
        const Address beneficiary = to_address(sp[-1]);
        if (!state_.access_account(beneficiary)) CHARGE(2600);
        const Uint256 bal = state_.balance(msg.recipient);
        if (!bal.is_zero() && !state_.is_alive(beneficiary)) CHARGE(25000);
        if constexpr (!kFast) {
          if (tracer_) trace_selfdestruct(msg.recipient, beneficiary, bal);
        }
        const Account* self = state_.find(msg.recipient);
        const bool created_now = self && self->created;
        if (beneficiary != msg.recipient) {
          state_.set_balance(msg.recipient, Uint256{});
          state_.add_balance(beneficiary, bal);
          state_.touch(beneficiary);
        }
        if (created_now) {  // EIP-6780: only a contract created in this transaction goes away
          state_.set_balance(msg.recipient, Uint256{});
          state_.mark_destructed(msg.recipient);
        }
        goto done;
      }
      CASE(PUSH1) push_value<1>(sp++, pc + 1); pc += 1; NEXT;
      CASE(PUSH2) push_value<2>(sp++, pc + 1); pc += 2; NEXT;
      CASE(PUSH3) push_value<3>(sp++, pc + 1); pc += 3; NEXT;
      CASE(PUSH4) push_value<4>(sp++, pc + 1); pc += 4; NEXT;
      CASE(PUSH5) push_value<5>(sp++, pc + 1); pc += 5; NEXT;
      CASE(PUSH6) push_value<6>(sp++, pc + 1); pc += 6; NEXT;
      CASE(PUSH7) push_value<7>(sp++, pc + 1); pc += 7; NEXT;
      CASE(PUSH8) push_value<8>(sp++, pc + 1); pc += 8; NEXT;
      CASE(PUSH9) push_value<9>(sp++, pc + 1); pc += 9; NEXT;
      CASE(PUSH10) push_value<10>(sp++, pc + 1); pc += 10; NEXT;
      CASE(PUSH11) push_value<11>(sp++, pc + 1); pc += 11; NEXT;
      CASE(PUSH12) push_value<12>(sp++, pc + 1); pc += 12; NEXT;
      CASE(PUSH13) push_value<13>(sp++, pc + 1); pc += 13; NEXT;
      CASE(PUSH14) push_value<14>(sp++, pc + 1); pc += 14; NEXT;
      CASE(PUSH15) push_value<15>(sp++, pc + 1); pc += 15; NEXT;
      CASE(PUSH16) push_value<16>(sp++, pc + 1); pc += 16; NEXT;
      CASE(PUSH17) push_value<17>(sp++, pc + 1); pc += 17; NEXT;
      CASE(PUSH18) push_value<18>(sp++, pc + 1); pc += 18; NEXT;
      CASE(PUSH19) push_value<19>(sp++, pc + 1); pc += 19; NEXT;
      CASE(PUSH20) push_value<20>(sp++, pc + 1); pc += 20; NEXT;
      CASE(PUSH21) push_value<21>(sp++, pc + 1); pc += 21; NEXT;
      CASE(PUSH22) push_value<22>(sp++, pc + 1); pc += 22; NEXT;
      CASE(PUSH23) push_value<23>(sp++, pc + 1); pc += 23; NEXT;
      CASE(PUSH24) push_value<24>(sp++, pc + 1); pc += 24; NEXT;
      CASE(PUSH25) push_value<25>(sp++, pc + 1); pc += 25; NEXT;
      CASE(PUSH26) push_value<26>(sp++, pc + 1); pc += 26; NEXT;
      CASE(PUSH27) push_value<27>(sp++, pc + 1); pc += 27; NEXT;
      CASE(PUSH28) push_value<28>(sp++, pc + 1); pc += 28; NEXT;
      CASE(PUSH29) push_value<29>(sp++, pc + 1); pc += 29; NEXT;
      CASE(PUSH30) push_value<30>(sp++, pc + 1); pc += 30; NEXT;
      CASE(PUSH31) push_value<31>(sp++, pc + 1); pc += 31; NEXT;
      CASE(PUSH32) push_value<32>(sp++, pc + 1); pc += 32; NEXT;
      UNDEFINED_CASE
        opcode = *pc;
        if constexpr (kTrace) TRACE_STEP();
        FAIL(kUndefinedInstruction);
#if DUSK_EVM_CGOTO
  }
#else
    }
  }
#endif
#undef CASE
#undef UNDEFINED_CASE
#undef NEXT
#undef JUMP_NEXT
#undef NEXT_ENTRY
#undef ENTER_BLOCK
#undef DISPATCH
#undef CHECK
#undef TRACE_STEP

done:
  if constexpr (kTrace) trace_flush(result.status == StatusCode::kSuccess || result.status == StatusCode::kRevert
                                        ? gas
                                        : trace_gas_before_);
  if constexpr (!kFast) {
    // A tracer hears which instruction failed; kChecked runs with any tracer that takes
    // no steps, so this costs the untraced kFast loop nothing.
    if (tracer_ && result.status != StatusCode::kSuccess && result.status != StatusCode::kRevert)
      tracer_->on_fault({result.status, static_cast<u64>(pc - code_begin), opcode,
                         static_cast<size_t>(sp - stack_base), msg.depth + 1});
  }
#undef FAIL
#undef CHARGE
#undef MEM
#undef ACCESS
  if (result.status == StatusCode::kSuccess || result.status == StatusCode::kRevert) {
    result.gas_left = gas;
  } else {
    result.gas_left = 0;
    result.output.clear();
  }
  return result;

block_check_failed:
  __attribute__((unused));  // reached in kFast only
  ResumePoint from{static_cast<u64>(pc - code_begin), static_cast<size_t>(sp - stack_base), gas,
                   std::move(return_data)};
  return run<RunMode::kChecked>(msg, code, &from);
}

template CallResult Evm::run<RunMode::kFast>(const Message&, const CodeAnalysis&, ResumePoint*);
template CallResult Evm::run<RunMode::kChecked>(const Message&, const CodeAnalysis&, ResumePoint*);
template CallResult Evm::run<RunMode::kTraced>(const Message&, const CodeAnalysis&, ResumePoint*);

}  // namespace dusk::evm
