// Ethereum transactions as DuskEVM executes them: the five types (legacy with EIP-155,
// EIP-2930 access lists, EIP-1559 fees, EIP-4844 blobs, EIP-7702 set-code), their
// intrinsic gas (with the EIP-7623 calldata floor from Prague on) and every validity
// rule checked before execution, each with the exception name the Ethereum execution
// spec tests use.
#pragma once

#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/address.hpp"
#include "duskevm/block_env.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/state.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

enum class TxType : u8 { kLegacy = 0, kAccessList = 1, kDynamicFee = 2, kBlob = 3, kSetCode = 4 };

struct AccessListEntry {
  Address address{};
  std::vector<Bytes32> storage_keys;
};

// EIP-7702 authorization tuple: "address may act as the code of whoever signed this".
struct Authorization {
  Uint256 chain_id;
  Address address{};
  Uint256 nonce;
  Uint256 y_parity;
  Uint256 r;
  Uint256 s;
};

struct Transaction {
  TxType type = TxType::kLegacy;
  Uint256 chain_id{1};
  Uint256 nonce;
  Uint256 gas_price;                 // legacy and EIP-2930
  Uint256 max_priority_fee_per_gas;  // EIP-1559 and later
  Uint256 max_fee_per_gas;
  Uint256 gas_limit;
  std::optional<Address> to;         // absent: contract creation
  Uint256 value;
  Bytes data;
  std::vector<AccessListEntry> access_list;
  Uint256 max_fee_per_blob_gas;      // EIP-4844
  std::vector<Bytes32> blob_hashes;
  std::vector<Authorization> authorizations;  // EIP-7702
  // Signature (v is the y parity for typed transactions, 27/28 or 35+2*chain_id+parity
  // for legacy ones).
  Uint256 v, r, s;
  Address sender{};  // recovered from the signature, or given by a test
};

// The exceptions of a transaction that cannot be included. Names: tx_error_name().
enum class TxError : u8 {
  kIntrinsicGasTooLow = 1,
  kIntrinsicGasBelowFloorGasCost,   // EIP-7623
  kNonceIsMax,                      // EIP-2681
  kInitcodeSizeExceeded,            // EIP-3860
  kGasAllowanceExceeded,            // gas limit above the block's
  kBlobCountExceeded,               // EIP-4844: more blobs than a block may hold
  kPriorityGreaterThanMaxFee,       // EIP-1559
  kInsufficientMaxFeePerGas,        // fee cap below the base fee
  kZeroBlobs,                       // EIP-4844
  kInvalidBlobVersionedHash,        // EIP-4844: version byte not 0x01
  kInsufficientMaxFeePerBlobGas,    // EIP-4844
  kBlobContractCreation,            // EIP-4844: blob transactions need a recipient
  kSetCodeContractCreation,         // EIP-7702
  kEmptyAuthorizationList,          // EIP-7702
  kSetCodePreFork,                  // EIP-7702 transaction before Prague
  kNonceTooLow,
  kNonceTooHigh,
  kGasLimitPriceProductOverflow,
  kInsufficientAccountFunds,
  kSenderNotEoa,                    // EIP-3607
  kInvalidSignature,
  kTypeNotSupported,
};
// "TransactionException.INTRINSIC_GAS_TOO_LOW" and so on.
const char* tx_error_name(TxError e);
// An invalid transaction: its TxError, and tx_error_name as the message.
using TxFailure = Failure<TxError>;
template <typename T>
using TxResult = Result<T, TxFailure>;

struct IntrinsicGas {
  u64 gas = 0;    // charged before execution
  u64 floor = 0;  // EIP-7623: the least gas the transaction pays (0 before Prague)
};
IntrinsicGas intrinsic_gas(const Transaction& tx, Fork fork);

// What validation yields for execution.
struct ValidTx {
  IntrinsicGas intrinsic;
  u64 gas_limit = 0;
  Uint256 effective_gas_price;
  Uint256 blob_gas_price;
  u64 blob_gas = 0;
};

// Checks every rule, in the order of the execution specs, against the sender's account
// in `state`. Changes nothing.
TxResult<ValidTx> validate_transaction(const Transaction& tx, const State& state, const BlockEnv& env, Fork fork);

}  // namespace dusk::evm
