#include "duskds/emission_schedule.hpp"

#include <string>

namespace dusk::ds {

LedgerResult<EmissionSchedule> EmissionSchedule::create(std::vector<EmissionPeriod> periods) {
  u128 total = 0;
  for (size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].blocks == 0)
      return ledger_error(LedgerError::kBadGenesis,
                          "emission period " + std::to_string(i) + " lasts 0 blocks");
    total += static_cast<u128>(periods[i].blocks) * periods[i].reward_per_block;
    if (total > static_cast<u128>(~u64{0}))
      return ledger_error(LedgerError::kSupplyOverflow, "emission schedule totals more than 2^64 - 1 LUX");
  }
  EmissionSchedule s;
  s.periods_ = std::move(periods);
  s.total_ = static_cast<u64>(total);
  return s;
}

EmissionSchedule EmissionSchedule::dusk_like() {
  std::vector<EmissionPeriod> periods;
  u64 reward = 19'857'400'000;  // 19.8574 DUSK in LUX
  for (int i = 0; i < 9; ++i) {
    periods.push_back({12'614'400, reward});
    reward /= 2;
  }
  auto s = create(std::move(periods));
  return std::move(s).value();  // about 5 * 10^17 LUX in total: far below 2^64
}

u64 EmissionSchedule::reward_at(u64 height) const {
  if (height == 0) return 0;
  u64 offset = height - 1;  // heights before this one that the schedule has covered
  for (const auto& p : periods_) {
    if (offset < p.blocks) return p.reward_per_block;
    offset -= p.blocks;
  }
  return 0;
}

}  // namespace dusk::ds
