#include "duskvm/engine/detail/address_space.hpp"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace dusk::wasm {

namespace {

struct State {
  std::mutex mu;
  u64 live_bytes = 0;
  u64 live_count = 0;
  u64 limit = AddressSpace::kDefaultLimit;
  std::vector<Reservation> free;
};

State& state() {
  static State s;
  return s;
}

std::string gib(u64 bytes) { return std::to_string(bytes >> 30) + " GiB"; }

void unmap(const Reservation& r) {
  if (r.base) munmap(r.base, r.bytes);
  if (r.barrier) munmap(r.barrier, r.barrier_bytes);
}

}  // namespace

AddressSpace& AddressSpace::instance() {
  static AddressSpace a;
  return a;
}

Result<Reservation> AddressSpace::reserve(u64 bytes, u64 barrier_bytes) {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mu);
  if (bytes > s.limit - std::min(s.limit, s.live_bytes))
    return Error("cannot reserve " + gib(bytes) + " of address space for a memory: " + std::to_string(s.live_count) +
                 " live memories hold " + gib(s.live_bytes) + " of the limit of " + gib(s.limit));
  Reservation r;
  // The most recently released range of this size first (its pages are the likeliest
  // to be still mapped in the page tables).
  for (size_t i = s.free.size(); i-- > 0;) {
    if (s.free[i].bytes == bytes && s.free[i].barrier_bytes == barrier_bytes) {
      r = s.free[i];
      s.free.erase(s.free.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  if (!r.base && bytes > 0) {
    void* p = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
      return Error("cannot reserve " + gib(bytes) + " of address space for a memory: " + std::strerror(errno));
    r.base = static_cast<u8*>(p);
    r.bytes = bytes;
    if (barrier_bytes > 0) {
      void* b = mmap(nullptr, barrier_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (b == MAP_FAILED) {
        const int err = errno;
        munmap(p, bytes);
        return Error("cannot map the write-tracking table of a memory: " + std::string(std::strerror(err)));
      }
      r.barrier = static_cast<u8*>(b);
      r.barrier_bytes = barrier_bytes;
    }
  }
  s.live_bytes += bytes;
  ++s.live_count;
  return r;
}

void AddressSpace::release(const Reservation& r, u64 used) {
  // Decommit outside the lock: the kernel work is per range.
  if (r.base && used > 0) {
    madvise(r.base, used, MADV_DONTNEED);
    mprotect(r.base, used, PROT_NONE);
  }
  if (r.barrier) madvise(r.barrier, r.barrier_bytes, MADV_DONTNEED);  // reads as zeros again
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mu);
  s.live_bytes -= r.bytes;
  --s.live_count;
  if (r.bytes > 0 && s.free.size() < kMaxFree) {
    s.free.push_back(r);
    return;
  }
  unmap(r);
}

u64 AddressSpace::live_bytes() const {
  std::lock_guard<std::mutex> lock(state().mu);
  return state().live_bytes;
}
u64 AddressSpace::live_count() const {
  std::lock_guard<std::mutex> lock(state().mu);
  return state().live_count;
}
u64 AddressSpace::limit() const {
  std::lock_guard<std::mutex> lock(state().mu);
  return state().limit;
}
void AddressSpace::set_limit(u64 bytes) {
  std::lock_guard<std::mutex> lock(state().mu);
  state().limit = bytes;
}

}  // namespace dusk::wasm
