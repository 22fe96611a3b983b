#include "duskvm/engine/detail/decoder.hpp"

#include "duskvm/engine/detail/opcodes.hpp"

#include <algorithm>

namespace dusk::wasm {

namespace {

// Section ids in the order the binary format requires (data count sits before code).
int section_rank(u8 id) {
  switch (id) {
    case 1: return 1;   // type
    case 2: return 2;   // import
    case 3: return 3;   // function
    case 4: return 4;   // table
    case 5: return 5;   // memory
    case 6: return 6;   // global
    case 7: return 7;   // export
    case 8: return 8;   // start
    case 9: return 9;   // element
    case 12: return 10; // data count
    case 10: return 11; // code
    case 11: return 12; // data
    default: return -1;
  }
}

constexpr u64 kMaxMemoryPages32 = 65536;
constexpr u64 kMaxMemoryPages64 = u64{1} << 48;

}  // namespace

#define CHECK(expr) \
  do {              \
    if (!(expr)) return false; \
  } while (0)

CompileStatus Decoder::decode() {
  if (bytes_.size() > config_.max_module_bytes)
    return CompileFailure(CompileError::kTooLarge, "module is " + std::to_string(bytes_.size()) + " bytes, over the limit of " +
                     std::to_string(config_.max_module_bytes));
  Reader r(bytes_.data(), bytes_.data() + bytes_.size());
  u32 magic = 0, version = 0;
  if (!r.fixed32(&magic) || magic != kWasmMagic) return CompileFailure(CompileError::kMalformed, "magic header not detected");
  if (!r.fixed32(&version)) return CompileFailure(CompileError::kMalformed, "unexpected end");
  if (version != 1) return CompileFailure(CompileError::kMalformed, "unknown binary version");

  int last_rank = 0;
  while (!r.at_end()) {
    u8 id;
    u32 size;
    if (!r.byte(&id) || !r.u32leb(&size)) break;
    if (r.remaining() < size) {
      r.fail("length out of bounds");
      break;
    }
    Reader s(r.pos(), r.pos() + size);
    ByteView skip;
    r.bytes(size, &skip);
    if (id != 0) {
      const int rank = section_rank(id);
      if (rank < 0) {
        r.fail("malformed section id");
        break;
      }
      if (rank <= last_rank) {
        r.fail("unexpected content after last section");
        break;
      }
      last_rank = rank;
    }
    if (!section(id, s)) {
      if (!err_.message.empty()) return err_;
      r.fail(s.error());
      break;
    }
    if (!s.at_end()) {
      r.fail("section size mismatch");
      break;
    }
  }
  if (!r.ok()) return CompileFailure(CompileError::kMalformed, r.error());
  if (!err_.message.empty()) return err_;

  const size_t defined = m_.func_types_.size() - m_.num_imported_funcs_;
  if (num_code_ != defined) return CompileFailure(CompileError::kMalformed, "function and code section have inconsistent lengths");
  if (m_.data_count_ && *m_.data_count_ != m_.datas_.size())
    return CompileFailure(CompileError::kMalformed, "data count and data section have inconsistent lengths");
  return {};
}

bool Decoder::section(u8 id, Reader& r) {
  switch (id) {
    case 0: {
      std::string name;
      CHECK(r.name(&name));
      ByteView rest;
      CHECK(r.bytes(r.remaining(), &rest));
      m_.customs_.push_back({std::move(name), Bytes(rest.begin(), rest.end())});
      return true;
    }
    case 1: return type_section(r);
    case 2: return import_section(r);
    case 3: return function_section(r);
    case 4: return table_section(r);
    case 5: return memory_section(r);
    case 6: return global_section(r);
    case 7: return export_section(r);
    case 8: return start_section(r);
    case 9: return elem_section(r);
    case 10: return code_section(r);
    case 11: return data_section(r);
    case 12: return data_count_section(r);
  }
  return r.fail("malformed section id");
}

bool Decoder::count(Reader& r, u32 limit, const char* what, u32* out) {
  CHECK(r.u32leb(out));
  if (*out > limit) return too_large(std::string("too many ") + what + ": " + std::to_string(*out) +
                                     " (limit " + std::to_string(limit) + ")");
  // Every entry takes at least one byte: a count beyond the section's size is malformed.
  if (*out > r.remaining()) return r.fail("unexpected end of section or function");
  return true;
}

bool Decoder::valtype(Reader& r, ValType* out) {
  if (r.value_type(out)) return true;
  return r.simd() ? unsupported(r.error()) : false;
}

bool Decoder::reftype(Reader& r, ValType* out) {
  u8 b;
  CHECK(r.byte(&b));
  if (!is_ref(static_cast<ValType>(b))) return r.fail("malformed reference type");
  *out = static_cast<ValType>(b);
  return true;
}

bool Decoder::limits(Reader& r, Limits* out, bool* is64, bool allow64) {
  u8 flags;
  CHECK(r.byte(&flags));
  const bool has_max = flags & 1;
  const bool wide = flags & 4;
  if ((flags & ~5u) != 0 || (wide && !allow64)) {
    if (flags & 2) return unsupported("shared memory (threads) is not supported");
    return r.fail("integer too large");  // the spec's wording for a malformed limits flag
  }
  if (is64) *is64 = wide;
  if (wide) {
    CHECK(r.u64leb(&out->min));
    if (has_max) {
      u64 mx;
      CHECK(r.u64leb(&mx));
      out->max = mx;
    }
  } else {
    u32 v;
    CHECK(r.u32leb(&v));
    out->min = v;
    if (has_max) {
      CHECK(r.u32leb(&v));
      out->max = v;
    }
  }
  return true;
}

bool Decoder::table_type(Reader& r, TableType* out) {
  CHECK(reftype(r, &out->elem));
  CHECK(limits(r, &out->limits, nullptr, false));
  if (out->limits.max && out->limits.min > *out->limits.max)
    return invalid("size minimum must not be greater than maximum");
  return true;
}

bool Decoder::memory_type(Reader& r, MemoryType* out) {
  CHECK(limits(r, &out->limits, &out->is64, true));
  const u64 cap = out->is64 ? kMaxMemoryPages64 : kMaxMemoryPages32;
  if (out->limits.max && out->limits.min > *out->limits.max)
    return invalid("size minimum must not be greater than maximum");
  if (out->limits.min > cap || (out->limits.max && *out->limits.max > cap))
    return invalid(out->is64 ? "memory size must be at most 2^48 pages"
                             : "memory size must be at most 65536 pages (4GiB)");
  return true;
}

bool Decoder::global_type(Reader& r, GlobalType* out) {
  CHECK(valtype(r, &out->type));
  u8 mut;
  CHECK(r.byte(&mut));
  if (mut > 1) return r.fail("malformed mutability");
  out->mut = mut == 1;
  return true;
}

bool Decoder::const_expr(Reader& r, ValType expected, ConstExpr* out) {
  // wasm 2.0 constant expressions: exactly one constant instruction, then `end`.
  int produced = 0;
  ValType type = ValType::kI32;
  for (;;) {
    u8 byte;
    CHECK(r.byte(&byte));
    const Opcode op = static_cast<Opcode>(byte);
    if (op == Opcode::End) break;
    const bool constant_instruction = op == Opcode::I32Const || op == Opcode::I64Const || op == Opcode::F32Const ||
                                      op == Opcode::F64Const || op == Opcode::RefNull || op == Opcode::RefFunc ||
                                      op == Opcode::GlobalGet;
    if (produced > 0) {
      // A second instruction: either a non-constant one or an extra value.
      if (constant_instruction) {
        ++produced;
        // Consume the immediate so the error below is about types, not bytes.
      } else {
        return invalid("constant expression required (extended constant expressions are not supported)");
      }
    }
    switch (constant_instruction ? op : Opcode::Unreachable) {
      case Opcode::I32Const: {
        i32 v;
        CHECK(r.s32leb(&v));
        out->kind = ConstExpr::Kind::kValue;
        out->bits = static_cast<u32>(v);
        type = ValType::kI32;
        break;
      }
      case Opcode::I64Const: {
        i64 v;
        CHECK(r.s64leb(&v));
        out->kind = ConstExpr::Kind::kValue;
        out->bits = static_cast<u64>(v);
        type = ValType::kI64;
        break;
      }
      case Opcode::F32Const: {
        u32 v;
        CHECK(r.fixed32(&v));
        out->kind = ConstExpr::Kind::kValue;
        out->bits = v;
        type = ValType::kF32;
        break;
      }
      case Opcode::F64Const: {
        u64 v;
        CHECK(r.fixed64(&v));
        out->kind = ConstExpr::Kind::kValue;
        out->bits = v;
        type = ValType::kF64;
        break;
      }
      case Opcode::RefNull: {
        CHECK(reftype(r, &type));
        out->kind = ConstExpr::Kind::kValue;
        out->bits = 0;
        break;
      }
      case Opcode::RefFunc: {
        u32 idx;
        CHECK(r.u32leb(&idx));
        if (idx >= m_.func_types_.size()) return invalid("unknown function " + std::to_string(idx));
        out->kind = ConstExpr::Kind::kRefFunc;
        out->index = idx;
        refs_.insert(idx);
        type = ValType::kFuncRef;
        break;
      }
      case Opcode::GlobalGet: {
        u32 idx;
        CHECK(r.u32leb(&idx));
        // Only imported globals are visible to constant expressions, and only immutable ones.
        if (idx >= m_.num_imported_globals_) return invalid("unknown global " + std::to_string(idx));
        if (m_.globals_[idx].type.mut) return invalid("constant expression required");
        out->kind = ConstExpr::Kind::kGlobal;
        out->index = idx;
        type = m_.globals_[idx].type.type;
        break;
      }
      default:
        return invalid("constant expression required");
    }
    if (produced == 0) produced = 1;
  }
  if (produced != 1 || type != expected) return invalid("type mismatch");
  return true;
}

bool Decoder::type_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_types, "types", &n));
  m_.types_.resize(n);
  for (auto& t : m_.types_) {
    u8 form;
    CHECK(r.byte(&form));
    if (form != kFuncTypeForm) return r.fail("integer representation too long");  // malformed type form
    u32 np, nr;
    CHECK(count(r, 1000, "parameters", &np));
    t.params.resize(np);
    for (auto& p : t.params) CHECK(valtype(r, &p));
    CHECK(count(r, 1000, "results", &nr));
    t.results.resize(nr);
    for (auto& p : t.results) CHECK(valtype(r, &p));
  }
  return true;
}

bool Decoder::import_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_imports, "imports", &n));
  for (u32 i = 0; i < n; ++i) {
    Import imp;
    CHECK(r.name(&imp.module));
    CHECK(r.name(&imp.name));
    u8 kind;
    CHECK(r.byte(&kind));
    switch (kind) {
      case 0:
        CHECK(r.u32leb(&imp.func_type));
        if (imp.func_type >= m_.types_.size()) return invalid("unknown type " + std::to_string(imp.func_type));
        m_.func_types_.push_back(imp.func_type);
        ++m_.num_imported_funcs_;
        break;
      case 1:
        CHECK(table_type(r, &imp.table));
        m_.tables_.push_back(imp.table);
        ++m_.num_imported_tables_;
        break;
      case 2:
        CHECK(memory_type(r, &imp.memory));
        m_.memories_.push_back(imp.memory);
        ++m_.num_imported_memories_;
        break;
      case 3:
        CHECK(global_type(r, &imp.global));
        m_.globals_.push_back({imp.global, {}});
        ++m_.num_imported_globals_;
        break;
      default:
        return r.fail("malformed import kind");
    }
    imp.kind = static_cast<ExternKind>(kind);
    m_.imports_.push_back(std::move(imp));
  }
  if (m_.memories_.size() > 1) return invalid("multiple memories");
  if (m_.func_types_.size() > config_.max_functions) return too_large("too many functions");
  if (m_.globals_.size() > config_.max_globals) return too_large("too many globals");
  if (m_.tables_.size() > config_.max_tables) return too_large("too many tables");
  return true;
}

bool Decoder::function_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_functions, "functions", &n));
  if (m_.func_types_.size() + n > config_.max_functions) return too_large("too many functions");
  for (u32 i = 0; i < n; ++i) {
    u32 t;
    CHECK(r.u32leb(&t));
    if (t >= m_.types_.size()) return invalid("unknown type " + std::to_string(t));
    m_.func_types_.push_back(t);
  }
  return true;
}

bool Decoder::table_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_tables, "tables", &n));
  for (u32 i = 0; i < n; ++i) {
    TableType t;
    CHECK(table_type(r, &t));
    m_.tables_.push_back(t);
  }
  if (m_.tables_.size() > config_.max_tables) return too_large("too many tables");
  return true;
}

bool Decoder::memory_section(Reader& r) {
  u32 n;
  CHECK(r.u32leb(&n));
  for (u32 i = 0; i < n; ++i) {
    MemoryType t;
    CHECK(memory_type(r, &t));
    m_.memories_.push_back(t);
    if (m_.memories_.size() > 1) return invalid("multiple memories");
  }
  return true;
}

bool Decoder::global_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_globals, "globals", &n));
  if (m_.globals_.size() + n > config_.max_globals) return too_large("too many globals");
  for (u32 i = 0; i < n; ++i) {
    Global g;
    CHECK(global_type(r, &g.type));
    CHECK(const_expr(r, g.type.type, &g.init));
    m_.globals_.push_back(g);
  }
  return true;
}

bool Decoder::export_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_exports, "exports", &n));
  std::vector<std::string> names;
  for (u32 i = 0; i < n; ++i) {
    Export e;
    CHECK(r.name(&e.name));
    u8 kind;
    CHECK(r.byte(&kind));
    if (kind > 3) return r.fail("malformed export kind");
    e.kind = static_cast<ExternKind>(kind);
    CHECK(r.u32leb(&e.index));
    size_t limit = 0;
    const char* what = "";
    switch (e.kind) {
      case ExternKind::kFunc: limit = m_.func_types_.size(); what = "function"; break;
      case ExternKind::kTable: limit = m_.tables_.size(); what = "table"; break;
      case ExternKind::kMemory: limit = m_.memories_.size(); what = "memory"; break;
      case ExternKind::kGlobal: limit = m_.globals_.size(); what = "global"; break;
    }
    if (e.index >= limit) return invalid(std::string("unknown ") + what + " " + std::to_string(e.index));
    if (e.kind == ExternKind::kFunc) refs_.insert(e.index);
    names.push_back(e.name);
    m_.exports_.push_back(std::move(e));
  }
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) != names.end()) return invalid("duplicate export name");
  return true;
}

bool Decoder::start_section(Reader& r) {
  u32 idx;
  CHECK(r.u32leb(&idx));
  if (idx >= m_.func_types_.size()) return invalid("unknown function " + std::to_string(idx));
  const FuncType& t = m_.types_[m_.func_types_[idx]];
  if (!t.params.empty() || !t.results.empty()) return invalid("start function must have type [] -> []");
  m_.start_ = idx;
  return true;
}

bool Decoder::elem_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_elem_segments, "element segments", &n));
  for (u32 i = 0; i < n; ++i) {
    ElemSegment seg;
    u32 flags;
    CHECK(r.u32leb(&flags));
    if (flags > 7) return r.fail("malformed elements segment kind");
    const bool passive_or_decl = flags & 1;
    const bool explicit_table = flags & 2;
    const bool uses_exprs = flags & 4;
    if (!passive_or_decl) {
      seg.mode = ElemSegment::Mode::kActive;
      if (explicit_table) CHECK(r.u32leb(&seg.table));
      if (seg.table >= m_.tables_.size()) return invalid("unknown table " + std::to_string(seg.table));
      CHECK(const_expr(r, ValType::kI32, &seg.offset));
    } else {
      seg.mode = explicit_table ? ElemSegment::Mode::kDeclarative : ElemSegment::Mode::kPassive;
    }
    // Flags 0 and 4 imply funcref; the others name an element kind or a reference type.
    if (flags != 0 && flags != 4) {
      if (uses_exprs) {
        CHECK(reftype(r, &seg.type));
      } else {
        u8 kind;
        CHECK(r.byte(&kind));
        if (kind != kElemKindFuncRef) return r.fail("malformed element kind");
        seg.type = ValType::kFuncRef;
      }
    }
    u32 m;
    CHECK(count(r, 0xffffffffu, "elements", &m));
    seg.items.resize(m);
    for (auto& item : seg.items) {
      if (uses_exprs) {
        CHECK(const_expr(r, seg.type, &item));
      } else {
        u32 idx;
        CHECK(r.u32leb(&idx));
        if (idx >= m_.func_types_.size()) return invalid("unknown function " + std::to_string(idx));
        item.kind = ConstExpr::Kind::kRefFunc;
        item.index = idx;
        refs_.insert(idx);
      }
    }
    if (seg.mode == ElemSegment::Mode::kActive && m_.tables_[seg.table].elem != seg.type)
      return invalid("type mismatch");
    m_.elems_.push_back(std::move(seg));
  }
  return true;
}

bool Decoder::data_count_section(Reader& r) {
  u32 n;
  CHECK(r.u32leb(&n));
  if (n > config_.max_data_segments) return too_large("too many data segments");
  m_.data_count_ = n;
  return true;
}

bool Decoder::code_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_functions, "function bodies", &n));
  const size_t defined = m_.func_types_.size() - m_.num_imported_funcs_;
  if (n != defined) return r.fail("function and code section have inconsistent lengths");
  num_code_ = n;
  m_.bodies_.resize(n);
  for (u32 i = 0; i < n; ++i) {
    u32 size;
    CHECK(r.u32leb(&size));
    if (size > config_.max_function_size)
      return too_large("function " + std::to_string(i) + " body is " + std::to_string(size) + " bytes, over the limit");
    if (size > r.remaining()) return r.fail("unexpected end of section or function");
    CHECK(r.bytes(size, &m_.bodies_[i]));
  }
  return true;
}

bool Decoder::data_section(Reader& r) {
  u32 n;
  CHECK(count(r, config_.max_data_segments, "data segments", &n));
  if (m_.data_count_ && *m_.data_count_ != n)
    return r.fail("data count and data section have inconsistent lengths");
  for (u32 i = 0; i < n; ++i) {
    DataSegment seg;
    u32 flags;
    CHECK(r.u32leb(&flags));
    if (flags > 2) return r.fail("malformed data segment kind");
    if (flags == 1) {
      seg.mode = DataSegment::Mode::kPassive;
    } else {
      seg.mode = DataSegment::Mode::kActive;
      if (flags == 2) CHECK(r.u32leb(&seg.memory));
      if (seg.memory >= m_.memories_.size()) return invalid("unknown memory " + std::to_string(seg.memory));
      CHECK(const_expr(r, m_.memories_[seg.memory].is64 ? ValType::kI64 : ValType::kI32, &seg.offset));
    }
    u32 len;
    CHECK(r.u32leb(&len));
    ByteView b;
    if (len > r.remaining()) return r.fail("unexpected end of section or function");
    CHECK(r.bytes(len, &b));
    seg.bytes.assign(b.begin(), b.end());
    m_.datas_.push_back(std::move(seg));
  }
  return true;
}

}  // namespace dusk::wasm
