// The consensus parameters of the DuskDS ledger, fixed at genesis (genesis.hpp).
#pragma once

#include "base/int.hpp"
#include "duskds/emission_schedule.hpp"

namespace dusk::ds {

inline constexpr u64 kLuxPerDusk = 1'000'000'000;
// Shares are in basis points: 10,000 is the whole reward.
inline constexpr u64 kBasisPoints = 10'000;

struct LedgerConfig {
  u64 chain_id = 0;
  // Blocks between a stake transaction and the height its stake counts from.
  u64 epoch_length = 2'160;
  // The least a provisioner may keep staked (a stake is this much or more, or nothing).
  u64 minimum_stake = 1'000 * kLuxPerDusk;
  EmissionSchedule emission;
  // Block reward split (Ledger::reward_block): the generator gets generator_share_bps of
  // the block's emission plus the rounding remainder; the rest is divided equally among
  // the entries of the block's voter list (a provisioner listed twice gets two shares).
  // A block without voters gives the whole reward to its generator. Fees always go to
  // the generator. At most kBasisPoints.
  u64 generator_share_bps = 7'000;
};

}  // namespace dusk::ds
