// Memory instructions: loads and stores, memory.size and memory.grow, bulk memory.
#include "duskvm/engine/detail/compiler.hpp"

namespace dusk::wasm {

namespace {

struct MemOpInfo {
  Op op;
  ValType type;
  u32 max_align;  // log2 of the natural alignment
  bool store;
};

MemOpInfo mem_op(Opcode opcode) {
  switch (opcode) {
    case Opcode::I32Load: return {Op::Load32, ValType::kI32, 2, false};
    case Opcode::I64Load: return {Op::Load64, ValType::kI64, 3, false};
    case Opcode::F32Load: return {Op::Load32, ValType::kF32, 2, false};
    case Opcode::F64Load: return {Op::Load64, ValType::kF64, 3, false};
    case Opcode::I32Load8S: return {Op::Load8S32, ValType::kI32, 0, false};
    case Opcode::I32Load8U: return {Op::Load8U32, ValType::kI32, 0, false};
    case Opcode::I32Load16S: return {Op::Load16S32, ValType::kI32, 1, false};
    case Opcode::I32Load16U: return {Op::Load16U32, ValType::kI32, 1, false};
    case Opcode::I64Load8S: return {Op::Load8S64, ValType::kI64, 0, false};
    case Opcode::I64Load8U: return {Op::Load8U64, ValType::kI64, 0, false};
    case Opcode::I64Load16S: return {Op::Load16S64, ValType::kI64, 1, false};
    case Opcode::I64Load16U: return {Op::Load16U64, ValType::kI64, 1, false};
    case Opcode::I64Load32S: return {Op::Load32S64, ValType::kI64, 2, false};
    case Opcode::I64Load32U: return {Op::Load32U64, ValType::kI64, 2, false};
    case Opcode::I32Store: return {Op::Store32, ValType::kI32, 2, true};
    case Opcode::I64Store: return {Op::Store64, ValType::kI64, 3, true};
    case Opcode::F32Store: return {Op::Store32, ValType::kF32, 2, true};
    case Opcode::F64Store: return {Op::Store64, ValType::kF64, 3, true};
    case Opcode::I32Store8: return {Op::Store8, ValType::kI32, 0, true};
    case Opcode::I32Store16: return {Op::Store16, ValType::kI32, 1, true};
    case Opcode::I64Store8: return {Op::Store8, ValType::kI64, 0, true};
    case Opcode::I64Store16: return {Op::Store16, ValType::kI64, 1, true};
    case Opcode::I64Store32: return {Op::Store32, ValType::kI64, 2, true};
    default: return {Op::kCount, ValType::kI32, 0, false};
  }
}

}  // namespace

bool Compiler::memory(Opcode op) {
  switch (op) {
    case Opcode::MemorySize: {
      DUSK_CHECK(zero_byte());
      DUSK_CHECK(need_memory());
      push(addr_type());
      if (!live()) return true;
      emit_op(Op::MemorySize);
      emit_dst(stack_.back().slot);
      return true;
    }
    case Opcode::MemoryGrow: {
      DUSK_CHECK(zero_byte());
      DUSK_CHECK(need_memory());
      Entry n;
      DUSK_CHECK(pop(addr_type(), &n));
      push(addr_type());
      if (!live()) return true;
      emit_op(Op::MemoryGrow);
      emit_slot(n.slot);
      emit_dst(stack_.back().slot);
      return true;
    }
    case Opcode::MemoryInit: {
      u32 seg;
      DUSK_CHECK(r_.u32leb(&seg));
      DUSK_CHECK(zero_byte());
      if (!m_.data_count_) return r_.fail("data count section required");
      DUSK_CHECK(need_memory());
      if (seg >= *m_.data_count_) return fail_invalid("unknown data segment " + std::to_string(seg));
      Entry n, s, d;
      DUSK_CHECK(pop(ValType::kI32, &n));
      DUSK_CHECK(pop(ValType::kI32, &s));
      DUSK_CHECK(pop(addr_type(), &d));
      if (!live()) return true;
      emit_op(Op::MemoryInit);
      emit_imm(seg);
      emit_slot(d.slot);
      emit_slot(s.slot);
      emit_slot(n.slot);
      return true;
    }
    case Opcode::DataDrop: {
      u32 seg;
      DUSK_CHECK(r_.u32leb(&seg));
      if (!m_.data_count_) return r_.fail("data count section required");
      if (seg >= *m_.data_count_) return fail_invalid("unknown data segment " + std::to_string(seg));
      if (!live()) return true;
      emit_op(Op::DataDrop);
      emit_imm(seg);
      return true;
    }
    case Opcode::MemoryCopy:
    case Opcode::MemoryFill: {
      const bool copy = op == Opcode::MemoryCopy;
      DUSK_CHECK(zero_byte());
      if (copy) DUSK_CHECK(zero_byte());
      DUSK_CHECK(need_memory());
      Entry n, v, d;
      DUSK_CHECK(pop(addr_type(), &n));
      DUSK_CHECK(pop(copy ? addr_type() : ValType::kI32, &v));
      DUSK_CHECK(pop(addr_type(), &d));
      if (!live()) return true;
      emit_op(copy ? Op::MemoryCopy : Op::MemoryFill);
      emit_slot(d.slot);
      emit_slot(v.slot);
      emit_slot(n.slot);
      return true;
    }
    default:
      if (mem_op(op).op == Op::kCount) return r_.fail("illegal opcode");
      return memory_access(op);
  }
}

bool Compiler::memory_access(Opcode opcode) {
  const MemOpInfo info = mem_op(opcode);
  u64 offset;
  DUSK_CHECK(read_memarg(info.max_align, &offset));
  const Op op = static_cast<Op>(static_cast<u16>(info.op) + (is64() ? 1 : 0));
  if (info.store) {
    Entry v, addr;
    DUSK_CHECK(pop(info.type, &v));
    DUSK_CHECK(pop(addr_type(), &addr));
    if (!live()) return true;
    emit_op(op);
    emit_slot(addr.slot);
    emit_slot(v.slot);
    emit_imm(static_cast<u32>(offset));
    if (is64()) emit_imm(static_cast<u32>(offset >> 32));
  } else {
    Entry addr;
    DUSK_CHECK(pop(addr_type(), &addr));
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

bool Compiler::read_memarg(u32 max_align, u64* offset) {
  u32 align;
  DUSK_CHECK(r_.u32leb(&align));
  if (align >= 64) {
    // Bit 6 would select a memory (multi-memory proposal), which we do not support.
    return fail_invalid("alignment must not be larger than natural");
  }
  if (is64()) {
    DUSK_CHECK(r_.u64leb(offset));
  } else {
    u32 o;
    DUSK_CHECK(r_.u32leb(&o));
    *offset = o;
  }
  DUSK_CHECK(need_memory());
  if (align > max_align) return fail_invalid("alignment must not be larger than natural");
  return true;
}

}  // namespace dusk::wasm
