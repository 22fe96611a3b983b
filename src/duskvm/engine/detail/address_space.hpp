// Address space for linear memories, shared by every Store of the process.
//
// A memory lives in one reserved virtual range (its base never moves), 4 GiB for a
// 32-bit memory without a smaller maximum. The contract runtime holds many instances at
// once and creates and drops them all the time, so reservations are bounded and reused:
// the bytes reserved by live memories may not exceed a limit (64 TiB by default, half of
// x86-64's user address space), and a released range goes back to a free list of its
// size (decommitted and inaccessible) for the next memory of that size.
//
// Thread-safe.
#pragma once

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::wasm {

struct Reservation {
  u8* base = nullptr;     // `bytes` of PROT_NONE address space (null when bytes is 0)
  u64 bytes = 0;
  u8* barrier = nullptr;  // bytes / 4 KiB of zeroed read-write memory, committed lazily
  u64 barrier_bytes = 0;
};

class AddressSpace {
 public:
  static AddressSpace& instance();

  // A range of `bytes` (a multiple of 64 KiB) with its barrier table; fails with a
  // message when the limit would be exceeded or the kernel refuses.
  Result<Reservation> reserve(u64 bytes, u64 barrier_bytes);
  // Gives a range back: its first `used` bytes are decommitted and made inaccessible,
  // its barrier table zeroed, then it is kept for reuse (or unmapped when the free
  // list is full).
  void release(const Reservation& r, u64 used);

  u64 live_bytes() const;
  u64 live_count() const;
  u64 limit() const;
  // For tests and embedders: a different bound on live reserved bytes.
  void set_limit(u64 bytes);

  static constexpr u64 kDefaultLimit = u64{64} << 40;
  static constexpr size_t kMaxFree = 64;  // ranges kept for reuse
};

}  // namespace dusk::wasm
