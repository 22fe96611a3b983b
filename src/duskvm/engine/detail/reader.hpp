// A bounds-checked cursor over WebAssembly binary data. The first failure is sticky:
// it records a message and every later read fails, so callers check once per step.
#pragma once

#include <string>

#include "base/bytes.hpp"
#include "base/leb128.hpp"
#include "base/utf8.hpp"
#include "duskvm/engine/types.hpp"

namespace dusk::wasm {

class Reader {
 public:
  Reader(const u8* begin, const u8* end) : p_(begin), begin_(begin), end_(end) {}

  bool ok() const { return err_.empty(); }
  const std::string& error() const { return err_; }
  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  const u8* pos() const { return p_; }
  size_t offset() const { return static_cast<size_t>(p_ - begin_); }

  // Sets the error (if none yet) and returns false.
  bool fail(std::string msg) {
    if (err_.empty()) err_ = std::move(msg);
    return false;
  }

  bool byte(u8* out) {
    if (!ok()) return false;
    if (p_ == end_) return fail("unexpected end");
    *out = *p_++;
    return true;
  }
  // A value type. A malformed byte fails "malformed value type"; SIMD's v128 fails too,
  // and simd() then says so (the caller reports an unsupported feature, not bad bytes).
  bool value_type(ValType* out) {
    u8 b;
    if (!byte(&b)) return false;
    switch (static_cast<ValType>(b)) {
      case ValType::kI32: case ValType::kI64: case ValType::kF32: case ValType::kF64:
      case ValType::kFuncRef: case ValType::kExternRef:
        *out = static_cast<ValType>(b);
        return true;
      case ValType::kV128:
        simd_ = true;
        return fail("SIMD (v128) is not supported");
    }
    return fail("malformed value type");
  }
  bool simd() const { return simd_; }

  bool u32leb(u32* out) {
    u64 v;
    if (!uleb(32, &v)) return false;
    *out = static_cast<u32>(v);
    return true;
  }
  bool u64leb(u64* out) { return uleb(64, out); }
  bool s32leb(i32* out) {
    i64 v;
    if (!sleb(32, &v)) return false;
    *out = static_cast<i32>(v);
    return true;
  }
  bool s33leb(i64* out) { return sleb(33, out); }
  bool s64leb(i64* out) { return sleb(64, out); }
  bool fixed32(u32* out) {
    if (!ok()) return false;
    if (remaining() < 4) return fail("unexpected end");
    *out = load_le<u32>(p_);
    p_ += 4;
    return true;
  }
  bool fixed64(u64* out) {
    if (!ok()) return false;
    if (remaining() < 8) return fail("unexpected end");
    *out = load_le<u64>(p_);
    p_ += 8;
    return true;
  }
  bool bytes(size_t n, ByteView* out) {
    if (!ok()) return false;
    if (remaining() < n) return fail("unexpected end of section or function");
    *out = ByteView(p_, n);
    p_ += n;
    return true;
  }
  // A length-prefixed UTF-8 name.
  bool name(std::string* out);

 private:
  bool uleb(unsigned bits, u64* out) {
    if (!ok()) return false;
    auto s = leb128::read_unsigned(&p_, end_, bits, out);
    if (s != leb128::ReadStatus::kOk) return fail(leb128::status_message(s));
    return true;
  }
  bool sleb(unsigned bits, i64* out) {
    if (!ok()) return false;
    auto s = leb128::read_signed(&p_, end_, bits, out);
    if (s != leb128::ReadStatus::kOk) return fail(leb128::status_message(s));
    return true;
  }

  const u8* p_;
  const u8* begin_;
  const u8* end_;
  std::string err_;
  bool simd_ = false;
};

using dusk::is_valid_utf8;  // base/utf8.hpp

}  // namespace dusk::wasm
