// Table instructions: element access and the bulk table operations.
#include "duskvm/engine/detail/compiler.hpp"

namespace dusk::wasm {

bool Compiler::table(Opcode op) {
  switch (op) {
    case Opcode::TableGet:
    case Opcode::TableSet: {
      u32 t;
      DUSK_CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      const ValType et = m_.tables_[t].elem;
      if (op == Opcode::TableGet) {
        Entry i;
        DUSK_CHECK(pop(ValType::kI32, &i));
        push(et);
        if (!live()) return true;
        emit_op(Op::TableGet);
        emit_imm(t);
        emit_slot(i.slot);
        emit_dst(stack_.back().slot);
      } else {
        Entry v, i;
        DUSK_CHECK(pop(et, &v));
        DUSK_CHECK(pop(ValType::kI32, &i));
        if (!live()) return true;
        emit_op(Op::TableSet);
        emit_imm(t);
        emit_slot(i.slot);
        emit_slot(v.slot);
      }
      return true;
    }
    case Opcode::TableInit: {
      u32 seg, t;
      DUSK_CHECK(r_.u32leb(&seg));
      DUSK_CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      if (seg >= m_.elems_.size()) return fail_invalid("unknown elem segment " + std::to_string(seg));
      if (m_.elems_[seg].type != m_.tables_[t].elem) return fail_invalid("type mismatch");
      Entry n, s, d;
      DUSK_CHECK(pop(ValType::kI32, &n));
      DUSK_CHECK(pop(ValType::kI32, &s));
      DUSK_CHECK(pop(ValType::kI32, &d));
      if (!live()) return true;
      emit_op(Op::TableInit);
      emit_imm(t);
      emit_imm(seg);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case Opcode::ElemDrop: {
      u32 seg;
      DUSK_CHECK(r_.u32leb(&seg));
      if (seg >= m_.elems_.size()) return fail_invalid("unknown elem segment " + std::to_string(seg));
      if (!live()) return true;
      emit_op(Op::ElemDrop);
      emit_imm(seg);
      return true;
    }
    case Opcode::TableCopy: {
      u32 dt, st;
      DUSK_CHECK(r_.u32leb(&dt));
      DUSK_CHECK(r_.u32leb(&st));
      if (dt >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(dt));
      if (st >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(st));
      if (m_.tables_[dt].elem != m_.tables_[st].elem) return fail_invalid("type mismatch");
      Entry n, s, d;
      DUSK_CHECK(pop(ValType::kI32, &n));
      DUSK_CHECK(pop(ValType::kI32, &s));
      DUSK_CHECK(pop(ValType::kI32, &d));
      if (!live()) return true;
      emit_op(Op::TableCopy);
      emit_imm(dt);
      emit_imm(st);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case Opcode::TableGrow:
    case Opcode::TableSize:
    case Opcode::TableFill: {
      u32 t;
      DUSK_CHECK(r_.u32leb(&t));
      if (t >= m_.tables_.size()) return fail_invalid("unknown table " + std::to_string(t));
      const ValType et = m_.tables_[t].elem;
      if (op == Opcode::TableSize) {
        push(ValType::kI32);
        if (!live()) return true;
        emit_op(Op::TableSize);
        emit_imm(t);
        emit_dst(stack_.back().slot);
      } else if (op == Opcode::TableGrow) {
        Entry n, init;
        DUSK_CHECK(pop(ValType::kI32, &n));
        DUSK_CHECK(pop(et, &init));
        push(ValType::kI32);
        if (!live()) return true;
        emit_op(Op::TableGrow);
        emit_imm(t);
        emit_slot(init.slot);
        emit_slot(n.slot);
        emit_dst(stack_.back().slot);
      } else {
        Entry n, v, i;
        DUSK_CHECK(pop(ValType::kI32, &n));
        DUSK_CHECK(pop(et, &v));
        DUSK_CHECK(pop(ValType::kI32, &i));
        if (!live()) return true;
        emit_op(Op::TableFill);
        emit_imm(t);
        emit_slot(i.slot);
        emit_slot(v.slot);
        emit_slot(n.slot);
      }
      return true;
    }
    default:
      break;
  }
  return r_.fail("illegal opcode");
}

}  // namespace dusk::wasm
