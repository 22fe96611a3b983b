// Translated contract modules by code hash, shared by the sessions that use one engine
// configuration, so that a deployed contract is validated and translated once per
// process, not once per session (a node opens a session a block).
//
// Bounded: past `capacity` modules the least recently used is dropped (a session that
// holds it keeps it alive). Thread-safe.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "base/fixed_bytes.hpp"
#include "duskvm/engine/module.hpp"

namespace dusk::vm {

class ModuleCache {
 public:
  explicit ModuleCache(size_t capacity = 512) : capacity_(capacity ? capacity : 1) {}

  // The module of that code, or null.
  std::shared_ptr<const wasm::Module> find(const Hash256& code_hash);
  void insert(const Hash256& code_hash, std::shared_ptr<const wasm::Module> module);

  struct Stats {
    u64 hits = 0, misses = 0, evictions = 0;
    size_t size = 0;
  };
  Stats stats() const;

 private:
  struct HashOf {
    size_t operator()(const Hash256& h) const { return load_le<u64>(h.data()); }
  };
  using Entry = std::pair<Hash256, std::shared_ptr<const wasm::Module>>;
  mutable std::mutex mutex_;
  size_t capacity_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<Hash256, std::list<Entry>::iterator, HashOf> index_;
  Stats stats_;
};

}  // namespace dusk::vm
