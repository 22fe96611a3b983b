// Linear memory.
//
// The bytes live in one reserved virtual range, so the base pointer never moves while
// the memory grows: the interpreter caches it, host functions may keep pointers for the
// duration of a call. Subclasses (the contract runtime) hook growth and may track
// written pages; the engine itself writes through data() directly.
#pragma once

#include <memory>
#include <optional>

#include "base/bytes.hpp"
#include "duskvm/engine/types.hpp"

namespace dusk::wasm {

class Memory {
 public:
  // Reserves address space for min(type.max, limit_pages) pages and commits type.min.
  // Fails (returns nullptr from create) if the minimum exceeds limit_pages or the
  // reservation fails.
  static std::unique_ptr<Memory> create(const MemoryType& type, u64 limit_pages);
  virtual ~Memory();
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  const MemoryType& type() const { return type_; }
  bool is64() const { return type_.is64; }
  u8* data() { return base_; }
  const u8* data() const { return base_; }
  u64 size() const { return size_; }  // bytes
  u64 pages() const { return size_ / kPageSize; }
  u64 max_pages() const { return max_pages_; }  // effective: declared max capped by the limit

  // Grows by delta pages (zero-filled); returns the old size in pages, or nullopt
  // if the result would exceed max_pages() (memory unchanged).
  virtual std::optional<u64> grow(u64 delta);

  // Bounds-checked access for host functions: nullptr when [addr, addr+len) is outside.
  u8* ptr(u64 addr, u64 len) {
    return (addr <= size_ && len <= size_ - addr) ? base_ + addr : nullptr;
  }
  bool read(u64 addr, std::span<u8> out);
  bool write(u64 addr, ByteView in);

 protected:
  Memory(const MemoryType& type, u8* base, u64 reserved_bytes, u64 max_pages);
  // Makes bytes [old_size, new_size) usable; the default commits them read-write.
  virtual bool commit(u64 old_size, u64 new_size);

  MemoryType type_;
  u8* base_ = nullptr;
  u64 reserved_ = 0;
  u64 size_ = 0;
  u64 max_pages_ = 0;
};

}  // namespace dusk::wasm
