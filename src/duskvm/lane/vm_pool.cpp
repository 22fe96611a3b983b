#include "duskvm/lane/vm_pool.hpp"

#include <algorithm>
#include <queue>
#include <string>

namespace dusk::vm {

Result<Hash256> VmPool::add(VmTransaction tx, Bytes encoded, u64 account_nonce, u64 height) {
  const Hash256 id = vm_transaction_id(encoded);
  if (by_id_.count(id)) return Error("already known");
  if (tx.gas_price < config_.min_gas_price)
    return Error("transaction underpriced: gas price " + std::to_string(tx.gas_price) + ", the pool's minimum is " +
                 std::to_string(config_.min_gas_price));
  if (tx.nonce < account_nonce)
    return Error("nonce too low: " + std::to_string(tx.nonce) + ", the account is at " + std::to_string(account_nonce));
  if (tx.nonce - account_nonce > config_.max_nonce_gap)
    return Error("nonce too high: " + std::to_string(tx.nonce) + ", the account is at " +
                 std::to_string(account_nonce) + " (at most " + std::to_string(config_.max_nonce_gap) + " ahead)");
  auto& queue = by_sender_[tx.sender];
  auto existing = queue.find(tx.nonce);
  if (existing != queue.end()) {
    const u128 needed = static_cast<u128>(existing->second.tx.gas_price) * (100 + config_.replacement_bump_percent);
    if (static_cast<u128>(tx.gas_price) * 100 < needed || tx.gas_price <= existing->second.tx.gas_price)
      return Error("replacement transaction underpriced: a replacement needs a gas price " +
                   std::to_string(config_.replacement_bump_percent) + "% above " +
                   std::to_string(existing->second.tx.gas_price));
    by_id_.erase(existing->second.id);
    queue.erase(existing);
  } else if (by_id_.size() >= config_.max_transactions) {
    if (queue.empty()) by_sender_.erase(tx.sender);
    return Error("the pool is full (" + std::to_string(config_.max_transactions) + " transactions)");
  }
  const DsKey sender = tx.sender;
  const u64 nonce = tx.nonce;
  queue.emplace(nonce, Entry{std::move(tx), std::move(encoded), id, arrivals_++, height});
  by_id_.emplace(id, std::pair{sender, nonce});
  return id;
}

std::vector<const VmPool::Entry*> VmPool::select(const std::function<u64(const DsKey&)>& nonce_of,
                                                  size_t max) const {
  struct Head {
    const Entry* entry;
    std::map<u64, Entry>::const_iterator next, end;
  };
  auto worse = [](const Head& a, const Head& b) {
    if (a.entry->tx.gas_price != b.entry->tx.gas_price) return a.entry->tx.gas_price < b.entry->tx.gas_price;
    return a.entry->arrival > b.entry->arrival;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(worse)> heads(worse);
  for (const auto& [sender, queue] : by_sender_) {
    auto it = queue.find(nonce_of(sender));
    if (it != queue.end()) heads.push(Head{&it->second, std::next(it), queue.end()});
  }
  std::vector<const Entry*> out;
  while (!heads.empty() && out.size() < max) {
    Head h = heads.top();
    heads.pop();
    out.push_back(h.entry);
    if (h.next != h.end && h.next->first == h.entry->tx.nonce + 1) heads.push(Head{&h.next->second, std::next(h.next), h.end});
  }
  return out;
}

void VmPool::remove(const Hash256& id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return;
  auto q = by_sender_.find(it->second.first);
  q->second.erase(it->second.second);
  if (q->second.empty()) by_sender_.erase(q);
  by_id_.erase(it);
}

void VmPool::prune(const std::function<u64(const DsKey&)>& nonce_of, u64 height) {
  for (auto q = by_sender_.begin(); q != by_sender_.end();) {
    const u64 nonce = nonce_of(q->first);
    auto& queue = q->second;
    while (!queue.empty() && queue.begin()->first < nonce) {
      by_id_.erase(queue.begin()->second.id);
      queue.erase(queue.begin());
    }
    // From the first stale entry on: the later nonces cannot run without it.
    auto stale = std::find_if(queue.begin(), queue.end(), [&](const auto& e) {
      return height > e.second.height && height - e.second.height > config_.max_age_blocks;
    });
    while (stale != queue.end()) {
      by_id_.erase(stale->second.id);
      stale = queue.erase(stale);
    }
    q = queue.empty() ? by_sender_.erase(q) : std::next(q);
  }
}

}  // namespace dusk::vm
