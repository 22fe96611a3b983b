// The function translator's class, shared by the files that translate each
// instruction family (function_compiler.cpp and compile_*.cpp). Internal to the engine.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "duskvm/engine/detail/opcodes.hpp"
#include "duskvm/engine/detail/ops.hpp"
#include "duskvm/engine/detail/reader.hpp"
#include "duskvm/engine/module.hpp"

namespace dusk::wasm {

// ValType for the polymorphic stack of unreachable code: matches anything.
inline constexpr ValType kAny = static_cast<ValType>(0);

// Slot references before relocation: locals are plain indices; constants and stack
// positions are tagged, because their final index depends on counts known at the end.
inline constexpr u32 kConstTag = 0x40000000u;
inline constexpr u32 kStackTag = 0x80000000u;
inline constexpr u32 kTagMask = 0xc0000000u;
inline constexpr u32 kNone = 0xffffffffu;

// Distinct constants a function keeps in its pool (see Compiler::push_const).
inline constexpr u32 kMaxPooledConstants = 256;

// The fused compare-and-branch for a comparison, taken when the comparison holds
// (when_true) or fails; Op::kCount when it has none (compile_numeric.cpp).
Op fused_branch(Op cmp, bool when_true);

// The translator of one function body: validation and translation in a single pass
// (function_compiler.hpp says how). Friend of Module: reads its decoded sections.
// Its instruction families live in compile_*.cpp; the state and the emission and
// operand-stack helpers that all of them share are here.
class Compiler {
 public:
  Compiler(const Module& m, const EngineConfig& cfg, const std::set<u32>& refs, ByteView body)
      : m_(m), cfg_(cfg), refs_(refs), r_(body.data(), body.data() + body.size()),
        handlers_(handler_offsets()) {}

  CompileStatus run(u32 func_index, Function* out);

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
  CompileStatus malformed(std::string msg) { return CompileFailure(CompileError::kMalformed, std::move(msg)); }
  CompileStatus invalid(std::string msg) { return CompileFailure(CompileError::kInvalid, std::move(msg)); }
  bool fail_invalid(std::string msg) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kInvalid, std::move(msg));
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
  // A constant's value: a slot of the function's constant pool, which entering the
  // function copies into its frame. The pool holds at most kMaxPooledConstants values,
  // so that entering costs a bounded copy; further constants are written by a Const
  // instruction where they are pushed (paid for by the const instruction's own gas).
  void push_const(ValType t, u64 bits) {
    if (!live()) {
      push(t);
      return;
    }
    auto it = const_index_.find(bits);
    if (it == const_index_.end() && consts_.size() < kMaxPooledConstants) {
      it = const_index_.emplace(bits, static_cast<u32>(consts_.size())).first;
      consts_.push_back(bits);
    }
    if (it != const_index_.end()) {
      push_slot(t, kConstTag | it->second);
      return;
    }
    push(t);
    emit_op(Op::Const);
    emit_imm(static_cast<u32>(bits));
    emit_imm(static_cast<u32>(bits >> 32));
    emit_dst(stack_.back().slot);
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
      err_ = CompileFailure(CompileError::kTooLarge, "blocks nested deeper than " + std::to_string(cfg_.max_block_depth));
    return false;
  }
  bool read_locals(u32 num_params);
  bool unsupported(const char* what) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kUnsupported, what);
    return false;
  }
  bool read_value_type(ValType* out);

  // --- one function per instruction family (opcodes.hpp), each in its own file
  bool instruction(u8 byte);                    // function_compiler.cpp: the dispatch
  bool control(Opcode op);                      // compile_control.cpp
  bool parametric(Opcode op);                   // compile_variable.cpp
  bool variable(Opcode op);                     //   "
  bool constant(Opcode op);                     //   "
  bool reinterpret(Opcode op);                  //   "
  bool reference(Opcode op);                    //   "
  bool memory(Opcode op);                       // compile_memory.cpp
  bool table(Opcode op);                        // compile_table.cpp
  bool numeric(Opcode op);                      // compile_numeric.cpp
  bool fuse_binary(Op op, const Entry& a, const Entry& b);
  bool memory_access(Opcode op);
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
  CompileFailure err_{CompileError::kMalformed, ""};  // empty message: no failure yet

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

// Returns false from a translator function when `expr` fails (the error is recorded).
#define DUSK_CHECK(expr)         \
  do {                           \
    if (!(expr)) return false;   \
  } while (0)

}  // namespace dusk::wasm
