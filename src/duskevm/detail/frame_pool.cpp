#include "duskevm/detail/frame_pool.hpp"

namespace dusk::evm {

FramePool::Frame& FramePool::frame(int depth) {
  const size_t d = static_cast<size_t>(depth);
  if (d >= frames_.size()) frames_.resize(d + 1);
  std::unique_ptr<Frame>& f = frames_[d];
  if (!f) {
    f = std::make_unique<Frame>();
    f->stack = std::make_unique<Uint256[]>(kStackWords);
  }
  f->memory.reset();
  return *f;
}

}  // namespace dusk::evm
