// Read-only messages against a recorded state, as eth_call, eth_estimateGas and
// debug_traceCall run them, with geth's rules:
//   - the sender defaults to the zero address and its nonce to the account's (the nonce
//     is not checked), and a sender with code may call (no EIP-3607 check: its code is
//     hidden from the state for the message, a difference from geth only when the
//     message calls back into the sender);
//   - the gas defaults to the cap (the block's gas limit, at most CallOptions::gas_cap);
//   - with no fee given (no gasPrice, maxFeePerGas or maxPriorityFeePerGas) nothing is
//     charged and the base fee is not required (geth's NoBaseFee): BASEFEE then reads 0;
//     with fees given they are charged and checked as a transaction's would be;
//   - state overrides (geth's: balance, nonce, code, state replacing all storage,
//     stateDiff patching it) apply to the state before the message runs.
// Nothing is written anywhere: the state is a fresh State over the given backend.
//
//   DUSK_ASSIGN(CallOutcome r, run_call(backend, env, fork, request, overrides));
//   DUSK_ASSIGN(u64 gas, estimate_gas(backend, env, fork, request, overrides));
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/address.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"
#include "duskevm/block_env.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/log.hpp"
#include "duskevm/message.hpp"
#include "duskevm/state_backend.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::evm {

// A message as eth_call's transaction object describes it.
struct CallRequest {
  std::optional<Address> from;
  std::optional<Address> to;  // absent: a contract creation
  std::optional<u64> gas;
  std::optional<Uint256> gas_price;  // legacy pricing; excludes the two below
  std::optional<Uint256> max_fee_per_gas;
  std::optional<Uint256> max_priority_fee_per_gas;
  std::optional<Uint256> max_fee_per_blob_gas;
  Uint256 value;
  Bytes data;
  std::optional<u64> nonce;
  std::vector<AccessListEntry> access_list;
  std::vector<Bytes32> blob_hashes;
  std::vector<Authorization> authorizations;
};

// geth's per-account state override. `state` and `state_diff` exclude each other.
struct AccountOverride {
  std::optional<Uint256> balance;
  std::optional<u64> nonce;
  std::optional<Bytes> code;
  std::optional<std::map<Uint256, Uint256>> state;       // the whole storage
  std::optional<std::map<Uint256, Uint256>> state_diff;  // these slots only
};
using StateOverrides = std::map<Address, AccountOverride>;

struct CallOptions {
  u64 gas_cap = 50'000'000;  // geth's RPCGasCap default
  Tracer* tracer = nullptr;  // debug_traceCall
};

// How the message ended. A message that could not start (invalid as a transaction: a
// fee cap below the base fee, insufficient funds, intrinsic gas too low, ...) is an
// Error with geth's message instead.
struct CallOutcome {
  StatusCode status = StatusCode::kSuccess;
  Bytes output;       // return data, or revert data
  u64 gas_used = 0;   // as a receipt would say (after refunds and the EIP-7623 floor)
  u64 gas_limit = 0;  // what the message was given
  std::vector<Log> logs;
  std::optional<Address> created;
};

// A backend that reads through `base` and answers the overridden accounts and slots.
class OverrideBackend final : public StateBackend {
 public:
  OverrideBackend(const StateBackend& base, const StateOverrides& overrides);
  Result<std::optional<StoredAccount>> account(const Address& a) const override;
  Result<Uint256> slot(const Address& a, const Uint256& key) const override;

 private:
  const StateBackend& base_;
  const StateOverrides& overrides_;
};

// Checks an override set (state and stateDiff together, oversized code).
Status check_overrides(const StateOverrides& overrides);

Result<CallOutcome> run_call(const StateBackend& backend, const BlockEnv& env, Fork fork, const CallRequest& request,
                             const StateOverrides& overrides = {}, const CallOptions& options = {});

// The least gas with which the message succeeds, found as geth finds it: a first run at
// the cap (the block's gas limit, the request's gas, and with a fee what the sender's
// balance buys), then the optimistic 64/63 of the gas used, then a binary search that
// stops within 1.5%. A message that fails even at the cap yields that run as `failure`
// (a revert, or out of gas: geth's "gas required exceeds allowance (cap)"; the messages
// for failures are trace/vm_error.hpp's).
struct GasEstimate {
  u64 gas = 0;  // when the message succeeds
  u64 cap = 0;
  std::optional<CallOutcome> failure;
};
Result<GasEstimate> estimate_gas(const StateBackend& backend, const BlockEnv& env, Fork fork,
                                 const CallRequest& request, const StateOverrides& overrides = {},
                                 const CallOptions& options = {});

}  // namespace dusk::evm
