#include "duskvm/engine/function_compiler.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "duskvm/engine/ops.hpp"
#include "duskvm/engine/reader.hpp"

namespace dusk::wasm {

namespace {

// ValType for the polymorphic stack of unreachable code: matches anything.
constexpr ValType kAny = static_cast<ValType>(0);

// Slot references before relocation: locals are plain indices; constants and stack
// positions are tagged, because their final index depends on counts known at the end.
constexpr u32 kConstTag = 0x40000000u;
constexpr u32 kStackTag = 0x80000000u;
constexpr u32 kTagMask = 0xc0000000u;
constexpr u32 kNone = 0xffffffffu;

struct NumInfo {
  bool valid = false;
  bool binary = false;
  Op op = Op::kCount;
  ValType ta = ValType::kI32;
  ValType tr = ValType::kI32;
};

constexpr ValType kTypeU32 = ValType::kI32;
constexpr ValType kTypeU64 = ValType::kI64;
constexpr ValType kTypeF32 = ValType::kF32;
constexpr ValType kTypeF64 = ValType::kF64;

// Operand types of the bitwise float ops are declared U32/U64 in the table (they work
// on bits) but wasm types them as floats; fix those up here.
ValType wasm_type(ValType declared, u32 opcode) {
  const bool f32_bits = opcode == 0x8b || opcode == 0x8c || opcode == 0x98;
  const bool f64_bits = opcode == 0x99 || opcode == 0x9a || opcode == 0xa6;
  if (f32_bits) return ValType::kF32;
  if (f64_bits) return ValType::kF64;
  return declared;
}

struct NumTables {
  std::array<NumInfo, 256> plain{};
  std::array<NumInfo, 8> fc{};
  NumTables() {
#define DUSK_BINOP(opc, name, ta, tr, body) add(opc, Op::name, kType##ta, kType##tr, true);
#define DUSK_UNOP(opc, name, ta, tr, body) add(opc, Op::name, kType##ta, kType##tr, false);
#include "duskvm/engine/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP
  }
  void add(u32 opc, Op op, ValType ta, ValType tr, bool binary) {
    NumInfo info{true, binary, op, wasm_type(ta, opc), wasm_type(tr, opc)};
    if (opc >= 0xfc00) fc[opc & 0xff] = info;
    else plain[opc] = info;
  }
};

const NumTables& num_tables() {
  static const NumTables t;
  return t;
}

// The fused compare-and-branch for a comparison, taken when the comparison holds
// (when_true) or fails (for integers the inverse comparison; for floats, where NaN
// makes a < b and a >= b both false, a negated form).
// Op::kCount when the comparison has no fused form.
Op fused_branch(Op cmp, bool when_true) {
  struct Pair {
    Op cmp, yes, no;
  };
  static constexpr Pair kPairs[] = {
      {Op::I32Eq, Op::BrI32Eq, Op::BrI32Ne},    {Op::I32Ne, Op::BrI32Ne, Op::BrI32Eq},
      {Op::I32LtS, Op::BrI32LtS, Op::BrI32GeS}, {Op::I32LtU, Op::BrI32LtU, Op::BrI32GeU},
      {Op::I32GtS, Op::BrI32GtS, Op::BrI32LeS}, {Op::I32GtU, Op::BrI32GtU, Op::BrI32LeU},
      {Op::I32LeS, Op::BrI32LeS, Op::BrI32GtS}, {Op::I32LeU, Op::BrI32LeU, Op::BrI32GtU},
      {Op::I32GeS, Op::BrI32GeS, Op::BrI32LtS}, {Op::I32GeU, Op::BrI32GeU, Op::BrI32LtU},
      {Op::I64Eq, Op::BrI64Eq, Op::BrI64Ne},    {Op::I64Ne, Op::BrI64Ne, Op::BrI64Eq},
      {Op::I64LtS, Op::BrI64LtS, Op::BrI64GeS}, {Op::I64LtU, Op::BrI64LtU, Op::BrI64GeU},
      {Op::I64GtS, Op::BrI64GtS, Op::BrI64LeS}, {Op::I64GtU, Op::BrI64GtU, Op::BrI64LeU},
      {Op::I64LeS, Op::BrI64LeS, Op::BrI64GtS}, {Op::I64LeU, Op::BrI64LeU, Op::BrI64GtU},
      {Op::I64GeS, Op::BrI64GeS, Op::BrI64LtS}, {Op::I64GeU, Op::BrI64GeU, Op::BrI64LtU},
      // i32.eqz x: branch when x == 0 is BrIfZ x; its inverse is BrIf x.
      {Op::I32Eqz, Op::BrIfZ, Op::BrIf},
      {Op::I64Eqz, Op::BrIfZ64, Op::BrIf64},
      {Op::F32Eq, Op::BrF32Eq, Op::BrF32Ne},    {Op::F32Ne, Op::BrF32Ne, Op::BrF32Eq},
      {Op::F32Lt, Op::BrF32Lt, Op::BrF32NotLt}, {Op::F32Gt, Op::BrF32Gt, Op::BrF32NotGt},
      {Op::F32Le, Op::BrF32Le, Op::BrF32NotLe}, {Op::F32Ge, Op::BrF32Ge, Op::BrF32NotGe},
      {Op::F64Eq, Op::BrF64Eq, Op::BrF64Ne},    {Op::F64Ne, Op::BrF64Ne, Op::BrF64Eq},
      {Op::F64Lt, Op::BrF64Lt, Op::BrF64NotLt}, {Op::F64Gt, Op::BrF64Gt, Op::BrF64NotGt},
      {Op::F64Le, Op::BrF64Le, Op::BrF64NotLe}, {Op::F64Ge, Op::BrF64Ge, Op::BrF64NotGe},
  };
  for (const Pair& p : kPairs)
    if (p.cmp == cmp) return when_true ? p.yes : p.no;
  return Op::kCount;
}

struct MemOpInfo {
  Op op;
  ValType type;
  u32 max_align;  // log2 of the natural alignment
  bool store;
};

MemOpInfo mem_op(u8 opc) {
  switch (opc) {
    case 0x28: return {Op::Load32, ValType::kI32, 2, false};
    case 0x29: return {Op::Load64, ValType::kI64, 3, false};
    case 0x2a: return {Op::Load32, ValType::kF32, 2, false};
    case 0x2b: return {Op::Load64, ValType::kF64, 3, false};
    case 0x2c: return {Op::Load8S32, ValType::kI32, 0, false};
    case 0x2d: return {Op::Load8U32, ValType::kI32, 0, false};
    case 0x2e: return {Op::Load16S32, ValType::kI32, 1, false};
    case 0x2f: return {Op::Load16U32, ValType::kI32, 1, false};
    case 0x30: return {Op::Load8S64, ValType::kI64, 0, false};
    case 0x31: return {Op::Load8U64, ValType::kI64, 0, false};
    case 0x32: return {Op::Load16S64, ValType::kI64, 1, false};
    case 0x33: return {Op::Load16U64, ValType::kI64, 1, false};
    case 0x34: return {Op::Load32S64, ValType::kI64, 2, false};
    case 0x35: return {Op::Load32U64, ValType::kI64, 2, false};
    case 0x36: return {Op::Store32, ValType::kI32, 2, true};
    case 0x37: return {Op::Store64, ValType::kI64, 3, true};
    case 0x38: return {Op::Store32, ValType::kF32, 2, true};
    case 0x39: return {Op::Store64, ValType::kF64, 3, true};
    case 0x3a: return {Op::Store8, ValType::kI32, 0, true};
    case 0x3b: return {Op::Store16, ValType::kI32, 1, true};
    case 0x3c: return {Op::Store8, ValType::kI64, 0, true};
    case 0x3d: return {Op::Store16, ValType::kI64, 1, true};
    default: return {Op::Store32, ValType::kI64, 2, true};  // 0x3e i64.store32
  }
}

}  // namespace

// Friend of Module: reads its decoded sections.
class Compiler {
 public:
  Compiler(const Module& m, const EngineConfig& cfg, const std::set<u32>& refs, ByteView body)
      : m_(m), cfg_(cfg), refs_(refs), r_(body.data(), body.data() + body.size()),
        handlers_(handler_offsets()) {}

  Status run(u32 func_index, Function* out);

 private:
  struct Entry {
    ValType type = kAny;
    u32 slot = 0;
  };
  enum class Kind : u8 { kFunction, kBlock, kLoop, kIf, kElse };
  struct Ctrl {
    Kind kind;
    std::vector<ValType> params;
    std::vector<ValType> results;
    u32 height;         // operand stack height below the block's values
    bool unreachable = false;  // the rest of the block is unreachable: its stack is polymorphic
    bool dead = false;         // the whole block is unreachable: emit no code for it
    u32 loop_pos = 0;   // kLoop: branch target
    std::vector<u32> fixups;  // code positions of forward branch targets to patch at end
    u32 else_fixup = kNone;   // kIf: the BrIfZ target that jumps to else/end
    const std::vector<ValType>& label_types() const { return kind == Kind::kLoop ? params : results; }
  };

  // --- errors
  Status malformed(std::string msg) { return Error(std::move(msg), kMalformed); }
  Status invalid(std::string msg) { return Error(std::move(msg), kInvalid); }
  bool fail_invalid(std::string msg) {
    if (err_.message.empty()) err_ = Error(std::move(msg), kInvalid);
    return false;
  }

  // --- code emission
  bool live() const { return !ctrls_.back().unreachable && !ctrls_.back().dead; }
  u32 pos() const { return static_cast<u32>(code_.size()); }
  void emit_op(Op op) {
    code_.push_back(static_cast<u32>(handlers_[static_cast<size_t>(op)]));
    last_dst_pos_ = kNone;
    last_copy_pos_ = kNone;
  }
  // Two copies in a row (no label between them) become one Copy2.
  void emit_copy(u32 src, u32 dst) {
    if (last_copy_pos_ != kNone && last_copy_pos_ + 3 == pos()) {
      code_[last_copy_pos_] = static_cast<u32>(handlers_[static_cast<size_t>(Op::Copy2)]);
      emit_slot(src);
      emit_slot(dst);
      last_copy_pos_ = kNone;
      return;
    }
    const u32 at = pos();
    emit_op(Op::Copy);
    emit_slot(src);
    emit_slot(dst);
    last_copy_pos_ = at;
  }
  void emit_imm(u32 v) { code_.push_back(v); }
  void emit_slot(u32 s) {
    if (s & kTagMask) relocs_.push_back(pos());
    code_.push_back(s);
  }
  void emit_dst(u32 s) {
    const u32 p = pos();
    emit_slot(s);
    last_dst_pos_ = p;
  }
  // Starts a new basic block: the next instruction gets its own gas charge.
  void leader() {
    gas_pos_ = kNone;
    last_dst_pos_ = kNone;
    last_copy_pos_ = kNone;
  }
  void charge(u32 cost) {
    if (!cfg_.metering || cost == 0 || !live()) return;
    if (gas_pos_ == kNone || code_[gas_pos_] > 0xffffffffu - cost) {
      code_.push_back(static_cast<u32>(handlers_[static_cast<size_t>(Op::Gas)]));
      gas_pos_ = pos();
      code_.push_back(0);
    }
    code_[gas_pos_] += cost;
  }

  // --- operand stack
  static u32 natural(size_t position) { return kStackTag | static_cast<u32>(position); }
  void push(ValType t) { push_slot(t, natural(stack_.size())); }
  void push_slot(ValType t, u32 slot) {
    if ((slot & kTagMask) == 0) {
      // Remember where deferred locals sit, so that writes and block boundaries find
      // them without scanning the whole stack (which a hostile body could make
      // quadratic). Entries may go stale when popped; users check them.
      local_refs_[slot].push_back(static_cast<u32>(stack_.size()));
      deferred_.push_back(static_cast<u32>(stack_.size()));
    }
    stack_.push_back({t, slot});
    max_height_ = std::max<size_t>(max_height_, stack_.size());
  }
  bool pop(ValType expected, Entry* out) {
    const Ctrl& c = ctrls_.back();
    if (stack_.size() == c.height) {
      if (c.unreachable) {
        *out = {expected, natural(stack_.size())};
        return true;
      }
      return fail_invalid("type mismatch");
    }
    Entry e = stack_.back();
    if (e.type != expected && e.type != kAny && expected != kAny) return fail_invalid("type mismatch");
    if (e.type == kAny) e.type = expected;
    stack_.pop_back();
    *out = e;
    return true;
  }
  // Checks that the top values match `types` without popping (polymorphic below).
  bool peek_types(const std::vector<ValType>& types) {
    const Ctrl& c = ctrls_.back();
    for (size_t i = 0; i < types.size(); ++i) {
      const size_t depth = types.size() - 1 - i;  // from the top
      if (stack_.size() - c.height <= depth) {
        if (!c.unreachable) return fail_invalid("type mismatch");
        continue;
      }
      const ValType t = stack_[stack_.size() - 1 - depth].type;
      if (t != types[i] && t != kAny) return fail_invalid("type mismatch");
    }
    return true;
  }
  bool pop_types(const std::vector<ValType>& types, std::vector<Entry>* out = nullptr) {
    if (out) out->resize(types.size());
    for (size_t i = types.size(); i-- > 0;) {
      Entry e;
      if (!pop(types[i], &e)) return false;
      if (out) (*out)[i] = e;
    }
    return true;
  }
  void push_types(const std::vector<ValType>& types) {
    for (ValType t : types) push(t);
  }
  // Copies the value at stack index i to its own slot.
  void materialize(size_t i) {
    if (stack_[i].slot == natural(i)) return;
    if (live()) {
      emit_copy(stack_[i].slot, natural(i));
    }
    stack_[i].slot = natural(i);
  }
  // Values deferred to locals must be copied before control flow splits: a local may
  // be written on one path only.
  void materialize_locals() {
    for (u32 p : deferred_)
      if (p < stack_.size() && (stack_[p].slot & kTagMask) == 0) materialize(p);
    deferred_.clear();
  }
  void materialize_top(size_t n) {
    const size_t base = stack_.size() - std::min(n, stack_.size());
    for (size_t i = base; i < stack_.size(); ++i) materialize(i);
  }
  // Each recorded position is examined a bounded number of times before its list is
  // cleared, so the total work is linear in the body size.
  bool references_local(u32 x) {
    for (u32 p : local_refs_[x])
      if (p < stack_.size() && stack_[p].slot == x) return true;
    local_refs_[x].clear();  // all stale
    return false;
  }
  void before_local_write(u32 x) {
    for (u32 p : local_refs_[x])
      if (p < stack_.size() && stack_[p].slot == x) materialize(p);
    local_refs_[x].clear();
  }
  u32 const_slot(u64 bits) {
    auto [it, inserted] = const_index_.try_emplace(bits, static_cast<u32>(consts_.size()));
    if (inserted) consts_.push_back(bits);
    return kConstTag | it->second;
  }

  // --- control
  void push_ctrl(Kind kind, std::vector<ValType> params, std::vector<ValType> results) {
    const bool dead = !live();
    Ctrl c{kind, std::move(params), std::move(results), static_cast<u32>(stack_.size()), false, dead, 0, {}, kNone};
    ctrls_.push_back(std::move(c));
    push_types(ctrls_.back().params);
  }
  void set_unreachable() {
    Ctrl& c = ctrls_.back();
    stack_.resize(c.height);
    c.unreachable = true;
    leader();
  }
  // Emits the copies that move `vals` (the branch values, bottom first) into the
  // target label's slots; returns false when none are needed.
  bool needs_branch_copies(const Ctrl& target, const std::vector<Entry>& vals) const {
    for (size_t i = 0; i < vals.size(); ++i)
      if (vals[i].slot != natural(target.height + i)) return true;
    return false;
  }
  void emit_branch_copies(const Ctrl& target, const std::vector<Entry>& vals) {
    for (size_t i = 0; i < vals.size(); ++i) {
      if (vals[i].slot == natural(target.height + i)) continue;
      emit_copy(vals[i].slot, natural(target.height + i));
    }
  }
  // Emits a branch target word (absolute while translating, made relative at the end)
  // and the gas word after it (filled in at the end: see finish_branches).
  u32 target_word(u32 value) {
    const u32 p = pos();
    targets_.push_back(p);
    emit_imm(value);
    emit_imm(0);
    return p;
  }
  void emit_target(Ctrl& target) {
    if (target.kind == Kind::kLoop) {
      target_word(target.loop_pos);
    } else {
      target.fixups.push_back(target_word(kNone));
    }
  }
  // Emits a conditional branch on `cond` (taken when it is non-zero, or zero if
  // !when_true) and returns the position of its target word. A comparison computed by
  // the instruction just before, whose result nothing else reads, is fused into it.
  u32 emit_cond_branch(const Entry& cond, bool when_true) {
    // The comparison must be the very last instruction: its destination is the last
    // word emitted and nothing was emitted since (emit_op clears last_dst_pos_).
    const bool unary_cmp = last_op_ == Op::I32Eqz || last_op_ == Op::I64Eqz;
    if (last_dst_pos_ != kNone && last_op_pos_ != kNone && code_[last_dst_pos_] == cond.slot &&
        (cond.slot & kStackTag) && last_dst_pos_ == last_op_pos_ + (unary_cmp ? 2 : 3) &&
        last_dst_pos_ + 1 == pos()) {
      const Op fused = fused_branch(last_op_, when_true);
      if (fused != Op::kCount) {
        const u32 a = code_[last_op_pos_ + 1];
        const u32 b = code_[last_op_pos_ + 2];
        const bool unary = unary_cmp;
        while (!relocs_.empty() && relocs_.back() >= last_op_pos_) relocs_.pop_back();
        code_.resize(last_op_pos_);
        emit_op(fused);
        emit_slot(a);
        if (!unary) emit_slot(b);
        return target_word(kNone);
      }
    }
    emit_op(when_true ? Op::BrIf : Op::BrIfZ);
    emit_slot(cond.slot);
    return target_word(kNone);
  }

  // If the instruction just emitted is `op` and computed `slot` (a value nothing else
  // will read), removes it and returns its operand slots so that the caller can emit a
  // superinstruction in its place.
  bool take_previous(Op op, u32 slot, u32* a, u32* b, u32* c = nullptr) {
    const u32 operands = c ? 3 : 2;
    if (last_op_ != op || last_op_pos_ == kNone || last_dst_pos_ != last_op_pos_ + operands + 1 ||
        last_dst_pos_ + 1 != pos() || code_[last_dst_pos_] != slot || !(slot & kStackTag))
      return false;
    *a = code_[last_op_pos_ + 1];
    *b = code_[last_op_pos_ + 2];
    if (c) *c = code_[last_op_pos_ + 3];
    while (!relocs_.empty() && relocs_.back() >= last_op_pos_) relocs_.pop_back();
    code_.resize(last_op_pos_);
    last_op_ = Op::kCount;
    last_dst_pos_ = kNone;
    return true;
  }

  // Current top values as entries (bottom first), for a label of `n` values.
  std::vector<Entry> top_entries(size_t n) const {
    std::vector<Entry> v;
    const Ctrl& c = ctrls_.back();
    for (size_t i = 0; i < n; ++i) {
      const size_t depth = n - 1 - i;
      if (stack_.size() - c.height > depth) v.push_back(stack_[stack_.size() - 1 - depth]);
      else v.push_back({kAny, natural(0)});  // unreachable: nothing is emitted
    }
    return v;
  }
  void emit_return(const std::vector<Entry>& vals) {
    // Single results need no contiguity; several are made contiguous first.
    if (vals.size() == 1) {
      emit_op(Op::Return);
      emit_slot(vals[0].slot);
      emit_imm(1);
      return;
    }
    bool contiguous = true;
    for (size_t i = 1; i < vals.size(); ++i)
      if ((vals[i].slot & kStackTag) == 0 || vals[i].slot != vals[0].slot + i) contiguous = false;
    if (!vals.empty() && !contiguous) {
      // Copy into the values' own slots without changing the translator's view: this
      // may run on a conditional path (br_if) while the fall-through path keeps them.
      const size_t base = stack_.size() - vals.size();
      for (size_t i = 0; i < vals.size(); ++i) {
        if (vals[i].slot == natural(base + i)) continue;
        emit_copy(vals[i].slot, natural(base + i));
      }
      emit_op(Op::Return);
      emit_slot(natural(base));
    } else {
      emit_op(Op::Return);
      emit_slot(vals.empty() ? 0 : vals[0].slot);
    }
    emit_imm(static_cast<u32>(vals.size()));
  }

  // --- decoding helpers
  bool read_block_type(std::vector<ValType>* params, std::vector<ValType>* results);
  bool read_memarg(u32 max_align, u64* offset);
  bool need_memory() {
    if (m_.memories_.empty()) return fail_invalid("unknown memory 0");
    return true;
  }
  bool is64() const { return !m_.memories_.empty() && m_.memories_[0].is64; }
  ValType addr_type() const { return is64() ? ValType::kI64 : ValType::kI32; }
  bool zero_byte() {
    u8 b;
    if (!r_.byte(&b)) return false;
    if (b != 0) return r_.fail("zero byte expected");
    return true;
  }
  bool check_depth() {
    if (ctrls_.size() <= cfg_.max_block_depth) return true;
    if (err_.message.empty())
      err_ = Error("blocks nested deeper than " + std::to_string(cfg_.max_block_depth), kTooLarge);
    return false;
  }
  bool read_locals(u32 num_params);
  bool instruction(u8 opc);
  bool fc_instruction(u32 sub);
  bool numeric(const NumInfo& info);
  bool fuse_binary(Op op, const Entry& a, const Entry& b);
  bool memory_access(u8 opc);
  bool branch(u32 depth);
  bool br_if(u32 depth);
  bool br_table();
  bool end();
  bool call(u32 func_index);
  bool call_indirect(u32 type_index, u32 table);
  bool local_set(u32 x, bool tee);

  const Module& m_;
  const EngineConfig& cfg_;
  const std::set<u32>& refs_;
  Reader r_;
  const i32* handlers_;
  Error err_;

  std::vector<ValType> locals_;  // params then locals
  std::vector<std::vector<u32>> local_refs_;  // per local: stack positions that read it
  std::vector<u32> deferred_;                 // stack positions of deferred locals
  std::vector<Entry> stack_;
  std::vector<Ctrl> ctrls_;
  std::vector<u32> code_;
  std::vector<u32> relocs_;
  std::vector<u32> targets_;  // positions of branch target words
  u32 last_copy_pos_ = kNone;  // a Copy just emitted that a second one may join
  Op last_op_ = Op::kCount;   // the last numeric instruction and where it starts
  u32 last_op_pos_ = kNone;
  std::vector<u64> consts_;
  std::map<u64, u32> const_index_;
  size_t max_height_ = 0;
  u32 gas_pos_ = kNone;
  u32 last_dst_pos_ = kNone;
};

#define CHECK(expr) \
  do {              \
    if (!(expr)) return false; \
  } while (0)

bool Compiler::read_locals(u32 num_params) {
  u32 groups;
  CHECK(r_.u32leb(&groups));
  u64 total = num_params;
  for (u32 g = 0; g < groups; ++g) {
    u32 n;
    u8 b;
    CHECK(r_.u32leb(&n));
    total += n;
    if (total > 0xffffffffull) return r_.fail("too many locals");
    if (total > cfg_.max_locals) {
      if (err_.message.empty())
        err_ = Error("function has more than " + std::to_string(cfg_.max_locals) + " locals", kTooLarge);
      return false;
    }
    CHECK(r_.byte(&b));
    switch (b) {
      case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x70: case 0x6f: break;
      case 0x7b:
        if (err_.message.empty()) err_ = Error("SIMD (v128) is not supported", kUnsupported);
        return false;
      default: return r_.fail("malformed value type");
    }
    locals_.insert(locals_.end(), n, static_cast<ValType>(b));
  }
  return true;
}

bool Compiler::read_block_type(std::vector<ValType>* params, std::vector<ValType>* results) {
  if (r_.at_end()) return r_.fail("unexpected end");
  const u8 b = *r_.pos();
  if (b == 0x40) {
    u8 skip;
    return r_.byte(&skip);
  }
  switch (b) {
    case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x70: case 0x6f: {
      u8 t;
      CHECK(r_.byte(&t));
      results->push_back(static_cast<ValType>(t));
      return true;
    }
    case 0x7b:
      if (err_.message.empty()) err_ = Error("SIMD (v128) is not supported", kUnsupported);
      return false;
  }
  i64 idx;
  CHECK(r_.s33leb(&idx));
  if (idx < 0) return r_.fail("malformed value type");
  if (static_cast<u64>(idx) >= m_.types_.size()) return fail_invalid("unknown type " + std::to_string(idx));
  *params = m_.types_[idx].params;
  *results = m_.types_[idx].results;
  return true;
}

bool Compiler::read_memarg(u32 max_align, u64* offset) {
  u32 align;
  CHECK(r_.u32leb(&align));
  if (align >= 64) {
    // Bit 6 would select a memory (multi-memory proposal), which we do not support.
    return fail_invalid("alignment must not be larger than natural");
  }
  if (is64()) {
    CHECK(r_.u64leb(offset));
  } else {
    u32 o;
    CHECK(r_.u32leb(&o));
    *offset = o;
  }
  CHECK(need_memory());
  if (align > max_align) return fail_invalid("alignment must not be larger than natural");
  return true;
}

Status Compiler::run(u32 func_index, Function* out) {
  const u32 type_index = m_.func_types_[func_index];
  const FuncType& ft = m_.types_[type_index];
  locals_ = ft.params;
  if (!read_locals(static_cast<u32>(ft.params.size()))) {
    if (!err_.message.empty()) return err_;
    return malformed(r_.error());
  }
  const u32 num_locals = static_cast<u32>(locals_.size());
  local_refs_.resize(num_locals);

  ctrls_.push_back({Kind::kFunction, {}, ft.results, 0, false, false, 0, {}, kNone});
  leader();
  while (!ctrls_.empty()) {
    u8 opc;
    if (!r_.byte(&opc)) break;
    if (!instruction(opc)) break;
  }
  if (!err_.message.empty()) return err_;
  if (!r_.ok()) {
    const std::string& e = r_.error();
    return malformed(e == "unexpected end" ? "unexpected end of section or function" : e);
  }
  if (!ctrls_.empty()) return malformed("unexpected end of section or function");
  if (!r_.at_end()) return malformed("operators remaining after end of function");

  // Relocate constant and stack slots now that their bases are known.
  const u32 const_base = num_locals;
  const u32 stack_base = num_locals + static_cast<u32>(consts_.size());
  for (u32 p : relocs_) {
    const u32 s = code_[p];
    code_[p] = (s & kStackTag) ? stack_base + (s & ~kTagMask) : const_base + (s & ~kTagMask);
  }
  // A branch whose target starts with a Gas instruction pays that gas itself and jumps
  // past it (one dispatch fewer per taken branch; fall-through still runs the Gas).
  // Targets become offsets relative to the word that holds them, so the interpreter
  // needs no code base register.
  const u32 gas_handler = static_cast<u32>(handlers_[static_cast<size_t>(Op::Gas)]);
  for (u32 p : targets_) {
    u32 target = code_[p];
    if (target + 1 < code_.size() && code_[target] == gas_handler) {
      code_[p + 1] = code_[target + 1];
      target += 2;
    }
    code_[p] = target - p;
  }
  const u64 frame = u64{stack_base} + max_height_;
  if (frame > 0x3fffffffu) return Error("function frame too large", kTooLarge);

  out->type_index = type_index;
  out->num_params = static_cast<u32>(ft.params.size());
  out->num_results = static_cast<u32>(ft.results.size());
  out->num_locals = num_locals - out->num_params;
  out->frame_slots = static_cast<u32>(frame);
  out->code = std::move(code_);
  out->consts = std::move(consts_);
  return {};
}

bool Compiler::numeric(const NumInfo& info) {
  Entry a, b;
  if (info.binary) {
    CHECK(pop(info.ta, &b));
    CHECK(pop(info.ta, &a));
  } else {
    CHECK(pop(info.ta, &a));
  }
  push(info.tr);
  if (!live()) return true;
  const u32 start = pos();
  if (info.binary && fuse_binary(info.op, a, b)) return true;
  emit_op(info.op);
  emit_slot(a.slot);
  if (info.binary) emit_slot(b.slot);
  emit_dst(stack_.back().slot);
  last_op_ = info.op;
  last_op_pos_ = start;
  return true;
}

bool Compiler::fuse_binary(Op op, const Entry& a, const Entry& b) {
  // (x << s) + y, x + y + z and x * y + z: the first result feeds only this instruction.
  if (op != Op::I32Add && op != Op::F64Add) return false;
  u32 x, y;
  const Entry* other = nullptr;
  Op fused = Op::kCount;
  const auto try_first = [&](Op first, Op super) {
    if (other) return;
    if (take_previous(first, b.slot, &x, &y)) other = &a;       // a + (x op y)
    else if (take_previous(first, a.slot, &x, &y)) other = &b;  // (x op y) + b
    if (other) fused = super;
  };
  if (op == Op::I32Add) {
    try_first(Op::I32Shl, Op::I32AddShl);
    try_first(Op::I32Add, Op::I32Add3);
  } else {
    try_first(Op::F64Mul, Op::F64MulAdd);
  }
  if (!other) return false;
  // Both additions commute (IEEE addition is commutative, NaNs are canonical).
  const u32 start = pos();
  emit_op(fused);
  emit_slot(x);
  emit_slot(y);
  emit_slot(other->slot);
  emit_dst(stack_.back().slot);
  last_op_ = fused;  // an I32AddShl address can still be folded into a load
  last_op_pos_ = start;
  return true;
}

bool Compiler::memory_access(u8 opc) {
  const MemOpInfo info = mem_op(opc);
  u64 offset;
  CHECK(read_memarg(info.max_align, &offset));
  const Op op = static_cast<Op>(static_cast<u16>(info.op) + (is64() ? 1 : 0));
  if (info.store) {
    Entry v, addr;
    CHECK(pop(info.type, &v));
    CHECK(pop(addr_type(), &addr));
    if (!live()) return true;
    emit_op(op);
    emit_slot(addr.slot);
    emit_slot(v.slot);
    emit_imm(static_cast<u32>(offset));
    if (is64()) emit_imm(static_cast<u32>(offset >> 32));
  } else {
    Entry addr;
    CHECK(pop(addr_type(), &addr));
    push(info.type);
    if (!live()) return true;
    u32 x, y, z;
    if (!is64() && (info.op == Op::Load32 || info.op == Op::Load64) &&
        take_previous(Op::I32AddShl, addr.slot, &x, &y, &z)) {
      // An indexed address, (x << y) + z: one instruction for the whole access.
      emit_op(info.op == Op::Load32 ? Op::Load32Idx : Op::Load64Idx);
      emit_slot(x);
      emit_slot(y);
      emit_slot(z);
      emit_imm(static_cast<u32>(offset));
      emit_dst(stack_.back().slot);
      return true;
    }
    if (!is64() && take_previous(Op::I32Add, addr.slot, &x, &y)) {
      // The address is an i32.add that nothing else reads: one instruction.
      emit_op(static_cast<Op>(static_cast<u16>(info.op) + 2));  // LoadXxxAdd
      emit_slot(x);
      emit_slot(y);
      emit_imm(static_cast<u32>(offset));
      emit_dst(stack_.back().slot);
      return true;
    }
    emit_op(op);
    emit_slot(addr.slot);
    emit_imm(static_cast<u32>(offset));
    if (is64()) emit_imm(static_cast<u32>(offset >> 32));
    emit_dst(stack_.back().slot);
  }
  return true;
}

bool Compiler::branch(u32 depth) {
  if (depth >= ctrls_.size()) return fail_invalid("unknown label");
  Ctrl& target = ctrls_[ctrls_.size() - 1 - depth];
  const auto types = target.label_types();
  CHECK(peek_types(types));
  if (live()) {
    const auto vals = top_entries(types.size());
    if (&target == &ctrls_.front()) {
      emit_return(vals);
    } else {
      emit_branch_copies(target, vals);
      emit_op(Op::Br);
      emit_target(target);
    }
  }
  set_unreachable();
  return true;
}

bool Compiler::br_if(u32 depth) {
  if (depth >= ctrls_.size()) return fail_invalid("unknown label");
  Entry cond;
  CHECK(pop(ValType::kI32, &cond));
  Ctrl& target = ctrls_[ctrls_.size() - 1 - depth];
  const auto types = target.label_types();
  // br_if keeps its values: they must match the label, and are retyped to it.
  std::vector<Entry> vals;
  CHECK(pop_types(types, &vals));
  for (size_t i = 0; i < vals.size(); ++i) push_slot(types[i], vals[i].slot);
  if (!live()) return true;
  if (&target == &ctrls_.front()) {
    const u32 skip = emit_cond_branch(cond, false);
    emit_return(vals);
    code_[skip] = pos();
  } else if (!needs_branch_copies(target, vals)) {
    const u32 t = emit_cond_branch(cond, true);
    if (target.kind == Kind::kLoop) code_[t] = target.loop_pos;
    else target.fixups.push_back(t);
  } else {
    const u32 skip = emit_cond_branch(cond, false);
    emit_branch_copies(target, vals);
    emit_op(Op::Br);
    emit_target(target);
    code_[skip] = pos();
  }
  leader();
  return true;
}

bool Compiler::br_table() {
  u32 n;
  CHECK(r_.u32leb(&n));
  if (n > cfg_.max_br_table_targets) {
    if (err_.message.empty()) err_ = Error("br_table has too many targets", kTooLarge);
    return false;
  }
  if (n > r_.remaining()) return r_.fail("unexpected end");
  std::vector<u32> depths(n + 1);
  for (auto& d : depths) CHECK(r_.u32leb(&d));
  Entry index;
  CHECK(pop(ValType::kI32, &index));
  for (u32 d : depths)
    if (d >= ctrls_.size()) return fail_invalid("unknown label");
  const size_t arity = ctrls_[ctrls_.size() - 1 - depths.back()].label_types().size();
  std::set<u32> checked;  // each distinct label once: targets x arity could be huge
  for (u32 d : depths) {
    if (!checked.insert(d).second) continue;
    const auto& types = ctrls_[ctrls_.size() - 1 - d].label_types();
    if (types.size() != arity) return fail_invalid("type mismatch");
    CHECK(peek_types(types));
  }
  if (live()) {
    const auto vals = top_entries(arity);
    emit_op(Op::BrTable);
    emit_slot(index.slot);
    emit_imm(n);
    const u32 table = pos();
    for (u32 i = 0; i <= n; ++i) target_word(kNone);
    // Targets that need value copies (or are the function label) go through a stub.
    std::map<u32, u32> stubs;  // depth -> stub position
    for (u32 i = 0; i <= n; ++i) {
      Ctrl& target = ctrls_[ctrls_.size() - 1 - depths[i]];
      const bool is_func = &target == &ctrls_.front();
      if (!is_func && !needs_branch_copies(target, vals)) {
        if (target.kind == Kind::kLoop) code_[table + 2 * i] = target.loop_pos;
        else target.fixups.push_back(table + 2 * i);
        continue;
      }
      auto it = stubs.find(depths[i]);
      if (it == stubs.end()) {
        const u32 stub = pos();
        if (is_func) {
          emit_return(vals);
        } else {
          emit_branch_copies(target, vals);
          emit_op(Op::Br);
          emit_target(target);
        }
        it = stubs.emplace(depths[i], stub).first;
      }
      code_[table + 2 * i] = it->second;
    }
  }
  set_unreachable();
  return true;
}

bool Compiler::end() {
  Ctrl& c = ctrls_.back();
  CHECK(peek_types(c.results));
  if (stack_.size() - c.height > c.results.size() || (!c.unreachable && stack_.size() - c.height != c.results.size()))
    return fail_invalid("type mismatch");
  if (c.kind == Kind::kIf && c.params != c.results) return fail_invalid("type mismatch");

  if (c.kind == Kind::kFunction) {
    if (live()) {
      if (c.fixups.empty()) {
        emit_return(top_entries(c.results.size()));
      } else {
        materialize_top(c.results.size());
      }
    }
    if (!c.fixups.empty()) {
      for (u32 p : c.fixups) code_[p] = pos();
      emit_op(Op::Return);
      emit_slot(natural(0));
      emit_imm(static_cast<u32>(c.results.size()));
    }
    ctrls_.pop_back();
    return true;
  }
  if (live()) materialize_top(c.results.size());
  leader();
  const u32 here = pos();
  for (u32 p : c.fixups) code_[p] = here;
  if (c.else_fixup != kNone) code_[c.else_fixup] = here;
  const auto results = c.results;
  stack_.resize(c.height);
  ctrls_.pop_back();
  push_types(results);
  return true;
}

bool Compiler::call(u32 f) {
  if (f >= m_.func_types_.size()) return fail_invalid("unknown function " + std::to_string(f));
  const FuncType& t = m_.types_[m_.func_types_[f]];
  CHECK(peek_types(t.params));
  if (live()) materialize_top(t.params.size());
  CHECK(pop_types(t.params));
  if (live()) {
    emit_op(Op::Call);
    emit_imm(f);
    emit_slot(natural(stack_.size()));
  }
  push_types(t.results);
  return true;
}

bool Compiler::call_indirect(u32 type_index, u32 table) {
  if (table >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(table));
  if (type_index >= m_.types_.size()) return fail_invalid("unknown type " + std::to_string(type_index));
  if (m_.tables_[table].elem != ValType::kFuncRef) return fail_invalid("type mismatch");
  const FuncType& t = m_.types_[type_index];
  Entry index;
  CHECK(pop(ValType::kI32, &index));
  CHECK(peek_types(t.params));
  if (live()) materialize_top(t.params.size());
  CHECK(pop_types(t.params));
  if (live()) {
    emit_op(Op::CallIndirect);
    emit_imm(table);
    emit_imm(type_index);
    emit_slot(index.slot);
    emit_slot(natural(stack_.size()));
  }
  push_types(t.results);
  return true;
}

bool Compiler::local_set(u32 x, bool tee) {
  if (x >= locals_.size()) return fail_invalid("unknown local " + std::to_string(x));
  Entry v;
  CHECK(pop(locals_[x], &v));
  if (live() && v.slot != x) {
    const bool retarget = last_dst_pos_ != kNone && code_[last_dst_pos_] == v.slot &&
                          v.slot == natural(stack_.size()) && !references_local(x);
    if (retarget) {
      // The instruction that computed the value writes the local directly.
      code_[last_dst_pos_] = x;
      if (!relocs_.empty() && relocs_.back() == last_dst_pos_) relocs_.pop_back();
      last_dst_pos_ = kNone;
    } else {
      before_local_write(x);
      emit_copy(v.slot, x);
    }
  }
  if (tee) push_slot(locals_[x], live() ? x : natural(stack_.size()));
  return true;
}

bool Compiler::instruction(u8 opc) {
  const GasSchedule& gas = cfg_.gas;
  if (opc != 0xfc) charge(gas.op[opc]);
  switch (opc) {
    case 0x00:  // unreachable
      if (live()) emit_op(Op::Unreachable);
      set_unreachable();
      return true;
    case 0x01:  // nop
      return true;
    case 0x02:    // block
    case 0x03: {  // loop
      CHECK(check_depth());
      std::vector<ValType> params, results;
      CHECK(read_block_type(&params, &results));
      CHECK(peek_types(params));
      if (live()) {
        materialize_locals();
        materialize_top(params.size());
      }
      CHECK(pop_types(params));
      push_ctrl(opc == 0x02 ? Kind::kBlock : Kind::kLoop, params, results);
      if (opc == 0x03) {
        leader();
        ctrls_.back().loop_pos = pos();
      }
      return true;
    }
    case 0x04: {  // if
      CHECK(check_depth());
      std::vector<ValType> params, results;
      CHECK(read_block_type(&params, &results));
      Entry cond;
      CHECK(pop(ValType::kI32, &cond));
      CHECK(peek_types(params));
      if (live()) {
        materialize_locals();
        materialize_top(params.size());
      }
      CHECK(pop_types(params));
      u32 fix = kNone;
      if (live()) {
        fix = emit_cond_branch(cond, false);
        leader();
      }
      push_ctrl(Kind::kIf, params, results);
      ctrls_.back().else_fixup = fix;
      return true;
    }
    case 0x05: {  // else
      Ctrl& c = ctrls_.back();
      if (c.kind != Kind::kIf) return fail_invalid("else without if");
      CHECK(peek_types(c.results));
      if (stack_.size() - c.height > c.results.size() || (!c.unreachable && stack_.size() - c.height != c.results.size()))
        return fail_invalid("type mismatch");
      if (live()) {
        materialize_top(c.results.size());
        emit_op(Op::Br);
        emit_target(c);
      }
      leader();
      if (c.else_fixup != kNone) code_[c.else_fixup] = pos();
      c.else_fixup = kNone;
      c.kind = Kind::kElse;
      stack_.resize(c.height);
      c.unreachable = false;
      push_types(c.params);
      return true;
    }
    case 0x0b:  // end
      return end();
    case 0x0c: {  // br
      u32 d;
      CHECK(r_.u32leb(&d));
      return branch(d);
    }
    case 0x0d: {  // br_if
      u32 d;
      CHECK(r_.u32leb(&d));
      return br_if(d);
    }
    case 0x0e:
      return br_table();
    case 0x0f: {  // return
      const auto& results = ctrls_.front().results;
      CHECK(peek_types(results));
      if (live()) emit_return(top_entries(results.size()));
      set_unreachable();
      return true;
    }
    case 0x10: {  // call
      u32 f;
      CHECK(r_.u32leb(&f));
      charge(gas.call);
      return call(f);
    }
    case 0x11: {  // call_indirect
      u32 t, table;
      CHECK(r_.u32leb(&t));
      CHECK(r_.u32leb(&table));
      charge(gas.call);
      return call_indirect(t, table);
    }
    case 0x1a: {  // drop
      Entry e;
      return pop(kAny, &e);
    }
    case 0x1b:    // select
    case 0x1c: {  // select t
      ValType t = kAny;
      if (opc == 0x1c) {
        u32 n;
        CHECK(r_.u32leb(&n));
        if (n != 1) return fail_invalid("invalid result arity");
        u8 b;
        CHECK(r_.byte(&b));
        switch (b) {
          case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x70: case 0x6f: t = static_cast<ValType>(b); break;
          case 0x7b:
            if (err_.message.empty()) err_ = Error("SIMD (v128) is not supported", kUnsupported);
            return false;
          default: return r_.fail("malformed value type");
        }
      }
      Entry cond, b, a;
      CHECK(pop(ValType::kI32, &cond));
      CHECK(pop(t, &b));
      CHECK(pop(t == kAny ? b.type : t, &a));
      ValType rt = t;
      if (t == kAny) {
        rt = a.type != kAny ? a.type : b.type;
        if (rt != kAny && !is_num(rt)) return fail_invalid("type mismatch");
      }
      push(rt);
      if (!live()) return true;
      emit_op(Op::Select);
      emit_slot(a.slot);
      emit_slot(b.slot);
      emit_slot(cond.slot);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0x20: {  // local.get
      u32 x;
      CHECK(r_.u32leb(&x));
      if (x >= locals_.size()) return fail_invalid("unknown local " + std::to_string(x));
      push_slot(locals_[x], live() ? x : natural(stack_.size()));
      return true;
    }
    case 0x21:
    case 0x22: {  // local.set, local.tee
      u32 x;
      CHECK(r_.u32leb(&x));
      return local_set(x, opc == 0x22);
    }
    case 0x23: {  // global.get
      u32 g;
      CHECK(r_.u32leb(&g));
      if (g >= m_.globals_.size()) return fail_invalid("unknown global " + std::to_string(g));
      push(m_.globals_[g].type.type);
      if (!live()) return true;
      emit_op(Op::GlobalGet);
      emit_imm(g);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0x24: {  // global.set
      u32 g;
      CHECK(r_.u32leb(&g));
      if (g >= m_.globals_.size()) return fail_invalid("unknown global " + std::to_string(g));
      if (!m_.globals_[g].type.mut) return fail_invalid("global is immutable");
      Entry v;
      CHECK(pop(m_.globals_[g].type.type, &v));
      if (!live()) return true;
      emit_op(Op::GlobalSet);
      emit_imm(g);
      emit_slot(v.slot);
      return true;
    }
    case 0x25:    // table.get
    case 0x26: {  // table.set
      u32 t;
      CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      const ValType et = m_.tables_[t].elem;
      if (opc == 0x25) {
        Entry i;
        CHECK(pop(ValType::kI32, &i));
        push(et);
        if (!live()) return true;
        emit_op(Op::TableGet);
        emit_imm(t);
        emit_slot(i.slot);
        emit_dst(stack_.back().slot);
      } else {
        Entry v, i;
        CHECK(pop(et, &v));
        CHECK(pop(ValType::kI32, &i));
        if (!live()) return true;
        emit_op(Op::TableSet);
        emit_imm(t);
        emit_slot(i.slot);
        emit_slot(v.slot);
      }
      return true;
    }
    case 0x28: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e: case 0x2f:
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
    case 0x38: case 0x39: case 0x3a: case 0x3b: case 0x3c: case 0x3d: case 0x3e:
      return memory_access(opc);
    case 0x3f: {  // memory.size
      CHECK(zero_byte());
      CHECK(need_memory());
      push(addr_type());
      if (!live()) return true;
      emit_op(Op::MemorySize);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0x40: {  // memory.grow
      CHECK(zero_byte());
      CHECK(need_memory());
      Entry n;
      CHECK(pop(addr_type(), &n));
      push(addr_type());
      if (!live()) return true;
      emit_op(Op::MemoryGrow);
      emit_slot(n.slot);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0x41: {
      i32 v;
      CHECK(r_.s32leb(&v));
      push_slot(ValType::kI32, live() ? const_slot(static_cast<u32>(v)) : natural(stack_.size()));
      return true;
    }
    case 0x42: {
      i64 v;
      CHECK(r_.s64leb(&v));
      push_slot(ValType::kI64, live() ? const_slot(static_cast<u64>(v)) : natural(stack_.size()));
      return true;
    }
    case 0x43: {
      u32 v;
      CHECK(r_.fixed32(&v));
      push_slot(ValType::kF32, live() ? const_slot(v) : natural(stack_.size()));
      return true;
    }
    case 0x44: {
      u64 v;
      CHECK(r_.fixed64(&v));
      push_slot(ValType::kF64, live() ? const_slot(v) : natural(stack_.size()));
      return true;
    }
    case 0xbc: case 0xbd: case 0xbe: case 0xbf: {  // reinterpret: same bits, new type
      static constexpr ValType kFrom[] = {ValType::kF32, ValType::kF64, ValType::kI32, ValType::kI64};
      static constexpr ValType kTo[] = {ValType::kI32, ValType::kI64, ValType::kF32, ValType::kF64};
      Entry e;
      CHECK(pop(kFrom[opc - 0xbc], &e));
      push_slot(kTo[opc - 0xbc], live() ? e.slot : natural(stack_.size()));
      return true;
    }
    case 0xd0: {  // ref.null
      u8 b;
      CHECK(r_.byte(&b));
      if (b != 0x70 && b != 0x6f) return r_.fail("malformed reference type");
      push_slot(static_cast<ValType>(b), live() ? const_slot(0) : natural(stack_.size()));
      return true;
    }
    case 0xd1: {  // ref.is_null
      Entry e;
      CHECK(pop(kAny, &e));
      if (e.type != kAny && !is_ref(e.type)) return fail_invalid("type mismatch");
      push(ValType::kI32);
      if (!live()) return true;
      emit_op(Op::RefIsNull);
      emit_slot(e.slot);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0xd2: {  // ref.func
      u32 f;
      CHECK(r_.u32leb(&f));
      if (f >= m_.func_types_.size()) return fail_invalid("unknown function " + std::to_string(f));
      if (!refs_.count(f)) return fail_invalid("undeclared function reference");
      push(ValType::kFuncRef);
      if (!live()) return true;
      emit_op(Op::RefFunc);
      emit_imm(f);
      emit_dst(stack_.back().slot);
      return true;
    }
    case 0xfc: {
      u32 sub;
      CHECK(r_.u32leb(&sub));
      if (sub < gas.op_fc.size()) charge(gas.op_fc[sub]);
      return fc_instruction(sub);
    }
    case 0xfd:
      if (err_.message.empty()) err_ = Error("SIMD instructions are not supported", kUnsupported);
      return false;
    case 0xfe:
      if (err_.message.empty()) err_ = Error("threads (atomic instructions) are not supported", kUnsupported);
      return false;
    case 0x06: case 0x07: case 0x08: case 0x09: case 0x18: case 0x19:
      if (err_.message.empty()) err_ = Error("exception handling is not supported", kUnsupported);
      return false;
    case 0x12: case 0x13:
      if (err_.message.empty()) err_ = Error("tail calls are not supported", kUnsupported);
      return false;
    default:
      break;
  }
  const NumInfo& info = num_tables().plain[opc];
  if (info.valid) return numeric(info);
  return r_.fail("illegal opcode");
}

bool Compiler::fc_instruction(u32 sub) {
  if (sub < 8) return numeric(num_tables().fc[sub]);
  switch (sub) {
    case 8: {  // memory.init
      u32 seg;
      CHECK(r_.u32leb(&seg));
      CHECK(zero_byte());
      if (!m_.data_count_) return r_.fail("data count section required");
      CHECK(need_memory());
      if (seg >= *m_.data_count_) return fail_invalid("unknown data segment " + std::to_string(seg));
      Entry n, s, d;
      CHECK(pop(ValType::kI32, &n));
      CHECK(pop(ValType::kI32, &s));
      CHECK(pop(addr_type(), &d));
      if (!live()) return true;
      emit_op(Op::MemoryInit);
      emit_imm(seg);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case 9: {  // data.drop
      u32 seg;
      CHECK(r_.u32leb(&seg));
      if (!m_.data_count_) return r_.fail("data count section required");
      if (seg >= *m_.data_count_) return fail_invalid("unknown data segment " + std::to_string(seg));
      if (!live()) return true;
      emit_op(Op::DataDrop);
      emit_imm(seg);
      return true;
    }
    case 10:    // memory.copy
    case 11: {  // memory.fill
      CHECK(zero_byte());
      if (sub == 10) CHECK(zero_byte());
      CHECK(need_memory());
      Entry n, v, d;
      CHECK(pop(addr_type(), &n));
      CHECK(pop(sub == 10 ? addr_type() : ValType::kI32, &v));
      CHECK(pop(addr_type(), &d));
      if (!live()) return true;
      emit_op(sub == 10 ? Op::MemoryCopy : Op::MemoryFill);
      emit_slot(d.slot);
      emit_slot(v.slot);
      emit_slot(n.slot);
      return true;
    }
    case 12: {  // table.init
      u32 seg, t;
      CHECK(r_.u32leb(&seg));
      CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      if (seg >= m_.elems_.size()) return fail_invalid("unknown elem segment " + std::to_string(seg));
      if (m_.elems_[seg].type != m_.tables_[t].elem) return fail_invalid("type mismatch");
      Entry n, s, d;
      CHECK(pop(ValType::kI32, &n));
      CHECK(pop(ValType::kI32, &s));
      CHECK(pop(ValType::kI32, &d));
      if (!live()) return true;
      emit_op(Op::TableInit);
      emit_imm(t);
      emit_imm(seg);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case 13: {  // elem.drop
      u32 seg;
      CHECK(r_.u32leb(&seg));
      if (seg >= m_.elems_.size()) return fail_invalid("unknown elem segment " + std::to_string(seg));
      if (!live()) return true;
      emit_op(Op::ElemDrop);
      emit_imm(seg);
      return true;
    }
    case 14: {  // table.copy
      u32 dt, st;
      CHECK(r_.u32leb(&dt));
      CHECK(r_.u32leb(&st));
      if (dt >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(dt));
      if (st >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(st));
      if (m_.tables_[dt].elem != m_.tables_[st].elem) return fail_invalid("type mismatch");
      Entry n, s, d;
      CHECK(pop(ValType::kI32, &n));
      CHECK(pop(ValType::kI32, &s));
      CHECK(pop(ValType::kI32, &d));
      if (!live()) return true;
      emit_op(Op::TableCopy);
      emit_imm(dt);
      emit_imm(st);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case 15:    // table.grow
    case 16:    // table.size
    case 17: {  // table.fill
      u32 t;
      CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      const ValType et = m_.tables_[t].elem;
      if (sub == 16) {
        push(ValType::kI32);
        if (!live()) return true;
        emit_op(Op::TableSize);
        emit_imm(t);
        emit_dst(stack_.back().slot);
      } else if (sub == 15) {
        Entry n, init;
        CHECK(pop(ValType::kI32, &n));
        CHECK(pop(et, &init));
        push(ValType::kI32);
        if (!live()) return true;
        emit_op(Op::TableGrow);
        emit_imm(t);
        emit_slot(init.slot);
        emit_slot(n.slot);
        emit_dst(stack_.back().slot);
      } else {
        Entry n, v, i;
        CHECK(pop(ValType::kI32, &n));
        CHECK(pop(et, &v));
        CHECK(pop(ValType::kI32, &i));
        if (!live()) return true;
        emit_op(Op::TableFill);
        emit_imm(t);
        emit_slot(i.slot);
        emit_slot(v.slot);
        emit_slot(n.slot);
      }
      return true;
    }
  }
  return r_.fail("illegal opcode");
}

Status compile_function(const Module& module, const EngineConfig& config, const std::set<u32>& declared_refs,
                        u32 func_index, ByteView body, Function* out) {
  Compiler c(module, config, declared_refs, body);
  return c.run(func_index, out);
}

}  // namespace dusk::wasm
