// Parametric instructions (drop, select), locals and globals, constants, reinterpret
// and reference instructions: mostly bookkeeping of which slot holds a value.
#include "duskvm/engine/detail/compiler.hpp"

namespace dusk::wasm {

bool Compiler::parametric(Opcode op) {
  if (op == Opcode::Drop) {
    Entry e;
    return pop(kAny, &e);
  }
  // select, select t
  ValType t = kAny;
  if (op == Opcode::SelectT) {
    u32 n;
    DUSK_CHECK(r_.u32leb(&n));
    if (n != 1) return fail_invalid("invalid result arity");
    DUSK_CHECK(read_value_type(&t));
  }
  Entry cond, b, a;
  DUSK_CHECK(pop(ValType::kI32, &cond));
  DUSK_CHECK(pop(t, &b));
  DUSK_CHECK(pop(t == kAny ? b.type : t, &a));
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

bool Compiler::variable(Opcode op) {
  u32 x;
  DUSK_CHECK(r_.u32leb(&x));
  switch (op) {
    case Opcode::LocalGet:
      if (x >= locals_.size()) return fail_invalid("unknown local " + std::to_string(x));
      push_slot(locals_[x], live() ? x : natural(stack_.size()));
      return true;
    case Opcode::LocalSet:
    case Opcode::LocalTee:
      return local_set(x, op == Opcode::LocalTee);
    case Opcode::GlobalGet: {
      if (x >= m_.globals_.size()) return fail_invalid("unknown global " + std::to_string(x));
      push(m_.globals_[x].type.type);
      if (!live()) return true;
      emit_op(Op::GlobalGet);
      emit_imm(x);
      emit_dst(stack_.back().slot);
      return true;
    }
    case Opcode::GlobalSet: {
      if (x >= m_.globals_.size()) return fail_invalid("unknown global " + std::to_string(x));
      if (!m_.globals_[x].type.mut) return fail_invalid("global is immutable");
      Entry v;
      DUSK_CHECK(pop(m_.globals_[x].type.type, &v));
      if (!live()) return true;
      emit_op(Op::GlobalSet);
      emit_imm(x);
      emit_slot(v.slot);
      return true;
    }
    default:
      break;
  }
  return r_.fail("illegal opcode");
}

bool Compiler::local_set(u32 x, bool tee) {
  if (x >= locals_.size()) return fail_invalid("unknown local " + std::to_string(x));
  Entry v;
  DUSK_CHECK(pop(locals_[x], &v));
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

// Constants are not copied anywhere: the stack entry names the function's constant slot.
bool Compiler::constant(Opcode op) {
  ValType type;
  u64 bits;
  switch (op) {
    case Opcode::I32Const: {
      i32 v;
      DUSK_CHECK(r_.s32leb(&v));
      type = ValType::kI32;
      bits = static_cast<u32>(v);
      break;
    }
    case Opcode::I64Const: {
      i64 v;
      DUSK_CHECK(r_.s64leb(&v));
      type = ValType::kI64;
      bits = static_cast<u64>(v);
      break;
    }
    case Opcode::F32Const: {
      u32 v;
      DUSK_CHECK(r_.fixed32(&v));
      type = ValType::kF32;
      bits = v;
      break;
    }
    case Opcode::F64Const: {
      DUSK_CHECK(r_.fixed64(&bits));
      type = ValType::kF64;
      break;
    }
    default:
      return r_.fail("illegal opcode");
  }
  push_const(type, bits);
  return true;
}

// Reinterpretation keeps the bits: the value's slot is simply retyped.
bool Compiler::reinterpret(Opcode op) {
  ValType from, to;
  switch (op) {
    case Opcode::I32ReinterpretF32: from = ValType::kF32, to = ValType::kI32; break;
    case Opcode::I64ReinterpretF64: from = ValType::kF64, to = ValType::kI64; break;
    case Opcode::F32ReinterpretI32: from = ValType::kI32, to = ValType::kF32; break;
    case Opcode::F64ReinterpretI64: from = ValType::kI64, to = ValType::kF64; break;
    default: return r_.fail("illegal opcode");
  }
  Entry e;
  DUSK_CHECK(pop(from, &e));
  push_slot(to, live() ? e.slot : natural(stack_.size()));
  return true;
}

bool Compiler::reference(Opcode op) {
  switch (op) {
    case Opcode::RefNull: {
      u8 b;
      DUSK_CHECK(r_.byte(&b));
      const ValType t = static_cast<ValType>(b);
      if (!is_ref(t)) return r_.fail("malformed reference type");
      push_const(t, 0);
      return true;
    }
    case Opcode::RefIsNull: {
      Entry e;
      DUSK_CHECK(pop(kAny, &e));
      if (e.type != kAny && !is_ref(e.type)) return fail_invalid("type mismatch");
      push(ValType::kI32);
      if (!live()) return true;
      emit_op(Op::RefIsNull);
      emit_slot(e.slot);
      emit_dst(stack_.back().slot);
      return true;
    }
    case Opcode::RefFunc: {
      u32 f;
      DUSK_CHECK(r_.u32leb(&f));
      if (f >= m_.func_types_.size()) return fail_invalid("unknown function " + std::to_string(f));
      if (!refs_.count(f)) return fail_invalid("undeclared function reference");
      push(ValType::kFuncRef);
      if (!live()) return true;
      emit_op(Op::RefFunc);
      emit_imm(f);
      emit_dst(stack_.back().slot);
      return true;
    }
    default:
      break;
  }
  return r_.fail("illegal opcode");
}

}  // namespace dusk::wasm
