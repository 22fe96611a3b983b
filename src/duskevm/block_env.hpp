// What a transaction can see of its block (the opcodes COINBASE, TIMESTAMP, NUMBER,
// PREVRANDAO, GASLIMIT, BASEFEE, BLOBBASEFEE, CHAINID, BLOCKHASH) and the blob fee
// arithmetic of EIP-4844.
#pragma once

#include <functional>

#include "base/address.hpp"
#include "duskevm/fork.hpp"
#include "base/fixed_bytes.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

struct BlockEnv {
  Address coinbase{};
  u64 number = 0;
  u64 timestamp = 0;
  u64 gas_limit = 0;
  Uint256 base_fee;
  Uint256 prev_randao;
  u64 excess_blob_gas = 0;
  Uint256 chain_id{1};
  BlobSchedule blobs;
  // BLOCKHASH for numbers in [number - 256, number - 1]; absent: zero hashes.
  std::function<Hash256(u64)> block_hash;
  // P256VERIFY (EIP-7951's semantics and gas) at 0x100, where RIP-7212 puts it for
  // rollups: the DuskEVM chain enables it; Ethereum's Cancun and Prague (the state
  // tests) have no precompile there.
  bool p256verify = false;
};

// EIP-4844 fake_exponential(factor, numerator, denominator): factor * e^(num/den)
// approximated by its Taylor series in integers.
Uint256 fake_exponential(const Uint256& factor, const Uint256& numerator, const Uint256& denominator);
// The blob base fee of a block: fake_exponential(1, excess_blob_gas, update_fraction).
Uint256 blob_base_fee(const BlockEnv& env);

}  // namespace dusk::evm
