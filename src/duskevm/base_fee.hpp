// The fee markets of a block: EIP-1559's base fee, which follows from its parent's gas
// used against the parent's target (half its gas limit), moving by at most 1/8 a block;
// and EIP-4844's blob base fee, which follows from the excess blob gas the chain has
// accumulated above the fork's blob target (EIP-7691's schedule under Prague).
#pragma once

#include "base/int.hpp"
#include "base/uint256.hpp"
#include "duskevm/fork.hpp"

namespace dusk::evm {

inline constexpr u64 kBaseFeeMaxChangeDenominator = 8;  // BASE_FEE_MAX_CHANGE_DENOMINATOR
inline constexpr u64 kElasticityMultiplier = 2;         // ELASTICITY_MULTIPLIER
inline constexpr u64 kMinBaseFeePerBlobGas = 1;         // EIP-4844 MIN_BASE_FEE_PER_BLOB_GAS

// The base fee of the block after one with these figures (the execution specs'
// calculate_base_fee_per_gas): unchanged at the target, up by
// max(1, fee * (used - target) / target / 8) above it, down by
// fee * (target - used) / target / 8 below it.
Uint256 next_base_fee(const Uint256& parent_base_fee, u64 parent_gas_used, u64 parent_gas_limit);

// The blob gas a block may use and aims at: max and target blobs x GAS_PER_BLOB (Prague:
// 1,179,648 and 786,432).
inline u64 max_blob_gas_per_block(const BlobSchedule& s) { return s.max * kGasPerBlob; }
inline u64 target_blob_gas_per_block(const BlobSchedule& s) { return s.target * kGasPerBlob; }

// EIP-4844 calc_excess_blob_gas (unchanged by EIP-7691; EIP-7918's reserve price is
// Osaka's): parent excess + parent blob gas used - target, or 0 below the target.
u64 next_excess_blob_gas(u64 parent_excess_blob_gas, u64 parent_blob_gas_used, const BlobSchedule& s);

// EIP-4844 get_base_fee_per_blob_gas: fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS,
// excess_blob_gas, the fork's BLOB_BASE_FEE_UPDATE_FRACTION) (Prague: 5,007,716).
Uint256 blob_base_fee(u64 excess_blob_gas, const BlobSchedule& s);

}  // namespace dusk::evm
