// A typed WebAssembly value as the embedder sees it.
#pragma once

#include <bit>
#include <string>

#include "duskvm/engine/types.hpp"

namespace dusk::wasm {

class FuncInst;

// References are one 64-bit word: 0 is null; a funcref is a FuncInst*; an externref
// holds the embedder's 64-bit payload plus one (so that payload 0 is not null).
struct Value {
  ValType type = ValType::kI32;
  u64 bits = 0;  // i32 in the low 32 bits, floats as their bit patterns

  static Value i32(u32 v) { return {ValType::kI32, v}; }
  static Value i64(u64 v) { return {ValType::kI64, v}; }
  static Value f32(float v) { return {ValType::kF32, std::bit_cast<u32>(v)}; }
  static Value f64(double v) { return {ValType::kF64, std::bit_cast<u64>(v)}; }
  static Value f32_bits(u32 v) { return {ValType::kF32, v}; }
  static Value f64_bits(u64 v) { return {ValType::kF64, v}; }
  static Value null_ref(ValType t) { return {t, 0}; }
  static Value func_ref(const FuncInst* f) { return {ValType::kFuncRef, reinterpret_cast<u64>(f)}; }
  static Value extern_ref(u64 payload) { return {ValType::kExternRef, payload + 1}; }
  static Value zero(ValType t) { return {t, 0}; }

  u32 as_u32() const { return static_cast<u32>(bits); }
  dusk::i32 as_i32() const { return static_cast<dusk::i32>(bits); }
  u64 as_u64() const { return bits; }
  dusk::i64 as_i64() const { return static_cast<dusk::i64>(bits); }
  float as_f32() const { return std::bit_cast<float>(static_cast<u32>(bits)); }
  double as_f64() const { return std::bit_cast<double>(bits); }
  bool is_null() const { return bits == 0; }
  const FuncInst* as_func() const { return reinterpret_cast<const FuncInst*>(bits); }
  u64 extern_payload() const { return bits - 1; }

  std::string to_string() const;  // "i32:42", "f64:1.5", "externref:7", "funcref:null"
};

// The 64-bit slot form of a value: 32-bit types are zero-extended whatever the upper
// bits of `bits` hold (the interpreter relies on it, e.g. for memory.fill's operands).
inline u64 slot_bits(const Value& v) {
  return (v.type == ValType::kI32 || v.type == ValType::kF32) ? static_cast<u32>(v.bits) : v.bits;
}

}  // namespace dusk::wasm
