// The EIP-2929 warm storage slots of a transaction: (address, key) pairs, probed by every
// SLOAD and SSTORE, inserted, erased when the journal reverts, cleared per transaction,
// never iterated. Open addressing with linear probing in a power-of-two table (the index
// is the hash's top bits, no modulo), at most half full; erase shifts the following
// entries back instead of leaving tombstones.
#pragma once

#include <vector>

#include "base/address.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

class SlotSet {
 public:
  // Adds the pair; false if it was already there.
  bool insert(const Address& a, const Uint256& key);
  bool contains(const Address& a, const Uint256& key) const;
  void erase(const Address& a, const Uint256& key);
  void clear();
  size_t size() const { return size_; }

 private:
  struct Entry {
    Uint256 key;
    Address addr{};
    bool used = false;
  };
  size_t home(const Address& a, const Uint256& key) const;
  // The index holding the pair, or of the empty entry where its probe ends.
  size_t probe(const Address& a, const Uint256& key) const;
  void grow();

  std::vector<Entry> table_;
  size_t size_ = 0;
  unsigned shift_ = 64;  // 64 - log2(table size)
};

}  // namespace dusk::evm
