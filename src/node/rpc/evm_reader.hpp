// What the JSON-RPC reads of DuskEVM, as JSON: blocks by number, hash or tag (`safe` and
// `finalized` are the last block DuskDS made final), transactions and receipts with
// where they are, and logs over block ranges (blooms first, receipts only for blocks
// that may match). Over the EVM lane's records; thread safe as the lane is.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "duskevm/evm_lane.hpp"
#include "node/rpc/eth_json.hpp"
#include "node/rpc/json_rpc.hpp"
#include "node/rpc/log_filter.hpp"

namespace dusk::rpc {

class EvmReader {
 public:
  explicit EvmReader(const evm::EvmLane& lane) : lane_(lane) {}
  const evm::EvmLane& lane() const { return lane_; }

  u64 head() const;
  u64 finalized() const;
  // The block number `ref` names; nullopt when there is no such block (a number above
  // the head, an unknown hash).
  std::optional<u64> resolve(const BlockRef& ref) const;
  // resolve(), or RpcError -32000 "header not found" (geth's words for state queries).
  u64 resolve_existing(const BlockRef& ref) const;

  std::optional<evm::EvmBlock> block(u64 number) const;
  // eth_getBlockBy*: null for no block.
  nlohmann::json block_json(std::optional<u64> number, bool full) const;
  // newHeads: the header fields only.
  nlohmann::json header_json(u64 number) const;
  // The block's transactions with their senders (from its receipts) and hashes.
  struct BlockTransactions {
    std::vector<evm::Transaction> transactions;
    std::vector<Hash256> hashes;
  };
  BlockTransactions transactions(const evm::EvmBlock& block, bool decode) const;

  nlohmann::json transaction_by_hash(const Hash256& hash) const;
  nlohmann::json transaction_at(u64 number, u64 index) const;
  nlohmann::json receipt(const Hash256& hash) const;
  nlohmann::json block_receipts(u64 number) const;

  // The logs of blocks [from, to] that `filter` matches (its range is not read), at most
  // `max_logs` (more: RpcError -32005).
  nlohmann::json logs(const LogFilter& filter, u64 from, u64 to, size_t max_logs) const;
  // Every log of one block with its JSON, for matching against many filters.
  std::vector<std::pair<evm::Log, nlohmann::json>> all_logs(u64 number) const;

 private:
  std::optional<BlobGas> blob_gas(const evm::EvmReceipt& r, const evm::EvmBlock& block, size_t index) const;
  void append_block_logs(const LogFilter& filter, u64 number, nlohmann::json& out, size_t max_logs) const;
  const evm::EvmLane& lane_;
};

// Throws RpcError -32000 with the error's message when `r` failed (a storage error).
template <typename T>
T must(Result<T> r) {
  if (!r) throw RpcError(kServerError, r.error().message);
  return std::move(*r);
}

}  // namespace dusk::rpc
