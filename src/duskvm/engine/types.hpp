// WebAssembly types: value types, function types, limits and the types of externals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/int.hpp"

namespace dusk::wasm {

// Value types, with their binary encodings as enumerator values.
enum class ValType : u8 {
  kI32 = 0x7f,
  kI64 = 0x7e,
  kF32 = 0x7d,
  kF64 = 0x7c,
  kV128 = 0x7b,  // decoded only to be rejected: SIMD is not supported
  kFuncRef = 0x70,
  kExternRef = 0x6f,
};

const char* to_string(ValType t);
inline bool is_ref(ValType t) { return t == ValType::kFuncRef || t == ValType::kExternRef; }
inline bool is_num(ValType t) { return !is_ref(t); }

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;

  bool operator==(const FuncType&) const = default;
  std::string to_string() const;  // "(i32 i64) -> (f32)"
};

// Limits of a table or memory, in elements or 64 KiB pages.
struct Limits {
  u64 min = 0;
  std::optional<u64> max;
  bool operator==(const Limits&) const = default;
};

struct TableType {
  ValType elem = ValType::kFuncRef;
  Limits limits;
};

struct MemoryType {
  Limits limits;
  bool is64 = false;  // memory64: addresses are i64
};

struct GlobalType {
  ValType type = ValType::kI32;
  bool mut = false;
};

enum class ExternKind : u8 { kFunc = 0, kTable = 1, kMemory = 2, kGlobal = 3 };
const char* to_string(ExternKind k);

inline constexpr u64 kPageSize = 65536;

}  // namespace dusk::wasm
