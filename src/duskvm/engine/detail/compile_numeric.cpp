// Numeric instructions (numeric_ops.def), their fusion into superinstructions, and the
// compare-and-branch forms that control instructions fuse comparisons into.
#include "duskvm/engine/detail/compiler.hpp"

#include <array>

namespace dusk::wasm {

namespace {

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

// Operand types of the bitwise float ops are declared U32/U64 in numeric_ops.def (they
// work on bits) but wasm types them as floats; fix those up here.
constexpr ValType wasm_type(ValType declared, Opcode op) {
  if (op == Opcode::F32Abs || op == Opcode::F32Neg || op == Opcode::F32Copysign) return ValType::kF32;
  if (op == Opcode::F64Abs || op == Opcode::F64Neg || op == Opcode::F64Copysign) return ValType::kF64;
  return declared;
}

struct NumTables {
  std::array<NumInfo, 256> plain{};
  std::array<NumInfo, kMiscOpcodes> misc{};
  int count = 0;
  bool all_numeric = true;
  constexpr NumTables() {
#define DUSK_BINOP(name, ta, tr, body) add(Opcode::name, Op::name, kType##ta, kType##tr, true);
#define DUSK_UNOP(name, ta, tr, body) add(Opcode::name, Op::name, kType##ta, kType##tr, false);
#include "duskvm/engine/detail/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP
  }
  constexpr void add(Opcode opcode, Op op, ValType ta, ValType tr, bool binary) {
    const NumInfo info{true, binary, op, wasm_type(ta, opcode), wasm_type(tr, opcode)};
    if (is_misc(code_of(opcode))) misc[code_of(opcode) & 0xff] = info;
    else plain[code_of(opcode)] = info;
    all_numeric = all_numeric && opcode_info(opcode).family == Family::kNumeric;
    ++count;
  }
};

constexpr NumTables kNumTables;

constexpr int count_numeric_opcodes() {
  int n = 0;
#define DUSK_WASM_OPCODE(name, code, text, family, gas) n += Family::family == Family::kNumeric;
#define DUSK_WASM_PREFIX(name, byte, family)
#include "duskvm/engine/detail/opcodes.def"
#undef DUSK_WASM_OPCODE
#undef DUSK_WASM_PREFIX
  return n;
}
// The two lists pair up one to one: every numeric opcode has its semantics, and every
// line of numeric_ops.def names a numeric opcode.
static_assert(kNumTables.all_numeric, "numeric_ops.def names an opcode that opcodes.def does not call numeric");
static_assert(kNumTables.count == count_numeric_opcodes(), "a numeric opcode of opcodes.def has no line in numeric_ops.def");

const NumInfo& num_info(Opcode op) {
  return is_misc(code_of(op)) ? kNumTables.misc[code_of(op) & 0xff] : kNumTables.plain[code_of(op)];
}

}  // namespace

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

bool Compiler::numeric(Opcode opcode) {
  const NumInfo& info = num_info(opcode);
  if (!info.valid) return r_.fail("illegal opcode");
  Entry a, b;
  if (info.binary) {
    DUSK_CHECK(pop(info.ta, &b));
    DUSK_CHECK(pop(info.ta, &a));
  } else {
    DUSK_CHECK(pop(info.ta, &a));
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

}  // namespace dusk::wasm
