// A provisioner's stake, keyed by its AccountKey in the Ledger.
//
// `value` takes part in consensus (sortition weight) from `eligibility_height` on: a
// stake transaction at height h sets it to h + epoch_length (LedgerConfig), also when it
// adds to an existing stake, so new stake never votes in the epoch it arrived in.
// Unstaking moves value to `pending`, which no longer counts, and a withdraw transaction
// moves pending LUX back to the provisioner's Moonlight balance.
#pragma once

#include "base/int.hpp"

namespace dusk::ds {

struct Stake {
  u64 value = 0;               // LUX staked
  u64 eligibility_height = 0;  // first height at which `value` counts
  u64 pending = 0;             // LUX unstaked and not yet withdrawn

  bool eligible_at(u64 height) const { return value != 0 && height >= eligibility_height; }
  friend bool operator==(const Stake&, const Stake&) = default;
};

}  // namespace dusk::ds
