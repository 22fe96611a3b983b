#include "duskvm/engine/memory.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace dusk::wasm {

namespace {
constexpr u64 kMaxPages32 = 65536;
constexpr u64 kMaxPages64 = u64{1} << 48;
}  // namespace

Result<std::unique_ptr<Memory>> Memory::create(const MemoryType& type, u64 limit_pages) {
  const u64 arch_max = type.is64 ? kMaxPages64 : kMaxPages32;
  u64 max_pages = std::min({type.limits.max.value_or(arch_max), arch_max, limit_pages});
  if (type.limits.min > max_pages)
    return Error("memory of " + std::to_string(type.limits.min) + " pages exceeds the engine limit of " +
                 std::to_string(limit_pages) + " pages");
  const u64 reserve = max_pages * kPageSize;
  auto r = AddressSpace::instance().reserve(reserve, reserve / kTrackPageSize);
  if (!r.ok()) return r.take_error();
  std::unique_ptr<Memory> m(new Memory(type, *r, max_pages));
  if (type.limits.min > 0 && !m->grow(type.limits.min))
    return Error("cannot commit the " + std::to_string(type.limits.min) + " initial pages of a memory");
  return m;
}

namespace {
// The barrier table of a memory with no pages: nothing can be stored to it anyway.
u8 g_empty_barrier[1] = {0};
}  // namespace

Memory::Memory(const MemoryType& type, const Reservation& r, u64 max_pages)
    : type_(type), base_(r.base), reserved_(r.bytes), max_pages_(max_pages), reservation_(r) {
  barrier_ = r.barrier ? r.barrier : g_empty_barrier;
}

Memory::~Memory() { AddressSpace::instance().release(reservation_, size_); }

void Memory::snapshot() {
  drop_snapshot();
  levels_.push_back(Level{size_, {}});
  if (size_) std::memset(barrier_, 1, size_ / kTrackPageSize);
}

size_t Memory::checkpoint() {
  if (levels_.empty()) snapshot();
  levels_.push_back(Level{size_, {}});
  if (size_) std::memset(barrier_, 1, size_ / kTrackPageSize);
  return levels_.size();
}

void Memory::drop_snapshot() {
  if (!levels_.empty() && size_) std::memset(barrier_, 0, size_ / kTrackPageSize);
  for (Level& level : levels_)
    for (auto& entry : level.saved) give_back(std::move(entry.second));
  levels_.clear();
}

std::unique_ptr<u8[]> Memory::take_buffer() {
  if (spare_.empty()) return std::make_unique_for_overwrite<u8[]>(kTrackPageSize);
  auto b = std::move(spare_.back());
  spare_.pop_back();
  return b;
}

void Memory::give_back(std::unique_ptr<u8[]> buffer) {
  if (buffer && spare_.size() < kMaxSpareBuffers) spare_.push_back(std::move(buffer));
}

void Memory::reset_barrier(const Level& level) {
  const u64 pages = size_ / kTrackPageSize, below = level.size / kTrackPageSize;
  if (pages == 0) return;
  std::memset(barrier_, 1, below);
  std::memset(barrier_ + below, 0, pages - below);
  for (const auto& entry : level.saved) barrier_[entry.first] = 0;
}

void Memory::note_write_slow(u64 addr, u64 len) {
  const u64 first = addr / kTrackPageSize, last = (addr + len - 1) / kTrackPageSize;
  for (u64 p = first; p <= last; ++p) {
    if (!barrier_[p]) continue;
    auto copy = take_buffer();
    std::memcpy(copy.get(), base_ + p * kTrackPageSize, kTrackPageSize);
    levels_.back().saved.emplace_back(p, std::move(copy));
    barrier_[p] = 0;
  }
}

u64 Memory::count_pages_to_save(u64 addr, u64 len) const {
  const u64 first = addr / kTrackPageSize, last = (addr + len - 1) / kTrackPageSize;
  u64 n = 0;
  for (u64 p = first; p <= last; ++p) n += barrier_[p] != 0;
  return n;
}

void Memory::revert() {
  if (levels_.empty()) return;
  Level& level = levels_.back();
  for (auto& [page, bytes] : level.saved) {
    std::memcpy(base_ + page * kTrackPageSize, bytes.get(), kTrackPageSize);
    give_back(std::move(bytes));
  }
  level.saved.clear();
  if (size_ > level.size) {
    // Give the grown pages back: zero-filled and inaccessible, as before growing.
    u8* from = base_ + level.size;
    const u64 n = size_ - level.size;
    madvise(from, n, MADV_DONTNEED);
    mprotect(from, n, PROT_NONE);
    std::memset(barrier_ + level.size / kTrackPageSize, 0, n / kTrackPageSize);
    size_ = level.size;
  }
  if (levels_.size() > 1) levels_.pop_back();
  reset_barrier(levels_.back());
}

void Memory::commit_checkpoint() {
  if (levels_.size() < 2) return;
  Level inner = std::move(levels_.back());
  levels_.pop_back();
  Level& outer = levels_.back();
  // A page the outer level has not saved held, when the inner level opened, what it held
  // when the outer one did (nothing wrote it between): the inner copy serves the outer.
  // Pages beyond the outer level's size need no copy: its revert gives them back. The
  // outer level's barrier says which pages it still needs: exactly those.
  reset_barrier(outer);
  for (auto& entry : inner.saved) {
    if (entry.first < outer.size / kTrackPageSize && barrier_[entry.first]) {
      barrier_[entry.first] = 0;
      outer.saved.push_back(std::move(entry));
    } else {
      give_back(std::move(entry.second));
    }
  }
}

std::vector<u64> Memory::written_pages() const {
  std::vector<u64> pages;
  if (levels_.empty()) return pages;
  for (const Level& level : levels_)
    for (const auto& entry : level.saved)
      if (entry.first < levels_.front().size / kTrackPageSize) pages.push_back(entry.first);
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  for (u64 p = levels_.front().size / kTrackPageSize; p < size_ / kTrackPageSize; ++p) pages.push_back(p);
  return pages;
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

bool Memory::read(u64 addr, std::span<u8> out) const {
  const u8* p = view(addr, out.size());
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
