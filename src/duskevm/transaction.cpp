#include "duskevm/transaction.hpp"

#include "duskevm/evm.hpp"

namespace dusk::evm {

const char* tx_error_name(TxError e) {
  switch (e) {
    case TxError::kIntrinsicGasTooLow: return "TransactionException.INTRINSIC_GAS_TOO_LOW";
    case TxError::kIntrinsicGasBelowFloorGasCost: return "TransactionException.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST";
    case TxError::kNonceIsMax: return "TransactionException.NONCE_IS_MAX";
    case TxError::kInitcodeSizeExceeded: return "TransactionException.INITCODE_SIZE_EXCEEDED";
    case TxError::kGasAllowanceExceeded: return "TransactionException.GAS_ALLOWANCE_EXCEEDED";
    case TxError::kBlobCountExceeded: return "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED";
    case TxError::kPriorityGreaterThanMaxFee: return "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
    case TxError::kInsufficientMaxFeePerGas: return "TransactionException.INSUFFICIENT_MAX_FEE_PER_GAS";
    case TxError::kZeroBlobs: return "TransactionException.TYPE_3_TX_ZERO_BLOBS";
    case TxError::kInvalidBlobVersionedHash: return "TransactionException.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH";
    case TxError::kInsufficientMaxFeePerBlobGas: return "TransactionException.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS";
    case TxError::kBlobContractCreation: return "TransactionException.TYPE_3_TX_CONTRACT_CREATION";
    case TxError::kSetCodeContractCreation: return "TransactionException.TYPE_4_TX_CONTRACT_CREATION";
    case TxError::kEmptyAuthorizationList: return "TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST";
    case TxError::kSetCodePreFork: return "TransactionException.TYPE_4_TX_PRE_FORK";
    case TxError::kNonceTooLow: return "TransactionException.NONCE_MISMATCH_TOO_LOW";
    case TxError::kNonceTooHigh: return "TransactionException.NONCE_MISMATCH_TOO_HIGH";
    case TxError::kGasLimitPriceProductOverflow: return "TransactionException.GASLIMIT_PRICE_PRODUCT_OVERFLOW";
    case TxError::kInsufficientAccountFunds: return "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS";
    case TxError::kSenderNotEoa: return "TransactionException.SENDER_NOT_EOA";
    case TxError::kInvalidSignature: return "TransactionException.INVALID_SIGNATURE_VRS";
    case TxError::kTypeNotSupported: return "TransactionException.TYPE_NOT_SUPPORTED";
  }
  return "TransactionException.UNKNOWN";
}

IntrinsicGas intrinsic_gas(const Transaction& tx, Fork fork) {
  u64 zeros = 0;
  for (u8 b : tx.data) zeros += b == 0;
  const u64 nonzeros = tx.data.size() - zeros;
  const u64 tokens = zeros + 4 * nonzeros;  // EIP-7623 tokens; 4 gas each is EIP-2028's 4/16
  u64 gas = 21000 + 4 * tokens;
  if (!tx.to) gas += 32000 + 2 * ((tx.data.size() + 31) / 32);  // EIP-3860 init code words
  for (const auto& e : tx.access_list) gas += 2400 + 1900 * e.storage_keys.size();
  gas += 25000 * tx.authorizations.size();  // EIP-7702 PER_EMPTY_ACCOUNT_COST
  const u64 floor = fork >= Fork::kPrague ? 21000 + 10 * tokens : 0;
  return {gas, floor};
}

namespace {
TxFailure tx_error(TxError e) { return TxFailure(e, tx_error_name(e)); }
}  // namespace

TxResult<ValidTx> validate_transaction(const Transaction& tx, const State& state, const BlockEnv& env, Fork fork) {
  ValidTx v;
  if (tx.type == TxType::kSetCode && fork < Fork::kPrague) return tx_error(TxError::kSetCodePreFork);
  v.intrinsic = intrinsic_gas(tx, fork);
  // A gas limit wider than 64 bits covers any intrinsic cost and exceeds every block's limit.
  if (!tx.gas_limit.fits_u64()) return tx_error(TxError::kGasAllowanceExceeded);
  if (tx.gas_limit.low64() < v.intrinsic.gas) return tx_error(TxError::kIntrinsicGasTooLow);
  v.gas_limit = tx.gas_limit.low64();
  if (v.gas_limit < v.intrinsic.floor) return tx_error(TxError::kIntrinsicGasBelowFloorGasCost);
  if (!tx.nonce.fits_u64() || tx.nonce.low64() == ~u64{0}) return tx_error(TxError::kNonceIsMax);
  if (!tx.to && tx.data.size() > kMaxInitCodeSize) return tx_error(TxError::kInitcodeSizeExceeded);
  // Until Osaka a transaction may carry as many blobs as a block holds. A rule of the
  // transaction alone, checked with these (as Osaka's per-transaction limit is) rather
  // than as the block's blob gas allowance: fills that name only one of the two name
  // TYPE_3_TX_BLOB_COUNT_EXCEEDED; EEST accepts either.
  if (tx.type == TxType::kBlob && tx.blob_hashes.size() > env.blobs.max) return tx_error(TxError::kBlobCountExceeded);

  if (v.gas_limit > env.gas_limit) return tx_error(TxError::kGasAllowanceExceeded);
  v.blob_gas = kGasPerBlob * tx.blob_hashes.size();

  Uint256 fee_cap;
  if (tx.type >= TxType::kDynamicFee) {
    if (tx.max_fee_per_gas < tx.max_priority_fee_per_gas) return tx_error(TxError::kPriorityGreaterThanMaxFee);
    if (tx.max_fee_per_gas < env.base_fee) return tx_error(TxError::kInsufficientMaxFeePerGas);
    const Uint256 headroom = tx.max_fee_per_gas - env.base_fee;
    const Uint256 priority = tx.max_priority_fee_per_gas < headroom ? tx.max_priority_fee_per_gas : headroom;
    v.effective_gas_price = priority + env.base_fee;
    fee_cap = tx.max_fee_per_gas;
  } else {
    if (tx.gas_price < env.base_fee) return tx_error(TxError::kInsufficientMaxFeePerGas);
    v.effective_gas_price = tx.gas_price;
    fee_cap = tx.gas_price;
  }
  // max_gas_fee = gas * fee cap (+ blob gas * blob fee cap), without wrapping.
  const auto product = mul_full(Uint256{v.gas_limit}, fee_cap);
  if ((product[4] | product[5] | product[6] | product[7]) != 0)
    return tx_error(TxError::kGasLimitPriceProductOverflow);
  Uint256 max_cost{product[0], product[1], product[2], product[3]};

  if (tx.type == TxType::kBlob) {
    if (tx.blob_hashes.empty()) return tx_error(TxError::kZeroBlobs);
    for (const auto& h : tx.blob_hashes)
      if (h[0] != 0x01) return tx_error(TxError::kInvalidBlobVersionedHash);
    v.blob_gas_price = blob_base_fee(env);
    if (tx.max_fee_per_blob_gas < v.blob_gas_price) return tx_error(TxError::kInsufficientMaxFeePerBlobGas);
    const auto blob_fee = mul_full(Uint256{v.blob_gas}, tx.max_fee_per_blob_gas);
    if ((blob_fee[4] | blob_fee[5] | blob_fee[6] | blob_fee[7]) != 0)
      return tx_error(TxError::kInsufficientAccountFunds);
    const auto sum = add_with_carry(max_cost, Uint256{blob_fee[0], blob_fee[1], blob_fee[2], blob_fee[3]});
    if (sum.carry) return tx_error(TxError::kInsufficientAccountFunds);
    max_cost = sum.value;
  }
  if ((tx.type == TxType::kBlob) && !tx.to) return tx_error(TxError::kBlobContractCreation);
  if (tx.type == TxType::kSetCode) {
    if (!tx.to) return tx_error(TxError::kSetCodeContractCreation);
    if (tx.authorizations.empty()) return tx_error(TxError::kEmptyAuthorizationList);
  }

  const Account* sender = state.find(tx.sender);
  const u64 sender_nonce = sender ? sender->nonce : 0;
  if (sender_nonce > tx.nonce.low64()) return tx_error(TxError::kNonceTooLow);
  if (sender_nonce < tx.nonce.low64()) return tx_error(TxError::kNonceTooHigh);
  const auto total = add_with_carry(max_cost, tx.value);
  if (total.carry || state.balance(tx.sender) < total.value) return tx_error(TxError::kInsufficientAccountFunds);
  if (sender && !sender->code->empty() && !(fork >= Fork::kPrague && Evm::delegation_target(*sender->code)))
    return tx_error(TxError::kSenderNotEoa);
  return v;
}

}  // namespace dusk::evm
