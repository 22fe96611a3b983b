#include "duskevm/receipt_encoding.hpp"

#include "base/rlp.hpp"

namespace dusk::evm {

Bytes encode_receipt(TxType type, bool success, u64 cumulative_gas_used,
                     const std::vector<Log>& logs) {
  Bytes payload;
  rlp::encode_uint(payload, Uint256(success ? 1 : 0));
  rlp::encode_uint(payload, Uint256(cumulative_gas_used));
  const Bloom bloom = logs_bloom(logs);
  rlp::encode_bytes(payload, bloom);
  const Bytes log_list = encode_logs(logs);
  payload.insert(payload.end(), log_list.begin(), log_list.end());
  Bytes out;
  if (type != TxType::kLegacy) out.push_back(static_cast<u8>(type));
  rlp::encode_list_payload(out, payload);
  return out;
}

Hash256 receipts_root(std::span<const Bytes> encoded_receipts) {
  return trie::ordered_trie_root(std::vector<Bytes>(encoded_receipts.begin(), encoded_receipts.end()));
}

Hash256 transactions_root(std::span<const Bytes> encoded_transactions) {
  return trie::ordered_trie_root(
      std::vector<Bytes>(encoded_transactions.begin(), encoded_transactions.end()));
}

Bloom block_logs_bloom(std::span<const std::vector<Log>> logs_per_transaction) {
  Bloom out{};
  for (const auto& logs : logs_per_transaction) {
    const Bloom b = logs_bloom(logs);
    for (size_t i = 0; i < out.size(); ++i) out[i] |= b[i];
  }
  return out;
}

}  // namespace dusk::evm
