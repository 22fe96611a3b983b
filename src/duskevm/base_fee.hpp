// EIP-1559's base fee: each block's follows from its parent's gas used against the
// parent's target (half its gas limit), moving by at most 1/8 a block.
#pragma once

#include "base/int.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

inline constexpr u64 kBaseFeeMaxChangeDenominator = 8;  // BASE_FEE_MAX_CHANGE_DENOMINATOR
inline constexpr u64 kElasticityMultiplier = 2;         // ELASTICITY_MULTIPLIER

// The base fee of the block after one with these figures (the execution specs'
// calculate_base_fee_per_gas): unchanged at the target, up by
// max(1, fee * (used - target) / target / 8) above it, down by
// fee * (target - used) / target / 8 below it.
Uint256 next_base_fee(const Uint256& parent_base_fee, u64 parent_gas_used, u64 parent_gas_limit);

}  // namespace dusk::evm
