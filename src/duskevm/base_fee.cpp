#include "duskevm/base_fee.hpp"

namespace dusk::evm {

Uint256 next_base_fee(const Uint256& parent_base_fee, u64 parent_gas_used, u64 parent_gas_limit) {
  const u64 target = parent_gas_limit / kElasticityMultiplier;
  if (target == 0 || parent_gas_used == target) return parent_base_fee;
  if (parent_gas_used > target) {
    const Uint256 fee_delta = parent_base_fee * Uint256{parent_gas_used - target};
    Uint256 delta = evm_div(evm_div(fee_delta, Uint256{target}), Uint256{kBaseFeeMaxChangeDenominator});
    if (delta.is_zero()) delta = Uint256{1};
    return parent_base_fee + delta;
  }
  const Uint256 fee_delta = parent_base_fee * Uint256{target - parent_gas_used};
  const Uint256 delta = evm_div(evm_div(fee_delta, Uint256{target}), Uint256{kBaseFeeMaxChangeDenominator});
  return parent_base_fee - delta;
}

}  // namespace dusk::evm
