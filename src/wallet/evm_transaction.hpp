// EIP-1559 (type 2) Ethereum transactions as a wallet signs them, and the call of the
// DuskEVM bridge contract's withdraw(bytes dsKey) (docs/bridge.md).
//
//   signed = 0x02 || rlp([chain_id, nonce, max_priority_fee_per_gas, max_fee_per_gas,
//                         gas_limit, to, value, data, access_list = [], y_parity, r, s])
//   signed hash = keccak256(0x02 || rlp([chain_id, ..., access_list]))
//
// The signature is libsecp256k1's (RFC 6979, low s), so the same fields and key give the
// same bytes every time. The transaction hash (what the node calls its id) is keccak256
// of the signed bytes.
#pragma once

#include <array>
#include <optional>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"

namespace dusk::wallet {

struct Eip1559Fields {
  u64 chain_id = 0;
  u64 nonce = 0;
  Uint256 max_priority_fee_per_gas;
  Uint256 max_fee_per_gas;
  u64 gas_limit = 0;
  std::optional<std::array<u8, 20>> to;  // absent: contract creation
  Uint256 value;
  Bytes data;
};

// The unsigned form: 0x02 || rlp of the nine fields (what is hashed and signed).
Bytes encode_eip1559_unsigned(const Eip1559Fields& f);
// The signed transaction bytes (ready for eth_sendRawTransaction or the node's
// POST /v1/transactions with layer "duskevm"). Errors: an invalid secret key (zero or
// not below the group order).
Result<Bytes> sign_eip1559(const Eip1559Fields& f, const std::array<u8, 32>& secret_key);
// keccak256 of the signed bytes: the transaction's hash.
Hash256 evm_transaction_hash(ByteView signed_tx);

// The bridge contract (docs/bridge.md) and its one function.
inline constexpr std::array<u8, 20> kBridgeContract = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                       0, 0, 0, 0, 0, 0, 0, 0xB4, 0x1D, 0x6E};
inline constexpr std::array<u8, 4> kWithdrawSelector = {0x09, 0x68, 0xf2, 0x64};  // withdraw(bytes)
inline constexpr u64 kWeiPerLux = 1'000'000'000;

// The call data of withdraw(dsKey) for a 96-byte DuskDS key: the selector, the offset of
// the bytes (0x20), their length (96) and the key in three words (164 bytes).
Bytes bridge_withdraw_calldata(const std::array<u8, 96>& ds_key);

}  // namespace dusk::wallet
