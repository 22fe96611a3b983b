// The interpreter's per-depth buffers: a 1024-word stack and a memory for each call
// depth in use, allocated on first use and kept.
//
// One pool can serve every transaction a thread executes (apply_transaction takes it):
// then the stack pages and the memory's capacity are touched once, instead of being
// allocated, zeroed and page-faulted for every transaction (measured on the
// evm-benchmarks: about 12% of snailtracer's time went to the kernel's page faults
// and to zeroing fresh buffers, and most of a small transaction's). A memory handed
// out is empty; its old capacity stays (memory.hpp). Not thread-safe: one pool per
// executing thread.
#pragma once

#include <memory>
#include <vector>

#include "duskevm/detail/memory.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

class FramePool {
 public:
  static constexpr size_t kStackWords = 1024;

  struct Frame {
    std::unique_ptr<Uint256[]> stack;  // kStackWords words
    Memory memory;
  };

  // The buffers of call depth `depth` (0 to kMaxCallDepth), memory emptied. References
  // stay valid while deeper frames are handed out.
  Frame& frame(int depth);
  // The buffers `frame(depth)` handed out, as they are: for a frame whose execution
  // continues in another interpreter mode (interpreter.cpp's ResumePoint).
  Frame& frame_in_use(int depth) { return *frames_[static_cast<size_t>(depth)]; }

 private:
  std::vector<std::unique_ptr<Frame>> frames_;
};

}  // namespace dusk::evm
