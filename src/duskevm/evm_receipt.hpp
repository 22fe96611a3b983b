// A transaction's receipt as the EVM lane stores it: what Ethereum's consensus receipt
// holds (receipt_encoding.hpp) and what eth_getTransactionReceipt adds from the
// transaction (sender, recipient, created contract, gas used by it alone, price paid).
//
// Stored per block as RLP([receipt...]), each
//   [type, status (0/1), cumulative_gas_used, gas_used, effective_gas_price, from,
//    to (20 bytes, or empty for a creation), contract_address (20 bytes or empty), logs]
// with logs as log.hpp's encode_logs.
#pragma once

#include <optional>
#include <vector>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"
#include "duskevm/log.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::evm {

struct EvmReceipt {
  TxType type = TxType::kLegacy;
  bool success = false;
  u64 cumulative_gas_used = 0;
  u64 gas_used = 0;
  Uint256 effective_gas_price;
  Address from{};
  std::optional<Address> to;
  std::optional<Address> contract_address;
  std::vector<Log> logs;
};

// The consensus encoding (receipt_encoding.hpp's encode_receipt).
Bytes consensus_encoding(const EvmReceipt& r);

Bytes encode_receipts(const std::vector<EvmReceipt>& receipts);
Result<std::vector<EvmReceipt>> decode_receipts(ByteView bytes);

}  // namespace dusk::evm
