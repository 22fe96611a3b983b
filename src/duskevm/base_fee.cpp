#include "duskevm/base_fee.hpp"

#include "duskevm/block_env.hpp"

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

namespace dusk::evm {

u64 next_excess_blob_gas(u64 parent_excess_blob_gas, u64 parent_blob_gas_used, const BlobSchedule& s) {
  const u64 target = target_blob_gas_per_block(s);
  // Both terms are bounded by the blocks' blob gas (at most max x 2^17 a block), far from 2^64.
  const u64 sum = parent_excess_blob_gas + parent_blob_gas_used;
  return sum < target ? 0 : sum - target;
}

Uint256 blob_base_fee(u64 excess_blob_gas, const BlobSchedule& s) {
  return fake_exponential(Uint256{kMinBaseFeePerBlobGas}, Uint256{excess_blob_gas},
                          Uint256{s.base_fee_update_fraction});
}

}  // namespace dusk::evm
