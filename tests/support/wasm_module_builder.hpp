// A tiny WebAssembly binary builder for tests, fuzz tools and benchmarks: modules are
// built byte by byte, so that they can break limits that a text assembler refuses to
// encode (hundreds of thousands of locals or constants, huge declarations).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/leb128.hpp"
#include "duskvm/engine/types.hpp"

namespace dusk::testing::wasm_builder {

using dusk::wasm::ValType;

inline Bytes leb(u64 v) {
  u8 buf[10];
  return Bytes(buf, buf + leb128::write_unsigned(v, buf));
}

inline Bytes sleb(i64 v) {
  u8 buf[10];
  return Bytes(buf, buf + leb128::write_signed(v, buf));
}

inline Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline Bytes repeat(const Bytes& part, size_t n) {
  Bytes out;
  out.reserve(part.size() * n);
  for (size_t i = 0; i < n; ++i) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// Instruction encodings used below.
namespace op {
inline const Bytes kEnd{0x0b};
inline Bytes block() { return {0x02, 0x40}; }
inline Bytes loop() { return {0x03, 0x40}; }
inline Bytes if_() { return {0x04, 0x40}; }
inline Bytes br(u32 depth) { return cat({{0x0c}, leb(depth)}); }
inline Bytes br_if(u32 depth) { return cat({{0x0d}, leb(depth)}); }
inline Bytes call(u32 f) { return cat({{0x10}, leb(f)}); }
inline Bytes drop() { return {0x1a}; }
inline Bytes local_get(u32 i) { return cat({{0x20}, leb(i)}); }
inline Bytes local_set(u32 i) { return cat({{0x21}, leb(i)}); }
inline Bytes i64_const(i64 v) { return cat({{0x42}, sleb(v)}); }
inline Bytes i64_add() { return {0x7c}; }
inline Bytes memory_fill() { return {0xfc, 11, 0x00}; }
inline Bytes table_fill(u32 t) { return cat({{0xfc, 17}, leb(t)}); }
inline Bytes table_copy(u32 dst, u32 src) { return cat({{0xfc, 14}, leb(dst), leb(src)}); }
inline Bytes i32_const(i32 v) { return cat({{0x41}, sleb(v)}); }
inline Bytes i32_add() { return {0x6a}; }
inline Bytes memory_size() { return {0x3f, 0x00}; }
inline Bytes memory_grow() { return {0x40, 0x00}; }
inline Bytes table_grow(u32 t) { return cat({{0xfc, 15}, leb(t)}); }
inline Bytes table_size(u32 t) { return cat({{0xfc, 16}, leb(t)}); }
inline Bytes ref_null_func() { return {0xd0, 0x70}; }
}  // namespace op

class ModuleBuilder {
 public:
  struct Local {
    u32 count;
    ValType type;
  };

  u32 type(std::vector<ValType> params, std::vector<ValType> results) {
    Bytes t = {0x60};
    append_types(t, params);
    append_types(t, results);
    types_.push_back(std::move(t));
    return static_cast<u32>(types_.size() - 1);
  }
  // A function whose body is `locals`, then `code`, then `end`.
  u32 func(u32 type_index, std::vector<Local> locals, const Bytes& code, const std::string& export_name = "") {
    Bytes body = leb(locals.size());
    for (const Local& l : locals) {
      append(body, leb(l.count));
      body.push_back(static_cast<u8>(l.type));
    }
    append(body, code);
    body.push_back(0x0b);
    return raw_func(type_index, body, export_name);
  }
  // A function with a complete body (local declarations and the final end included).
  u32 raw_func(u32 type_index, const Bytes& body, const std::string& export_name = "") {
    funcs_.push_back(type_index);
    bodies_.push_back(body);
    const u32 index = static_cast<u32>(funcs_.size() - 1);
    if (!export_name.empty()) export_func(export_name, index);
    return index;
  }
  void export_func(const std::string& name, u32 index) {
    Bytes e = leb(name.size());
    e.insert(e.end(), name.begin(), name.end());
    e.push_back(0x00);
    append(e, leb(index));
    exports_.push_back(std::move(e));
  }
  void memory(u64 min, std::optional<u64> max = std::nullopt, bool is64 = false) {
    memory_ = cat({{static_cast<u8>((max ? 1 : 0) | (is64 ? 4 : 0))}, leb(min), max ? leb(*max) : Bytes{}});
  }
  void table(u64 min, std::optional<u64> max = std::nullopt) {
    table_ = cat({{0x70, static_cast<u8>(max ? 1 : 0)}, leb(min), max ? leb(*max) : Bytes{}});
  }
  void start(u32 f) { start_ = f; }
  // A custom section whose payload is `size` bytes (name included).
  void custom(size_t payload) { custom_ = payload; }

  Bytes build() const {
    Bytes m = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
    if (!types_.empty()) section(m, 1, vec(types_));
    if (!funcs_.empty()) {
      Bytes f = leb(funcs_.size());
      for (u32 t : funcs_) append(f, leb(t));
      section(m, 3, f);
    }
    if (table_) section(m, 4, cat({{0x01}, *table_}));
    if (memory_) section(m, 5, cat({{0x01}, *memory_}));
    if (!exports_.empty()) section(m, 7, vec(exports_));
    if (start_) section(m, 8, leb(*start_));
    if (!bodies_.empty()) {
      std::vector<Bytes> sized;
      for (const Bytes& b : bodies_) sized.push_back(cat({leb(b.size()), b}));
      section(m, 10, vec(sized));
    }
    if (custom_) {
      // Name "x", then filler.
      Bytes c = {0x01, 'x'};
      c.resize(*custom_, 0);
      section(m, 0, c);
    }
    return m;
  }

  static void section(Bytes& m, u8 id, const Bytes& content) {
    m.push_back(id);
    append(m, leb(content.size()));
    append(m, content);
  }

 private:
  static void append(Bytes& out, const Bytes& in) { out.insert(out.end(), in.begin(), in.end()); }
  static void append_types(Bytes& out, const std::vector<ValType>& ts) {
    append(out, leb(ts.size()));
    for (ValType t : ts) out.push_back(static_cast<u8>(t));
  }
  static Bytes vec(const std::vector<Bytes>& items) {
    Bytes out = leb(items.size());
    for (const Bytes& i : items) append(out, i);
    return out;
  }

  std::vector<Bytes> types_;
  std::vector<u32> funcs_;
  std::vector<Bytes> bodies_;
  std::vector<Bytes> exports_;
  std::optional<Bytes> memory_;
  std::optional<Bytes> table_;
  std::optional<u32> start_;
  std::optional<size_t> custom_;
};

}  // namespace dusk::testing::wasm_builder
