#include "duskevm/detail/slot_set.hpp"

namespace dusk::evm {
namespace {
constexpr size_t kInitialSize = 64;
}  // namespace

size_t SlotSet::home(const Address& a, const Uint256& key) const {
  // Fibonacci hashing of a fold of the key's limbs and the address's last bytes.
  const u64 folded = key.w[0] ^ (key.w[1] * 0x9e3779b97f4a7c15ull) ^ ((key.w[2] << 21) | (key.w[2] >> 43)) ^
                     ((key.w[3] << 42) | (key.w[3] >> 22)) ^ (load_le<u64>(a.data() + 12) * 0xff51afd7ed558ccdull);
  return static_cast<size_t>((folded * 0x9e3779b97f4a7c15ull) >> shift_);
}

size_t SlotSet::probe(const Address& a, const Uint256& key) const {
  const size_t mask = table_.size() - 1;
  size_t i = home(a, key);
  while (table_[i].used && !(table_[i].key == key && same_address(table_[i].addr, a))) i = (i + 1) & mask;
  return i;
}

bool SlotSet::contains(const Address& a, const Uint256& key) const {
  return !table_.empty() && table_[probe(a, key)].used;
}

bool SlotSet::insert(const Address& a, const Uint256& key) {
  if (2 * (size_ + 1) > table_.size()) grow();
  Entry& e = table_[probe(a, key)];
  if (e.used) return false;
  e.key = key;
  e.addr = a;
  e.used = true;
  ++size_;
  return true;
}

void SlotSet::erase(const Address& a, const Uint256& key) {
  if (table_.empty()) return;
  const size_t mask = table_.size() - 1;
  size_t hole = probe(a, key);
  if (!table_[hole].used) return;
  // Backward shift: an entry after the hole moves into it unless its home lies
  // cyclically in (hole, j], where the probe from its home still reaches it.
  for (size_t j = (hole + 1) & mask; table_[j].used; j = (j + 1) & mask) {
    const size_t h = home(table_[j].addr, table_[j].key);
    const bool stays = hole < j ? (hole < h && h <= j) : (hole < h || h <= j);
    if (stays) continue;
    table_[hole] = table_[j];
    hole = j;
  }
  table_[hole].used = false;
  --size_;
}

void SlotSet::clear() {
  if (size_ == 0) return;
  for (Entry& e : table_) e.used = false;
  size_ = 0;
}

void SlotSet::grow() {
  std::vector<Entry> old = std::move(table_);
  const size_t n = old.empty() ? kInitialSize : 2 * old.size();
  table_.assign(n, Entry{});
  shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(n));
  size_ = 0;
  for (const Entry& e : old)
    if (e.used) insert(e.addr, e.key);
}

}  // namespace dusk::evm
