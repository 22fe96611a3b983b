// A DuskEVM block as Ethereum tools see it: its header in Ethereum's layout (so that its
// hash is computed as Ethereum computes block hashes) and the record the lane stores for
// it (the header and the block's signed transactions).
//
// Header fields, in Ethereum's order (execution specs, Prague):
//   parent_hash, ommers_hash = keccak256(rlp([])), coinbase (the bridge, bridge_contract.hpp),
//   state_root, transactions_root, receipts_root, logs_bloom, difficulty = 0, number,
//   gas_limit, gas_used, timestamp (seconds), extra_data = empty, mix_hash (the DuskDS
//   seed: PREVRANDAO), nonce = 0 (8 bytes), base_fee_per_gas,
//   withdrawals_root = the empty trie's root (DuskEVM has no beacon withdrawals; its
//   withdrawals to DuskDS are the lane's, committed in the DuskDS header),
//   blob_gas_used (EIP-4844: GAS_PER_BLOB x the blobs of the block's transactions),
//   excess_blob_gas (EIP-4844's running excess over the blob target, from the parent's;
//   base_fee.hpp), both RLP integers as Ethereum encodes them,
//   parent_beacon_block_root = zero,
//   requests_hash = sha256("") (EIP-7685, no requests) -- under Prague only: a Cancun
//   chain's headers end at parent_beacon_block_root, as Ethereum's did.
#pragma once

#include <vector>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/log.hpp"

namespace dusk::evm {

struct EvmBlockHeader {
  Hash256 parent_hash{};
  Address coinbase{};
  Hash256 state_root{};
  Hash256 transactions_root{};
  Hash256 receipts_root{};
  Bloom logs_bloom{};
  u64 number = 0;
  u64 gas_limit = 0;
  u64 gas_used = 0;
  u64 timestamp = 0;
  Hash256 mix_hash{};
  Uint256 base_fee;
  u64 blob_gas_used = 0;
  u64 excess_blob_gas = 0;
  bool with_requests_hash = true;  // Prague's layout (see above)
  bool operator==(const EvmBlockHeader&) const = default;
};

// keccak256(rlp([])) and sha256(""): the fixed ommers hash and empty requests hash.
extern const Hash256 kEmptyOmmersHash;
extern const Hash256 kEmptyRequestsHash;

// The header's RLP in Ethereum's layout, and its hash (the block hash).
Bytes encode_header(const EvmBlockHeader& h);
Result<EvmBlockHeader> decode_header(ByteView rlp);
Hash256 block_hash(const EvmBlockHeader& h);

// What the lane stores for a block: RLP([header, [transaction...]]), each transaction in
// its signed form (typed: type || RLP) as an RLP byte string.
struct EvmBlock {
  EvmBlockHeader header;
  std::vector<Bytes> transactions;
  bool operator==(const EvmBlock&) const = default;
};
Bytes encode_block(const EvmBlock& b);
Result<EvmBlock> decode_block(ByteView bytes);

// The lane's payload body: RLP([transaction...]), the same list as in the record.
Bytes encode_transaction_list(const std::vector<Bytes>& transactions);
Result<std::vector<Bytes>> decode_transaction_list(ByteView bytes);

}  // namespace dusk::evm
