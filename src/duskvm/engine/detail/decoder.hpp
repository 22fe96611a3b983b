// Decodes the sections of a binary module into a Module and validates everything
// outside function bodies (which the FunctionCompiler validates while translating).
#pragma once

#include <set>

#include "base/result.hpp"
#include "duskvm/engine/module.hpp"
#include "duskvm/engine/detail/reader.hpp"

namespace dusk::wasm {

class Decoder {
 public:
  Decoder(ByteView bytes, const EngineConfig& config, Module& module)
      : bytes_(bytes), config_(config), m_(module) {}

  // On failure the Error's code is a CompileError.
  CompileStatus decode();

  // Functions that may be referenced by ref.func inside function bodies: those named
  // in element segments, exports, or global initializers (the spec's C.refs).
  const std::set<u32>& declared_refs() const { return refs_; }

 private:
  bool section(u8 id, Reader& r);
  bool type_section(Reader& r);
  bool import_section(Reader& r);
  bool function_section(Reader& r);
  bool table_section(Reader& r);
  bool memory_section(Reader& r);
  bool global_section(Reader& r);
  bool export_section(Reader& r);
  bool start_section(Reader& r);
  bool elem_section(Reader& r);
  bool data_count_section(Reader& r);
  bool code_section(Reader& r);
  bool data_section(Reader& r);

  bool valtype(Reader& r, ValType* out);
  bool reftype(Reader& r, ValType* out);
  bool limits(Reader& r, Limits* out, bool* is64, bool allow64);
  bool table_type(Reader& r, TableType* out);
  bool memory_type(Reader& r, MemoryType* out);
  bool global_type(Reader& r, GlobalType* out);
  // Parses and validates a constant expression of the given type.
  bool const_expr(Reader& r, ValType expected, ConstExpr* out);
  bool count(Reader& r, u32 limit, const char* what, u32* out);

  bool invalid(std::string msg) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kInvalid, std::move(msg));
    return false;
  }
  bool too_large(std::string msg) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kTooLarge, std::move(msg));
    return false;
  }
  bool unsupported(std::string msg) {
    if (err_.message.empty()) err_ = CompileFailure(CompileError::kUnsupported, std::move(msg));
    return false;
  }

  ByteView bytes_;
  const EngineConfig& config_;
  Module& m_;
  CompileFailure err_{CompileError::kMalformed, ""};  // empty message: no failure yet
  std::set<u32> refs_;
  u32 num_code_ = 0;
  bool seen_code_ = false;
};

}  // namespace dusk::wasm
