// The DuskDS ledger: Moonlight accounts (account.hpp) and provisioner stakes (stake.hpp),
// in maps ordered by key, and the rules that change them. Deterministic: no floating
// point, no unordered containers, no clock; every operation either succeeds whole or
// fails with a LedgerError and changes nothing.
//
// Supply. total_supply() is what genesis created (on DuskDS and, as `lanes_genesis`, in
// the execution lanes) plus what reward_block() has emitted. Transactions only move LUX
// between balances, stakes, pending withdrawals and the lanes (fees go to the block
// generator's balance; nothing is burned on DuskDS), so holdings() -- the sum of every
// balance, stake value and pending amount -- plus bridged() -- what the lanes received
// and have not sent back -- equals total_supply() after every operation; the node checks
// it at every block, and checks the lanes' own holdings against bridged(). create() refuses a genesis whose supply plus the
// whole emission schedule could exceed 2^64 - 1, so no balance can ever overflow.
//
// Transactions (apply). In this order, a transaction is refused when:
//   its chain id is not the ledger's (kWrongChainId);
//   its gas limit is below its gas (gas_schedule.hpp; kGasLimitTooLow);
//   gas_limit x gas_price, or that plus the amount it spends, exceeds 2^64 - 1 (kFeeOverflow);
//   it stakes, unstakes or withdraws 0 (kZeroAmount);
//   its nonce is not the sender's account nonce (kNonceTooLow: a replay; kNonceGap);
//   the sender's balance is below gas_limit x gas_price plus the amount a transfer or a
//   stake spends (kInsufficientBalance);
//   a stake would leave the provisioner below the minimum stake, or an unstake would
//   leave a stake between 0 and the minimum (kBelowMinimumStake);
//   an unstake asks for more than is staked (kInsufficientStake), a withdraw for more
//   than is pending (kInsufficientPending);
//   the signature is not the sender's (kInvalidSignature), checked last because it is the
//   most expensive check (apply_verified skips it for a batch already verified).
// Otherwise: the nonce goes up by one, the fee (gas x gas_price) moves from the sender to
// the generator, and the kind's effect happens (stake.hpp describes the stake rules).
#pragma once

#include <map>
#include <set>
#include <optional>
#include <span>
#include <vector>

#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "duskds/account.hpp"
#include "duskds/account_key.hpp"
#include "duskds/block_context.hpp"
#include "duskds/ledger_config.hpp"
#include "duskds/ledger_error.hpp"
#include "duskds/stake.hpp"
#include "duskds/transaction.hpp"

namespace dusk::ds {

struct GenesisAccount {
  AccountKey key{};
  u64 balance = 0;
};
struct GenesisStake {
  AccountKey key{};
  u64 value = 0;  // eligible from height 0
};

struct TxReceipt {
  Hash256 id{};
  u64 gas_used = 0;
  u64 fee = 0;  // gas_used x gas_price, credited to the generator
};

struct RewardReceipt {
  u64 emitted = 0;           // the schedule's reward at the block's height
  u64 generator_reward = 0;  // including the rounding remainder
  u64 voter_reward = 0;      // per entry of the voter list
};

// What a transaction takes from the sender's balance before its refund: gas_limit x
// gas_price plus the amount of a transfer or a stake (unstake and withdraw spend no
// balance). Computed in 128 bits: check_stateless refuses a cost above 2^64 - 1.
u128 up_front_cost(const Transaction& tx);

// The checks that need no account (chain id, gas limit, overflow, zero amount) against
// a ledger's configuration: Ledger::check_stateless, callable without the ledger.
LedgerStatus check_stateless(const Transaction& tx, const LedgerConfig& config);

class Ledger {
 public:
  // Errors: kBadPublicKey (a key that does not decode), kBadGenesis (a duplicate key, a
  // share above 10,000 bps, an epoch length of 0), kZeroAmount / kBelowMinimumStake (a
  // genesis stake), kSupplyOverflow.
  // `lanes_genesis`: the LUX the execution lanes hold at genesis (counted as bridged).
  static LedgerResult<Ledger> create(LedgerConfig config, std::span<const GenesisAccount> accounts,
                                     std::span<const GenesisStake> stakes, u64 lanes_genesis = 0);
  // A ledger as a node recorded it. Errors: kBadGenesis when the records do not add up
  // (holdings + bridged != supply).
  struct Totals {
    u64 supply = 0;
    u64 emitted = 0;
    u64 bridged = 0;
  };
  static LedgerResult<Ledger> restore(LedgerConfig config, std::map<AccountKey, Account> accounts,
                                      std::map<AccountKey, Stake> stakes, const Totals& totals);
  Totals totals() const { return {supply_, emitted_, bridged_}; }

  const LedgerConfig& config() const { return config_; }
  // The account, or an empty one (balance 0, nonce 0) for a key never seen.
  Account account(const AccountKey& key) const;
  std::optional<Stake> stake(const AccountKey& key) const;
  // The stake that counts at `height`: its value once eligible, else 0.
  u64 eligible_stake(const AccountKey& key, u64 height) const;
  // Every provisioner eligible at `height` with its stake, ordered by key.
  std::vector<std::pair<AccountKey, u64>> provisioners(u64 height) const;
  const std::map<AccountKey, Account>& accounts() const { return accounts_; }
  const std::map<AccountKey, Stake>& stakes() const { return stakes_; }

  u64 total_supply() const { return supply_; }
  u64 emitted() const { return emitted_; }
  // LUX the lanes received (genesis and deposits) and have not withdrawn.
  u64 bridged() const { return bridged_; }
  // Sum of every balance, stake value and pending withdrawal (computed, not tracked).
  u128 holdings() const;

  // The checks that need no account: chain id, gas limit, overflow, zero amount (the
  // mempool runs them before it spends a pairing on the signature).
  LedgerStatus check_stateless(const Transaction& tx) const;
  // Every check of apply() without changing anything.
  LedgerStatus check(const Transaction& tx, const BlockContext& ctx) const;
  LedgerResult<TxReceipt> apply(const Transaction& tx, const BlockContext& ctx);
  // apply() without the signature check, for transactions whose signatures the caller
  // verified (signature_batch.hpp).
  LedgerResult<TxReceipt> apply_verified(const Transaction& tx, const BlockContext& ctx);

  // Credits the emission at ctx.height: generator_share_bps of it to the generator, the
  // rest in equal parts to the voters, the remainder of the division to the generator.
  // Called once per block by the node. Cannot fail given create()'s bound; returns
  // kSupplyOverflow rather than wrap if called beyond it.
  LedgerResult<RewardReceipt> reward_block(const BlockContext& ctx);
  // The bridge: `amount` LUX a lane withdrew to `to`, from bridged() to its balance.
  // Errors: kBridgeUnderflow (more than the lanes hold), kBadPublicKey.
  LedgerStatus credit_withdrawal(const AccountKey& to, u64 amount);
  // The keys whose account or stake changed since the last call (a node writes those).
  std::set<AccountKey> take_touched();

 private:
  explicit Ledger(LedgerConfig config) : config_(std::move(config)) {}
  LedgerStatus check_unsigned(const Transaction& tx) const;

  LedgerConfig config_;
  std::map<AccountKey, Account> accounts_;
  std::map<AccountKey, Stake> stakes_;
  u64 supply_ = 0;
  u64 emitted_ = 0;
  u64 bridged_ = 0;
  std::set<AccountKey> touched_;
};

}  // namespace dusk::ds
