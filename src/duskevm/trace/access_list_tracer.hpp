// The accounts and storage slots a message touches, as geth's access-list tracer
// (eth/tracers/logger/access_list_tracer.go) records them for eth_createAccessList:
// SLOAD and SSTORE (the running contract and the slot), BALANCE, EXTCODESIZE,
// EXTCODECOPY, EXTCODEHASH and SELFDESTRUCT (the named account), and the CALL family
// (the callee). The sender, the recipient (or the created contract) and the precompiles
// are left out: a transaction has them warm already. It starts from a given list, so
// that running again with the list it produced shows whether the list is stable.
#pragma once

#include <map>
#include <set>
#include <vector>

#include "duskevm/evm.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::evm::trace {

class AccessListTracer final : public Tracer {
 public:
  AccessListTracer(const std::vector<AccessListEntry>& start, std::set<Address> excluded);

  void on_step(const Step& step) override;
  void on_step_cost(u64) override {}

  // Sorted by address, then slot (geth's order is insertion order; tools compare sets).
  std::vector<AccessListEntry> list() const;
  bool operator==(const AccessListTracer& other) const { return touched_ == other.touched_; }

 private:
  void add(const Address& a);
  std::set<Address> excluded_;
  std::map<Address, std::set<Bytes32>> touched_;
};

}  // namespace dusk::evm::trace
