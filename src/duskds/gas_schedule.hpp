// What a Moonlight transaction costs in gas. DuskDS transactions run no code, so the gas
// they use is fixed by their kind and size, known before they run:
//
//   transfer    20,000 + 16 per memo byte
//   stake       50,000
//   unstake     50,000
//   withdraw    30,000
//   deposit     30,000
//
// The sender reserves gas_limit x gas_price up front; the ledger refuses a gas limit
// below the transaction's gas (kGasLimitTooLow), charges gas x gas_price as the fee and
// refunds the rest. The prices rank the work each kind makes a provisioner do (a stake
// change touches the stake table and the next epoch's committees; a memo is stored and
// gossiped). They are consensus rules: changing them is a fork.
#pragma once

#include "base/int.hpp"
#include "duskds/transaction.hpp"

namespace dusk::ds {

inline constexpr u64 kTransferGas = 20'000;
inline constexpr u64 kMemoByteGas = 16;
inline constexpr u64 kStakeGas = 50'000;
inline constexpr u64 kUnstakeGas = 50'000;
inline constexpr u64 kWithdrawGas = 30'000;
inline constexpr u64 kDepositGas = 30'000;

// The gas `tx` uses (at most 20,000 + 16 x 512, so never close to overflowing).
constexpr u64 transaction_gas(const Transaction& tx) {
  switch (tx.kind) {
    case TxKind::kTransfer: return kTransferGas + kMemoByteGas * static_cast<u64>(tx.memo.size());
    case TxKind::kStake: return kStakeGas;
    case TxKind::kUnstake: return kUnstakeGas;
    case TxKind::kWithdraw: return kWithdrawGas;
    case TxKind::kDeposit: return kDepositGas;
  }
  return kTransferGas;  // unreachable: every kind is listed
}

}  // namespace dusk::ds
