#include "duskvm/engine/detail/interpreter.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "duskvm/engine/module.hpp"
#include "duskvm/engine/detail/ops.hpp"

namespace dusk::wasm {

namespace {

// NaN results are canonical, so that every machine computes the same bits.
inline float canon(float x) { return x == x ? x : std::bit_cast<float>(0x7fc00000u); }
inline double canon(double x) { return x == x ? x : std::bit_cast<double>(0x7ff8000000000000ull); }

template <typename F>
inline F fmin_wasm(F a, F b) {
  if (a != a || b != b) return canon(a + b);
  if (a == b) return std::signbit(a) ? a : b;  // min(-0, +0) = -0
  return a < b ? a : b;
}
template <typename F>
inline F fmax_wasm(F a, F b) {
  if (a != a || b != b) return canon(a + b);
  if (a == b) return std::signbit(a) ? b : a;  // max(-0, +0) = +0
  return a > b ? a : b;
}

// Saturating float-to-int conversion: NaN gives 0, out-of-range values clamp.
template <typename T, typename F>
inline T trunc_sat(F x) {
  if (x != x) return 0;
  // 2^(bits-1) for signed and 2^bits for unsigned types: exact powers of two.
  constexpr F lim = F(2) * static_cast<F>(T(1) << (sizeof(T) * 8 - 2)) * (std::numeric_limits<T>::is_signed ? F(1) : F(2));
  if (x >= lim) return std::numeric_limits<T>::max();
  if constexpr (std::numeric_limits<T>::is_signed) {
    if (x < -lim) return std::numeric_limits<T>::min();
  } else {
    if (x <= F(-1)) return 0;
  }
  return static_cast<T>(x);
}

inline u32 get_U32(u64 v) { return static_cast<u32>(v); }
inline u64 get_U64(u64 v) { return v; }
inline float get_F32(u64 v) { return std::bit_cast<float>(static_cast<u32>(v)); }
inline double get_F64(u64 v) { return std::bit_cast<double>(v); }
inline u64 put_U32(u32 v) { return v; }
inline u64 put_U64(u64 v) { return v; }
inline u64 put_F32(float v) { return std::bit_cast<u32>(v); }
inline u64 put_F64(double v) { return std::bit_cast<u64>(v); }
using U32_T = u32;
using U64_T = u64;
using F32_T = float;
using F64_T = double;

// Table elements are 8 bytes: bulk table operations pay the bulk rate for those bytes.
constexpr u64 kElementBytes = sizeof(u64);

// Frame setup: short runs as inline loops (cheaper than a call), long ones through
// memset/memcpy (the function paid for them on entry: see Compiler::run).
constexpr u64 kInlineSlots = 32;
inline void zero_slots(u64* p, u64 n) {
  if (n <= kInlineSlots) {
    for (u64 k = 0; k < n; ++k) p[k] = 0;
  } else {
    std::memset(p, 0, n * sizeof(u64));
  }
}
inline void copy_slots(u64* dst, const u64* src, u64 n) {
  if (n <= kInlineSlots) {
    for (u64 k = 0; k < n; ++k) dst[k] = src[k];
  } else {
    std::memcpy(dst, src, n * sizeof(u64));
  }
}

#ifdef DUSK_WASM_OP_STATS
// Development aid (cmake -DDUSK_WASM_OP_STATS=ON): counts executed instructions and
// pairs of consecutive instructions, printed to stderr at exit, to find what to fuse.
struct OpStats {
  std::vector<u64> single = std::vector<u64>(static_cast<size_t>(Op::kCount));
  std::vector<u64> pairs = std::vector<u64>(static_cast<size_t>(Op::kCount) * static_cast<size_t>(Op::kCount));
  std::vector<u16> by_offset;
  i32 min_offset = 0;
  u16 prev = 0;
  void record(i32 offset) {
    if (by_offset.empty()) {
      const i32* offs = Interpreter::offsets();
      i32 lo = offs[0], hi = offs[0];
      for (size_t i = 0; i < static_cast<size_t>(Op::kCount); ++i) lo = std::min(lo, offs[i]), hi = std::max(hi, offs[i]);
      min_offset = lo;
      by_offset.assign(static_cast<size_t>(hi - lo + 1), 0);
      for (size_t i = 0; i < static_cast<size_t>(Op::kCount); ++i) by_offset[offs[i] - lo] = static_cast<u16>(i);
    }
    const u16 op = by_offset[offset - min_offset];
    ++single[op];
    ++pairs[prev * static_cast<size_t>(Op::kCount) + op];
    prev = op;
  }
  ~OpStats() {
    std::vector<std::pair<u64, size_t>> top;
    for (size_t i = 0; i < pairs.size(); ++i)
      if (pairs[i]) top.emplace_back(pairs[i], i);
    std::sort(top.rbegin(), top.rend());
    u64 total = 0;
    for (u64 c : single) total += c;
    std::fprintf(stderr, "op stats: %llu instructions\n", static_cast<unsigned long long>(total));
    for (size_t i = 0; i < static_cast<size_t>(Op::kCount); ++i)
      if (single[i] * 200 > total) std::fprintf(stderr, "  op %3zu %6.2f%%\n", i, 100.0 * single[i] / total);
    for (size_t i = 0; i < top.size() && i < 30; ++i)
      std::fprintf(stderr, "  pair %3zu -> %3zu %6.2f%%\n", top[i].second / static_cast<size_t>(Op::kCount),
                   top[i].second % static_cast<size_t>(Op::kCount), 100.0 * top[i].first / total);
  }
};
OpStats g_op_stats;
#define DUSK_OP_HOOK(offset) g_op_stats.record(offset)
#else
#define DUSK_OP_HOOK(offset) ((void)0)
#endif

}  // namespace

Store::Stack::Stack(u32 slots, u32 max_depth) {
  bytes = static_cast<size_t>(slots) * sizeof(u64);
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    bytes = 0;
  } else {
    base = static_cast<u64*>(p);
    end = base + slots;
  }
  top = base;
  // Both regions are reserved, not committed: a deep limit costs nothing until used.
  const size_t frame_bytes = (static_cast<size_t>(max_depth) + 1) * sizeof(Frame);
  p = mmap(nullptr, frame_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p != MAP_FAILED) {
    frames = static_cast<Frame*>(p);
    num_frames = max_depth + 1;
  }
}

Store::Stack::~Stack() {
  if (base) munmap(base, bytes);
  if (frames) munmap(frames, static_cast<size_t>(num_frames) * sizeof(Frame));
}

const i32* Interpreter::offsets() {
  static const i32* const table = [] {
    const i32* out = nullptr;
    execute(nullptr, nullptr, reinterpret_cast<u64*>(&out), nullptr);
    return out;
  }();
  return table;
}

const i32* handler_offsets() { return Interpreter::offsets(); }

Trap Interpreter::call_host(Store& store, FuncInst* f, Instance* caller, u64* slots, u64* gas, Outcome* out) {
  const FuncType& t = *f->type_;
  Value args_buf[16], results_buf[16];
  std::vector<Value> args_heap, results_heap;
  Value* args = args_buf;
  Value* results = results_buf;
  if (t.params.size() > 16) {
    args_heap.resize(t.params.size());
    args = args_heap.data();
  }
  if (t.results.size() > 16) {
    results_heap.resize(t.results.size());
    results = results_heap.data();
  }
  for (size_t i = 0; i < t.params.size(); ++i) args[i] = {t.params[i], slots[i]};
  for (size_t i = 0; i < t.results.size(); ++i) results[i] = Value::zero(t.results[i]);
  HostContext ctx;
  ctx.store = &store;
  ctx.caller = caller;
  ctx.memory = caller ? caller->memory(0) : nullptr;
  ctx.gas_left = *gas;
  u64* saved_top = store.stack_->top;
  store.stack_->top = slots + std::max(t.params.size(), t.results.size());
  const Trap trap = f->host_(ctx, std::span<const Value>(args, t.params.size()), std::span<Value>(results, t.results.size()));
  store.stack_->top = saved_top;
  *gas = ctx.gas_left;
  if (trap != Trap::kNone) {
    out->message = std::move(ctx.error);
    out->exit_code = ctx.exit_code;
    return trap;
  }
  for (size_t i = 0; i < t.results.size(); ++i) slots[i] = slot_bits(results[i]);
  return Trap::kNone;
}

Interpreter::Outcome Interpreter::run(Store& store, FuncInst* f, u64* slots, u64* gas) {
  if (f->is_host()) {
    Outcome out;
    out.trap = call_host(store, f, nullptr, slots, gas, &out);
    return out;
  }
  return execute(&store, f, slots, gas);
}

// The interpreter loop. Registers: pc (next instruction), fp (frame), mem/mem_size
// (memory 0 of the current instance), inst, gas, depth.
Interpreter::Outcome Interpreter::execute(Store* store_ptr, FuncInst* f, u64* slots, u64* gas_io) {
#define DUSK_LABEL_OFFSET(name) static_cast<i32>(reinterpret_cast<const char*>(&&L_##name) - reinterpret_cast<const char*>(&&L_Unreachable))
  static const i32 kOffsets[] = {
#define DUSK_ON_OP(name, words) DUSK_LABEL_OFFSET(name),
      DUSK_FOR_EACH_OP()
#undef DUSK_ON_OP
#define DUSK_BINOP(name, ta, tr, body) DUSK_LABEL_OFFSET(name),
#define DUSK_UNOP(name, ta, tr, body) DUSK_LABEL_OFFSET(name),
#include "duskvm/engine/detail/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP
  };
  static_assert(sizeof(kOffsets) / sizeof(kOffsets[0]) == static_cast<size_t>(Op::kCount));
  Outcome out;
  if (store_ptr == nullptr) {
    *reinterpret_cast<const i32**>(slots) = kOffsets;
    return out;
  }

  Store& store = *store_ptr;
  Store::Stack& st = *store.stack_;
  const EngineConfig& cfg = store.config_;
  const u32 base_depth = st.depth;
  const u32 max_depth = std::min<u32>(base_depth + cfg.max_call_depth, st.num_frames);
  Store::Stack::Frame* frames = st.frames;
  u64* const stack_end = st.end;
  u32 depth = base_depth;
  u64 gas = *gas_io;
  Trap trap = Trap::kNone;

  Instance* inst = f->owner_;
  Memory* mem0 = nullptr;
  u8* mem = nullptr;
  u64 mem_size = 0;
  const u8* barrier = nullptr;
  const u32* pc = nullptr;
  u64* fp = slots;
  u64* nfp = nullptr;        // callee frame during a call
  const u32* ret_pc = nullptr;
  FuncInst* callee = f;
  const char* const base = reinterpret_cast<const char*>(&&L_Unreachable);

#define LOAD_MEMORY()                                  \
  do {                                                 \
    mem0 = inst->memory(0);                            \
    mem = mem0 ? mem0->data() : nullptr;               \
    mem_size = mem0 ? mem0->size() : 0;                \
    barrier = mem0 ? mem0->write_barrier_table() : nullptr; \
  } while (0)
  // A store first consults the write barrier (Memory's page tracking): one table
  // lookup per page touched, out of line only when a snapshot wants the old contents.
#define WRITE_BARRIER(ea, n)                                                          \
  do {                                                                                \
    if (barrier[(ea) / Memory::kTrackPageSize] | barrier[((ea) + (n)-1) / Memory::kTrackPageSize]) \
      [[unlikely]] {                                                                  \
      CHARGE(mem0->pages_to_save(ea, n) * cfg.gas.page_write);                        \
      mem0->note_write(ea, n);                                                        \
    }                                                                                 \
  } while (0)
#define NEXT()                         \
  do {                                 \
    DUSK_OP_HOOK(static_cast<i32>(*pc)); \
    goto* (base + static_cast<i32>(*pc)); \
  } while (0)
#define TRAP(code)  \
  do {              \
    trap = (code);  \
    goto L_trap;    \
  } while (0)
#define S(i) fp[pc[i]]
  // Charges a dynamic cost (bulk operations, memory growth) when metering.
#define CHARGE(amount)                    \
  do {                                    \
    if (cfg.metering) {                   \
      const u64 c_ = (amount);            \
      if (gas < c_) {                     \
        gas = 0;                          \
        TRAP(Trap::kOutOfGas);            \
      }                                   \
      gas -= c_;                          \
    }                                     \
  } while (0)
#define TRUNC(x, T, lo, hi)                                          \
  if ((x) != (x)) TRAP(Trap::kInvalidConversion);                   \
  if (!((x) > (lo) && (x) < (hi))) TRAP(Trap::kIntegerOverflow);    \
  r = static_cast<decltype(r)>(static_cast<T>(x));

  LOAD_MEMORY();
  // Enter f as if called from nowhere: the final Return ends the run.
  nfp = slots;
  ret_pc = nullptr;
  goto L_enter;

L_Unreachable:
  TRAP(Trap::kUnreachable);
L_Gas: {
  const u32 cost = pc[1];
  if (gas < cost) {
    gas = 0;
    TRAP(Trap::kOutOfGas);
  }
  gas -= cost;
  pc += 2;
  NEXT();
}
  // Branches: a target word (relative to itself) followed by the gas of the block at
  // the target, which a taken branch pays so that it can jump past that block's Gas.
#define TAKE_BRANCH(word)                       \
  do {                                          \
    const u32* w_ = (word);                     \
    const u32 cost_ = w_[1];                    \
    if (gas < cost_) {                          \
      gas = 0;                                  \
      TRAP(Trap::kOutOfGas);                    \
    }                                           \
    gas -= cost_;                               \
    pc = w_ + static_cast<i32>(*w_);            \
    NEXT();                                     \
  } while (0)
L_Br:
  TAKE_BRANCH(pc + 1);
L_BrIf:
  if (static_cast<u32>(S(1))) TAKE_BRANCH(pc + 2);
  pc += 4;
  NEXT();
L_BrIfZ:
  if (!static_cast<u32>(S(1))) TAKE_BRANCH(pc + 2);
  pc += 4;
  NEXT();
L_BrIf64:
  if (S(1)) TAKE_BRANCH(pc + 2);
  pc += 4;
  NEXT();
L_BrIfZ64:
  if (!S(1)) TAKE_BRANCH(pc + 2);
  pc += 4;
  NEXT();
L_BrTable: {
  u32 i = static_cast<u32>(S(1));
  const u32 n = pc[2];
  if (i > n) i = n;
  TAKE_BRANCH(pc + 3 + 2 * i);
}
L_Return: {
  const u32 src = pc[1], n = pc[2];
  for (u32 k = 0; k < n; ++k) fp[k] = fp[src + k];
  if (depth == base_depth) goto L_done;
  const Store::Stack::Frame& fr = frames[--depth];
  pc = fr.pc;
  fp = fr.fp;
  if (fr.inst != inst) {
    inst = fr.inst;
    LOAD_MEMORY();
  }
  NEXT();
}
L_Call:
  callee = inst->funcs_[pc[1]];
  nfp = fp + pc[2];
  ret_pc = pc + 3;
  goto L_call;
L_CallIndirect: {
  const TableInst* t = inst->tables_[pc[1]];
  const u32 i = static_cast<u32>(S(3));
  if (i >= t->elems_.size()) TRAP(Trap::kUndefinedElement);
  callee = reinterpret_cast<FuncInst*>(t->elems_[i]);
  if (!callee) TRAP(Trap::kUninitializedElement);
  if (callee->type_ != inst->types_[pc[2]]) TRAP(Trap::kIndirectCallTypeMismatch);
  nfp = fp + pc[4];
  ret_pc = pc + 5;
  goto L_call;
}
L_call:
  if (!callee->code_) {
    // The host may call back into the store: publish our frames so that a nested run
    // starts above them (the value stack top is set in call_host).
    st.depth = depth;
    Trap t = call_host(store, callee, inst, nfp, &gas, &out);
    if (t != Trap::kNone) TRAP(t);
    LOAD_MEMORY();  // the host may have grown memory
    pc = ret_pc;
    NEXT();
  }
  if (depth >= max_depth) {
    out.message = "call depth limit of " + std::to_string(cfg.max_call_depth) + " frames reached";
    TRAP(Trap::kCallStackExhausted);
  }
  frames[depth++] = {ret_pc, fp, inst};
L_enter: {
  const Function* fn = callee->code_;
  if (fn->frame_slots > static_cast<u64>(stack_end - nfp)) {
    out.message = "value stack limit of " + std::to_string(cfg.max_value_stack) + " slots reached";
    TRAP(Trap::kCallStackExhausted);
  }
  fp = nfp;
  u64* p = fp + fn->num_params;
  zero_slots(p, fn->num_locals);
  copy_slots(p + fn->num_locals, fn->consts.data(), fn->consts.size());
  if (callee->owner_ != inst) {
    inst = callee->owner_;
    LOAD_MEMORY();
  }
  pc = fn->code.data();
  NEXT();
}
L_Copy:
  S(2) = S(1);
  pc += 3;
  NEXT();
L_Const:
  S(3) = pc[1] | static_cast<u64>(pc[2]) << 32;
  pc += 4;
  NEXT();
L_Select:
  S(4) = static_cast<u32>(S(3)) ? S(1) : S(2);
  pc += 5;
  NEXT();
L_GlobalGet:
  S(2) = inst->globals_[pc[1]]->bits_;
  pc += 3;
  NEXT();
L_GlobalSet:
  inst->globals_[pc[1]]->bits_ = S(2);
  pc += 3;
  NEXT();
L_RefIsNull:
  S(2) = S(1) == 0;
  pc += 3;
  NEXT();
L_RefFunc:
  S(2) = reinterpret_cast<u64>(inst->funcs_[pc[1]]);
  pc += 3;
  NEXT();
L_TableGet: {
  const TableInst* t = inst->tables_[pc[1]];
  const u32 i = static_cast<u32>(S(2));
  if (i >= t->elems_.size()) TRAP(Trap::kTableOutOfBounds);
  S(3) = t->elems_[i];
  pc += 4;
  NEXT();
}
L_TableSet: {
  TableInst* t = inst->tables_[pc[1]];
  const u32 i = static_cast<u32>(S(2));
  if (i >= t->elems_.size()) TRAP(Trap::kTableOutOfBounds);
  t->elems_[i] = S(3);
  pc += 4;
  NEXT();
}
L_TableSize:
  S(2) = inst->tables_[pc[1]]->elems_.size();
  pc += 3;
  NEXT();
L_TableGrow: {
  TableInst* t = inst->tables_[pc[1]];
  const u32 n = static_cast<u32>(S(3));
  if (n <= t->max_ - t->elems_.size()) CHARGE(cfg.gas.bulk_cost(n * kElementBytes));  // a refused grow is free
  S(4) = static_cast<u32>(t->grow(n, S(2)));
  pc += 5;
  NEXT();
}
L_TableFill: {
  TableInst* t = inst->tables_[pc[1]];
  const u64 i = static_cast<u32>(S(2)), n = static_cast<u32>(S(4));
  const u64 v = S(3);
  if (i + n > t->elems_.size()) TRAP(Trap::kTableOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n * kElementBytes));
  std::fill(t->elems_.begin() + i, t->elems_.begin() + i + n, v);
  pc += 5;
  NEXT();
}
L_TableCopy: {
  TableInst* dt = inst->tables_[pc[1]];
  const TableInst* stbl = inst->tables_[pc[2]];
  const u64 d = static_cast<u32>(S(3)), s = static_cast<u32>(S(4)), n = static_cast<u32>(S(5));
  if (s + n > stbl->elems_.size() || d + n > dt->elems_.size()) TRAP(Trap::kTableOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n * kElementBytes));
  if (n) std::memmove(dt->elems_.data() + d, stbl->elems_.data() + s, n * sizeof(u64));
  pc += 6;
  NEXT();
}
L_TableInit: {
  TableInst* t = inst->tables_[pc[1]];
  const std::vector<u64>& seg = inst->elem_segments_[pc[2]];
  const u64 d = static_cast<u32>(S(3)), s = static_cast<u32>(S(4)), n = static_cast<u32>(S(5));
  if (s + n > seg.size() || d + n > t->elems_.size()) TRAP(Trap::kTableOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n * kElementBytes));
  if (n) std::memcpy(t->elems_.data() + d, seg.data() + s, n * sizeof(u64));
  pc += 6;
  NEXT();
}
L_ElemDrop:
  inst->elem_segments_[pc[1]] = {};
  pc += 2;
  NEXT();
L_MemorySize:
  S(1) = mem_size / kPageSize;
  pc += 2;
  NEXT();
L_MemoryGrow: {
  Memory* m0 = inst->memory(0);
  const u64 delta = S(1);  // i32 slots hold zero-extended values
  // Only growth that will happen is paid for: a refused grow returns -1 for the price
  // of the instruction.
  if (delta <= m0->max_pages() - m0->pages()) {
    const u128 c = static_cast<u128>(delta) * cfg.gas.memory_grow_page;
    CHARGE(c > ~u64{0} ? ~u64{0} : static_cast<u64>(c));
  }
  const auto old = m0->grow(delta);
  S(2) = old ? *old : (m0->is64() ? ~u64{0} : u64{0xffffffffu});
  LOAD_MEMORY();
  pc += 3;
  NEXT();
}
L_MemoryFill: {
  const u64 d = S(1), n = S(3);
  if (d > mem_size || n > mem_size - d) TRAP(Trap::kMemoryOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n));
  if (n) {
    CHARGE(mem0->pages_to_save(d, n) * cfg.gas.page_write);
    mem0->note_write(d, n);
    std::memset(mem + d, static_cast<u8>(S(2)), n);
  }
  pc += 4;
  NEXT();
}
L_MemoryCopy: {
  const u64 d = S(1), s = S(2), n = S(3);
  if (d > mem_size || n > mem_size - d || s > mem_size || n > mem_size - s) TRAP(Trap::kMemoryOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n));
  if (n) {
    CHARGE(mem0->pages_to_save(d, n) * cfg.gas.page_write);
    mem0->note_write(d, n);
    std::memmove(mem + d, mem + s, n);
  }
  pc += 4;
  NEXT();
}
L_MemoryInit: {
  const ByteView seg = inst->data_segments_[pc[1]];
  const u64 d = S(2), s = static_cast<u32>(S(3)), n = static_cast<u32>(S(4));
  if (s + n > seg.size() || d > mem_size || n > mem_size - d) TRAP(Trap::kMemoryOutOfBounds);
  CHARGE(cfg.gas.bulk_cost(n));
  if (n) {
    CHARGE(mem0->pages_to_save(d, n) * cfg.gas.page_write);
    mem0->note_write(d, n);
    std::memcpy(mem + d, seg.data() + s, n);
  }
  pc += 5;
  NEXT();
}
L_DataDrop:
  inst->data_segments_[pc[1]] = {};
  pc += 2;
  NEXT();

L_I32AddShl:
  S(4) = put_U32((get_U32(S(1)) << (get_U32(S(2)) & 31)) + get_U32(S(3)));
  pc += 5;
  NEXT();
L_Load32Idx: {
  const u64 ea = static_cast<u64>((get_U32(S(1)) << (get_U32(S(2)) & 31)) + get_U32(S(3))) + pc[4];
  if (ea + 4 > mem_size) TRAP(Trap::kMemoryOutOfBounds);
  S(5) = load_le<u32>(mem + ea);
  pc += 6;
  NEXT();
}
L_Load64Idx: {
  const u64 ea = static_cast<u64>((get_U32(S(1)) << (get_U32(S(2)) & 31)) + get_U32(S(3))) + pc[4];
  if (ea + 8 > mem_size) TRAP(Trap::kMemoryOutOfBounds);
  S(5) = load_le<u64>(mem + ea);
  pc += 6;
  NEXT();
}
L_I32Add3:
  S(4) = put_U32(get_U32(S(1)) + get_U32(S(2)) + get_U32(S(3)));
  pc += 5;
  NEXT();
L_Copy2:
  S(2) = S(1);
  S(4) = S(3);
  pc += 5;
  NEXT();
L_F64MulAdd:
  S(4) = put_F64(canon(canon(get_F64(S(1)) * get_F64(S(2))) + get_F64(S(3))));
  pc += 5;
  NEXT();

#define DUSK_X(name, T, OP)                                               \
  L_##name:                                                               \
  if (static_cast<T>(S(1)) OP static_cast<T>(S(2))) TAKE_BRANCH(pc + 3);  \
  pc += 5;                                                                \
  NEXT();
  DUSK_FUSED_BRANCH_OPS(DUSK_X)
#undef DUSK_X
#define DUSK_X(name, F, COND)                           \
  L_##name: {                                           \
    const F##_T a = get_##F(S(1)), b = get_##F(S(2));   \
    if (COND) TAKE_BRANCH(pc + 3);                      \
    pc += 5;                                            \
    NEXT();                                             \
  }
  DUSK_FUSED_FLOAT_BRANCH_OPS(DUSK_X)
#undef DUSK_X

  // Loads and stores. 32-bit memories: the effective address is a 33-bit sum that
  // cannot overflow; memory64 checks each step.
#define DUSK_X(name, T, R)                                                           \
  L_##name: {                                                                        \
    const u64 ea = static_cast<u64>(static_cast<u32>(S(1))) + pc[2];                 \
    if (ea + sizeof(T) > mem_size) TRAP(Trap::kMemoryOutOfBounds);                   \
    S(3) = static_cast<u64>(static_cast<R>(load_le<T>(mem + ea)));                  \
    pc += 4;                                                                         \
    NEXT();                                                                          \
  }                                                                                  \
  L_##name##M64: {                                                                   \
    const u64 a = S(1), off = pc[2] | static_cast<u64>(pc[3]) << 32;                 \
    if (off > mem_size || a > mem_size - off || sizeof(T) > mem_size - off - a)      \
      TRAP(Trap::kMemoryOutOfBounds);                                                \
    S(4) = static_cast<u64>(static_cast<R>(load_le<T>(mem + a + off)));             \
    pc += 5;                                                                         \
    NEXT();                                                                          \
  }                                                                                  \
  L_##name##Add: {                                                                   \
    const u64 ea = static_cast<u64>(static_cast<u32>(S(1)) + static_cast<u32>(S(2))) + pc[3]; \
    if (ea + sizeof(T) > mem_size) TRAP(Trap::kMemoryOutOfBounds);                   \
    S(4) = static_cast<u64>(static_cast<R>(load_le<T>(mem + ea)));                  \
    pc += 5;                                                                         \
    NEXT();                                                                          \
  }
  DUSK_LOAD_OPS(DUSK_X)
#undef DUSK_X
#define DUSK_X(name, T)                                                              \
  L_##name: {                                                                        \
    const u64 ea = static_cast<u64>(static_cast<u32>(S(1))) + pc[3];                 \
    if (ea + sizeof(T) > mem_size) TRAP(Trap::kMemoryOutOfBounds);                   \
    WRITE_BARRIER(ea, sizeof(T));                                                    \
    store_le<T>(mem + ea, static_cast<T>(S(2)));                                     \
    pc += 4;                                                                         \
    NEXT();                                                                          \
  }                                                                                  \
  L_##name##M64: {                                                                   \
    const u64 a = S(1), off = pc[3] | static_cast<u64>(pc[4]) << 32;                 \
    if (off > mem_size || a > mem_size - off || sizeof(T) > mem_size - off - a)      \
      TRAP(Trap::kMemoryOutOfBounds);                                                \
    WRITE_BARRIER(a + off, sizeof(T));                                               \
    store_le<T>(mem + a + off, static_cast<T>(S(2)));                                \
    pc += 5;                                                                         \
    NEXT();                                                                          \
  }
  DUSK_STORE_OPS(DUSK_X)
#undef DUSK_X

#define DUSK_BINOP(name, ta, tr, body) \
  L_##name: {                               \
    const ta##_T a = get_##ta(S(1));        \
    const ta##_T b = get_##ta(S(2));        \
    tr##_T r;                               \
    body                                    \
    S(3) = put_##tr(r);                     \
    pc += 4;                                \
    NEXT();                                 \
  }
#define DUSK_UNOP(name, ta, tr, body) \
  L_##name: {                              \
    const ta##_T a = get_##ta(S(1));       \
    tr##_T r;                              \
    body                                   \
    S(2) = put_##tr(r);                    \
    pc += 3;                               \
    NEXT();                                \
  }
#include "duskvm/engine/detail/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP

L_trap:
  st.depth = base_depth;
  *gas_io = gas;
  out.trap = trap;
  return out;
L_done:
  st.depth = base_depth;
  *gas_io = gas;
  return out;

#undef LOAD_MEMORY
#undef WRITE_BARRIER
#undef TAKE_BRANCH
#undef NEXT
#undef TRAP
#undef S
#undef CHARGE
#undef TRUNC
}

}  // namespace dusk::wasm
