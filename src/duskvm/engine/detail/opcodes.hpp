// The WebAssembly instruction set as the engine knows it: the constants and lookup
// tables generated from opcodes.def. Nothing else in the engine spells an opcode.
#pragma once

#include <array>

#include "base/int.hpp"

namespace dusk::wasm {

// What handles an instruction (the translator has one function per family).
enum class Family : u8 {
  kControl,      // blocks, branches, calls
  kParametric,   // drop, select
  kVariable,     // locals and globals
  kConstant,     // i32/i64/f32/f64.const
  kNumeric,      // arithmetic, comparisons, conversions (numeric_ops.def)
  kReinterpret,  // same bits, another type
  kReference,    // ref.null, ref.is_null, ref.func
  kMemory,       // loads, stores, memory.size/grow and bulk memory
  kTable,        // table access and bulk table operations
  kExceptions,   // the exception-handling proposal: refused
  kTailCalls,    // the tail-call proposal: refused
  kMisc,         // the 0xFC prefix
  kSimd,         // the 0xFD prefix: refused
  kThreads,      // the 0xFE prefix: refused
};

// An instruction's code: the opcode byte, or 0xFC00 | sub-opcode (0xFC prefix).
enum class Opcode : u16 {
#define DUSK_WASM_OPCODE(name, code, text, family, gas) name = code,
#define DUSK_WASM_PREFIX(name, byte, family)
#include "duskvm/engine/detail/opcodes.def"
#undef DUSK_WASM_OPCODE
#undef DUSK_WASM_PREFIX
};

enum class Prefix : u8 {
#define DUSK_WASM_OPCODE(name, code, text, family, gas)
#define DUSK_WASM_PREFIX(name, byte, family) name = byte,
#include "duskvm/engine/detail/opcodes.def"
#undef DUSK_WASM_OPCODE
#undef DUSK_WASM_PREFIX
};

constexpr u8 byte_of(Opcode op) { return static_cast<u8>(op); }
constexpr u8 byte_of(Prefix p) { return static_cast<u8>(p); }
constexpr u32 code_of(Opcode op) { return static_cast<u32>(op); }
constexpr bool is_misc(u32 code) { return code >> 8 == byte_of(Prefix::Misc); }

struct OpcodeInfo {
  const char* text = nullptr;  // null: no such instruction
  Family family = Family::kControl;
  u32 gas = 0;                 // default static price
};

// Bytes of the binary format that are not instructions.
inline constexpr u32 kWasmMagic = 0x6d736100;        // "\0asm", read as a little-endian u32
inline constexpr u8 kEmptyBlockType = 0x40;  // a block type with no params and no results
inline constexpr u8 kFuncTypeForm = 0x60;    // what starts a function type
inline constexpr u8 kElemKindFuncRef = 0x00; // the only element kind of wasm 2.0

// Sub-opcodes of the 0xFC prefix that the tables can hold (GasSchedule::op_fc too).
inline constexpr u32 kMiscOpcodes = 32;

namespace detail {
struct OpcodeTables {
  std::array<OpcodeInfo, 256> plain{};         // by opcode byte; prefixes included
  std::array<OpcodeInfo, kMiscOpcodes> misc{};  // by 0xFC sub-opcode
};
constexpr OpcodeTables build_opcode_tables() {
  OpcodeTables t;
#define DUSK_WASM_OPCODE(name, code, text, family, gas)                    \
  if (is_misc(code)) t.misc[(code) & 0xff] = {text, Family::family, gas}; \
  else t.plain[(code) & 0xff] = {text, Family::family, gas};
#define DUSK_WASM_PREFIX(name, byte, family) t.plain[byte] = {#name, Family::family, 0};
#include "duskvm/engine/detail/opcodes.def"
#undef DUSK_WASM_OPCODE
#undef DUSK_WASM_PREFIX
  return t;
}
inline constexpr OpcodeTables kOpcodeTables = build_opcode_tables();
}  // namespace detail

// What `byte` starts: an instruction, a prefix, or nothing (text == nullptr).
constexpr const OpcodeInfo& opcode_info(u8 byte) { return detail::kOpcodeTables.plain[byte]; }
// The 0xFC-prefixed instruction `sub`, or nothing.
inline const OpcodeInfo& misc_opcode_info(u32 sub) {
  static constexpr OpcodeInfo kNone{};
  return sub < kMiscOpcodes ? detail::kOpcodeTables.misc[sub] : kNone;
}
constexpr const OpcodeInfo& opcode_info(Opcode op) {
  return is_misc(code_of(op)) ? detail::kOpcodeTables.misc[code_of(op) & 0xff]
                              : detail::kOpcodeTables.plain[code_of(op)];
}

}  // namespace dusk::wasm
