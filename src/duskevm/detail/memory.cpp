#include "duskevm/detail/memory.hpp"

#include <algorithm>

namespace dusk::evm {

void Memory::reallocate(size_t n) {
  const size_t capacity = std::max(n, 2 * capacity_);
  auto bigger = std::make_unique<u8[]>(capacity);  // value-initialized: zero
  std::memcpy(bigger.get(), buf_.get(), size_);
  buf_ = std::move(bigger);
  capacity_ = capacity;
}

}  // namespace dusk::evm
