// What a block commits to about its transactions and their outcomes: the consensus
// encoding of receipts, the receipts and transactions roots, and the block's logs bloom.
//
// A receipt (yellow paper 4.3.1 with EIP-658's status, EIP-2718 envelopes) is
//   RLP([status, cumulative_gas_used, logs_bloom, logs])          for legacy transactions
//   type || RLP([status, cumulative_gas_used, logs_bloom, logs])  for typed ones
// with status 1 for success and 0 (the empty string) for failure, cumulative_gas_used the
// gas used by the block up to and including this transaction, logs_bloom the 256-byte
// bloom of its logs (log.hpp) and logs the RLP list of log.hpp's encode_logs.
// The roots are ordered_trie_root (trie.hpp) of the encoded receipts and of the
// transactions in their signed byte form (legacy RLP, typed type || RLP), keys rlp(i);
// the block's bloom is the OR of its receipts' blooms.
#pragma once

#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "duskevm/log.hpp"
#include "duskevm/transaction.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {

Bytes encode_receipt(TxType type, bool success, u64 cumulative_gas_used,
                     const std::vector<Log>& logs);

Hash256 receipts_root(std::span<const Bytes> encoded_receipts);
Hash256 transactions_root(std::span<const Bytes> encoded_transactions);

// The OR of every transaction's logs bloom.
Bloom block_logs_bloom(std::span<const std::vector<Log>> logs_per_transaction);

}  // namespace dusk::evm
