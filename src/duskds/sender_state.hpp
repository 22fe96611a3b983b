// What a transaction's validity depends on beyond the transaction itself: its sender's
// Moonlight account and stake, and nothing else. No other transaction can lower a
// sender's balance, stake or pending amount (they only receive transfers, fees and
// rewards), so checking a sender's transactions against a copy of its own state, applied
// one by one, tells whether they will apply in that order in any block: the mempool's
// selection relies on this (mempool.hpp), and the Ledger checks and applies through the
// same two functions.
#pragma once

#include "base/int.hpp"
#include "duskds/account.hpp"
#include "duskds/ledger_config.hpp"
#include "duskds/ledger_error.hpp"
#include "duskds/stake.hpp"
#include "duskds/transaction.hpp"

namespace dusk::ds {

struct SenderState {
  Account account;
  Stake stake;

  // The nonce, balance and stake rules (ledger.hpp lists them). Precondition: the
  // transaction passed Ledger::check_stateless (so its up-front cost fits in 64 bits).
  LedgerStatus check(const Transaction& tx, const LedgerConfig& config) const;
  // The transaction's effect on its sender at `height`: the up-front cost debited, the
  // unused gas refunded, the nonce advanced, the stake changed, a withdrawal or a
  // transfer to itself credited. Precondition: check() passed.
  void apply(const Transaction& tx, u64 height, const LedgerConfig& config);
};

}  // namespace dusk::ds
