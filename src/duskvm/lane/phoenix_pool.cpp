#include "duskvm/lane/phoenix_pool.hpp"

#include <algorithm>

namespace dusk::vm {

Result<Hash256> PhoenixPool::add(Entry e) {
  if (entries_.count(e.id)) return Error("already known: the transaction is in the pool");
  for (const auto& n : e.nullifiers)
    if (spending_.count(n)) return Error("a note of this transaction is already being spent by a pooled transaction");
  if (entries_.size() >= config_.max_transactions) {
    auto lowest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
      return a.second.fee != b.second.fee ? a.second.fee < b.second.fee : a.second.arrival > b.second.arrival;
    });
    if (lowest->second.fee >= e.fee)
      return Error("the Phoenix pool is full (" + std::to_string(entries_.size()) +
                   " transactions): a higher max_fee than " + std::to_string(lowest->second.fee) + " takes a place");
    remove(lowest->first);
  }
  e.arrival = arrivals_++;
  const Hash256 id = e.id;
  for (const auto& n : e.nullifiers) spending_[n] = id;
  entries_.emplace(id, std::move(e));
  return id;
}

std::vector<const PhoenixPool::Entry*> PhoenixPool::select(size_t max) const {
  std::vector<const Entry*> out;
  for (const auto& [id, e] : entries_) out.push_back(&e);
  std::sort(out.begin(), out.end(),
            [](const Entry* a, const Entry* b) { return a->fee != b->fee ? a->fee > b->fee : a->arrival < b->arrival; });
  if (out.size() > max) out.resize(max);
  return out;
}

void PhoenixPool::remove(const Hash256& id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  for (const auto& n : it->second.nullifiers) spending_.erase(n);
  entries_.erase(it);
}

void PhoenixPool::prune(u64 height) {
  std::vector<Hash256> old;
  for (const auto& [id, e] : entries_)
    if (height > e.height + config_.max_age_blocks) old.push_back(id);
  for (const Hash256& id : old) remove(id);
}

}  // namespace dusk::vm
