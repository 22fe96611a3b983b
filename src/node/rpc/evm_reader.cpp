#include "node/rpc/evm_reader.hpp"

#include "crypto/hash/keccak.hpp"
#include "duskevm/transaction_codec.hpp"

namespace dusk::rpc {

using nlohmann::json;

u64 EvmReader::head() const { return lane_.head().number; }
u64 EvmReader::finalized() const { return lane_.finalized_height(); }

std::optional<u64> EvmReader::resolve(const BlockRef& ref) const {
  switch (ref.kind) {
    case BlockRef::Kind::kLatest:
    case BlockRef::Kind::kPending: return head();
    case BlockRef::Kind::kEarliest: return 0;
    case BlockRef::Kind::kSafe:
    case BlockRef::Kind::kFinalized: return finalized();
    case BlockRef::Kind::kNumber:
      if (ref.number > head()) return std::nullopt;
      return ref.number;
    case BlockRef::Kind::kHash: {
      auto b = must(lane_.block_by_hash(ref.hash));
      if (!b) return std::nullopt;
      return b->header.number;
    }
  }
  return std::nullopt;
}

u64 EvmReader::resolve_existing(const BlockRef& ref) const {
  auto n = resolve(ref);
  if (!n) throw RpcError(kServerError, "header not found");
  return *n;
}

std::optional<evm::EvmBlock> EvmReader::block(u64 number) const { return must(lane_.block_by_number(number)); }

EvmReader::BlockTransactions EvmReader::transactions(const evm::EvmBlock& block, bool decode) const {
  BlockTransactions out;
  std::vector<evm::EvmReceipt> receipts;
  if (decode) receipts = must(lane_.block_receipts(block.header.number));
  for (size_t i = 0; i < block.transactions.size(); ++i) {
    const Bytes& raw = block.transactions[i];
    out.hashes.push_back(crypto::keccak256(raw));
    if (!decode) continue;
    evm::Transaction tx = must(evm::decode_transaction(raw));
    tx.sender = i < receipts.size() ? receipts[i].from : must(evm::recover_sender(raw));
    out.transactions.push_back(std::move(tx));
  }
  return out;
}

json EvmReader::block_json(std::optional<u64> number, bool full) const {
  if (!number) return nullptr;
  auto b = block(*number);
  if (!b) return nullptr;
  BlockTransactions txs = transactions(*b, full);
  return rpc::block_json(*b, evm::block_hash(b->header), full, txs.transactions, txs.hashes);
}

json EvmReader::header_json(u64 number) const {
  json j = block_json(number, false);
  if (j.is_object()) {
    j.erase("transactions");
    j.erase("uncles");
    j.erase("size");
    j.erase("totalDifficulty");
  }
  return j;
}

json EvmReader::transaction_by_hash(const Hash256& hash) const {
  auto info = must(lane_.receipt(hash));
  if (info) return transaction_at(info->block_number, info->index);
  auto raw = lane_.pooled_transaction(hash);
  if (!raw) return nullptr;
  evm::Transaction tx = must(evm::decode_transaction(*raw));
  tx.sender = must(evm::recover_sender(*raw));
  return transaction_json(tx, hash, std::nullopt);
}

json EvmReader::transaction_at(u64 number, u64 index) const {
  auto b = block(number);
  if (!b || index >= b->transactions.size()) return nullptr;
  const Bytes& raw = b->transactions[index];
  evm::Transaction tx = must(evm::decode_transaction(raw));
  auto receipts = must(lane_.block_receipts(number));
  tx.sender = index < receipts.size() ? receipts[index].from : must(evm::recover_sender(raw));
  const TxLocation at{evm::block_hash(b->header), number, index, b->header.base_fee, b->header.timestamp};
  return transaction_json(tx, crypto::keccak256(raw), at);
}

std::optional<BlobGas> EvmReader::blob_gas(const evm::EvmReceipt& r, const evm::EvmBlock& block, size_t index) const {
  if (r.type != evm::TxType::kBlob || index >= block.transactions.size()) return std::nullopt;
  const evm::Transaction tx = must(evm::decode_transaction(block.transactions[index]));
  return BlobGas{evm::kGasPerBlob * tx.blob_hashes.size(), lane_.blob_fees(block.header).base_fee_per_blob_gas};
}

json EvmReader::receipt(const Hash256& hash) const {
  auto info = must(lane_.receipt(hash));
  if (!info) return nullptr;
  auto b = block(info->block_number);
  if (!b) return nullptr;
  const TxLocation at{info->block_hash, info->block_number, info->index, Uint256{}, b->header.timestamp};
  return receipt_json(info->receipt, hash, at, info->first_log_index, blob_gas(info->receipt, *b, info->index));
}

json EvmReader::block_receipts(u64 number) const {
  auto b = block(number);
  if (!b) return nullptr;
  auto receipts = must(lane_.block_receipts(number));
  const Hash256 block_hash = evm::block_hash(b->header);
  json out = json::array();
  u64 log_index = 0;
  for (size_t i = 0; i < receipts.size() && i < b->transactions.size(); ++i) {
    const TxLocation at{block_hash, number, i, b->header.base_fee, b->header.timestamp};
    out.push_back(
        receipt_json(receipts[i], crypto::keccak256(b->transactions[i]), at, log_index, blob_gas(receipts[i], *b, i)));
    log_index += receipts[i].logs.size();
  }
  return out;
}

void EvmReader::append_block_logs(const LogFilter& filter, u64 number, json& out, size_t max_logs) const {
  auto b = block(number);
  if (!b || b->transactions.empty() || !filter.may_match(b->header.logs_bloom)) return;
  auto receipts = must(lane_.block_receipts(number));
  const Hash256 block_hash = evm::block_hash(b->header);
  u64 log_index = 0;
  for (size_t i = 0; i < receipts.size() && i < b->transactions.size(); ++i) {
    std::optional<Hash256> tx_hash;
    for (const evm::Log& log : receipts[i].logs) {
      if (filter.matches(log)) {
        if (out.size() >= max_logs)
          throw RpcError(kLimitExceeded, "query returned more than " + std::to_string(max_logs) + " results");
        if (!tx_hash) tx_hash = crypto::keccak256(b->transactions[i]);
        const TxLocation at{block_hash, number, i, b->header.base_fee, b->header.timestamp};
        out.push_back(log_json(log, at, *tx_hash, log_index));
      }
      ++log_index;
    }
  }
}

json EvmReader::logs(const LogFilter& filter, u64 from, u64 to, size_t max_logs) const {
  json out = json::array();
  for (u64 n = from; n <= to; ++n) append_block_logs(filter, n, out, max_logs);
  return out;
}

std::vector<std::pair<evm::Log, json>> EvmReader::all_logs(u64 number) const {
  std::vector<std::pair<evm::Log, json>> out;
  auto b = block(number);
  if (!b || b->transactions.empty()) return out;
  auto receipts = must(lane_.block_receipts(number));
  const Hash256 block_hash = evm::block_hash(b->header);
  u64 log_index = 0;
  for (size_t i = 0; i < receipts.size() && i < b->transactions.size(); ++i) {
    if (receipts[i].logs.empty()) continue;
    const Hash256 tx_hash = crypto::keccak256(b->transactions[i]);
    const TxLocation at{block_hash, number, i, b->header.base_fee, b->header.timestamp};
    for (evm::Log& log : receipts[i].logs) {
      json j = log_json(log, at, tx_hash, log_index++);
      out.emplace_back(std::move(log), std::move(j));
    }
  }
  return out;
}


}  // namespace dusk::rpc
