#include "duskvm/engine/types.hpp"

#include "duskvm/engine/trap.hpp"
#include "duskvm/engine/value.hpp"

#include <cstdio>

namespace dusk::wasm {

const char* to_string(ValType t) {
  switch (t) {
    case ValType::kI32: return "i32";
    case ValType::kI64: return "i64";
    case ValType::kF32: return "f32";
    case ValType::kF64: return "f64";
    case ValType::kV128: return "v128";
    case ValType::kFuncRef: return "funcref";
    case ValType::kExternRef: return "externref";
  }
  return "?";
}

const char* to_string(ExternKind k) {
  switch (k) {
    case ExternKind::kFunc: return "func";
    case ExternKind::kTable: return "table";
    case ExternKind::kMemory: return "memory";
    case ExternKind::kGlobal: return "global";
  }
  return "?";
}

std::string FuncType::to_string() const {
  std::string s = "(";
  for (size_t i = 0; i < params.size(); ++i) s += (i ? " " : "") + std::string(wasm::to_string(params[i]));
  s += ") -> (";
  for (size_t i = 0; i < results.size(); ++i) s += (i ? " " : "") + std::string(wasm::to_string(results[i]));
  return s + ")";
}

std::string Value::to_string() const {
  char buf[64];
  switch (type) {
    case ValType::kI32: std::snprintf(buf, sizeof buf, "i32:%u", as_u32()); break;
    case ValType::kI64: std::snprintf(buf, sizeof buf, "i64:%llu", static_cast<unsigned long long>(bits)); break;
    case ValType::kF32: std::snprintf(buf, sizeof buf, "f32:%.9g", static_cast<double>(as_f32())); break;
    case ValType::kF64: std::snprintf(buf, sizeof buf, "f64:%.17g", as_f64()); break;
    case ValType::kFuncRef:
      if (is_null()) return "funcref:null";
      return "funcref";
    case ValType::kExternRef:
      if (is_null()) return "externref:null";
      std::snprintf(buf, sizeof buf, "externref:%llu", static_cast<unsigned long long>(extern_payload()));
      break;
    default: return "v128";
  }
  return buf;
}

const char* trap_message(Trap t) {
  switch (t) {
    case Trap::kNone: return "ok";
    case Trap::kUnreachable: return "unreachable";
    case Trap::kMemoryOutOfBounds: return "out of bounds memory access";
    case Trap::kTableOutOfBounds: return "out of bounds table access";
    case Trap::kUndefinedElement: return "undefined element";
    case Trap::kUninitializedElement: return "uninitialized element";
    case Trap::kIndirectCallTypeMismatch: return "indirect call type mismatch";
    case Trap::kIntegerDivideByZero: return "integer divide by zero";
    case Trap::kIntegerOverflow: return "integer overflow";
    case Trap::kInvalidConversion: return "invalid conversion to integer";
    case Trap::kCallStackExhausted: return "call stack exhausted";
    case Trap::kOutOfGas: return "out of gas";
    case Trap::kHostError: return "host error";
    case Trap::kExit: return "exit";
  }
  return "?";
}

}  // namespace dusk::wasm
