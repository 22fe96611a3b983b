// A decoded, validated and translated module: immutable, shareable between stores.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "duskvm/engine/config.hpp"
#include "duskvm/engine/types.hpp"

namespace dusk::wasm {

// Why compile() refused a module.
enum class CompileError : u8 {
  kMalformed = 1,    // the bytes are not a well-formed binary module
  kInvalid = 2,      // well-formed but fails validation (multi-memory and extended
                     // constant expressions are refused here, as the 2.0 spec does)
  kTooLarge = 3,     // exceeds a limit of EngineConfig
  kUnsupported = 4,  // uses a proposal this engine does not implement (SIMD, threads,
                     // exceptions, tail calls)
};
using CompileFailure = Failure<CompileError>;
template <typename T>
using CompileResult = Result<T, CompileFailure>;
using CompileStatus = Result<void, CompileFailure>;

struct Import {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::kFunc;
  u32 func_type = 0;  // kFunc: type index
  TableType table;    // kTable
  MemoryType memory;  // kMemory
  GlobalType global;  // kGlobal
};

struct Export {
  std::string name;
  ExternKind kind = ExternKind::kFunc;
  u32 index = 0;
};

// A constant expression (global initializers, segment offsets, element items).
struct ConstExpr {
  enum class Kind : u8 { kValue, kGlobal, kRefFunc } kind = Kind::kValue;
  u64 bits = 0;    // kValue: the value (null reference = 0)
  u32 index = 0;   // kGlobal: global index; kRefFunc: function index
};

struct Global {
  GlobalType type;
  ConstExpr init;
};

struct ElemSegment {
  enum class Mode : u8 { kPassive, kActive, kDeclarative } mode = Mode::kPassive;
  ValType type = ValType::kFuncRef;
  u32 table = 0;
  ConstExpr offset;
  std::vector<ConstExpr> items;
};

struct DataSegment {
  enum class Mode : u8 { kPassive, kActive } mode = Mode::kPassive;
  u32 memory = 0;
  ConstExpr offset;
  Bytes bytes;
};

// A function body translated to the interpreter's internal form (see interpreter.hpp).
struct Function {
  u32 type_index = 0;
  u32 num_params = 0;
  u32 num_results = 0;
  u32 num_locals = 0;    // declared locals, parameters excluded
  u32 frame_slots = 0;   // params + locals + constants + maximum operand stack
  std::vector<u32> code;  // instruction stream
  std::vector<u64> consts;  // constant slots copied after the locals on entry
};

class Module {
 public:
  const std::vector<Import>& imports() const { return imports_; }
  const std::vector<Export>& exports() const { return exports_; }
  const std::vector<FuncType>& types() const { return types_; }
  const FuncType& func_type(u32 func_index) const { return types_[func_types_[func_index]]; }
  u32 num_imported_funcs() const { return num_imported_funcs_; }
  u32 num_defined_funcs() const { return static_cast<u32>(functions_.size()); }
  std::optional<u32> start() const { return start_; }
  // The contents of the first custom section of that name, or null.
  const Bytes* custom_section(std::string_view name) const {
    for (const auto& [n, contents] : customs_)
      if (n == name) return &contents;
    return nullptr;
  }

 private:
  friend class Decoder;
  friend class Store;
  friend class Interpreter;
  friend CompileResult<std::shared_ptr<const Module>> compile(ByteView, const EngineConfig&);
  friend class Compiler;
  friend class Disassembler;

  std::vector<FuncType> types_;
  std::vector<Import> imports_;
  std::vector<u32> func_types_;  // type index of every function, imports first
  std::vector<TableType> tables_;  // imports first
  std::vector<MemoryType> memories_;  // imports first
  std::vector<Global> globals_;  // imports first (their init unused)
  std::vector<Export> exports_;
  std::optional<u32> start_;
  std::vector<ElemSegment> elems_;
  std::vector<DataSegment> datas_;
  std::optional<u32> data_count_;
  std::vector<Function> functions_;  // defined functions only
  std::vector<ByteView> bodies_;      // raw bodies during compilation (point into the input)
  std::vector<std::pair<std::string, Bytes>> customs_;  // custom sections: name, contents
  u32 num_imported_funcs_ = 0;
  u32 num_imported_tables_ = 0;
  u32 num_imported_memories_ = 0;
  u32 num_imported_globals_ = 0;
};

// Decodes, validates and translates a binary module. Error codes: CompileError.
CompileResult<std::shared_ptr<const Module>> compile(ByteView wasm, const EngineConfig& config = {});

}  // namespace dusk::wasm
