// Applying one transaction to the state: validation, the up-front charge, EIP-2929/2930
// warm sets, EIP-7702 authorizations, the message itself, refunds (EIP-3529), the
// EIP-7623 floor, the fee split between sender and coinbase, and the end-of-transaction
// cleanup (EIP-6780 deletions, EIP-161 touched empty accounts).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "duskevm/block_env.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/log.hpp"
#include "duskevm/state.hpp"
#include "duskevm/transaction.hpp"

namespace dusk::evm {

struct Receipt {
  StatusCode status = StatusCode::kSuccess;  // of the transaction's message
  u64 gas_used = 0;                          // after refunds and the floor
  std::vector<Log> logs;
  Bytes output;
  std::optional<Address> created;
  // A precompile this build does not implement was reached (see precompiles/registry.hpp).
  std::optional<std::string> not_implemented;
};

// On an invalid transaction (a TxFailure) the state is unchanged. `frames`
// (optional) lends the interpreter's buffers, to be reused by the next transaction on
// this thread (frame_pool.hpp).
TxResult<Receipt> apply_transaction(State& state, const BlockEnv& env, const Transaction& tx, Fork fork,
                                  CodeCache& cache, Tracer* tracer = nullptr,
                                  FramePool* frames = nullptr);

// The code a message call to `to` runs: the account's, or after Prague the code of the
// account its EIP-7702 delegation names (that account warmed, precompiles skipped). Sets
// msg.code_address, code and code_hash; leaves code unset when `to` has no account.
void load_call_code(State& state, Message& msg, const Address& to, Fork fork);

// EIP-7702: the authority (signer) of an authorization, or nullopt when its signature
// is invalid (y parity not 0/1, r or s out of range, s in the upper half).
std::optional<Address> recover_authority(const Authorization& auth);

}  // namespace dusk::evm
