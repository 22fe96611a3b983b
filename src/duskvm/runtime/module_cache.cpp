#include "duskvm/runtime/module_cache.hpp"

namespace dusk::vm {

std::shared_ptr<const wasm::Module> ModuleCache::find(const Hash256& code_hash) {
  std::lock_guard lock(mutex_);
  auto it = index_.find(code_hash);
  if (it == index_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  ++stats_.hits;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void ModuleCache::insert(const Hash256& code_hash, std::shared_ptr<const wasm::Module> module) {
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(code_hash); it != index_.end()) {
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  order_.emplace_front(code_hash, std::move(module));
  index_.emplace(code_hash, order_.begin());
  while (order_.size() > capacity_) {
    index_.erase(order_.back().first);
    order_.pop_back();
    ++stats_.evictions;
  }
}

ModuleCache::Stats ModuleCache::stats() const {
  std::lock_guard lock(mutex_);
  Stats s = stats_;
  s.size = order_.size();
  return s;
}

}  // namespace dusk::vm
