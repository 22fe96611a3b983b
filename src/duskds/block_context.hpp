// What the ledger needs to know about the block it applies transactions to: its height,
// the provisioner that generated it (who receives the fees and its share of the reward)
// and the provisioners whose votes the block's attestation credits (who share the
// voters' part of the reward). The node builds it from a block it has already verified:
// the keys here are taken as they are.
#pragma once

#include <vector>

#include "base/int.hpp"
#include "duskds/account_key.hpp"

namespace dusk::ds {

struct BlockContext {
  u64 height = 0;
  AccountKey generator{};
  std::vector<AccountKey> voters;
};

}  // namespace dusk::ds
