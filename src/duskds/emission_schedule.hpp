// How many new LUX each block creates: a list of periods, each a number of blocks and a
// reward per block. Height 0 is genesis and earns nothing; period 0 covers heights
// 1 .. blocks_0, period 1 the next blocks_1 heights, and so on; after the last period the
// reward is 0, so the schedule's total (sum of blocks x reward) bounds what is ever
// emitted. Genesis sets it (genesis.hpp); dusk_like() is a halving schedule shaped after
// Dusk's published tokenomics (about 500 million DUSK over 36 years of 10-second blocks).
//
// Who gets the reward is LedgerConfig's split (ledger_config.hpp).
#pragma once

#include <vector>

#include "base/int.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

struct EmissionPeriod {
  u64 blocks = 0;            // how many heights the period lasts, > 0
  u64 reward_per_block = 0;  // LUX
  friend bool operator==(const EmissionPeriod&, const EmissionPeriod&) = default;
};

class EmissionSchedule {
 public:
  EmissionSchedule() = default;  // emits nothing

  // Errors: kBadGenesis (a period of 0 blocks), kSupplyOverflow (the total exceeds 2^64 - 1).
  static LedgerResult<EmissionSchedule> create(std::vector<EmissionPeriod> periods);
  // Nine periods of 12,614,400 blocks (4 years at 10 s), starting at 19.8574 DUSK a
  // block and halving each period (integer halving of the LUX amount).
  static EmissionSchedule dusk_like();

  u64 reward_at(u64 height) const;
  // Sum of every period's blocks x reward.
  u64 total() const { return total_; }
  const std::vector<EmissionPeriod>& periods() const { return periods_; }

 private:
  std::vector<EmissionPeriod> periods_;
  u64 total_ = 0;
};

}  // namespace dusk::ds
