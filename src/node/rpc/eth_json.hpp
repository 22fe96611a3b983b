// Ethereum's JSON-RPC encoding (execution-apis): quantities as 0x-hex without leading
// zeros, data as 0x-hex bytes, and the objects blocks, transactions, receipts and logs
// are written as; and the strict parsing of what clients send, with geth's messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/uint256.hpp"
#include "duskevm/evm_block.hpp"
#include "duskevm/evm_call.hpp"
#include "duskevm/evm_lane.hpp"
#include "duskevm/evm_receipt.hpp"
#include "duskevm/log.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::rpc {

using json = nlohmann::json;

// ---- writing ----
std::string quantity(u64 v);
std::string quantity(const Uint256& v);
std::string hex_data(ByteView bytes);
std::string hash(const Hash256& h);

// [{"address", "storageKeys": [...]}, ...]
json access_list_json(const std::vector<evm::AccessListEntry>& list);

// Where a transaction is in the chain (absent for a pooled one).
struct TxLocation {
  Hash256 block_hash{};
  u64 block_number = 0;
  u64 index = 0;
  Uint256 base_fee;  // the block's, for gasPrice of dynamic-fee transactions
  u64 timestamp = 0;
};

json transaction_json(const evm::Transaction& tx, const Hash256& tx_hash, const std::optional<TxLocation>& at);
json log_json(const evm::Log& log, const TxLocation& at, const Hash256& tx_hash, u64 log_index);
// A blob transaction's blob gas and the price its block charged for it.
struct BlobGas {
  u64 used = 0;
  Uint256 price;
};
json receipt_json(const evm::EvmReceipt& r, const Hash256& tx_hash, const TxLocation& at, u64 first_log_index,
                  const std::optional<BlobGas>& blob = std::nullopt);
// A block; with `full` its transactions as objects (`transactions` decoded, senders set),
// otherwise as hashes. `size` is the RLP size of the whole block.
json block_json(const evm::EvmBlock& block, const Hash256& block_hash, bool full,
                const std::vector<evm::Transaction>& transactions, const std::vector<Hash256>& hashes);

// ---- reading (each throws RpcError -32602 naming argument `arg`) ----
u64 parse_u64(const json& v, size_t arg);
Uint256 parse_quantity(const json& v, size_t arg);
Bytes parse_data(const json& v, size_t arg);
Address parse_address(const json& v, size_t arg);
Hash256 parse_hash(const json& v, size_t arg);
bool parse_bool(const json& v, size_t arg);

// A block by number or tag, or (where allowed) by hash (EIP-1898).
struct BlockRef {
  enum class Kind { kNumber, kHash, kLatest, kPending, kEarliest, kSafe, kFinalized };
  Kind kind = Kind::kLatest;
  u64 number = 0;
  Hash256 hash{};
};
// `v` null means "latest" (an omitted optional block parameter).
BlockRef parse_block_ref(const json& v, size_t arg, bool allow_hash);

evm::CallRequest parse_call_request(const json& v, size_t arg);
evm::StateOverrides parse_overrides(const json& v, size_t arg);

}  // namespace dusk::rpc
