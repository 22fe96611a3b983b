#include "duskevm/evm_call.hpp"

#include <algorithm>

#include "base/bytes.hpp"
#include "crypto/hash/keccak.hpp"
#include "trie/trie.hpp"
#include "duskevm/transition.hpp"

namespace dusk::evm {

namespace {

constexpr size_t kMaxOverrideCode = 2 * 24'576;  // twice EIP-170's limit, as initcode's

// geth's messages for a message that cannot start (core/error.go).
std::string invalid_message(TxError e) {
  switch (e) {
    case TxError::kIntrinsicGasTooLow: return "intrinsic gas too low";
    case TxError::kIntrinsicGasBelowFloorGasCost: return "insufficient gas for floor data gas cost";
    case TxError::kNonceIsMax: return "nonce has max value";
    case TxError::kInitcodeSizeExceeded: return "max initcode size exceeded";
    case TxError::kGasAllowanceExceeded: return "gas limit reached";
    case TxError::kBlobCountExceeded: return "too many blobs in transaction";
    case TxError::kPriorityGreaterThanMaxFee: return "max priority fee per gas higher than max fee per gas";
    case TxError::kInsufficientMaxFeePerGas: return "max fee per gas less than block base fee";
    case TxError::kZeroBlobs: return "blob transaction missing blob hashes";
    case TxError::kInvalidBlobVersionedHash: return "blob hash version mismatch";
    case TxError::kInsufficientMaxFeePerBlobGas: return "max fee per blob gas less than block blob gas fee";
    case TxError::kBlobContractCreation: return "blob transaction of type create";
    case TxError::kSetCodeContractCreation: return "set code transaction of type create";
    case TxError::kEmptyAuthorizationList: return "EIP-7702 transaction with empty auth list";
    case TxError::kSetCodePreFork: return "transaction type not supported";
    case TxError::kNonceTooLow: return "nonce too low";
    case TxError::kNonceTooHigh: return "nonce too high";
    case TxError::kGasLimitPriceProductOverflow: return "fee cap higher than 2^256-1";
    case TxError::kInsufficientAccountFunds: return "insufficient funds for gas * price + value";
    case TxError::kSenderNotEoa: return "sender not an eoa";
    case TxError::kInvalidSignature: return "invalid transaction v, r, s values";
    case TxError::kTypeNotSupported: return "transaction type not supported";
  }
  return "invalid transaction";
}

}  // namespace

OverrideBackend::OverrideBackend(const StateBackend& base, const StateOverrides& overrides)
    : base_(base), overrides_(overrides) {}

Result<std::optional<StoredAccount>> OverrideBackend::account(const Address& a) const {
  DUSK_ASSIGN(std::optional<StoredAccount> stored, base_.account(a));
  auto it = overrides_.find(a);
  if (it == overrides_.end()) return stored;
  const AccountOverride& o = it->second;
  StoredAccount acc = stored ? *stored : StoredAccount{};
  if (!stored) {
    acc.storage_root = trie::kEmptyTrieRoot;
    acc.code_hash = kEmptyCodeHash;
    acc.code = std::make_shared<const Bytes>();
  }
  if (o.balance) acc.balance = *o.balance;
  if (o.nonce) acc.nonce = *o.nonce;
  if (o.code) {
    acc.code = std::make_shared<const Bytes>(*o.code);
    acc.code_hash = crypto::keccak256(*o.code);
  }
  // The storage root only tells whether storage exists (EIP-7610): any non-empty value.
  if (o.state) acc.storage_root = o.state->empty() ? trie::kEmptyTrieRoot : crypto::keccak256(ByteView{});
  return std::optional<StoredAccount>{std::move(acc)};
}

Result<Uint256> OverrideBackend::slot(const Address& a, const Uint256& key) const {
  auto it = overrides_.find(a);
  if (it != overrides_.end()) {
    const AccountOverride& o = it->second;
    if (o.state) {
      auto s = o.state->find(key);
      return s == o.state->end() ? Uint256{} : s->second;
    }
    if (o.state_diff) {
      auto s = o.state_diff->find(key);
      if (s != o.state_diff->end()) return s->second;
    }
  }
  return base_.slot(a, key);
}

Status check_overrides(const StateOverrides& overrides) {
  for (const auto& [address, o] : overrides) {
    if (o.state && o.state_diff)
      return Error("account " + address_hex(address) + " has both 'state' and 'stateDiff'");
    if (o.code && o.code->size() > kMaxOverrideCode)
      return Error("account " + address_hex(address) + ": code override larger than " +
                   std::to_string(kMaxOverrideCode) + " bytes");
  }
  return {};
}

Result<CallOutcome> run_call(const StateBackend& backend, const BlockEnv& block_env, Fork fork,
                             const CallRequest& request, const StateOverrides& overrides, const CallOptions& options) {
  DUSK_TRY(check_overrides(overrides));
  const bool legacy_fees = request.gas_price.has_value();
  if (legacy_fees && (request.max_fee_per_gas || request.max_priority_fee_per_gas))
    return Error("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
  const bool charged = (request.gas_price && !request.gas_price->is_zero()) ||
                       (request.max_fee_per_gas && !request.max_fee_per_gas->is_zero()) ||
                       (request.max_priority_fee_per_gas && !request.max_priority_fee_per_gas->is_zero());

  OverrideBackend view(backend, overrides);
  State state;
  state.set_backend(&view);

  BlockEnv env = block_env;
  if (!charged) env.base_fee = Uint256{};  // geth's NoBaseFee: nothing is charged

  Transaction tx;
  tx.sender = request.from.value_or(Address{});
  tx.chain_id = env.chain_id;
  tx.to = request.to;
  tx.value = request.value;
  tx.data = request.data;
  tx.access_list = request.access_list;
  const u64 cap = std::min(env.gas_limit, options.gas_cap);
  tx.gas_limit = Uint256{request.gas ? std::min(*request.gas, cap) : cap};
  if (!request.authorizations.empty()) {
    tx.type = TxType::kSetCode;
    tx.authorizations = request.authorizations;
  } else if (!request.blob_hashes.empty()) {
    tx.type = TxType::kBlob;
    tx.blob_hashes = request.blob_hashes;
    tx.max_fee_per_blob_gas = request.max_fee_per_blob_gas.value_or(blob_base_fee(env));
  } else if (legacy_fees) {
    tx.type = request.access_list.empty() ? TxType::kLegacy : TxType::kAccessList;
  } else {
    tx.type = TxType::kDynamicFee;
  }
  if (legacy_fees) {
    tx.gas_price = *request.gas_price;
    tx.max_fee_per_gas = tx.gas_price;
    tx.max_priority_fee_per_gas = tx.gas_price;
  } else {
    tx.max_fee_per_gas = request.max_fee_per_gas.value_or(Uint256{});
    tx.max_priority_fee_per_gas = request.max_priority_fee_per_gas.value_or(Uint256{});
    if (request.max_fee_per_gas && !request.max_priority_fee_per_gas) tx.max_priority_fee_per_gas = Uint256{};
    if (!request.max_fee_per_gas && request.max_priority_fee_per_gas)
      tx.max_fee_per_gas = env.base_fee + *request.max_priority_fee_per_gas;
    tx.gas_price = tx.max_fee_per_gas;
  }

  // The account's nonce unless one is given (geth skips the nonce check for calls), and
  // no EIP-3607 check: a contract may be the caller of a call.
  const Account* sender = state.find(tx.sender);
  const u64 account_nonce = sender ? sender->nonce : 0;
  tx.nonce = Uint256{request.nonce.value_or(account_nonce)};
  if (tx.nonce.low64() != account_nonce) state.set_nonce(tx.sender, tx.nonce.low64());
  // Validation refuses a sender with code: the check is passed by hiding the code from
  // it, which the message then runs without (the state is thrown away).
  if (sender && !sender->code->empty() && !(fork >= Fork::kPrague && Evm::delegation_target(*sender->code)))
    state.set_code(tx.sender, {});

  // Code analyses kept per thread across calls (content-addressed: valid for any state).
  thread_local CodeCache cache(16u << 20);
  auto applied = apply_transaction(state, env, tx, fork, cache, options.tracer);
  if (state.backend_failure()) return Error("reading the state: " + state.backend_failure()->message);
  if (!applied) {
    std::string message = invalid_message(applied.error().code);
    if (applied.error().code == TxError::kInsufficientAccountFunds || applied.error().code == TxError::kNonceTooLow ||
        applied.error().code == TxError::kNonceTooHigh)
      message += ": address " + address_hex(tx.sender);
    return Error(std::move(message));
  }
  CallOutcome out;
  out.status = applied->status;
  out.output = std::move(applied->output);
  out.gas_used = applied->gas_used;
  out.gas_limit = tx.gas_limit.low64();
  out.logs = std::move(applied->logs);
  out.created = applied->created;
  if (applied->not_implemented) return Error("precompile not implemented: " + *applied->not_implemented);
  return out;
}

Result<GasEstimate> estimate_gas(const StateBackend& backend, const BlockEnv& env, Fork fork,
                                 const CallRequest& request, const StateOverrides& overrides,
                                 const CallOptions& options) {
  CallOptions quiet = options;
  quiet.tracer = nullptr;
  u64 hi = std::min(env.gas_limit, options.gas_cap);
  if (request.gas && *request.gas < hi) hi = std::max<u64>(*request.gas, 21'000);
  // With a fee, the sender's balance bounds the gas it can buy.
  const Uint256 fee_cap = request.gas_price       ? *request.gas_price
                          : request.max_fee_per_gas ? *request.max_fee_per_gas
                                                    : Uint256{};
  if (!fee_cap.is_zero()) {
    OverrideBackend view(backend, overrides);
    DUSK_ASSIGN(auto acc, view.account(request.from.value_or(Address{})));
    Uint256 balance = acc ? acc->balance : Uint256{};
    if (balance < request.value) return Error("insufficient funds for transfer");
    const Uint256 allowance = divmod(balance - request.value, fee_cap).quot;
    if (allowance < Uint256{hi}) hi = allowance.low64();
  }
  // A plain transfer to an account without code costs exactly the intrinsic gas (geth).
  if (request.to && request.data.empty() && request.authorizations.empty() && request.access_list.empty()) {
    OverrideBackend view(backend, overrides);
    DUSK_ASSIGN(auto acc, view.account(*request.to));
    if (!acc || acc->code->empty()) {
      CallRequest plain = request;
      plain.gas = 21'000;
      DUSK_ASSIGN(CallOutcome r, run_call(backend, env, fork, plain, overrides, quiet));
      if (r.status == StatusCode::kSuccess) return GasEstimate{21'000, hi, std::nullopt};
    }
  }
  CallRequest probe = request;
  auto attempt = [&](u64 gas) -> Result<CallOutcome> {
    probe.gas = gas;
    return run_call(backend, env, fork, probe, overrides, quiet);
  };
  DUSK_ASSIGN(CallOutcome at_cap, attempt(hi));
  GasEstimate estimate;
  estimate.cap = hi;
  if (at_cap.status != StatusCode::kSuccess) {
    estimate.failure = std::move(at_cap);
    return estimate;
  }
  // The gas used (plus what a refund gave back) fails or just passes; try the optimistic
  // 64/63 of it first, as geth does, then bisect to within 1.5%.
  u64 lo = at_cap.gas_used > 0 ? at_cap.gas_used - 1 : 0;
  const u64 optimistic = std::min(hi, (at_cap.gas_used + 2'300) * 64 / 63);
  if (optimistic > lo && optimistic < hi) {
    auto r = attempt(optimistic);
    if (r && r->status == StatusCode::kSuccess) hi = optimistic;
    else lo = optimistic;
  }
  while (lo + 1 < hi) {
    if ((hi - lo) * 1000 / hi < 15) break;  // within 1.5%: hi is close enough
    u64 mid = lo + (hi - lo) / 2;
    if (mid > lo * 2) mid = lo * 2;  // most messages need little: reach down fast
    auto r = attempt(mid);
    // A message that cannot start at this gas (intrinsic gas) counts as failing.
    if (r && r->status == StatusCode::kSuccess) hi = mid;
    else lo = mid;
  }
  estimate.gas = hi;
  return estimate;
}

}  // namespace dusk::evm
