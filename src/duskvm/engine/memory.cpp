#include "duskvm/engine/memory.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

namespace dusk::wasm {

namespace {
constexpr u64 kMaxPages32 = 65536;
constexpr u64 kMaxPages64 = u64{1} << 48;
}  // namespace

std::unique_ptr<Memory> Memory::create(const MemoryType& type, u64 limit_pages) {
  const u64 arch_max = type.is64 ? kMaxPages64 : kMaxPages32;
  u64 max_pages = std::min({type.limits.max.value_or(arch_max), arch_max, limit_pages});
  if (type.limits.min > max_pages) return nullptr;
  const u64 reserve = max_pages * kPageSize;
  u8* base = nullptr;
  if (reserve > 0) {
    void* p = mmap(nullptr, reserve, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    base = static_cast<u8*>(p);
  }
  std::unique_ptr<Memory> m(new Memory(type, base, reserve, max_pages));
  if (type.limits.min > 0 && !m->grow(type.limits.min)) return nullptr;
  return m;
}

Memory::Memory(const MemoryType& type, u8* base, u64 reserved_bytes, u64 max_pages)
    : type_(type), base_(base), reserved_(reserved_bytes), max_pages_(max_pages) {}

Memory::~Memory() {
  if (base_) munmap(base_, reserved_);
}

bool Memory::commit(u64 old_size, u64 new_size) {
  return mprotect(base_ + old_size, new_size - old_size, PROT_READ | PROT_WRITE) == 0;
}

std::optional<u64> Memory::grow(u64 delta) {
  const u64 old_pages = pages();
  if (delta > max_pages_ - old_pages) return std::nullopt;
  if (delta == 0) return old_pages;
  const u64 new_size = (old_pages + delta) * kPageSize;
  if (!commit(size_, new_size)) return std::nullopt;
  size_ = new_size;
  return old_pages;
}

bool Memory::read(u64 addr, std::span<u8> out) {
  const u8* p = ptr(addr, out.size());
  if (!p) return false;
  if (!out.empty()) std::memcpy(out.data(), p, out.size());
  return true;
}

bool Memory::write(u64 addr, ByteView in) {
  u8* p = ptr(addr, in.size());
  if (!p) return false;
  if (!in.empty()) std::memcpy(p, in.data(), in.size());
  return true;
}

}  // namespace dusk::wasm
