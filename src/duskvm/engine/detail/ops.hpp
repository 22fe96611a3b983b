// The interpreter's internal instruction set.
//
// A translated function is a stream of 32-bit words. Each instruction is one word
// naming its handler (an offset the interpreter turns into a jump address) followed by
// its operands. Operands are frame slots (indices of 64-bit cells relative to the
// frame pointer: parameters, then locals, then constants, then the operand stack) or
// immediates. Branch targets are word indices into the same stream.
//
// The layout of each instruction is given beside it: s = slot, i = immediate,
// t = branch target.
#pragma once

#include "base/int.hpp"

namespace dusk::wasm {

// X(Name, words including the handler word)
#define DUSK_CONTROL_OPS(X)                                                         \
  X(Unreachable, 1)                                                                 \
  X(Gas, 2)           /* i:cost  -- charge the basic block that starts here */      \
  X(Br, 3)            /* t g -- g: gas of the target block, paid when taken */       \
  X(BrIf, 4)          /* s:cond t g */                                              \
  X(BrIfZ, 4)         /* s:cond t g */                                              \
  X(BrIf64, 4)        /* s:cond t g -- on a 64-bit value (fused i64.eqz) */         \
  X(BrIfZ64, 4)       /* s:cond t g */                                              \
  X(BrTable, 0)       /* s:index i:n, then n+1 (t g) pairs, the last the default */ \
  X(Return, 3)        /* s:first result i:count -- results move to slot 0.. */      \
  X(Call, 3)          /* i:function index s:argument base */                        \
  X(CallIndirect, 5)  /* i:table i:type index s:element index s:argument base */    \
  X(Copy, 3)          /* s:src s:dst */                                             \
  X(Const, 4)         /* i:low i:high s:dst -- a constant outside the pool */       \
  X(Select, 5)        /* s:a s:b s:cond s:dst */                                    \
  X(GlobalGet, 3)     /* i:global s:dst */                                          \
  X(GlobalSet, 3)     /* i:global s:src */                                          \
  X(RefIsNull, 3)     /* s:ref s:dst */                                             \
  X(RefFunc, 3)       /* i:function s:dst */                                        \
  X(TableGet, 4)      /* i:table s:index s:dst */                                   \
  X(TableSet, 4)      /* i:table s:index s:value */                                 \
  X(TableSize, 3)     /* i:table s:dst */                                           \
  X(TableGrow, 5)     /* i:table s:init s:delta s:dst */                            \
  X(TableFill, 5)     /* i:table s:index s:value s:count */                         \
  X(TableCopy, 6)     /* i:dst table i:src table s:dst s:src s:count */             \
  X(TableInit, 6)     /* i:table i:segment s:dst s:src s:count */                   \
  X(ElemDrop, 2)      /* i:segment */                                               \
  X(MemorySize, 2)    /* s:dst */                                                   \
  X(MemoryGrow, 3)    /* s:delta s:dst */                                           \
  X(MemoryFill, 4)    /* s:dst s:value s:count */                                   \
  X(MemoryCopy, 4)    /* s:dst s:src s:count */                                     \
  X(MemoryInit, 5)    /* i:segment s:dst s:src s:count */                           \
  X(DataDrop, 2)      /* i:segment */

// Compare-and-branch, fused from a comparison followed by br_if / if:
// s:a s:b t g -- branch when `a OP b`. X(Name, C operand type, operator)
#define DUSK_FUSED_BRANCH_OPS(X) \
  X(BrI32Eq, u32, ==)            \
  X(BrI32Ne, u32, !=)            \
  X(BrI32LtS, i32, <)            \
  X(BrI32LtU, u32, <)            \
  X(BrI32GtS, i32, >)            \
  X(BrI32GtU, u32, >)            \
  X(BrI32LeS, i32, <=)           \
  X(BrI32LeU, u32, <=)           \
  X(BrI32GeS, i32, >=)           \
  X(BrI32GeU, u32, >=)           \
  X(BrI64Eq, u64, ==)            \
  X(BrI64Ne, u64, !=)            \
  X(BrI64LtS, i64, <)            \
  X(BrI64LtU, u64, <)            \
  X(BrI64GtS, i64, >)            \
  X(BrI64GtU, u64, >)            \
  X(BrI64LeS, i64, <=)           \
  X(BrI64LeU, u64, <=)           \
  X(BrI64GeS, i64, >=)           \
  X(BrI64GeU, u64, >=)

// Loads: s:address i:offset s:dst (memory64: s:address i:offset-lo i:offset-hi s:dst).
// Stores: s:address s:value i:offset (memory64: ... i:offset-lo i:offset-hi).
// X(Name, C type loaded, C type of the result slot)
#define DUSK_LOAD_OPS(X) \
  X(Load32, u32, u32)    \
  X(Load64, u64, u64)    \
  X(Load8S32, i8, u32)   \
  X(Load8U32, u8, u32)   \
  X(Load16S32, i16, u32) \
  X(Load16U32, u16, u32) \
  X(Load8S64, i8, u64)   \
  X(Load8U64, u8, u64)   \
  X(Load16S64, i16, u64) \
  X(Load16U64, u16, u64) \
  X(Load32S64, i32, u64) \
  X(Load32U64, u32, u64)

// X(Name, C type stored)
#define DUSK_STORE_OPS(X) \
  X(Store32, u32)         \
  X(Store64, u64)         \
  X(Store8, u8)           \
  X(Store16, u16)

// The same for float comparisons: X(Name, F32|F64, condition on a and b). The inverse of
// a float comparison is not another comparison (NaN), hence the Not forms.
#define DUSK_FUSED_FLOAT_BRANCH_OPS(X) \
  X(BrF32Eq, F32, a == b)              \
  X(BrF32Ne, F32, a != b)              \
  X(BrF32Lt, F32, a < b)               \
  X(BrF32Gt, F32, a > b)               \
  X(BrF32Le, F32, a <= b)              \
  X(BrF32Ge, F32, a >= b)              \
  X(BrF32NotLt, F32, !(a < b))         \
  X(BrF32NotGt, F32, !(a > b))         \
  X(BrF32NotLe, F32, !(a <= b))        \
  X(BrF32NotGe, F32, !(a >= b))        \
  X(BrF64Eq, F64, a == b)              \
  X(BrF64Ne, F64, a != b)              \
  X(BrF64Lt, F64, a < b)               \
  X(BrF64Gt, F64, a > b)               \
  X(BrF64Le, F64, a <= b)              \
  X(BrF64Ge, F64, a >= b)              \
  X(BrF64NotLt, F64, !(a < b))         \
  X(BrF64NotGt, F64, !(a > b))         \
  X(BrF64NotLe, F64, !(a <= b))        \
  X(BrF64NotGe, F64, !(a >= b))

// Superinstructions: a pair of wasm instructions that the translator fuses when the
// first one's result feeds only the second.
//   I32AddShl s:a s:shift s:b s:dst   -- dst = (a << shift) + b   (i32.shl; i32.add)
//   F64MulAdd s:a s:b s:c s:dst       -- dst = a * b + c, rounded twice (f64.mul; f64.add)
//   I32Add3 s:a s:b s:c s:dst         -- dst = a + b + c (i32.add; i32.add)
//   Copy2 s:src1 s:dst1 s:src2 s:dst2 -- two copies, in order
//   Load32Idx/Load64Idx s:x s:shift s:base i:offset s:dst -- load from ((x << shift) + base)
//     + offset (i32.shl; i32.add; load, on a 32-bit memory)
// Loads from an i32.add address: LoadXxxAdd s:a s:b i:offset s:dst (32-bit memories).
#define DUSK_SUPER_OPS(X) \
  X(I32AddShl, 5)         \
  X(F64MulAdd, 5)         \
  X(I32Add3, 5)           \
  X(Copy2, 5)             \
  X(Load32Idx, 6)         \
  X(Load64Idx, 6)

// Every non-numeric instruction in enum order, calling DUSK_ON_OP(Name, words) for each
// (words 0: variable length). The enum, the interpreter's handler table and the
// disassembler's names are all generated from it (and from numeric_ops.def), so their
// orders cannot drift apart. Define DUSK_ON_OP before expanding DUSK_FOR_EACH_OP().
#define DUSK_FOR_EACH_OP()                    \
  DUSK_CONTROL_OPS(DUSK_ON_OP)                \
  DUSK_SUPER_OPS(DUSK_ON_OP)                  \
  DUSK_FUSED_BRANCH_OPS(DUSK_OP_FUSED_BRANCH_) \
  DUSK_FUSED_FLOAT_BRANCH_OPS(DUSK_OP_FUSED_BRANCH_) \
  DUSK_LOAD_OPS(DUSK_OP_LOAD_)                \
  DUSK_STORE_OPS(DUSK_OP_STORE_)
#define DUSK_OP_FUSED_BRANCH_(name, t, op) DUSK_ON_OP(name, 5)
#define DUSK_OP_LOAD_(name, t, r) DUSK_ON_OP(name, 4) DUSK_ON_OP(name##M64, 5) DUSK_ON_OP(name##Add, 5)
#define DUSK_OP_STORE_(name, t) DUSK_ON_OP(name, 4) DUSK_ON_OP(name##M64, 5)

enum class Op : u16 {
#define DUSK_ON_OP(name, words) name,
  DUSK_FOR_EACH_OP()
#undef DUSK_ON_OP
#define DUSK_BINOP(name, ta, tr, body) name,
#define DUSK_UNOP(name, ta, tr, body) name,
#include "duskvm/engine/detail/numeric_ops.def"
#undef DUSK_BINOP
#undef DUSK_UNOP
  kCount
};

// Handler offsets, indexed by Op, as the interpreter dispatches on them.
const i32* handler_offsets();

}  // namespace dusk::wasm
