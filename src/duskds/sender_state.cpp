#include "duskds/sender_state.hpp"

#include <string>

#include "duskds/gas_schedule.hpp"
#include "duskds/ledger.hpp"

namespace dusk::ds {

LedgerStatus SenderState::check(const Transaction& tx, const LedgerConfig& config) const {
  const Account& acc = account;
  const u128 cost = up_front_cost(tx);
  if (tx.nonce < acc.nonce)
    return ledger_error(LedgerError::kNonceTooLow, "nonce " + std::to_string(tx.nonce) +
                                                       " already used, the account is at " +
                                                       std::to_string(acc.nonce));
  if (tx.nonce > acc.nonce)
    return ledger_error(LedgerError::kNonceGap, "nonce " + std::to_string(tx.nonce) +
                                                    ", the account expects " + std::to_string(acc.nonce));
  if (cost > acc.balance)
    return ledger_error(LedgerError::kInsufficientBalance,
                        "balance " + lux_string(acc.balance) + " below amount + max fee " + lux_string(cost));

  const Stake& st = stake;
  switch (tx.kind) {
    case TxKind::kTransfer:
    case TxKind::kDeposit: break;
    case TxKind::kStake:
      if (static_cast<u128>(st.value) + tx.amount < config.minimum_stake)
        return ledger_error(LedgerError::kBelowMinimumStake,
                            "stake of " + lux_string(static_cast<u128>(st.value) + tx.amount) +
                                " below the minimum " + lux_string(config.minimum_stake));
      break;
    case TxKind::kUnstake:
      if (tx.amount > st.value)
        return ledger_error(LedgerError::kInsufficientStake,
                            "unstake of " + lux_string(tx.amount) + ", staked " + lux_string(st.value));
      if (st.value - tx.amount != 0 && st.value - tx.amount < config.minimum_stake)
        return ledger_error(LedgerError::kBelowMinimumStake,
                            "unstake would leave " + lux_string(st.value - tx.amount) +
                                ", below the minimum " + lux_string(config.minimum_stake));
      break;
    case TxKind::kWithdraw:
      if (tx.amount > st.pending)
        return ledger_error(LedgerError::kInsufficientPending,
                            "withdraw of " + lux_string(tx.amount) + ", pending " + lux_string(st.pending));
      break;
  }
  return {};
}

void SenderState::apply(const Transaction& tx, u64 height, const LedgerConfig& config) {
  const u64 gas = transaction_gas(tx);
  account.balance -= static_cast<u64>(up_front_cost(tx));
  account.balance += (tx.gas_limit - gas) * tx.gas_price;  // refund of the unused gas
  account.nonce += 1;
  switch (tx.kind) {
    case TxKind::kTransfer:
      if (tx.receiver == tx.sender) account.balance += tx.amount;
      break;
    case TxKind::kStake: {
      stake.value += tx.amount;
      const u64 room = ~u64{0} - height;
      stake.eligibility_height = height + (config.epoch_length < room ? config.epoch_length : room);
      break;
    }
    case TxKind::kUnstake:
      stake.value -= tx.amount;
      stake.pending += tx.amount;
      break;
    case TxKind::kWithdraw:
      stake.pending -= tx.amount;
      account.balance += tx.amount;
      break;
    case TxKind::kDeposit: break;  // the amount left with the up-front cost
  }
}

}  // namespace dusk::ds
