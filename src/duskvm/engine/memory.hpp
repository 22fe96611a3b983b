// Linear memory.
//
// The bytes live in one reserved virtual range, so the base pointer never moves while
// the memory grows: the interpreter caches it, host functions may keep pointers for the
// duration of a call.
//
// Write tracking, for the contract runtime (persist only changed pages, roll back a
// failed call): after snapshot(), the first write to each 4 KiB page, by the engine or
// through ptr()/write(), saves the page's previous contents; written_pages() lists the
// pages changed since, and revert() restores them and the size. Checkpoints nest inside
// a snapshot (one per inner call): revert() undoes only the innermost level's writes,
// commit_checkpoint() hands them to the enclosing level. The engine checks a
// one-byte-per-page table before each store (nonzero: call note_write first), so
// without a snapshot stores never leave their fast path.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "duskvm/engine/detail/address_space.hpp"
#include "duskvm/engine/types.hpp"

namespace dusk::wasm {

class Memory {
 public:
  // Reserves address space for min(type.max, limit_pages) pages (from the process's
  // bounded, reused pool: detail/address_space.hpp) and commits type.min. Fails with a
  // message saying why: the minimum exceeds limit_pages, the process's live memories
  // already hold the address space allowed, or the kernel refused.
  static Result<std::unique_ptr<Memory>> create(const MemoryType& type, u64 limit_pages);
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
  // ptr() is for writing (the range counts as written); view() is read-only.
  u8* ptr(u64 addr, u64 len) {
    if (!(addr <= size_ && len <= size_ - addr)) return nullptr;
    if (len) note_write(addr, len);
    return base_ + addr;
  }
  const u8* view(u64 addr, u64 len) const {
    return (addr <= size_ && len <= size_ - addr) ? base_ + addr : nullptr;
  }
  bool read(u64 addr, std::span<u8> out) const;
  bool write(u64 addr, ByteView in);

  // --- Write tracking (see the top of this file).
  static constexpr u64 kTrackPageSize = 4096;
  // Starts tracking from the current contents (a previous snapshot and its checkpoints
  // are dropped).
  void snapshot();
  // Opens a nested checkpoint (a snapshot must be active): revert() then undoes only
  // what was written since, and closes it; commit_checkpoint() keeps the writes and
  // closes it, the enclosing level still able to undo them. Costs a pass over one byte
  // per page. Returns the new depth (the snapshot itself is depth 1).
  size_t checkpoint();
  // Restores every page written since the innermost level opened, and the size then.
  // A checkpoint closes; the snapshot itself stays (depth 1 remains).
  void revert();
  // Closes the innermost checkpoint, keeping its writes (no-op at depth 1).
  void commit_checkpoint();
  size_t checkpoint_depth() const { return levels_.size(); }
  // Stops tracking and forgets the saved pages.
  void drop_snapshot();
  bool has_snapshot() const { return !levels_.empty(); }
  // 4 KiB page indices changed since snapshot(), ascending: pages written (at any
  // depth, reverted ones excluded), and pages added by growing.
  std::vector<u64> written_pages() const;

  // For the engine: one byte per 4 KiB page; nonzero means "call note_write before
  // writing this page". Never null once created.
  const u8* write_barrier_table() const { return barrier_; }
  // Records that [addr, addr+len) is about to be written (the range is in bounds).
  void note_write(u64 addr, u64 len) {
    if (!levels_.empty()) note_write_slow(addr, len);
  }
  // How many pages of [addr, addr+len) note_write would save now (0 without a
  // snapshot): the engine charges for them before the write (GasSchedule::page_write).
  u64 pages_to_save(u64 addr, u64 len) const {
    return !levels_.empty() && len ? count_pages_to_save(addr, len) : 0;
  }

 protected:
  Memory(const MemoryType& type, const Reservation& reservation, u64 max_pages);
  // Makes bytes [old_size, new_size) usable; the default commits them read-write.
  virtual bool commit(u64 old_size, u64 new_size);

  MemoryType type_;
  u8* base_ = nullptr;
  u64 reserved_ = 0;
  u64 size_ = 0;
  u64 max_pages_ = 0;

 private:
  void note_write_slow(u64 addr, u64 len);
  u64 count_pages_to_save(u64 addr, u64 len) const;

  // One level of tracking: the size when it opened and the pages saved since (their
  // contents when the level opened). barrier_[p] is nonzero exactly when the innermost
  // level must still save page p: p was below its size and is not saved yet.
  struct Level {
    u64 size = 0;
    std::vector<std::pair<u64, std::unique_ptr<u8[]>>> saved;
  };
  void reset_barrier(const Level& level);
  // Saved-page buffers come from here and go back here: a contract call saves a few pages
  // and drops them again, call after call.
  std::unique_ptr<u8[]> take_buffer();
  void give_back(std::unique_ptr<u8[]> buffer);
  static constexpr size_t kMaxSpareBuffers = 64;  // 256 KiB kept at most

  Reservation reservation_;
  u8* barrier_ = nullptr;  // reserved_ / kTrackPageSize bytes, committed lazily
  std::vector<Level> levels_;  // [0]: the snapshot; then the checkpoints, innermost last
  std::vector<std::unique_ptr<u8[]>> spare_;
};

}  // namespace dusk::wasm
