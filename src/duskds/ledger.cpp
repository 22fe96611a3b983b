#include "duskds/ledger.hpp"

#include <string>
#include <utility>

#include "duskds/gas_schedule.hpp"
#include "duskds/sender_state.hpp"

namespace dusk::ds {

using crypto::bls::BlsMinSig;

namespace {

constexpr u128 kU64Max = ~u64{0};

LedgerStatus check_key(const AccountKey& key, const char* what) {
  if (auto pk = BlsMinSig::PublicKey::from_bytes(key); !pk.ok())
    return ledger_error(LedgerError::kBadPublicKey, std::string(what) + ": " + pk.error().message);
  return {};
}

}  // namespace

u128 up_front_cost(const Transaction& tx) {
  u128 cost = static_cast<u128>(tx.gas_limit) * tx.gas_price;
  if (tx.kind == TxKind::kTransfer || tx.kind == TxKind::kStake || tx.kind == TxKind::kDeposit) cost += tx.amount;
  return cost;
}

LedgerResult<Ledger> Ledger::create(LedgerConfig config, std::span<const GenesisAccount> accounts,
                                    std::span<const GenesisStake> stakes, u64 lanes_genesis) {
  if (config.generator_share_bps > kBasisPoints)
    return ledger_error(LedgerError::kBadGenesis, "generator share above 10000 basis points");
  if (config.epoch_length == 0) return ledger_error(LedgerError::kBadGenesis, "epoch length of 0 blocks");
  Ledger ledger(std::move(config));
  u128 supply = static_cast<u128>(ledger.config_.emission.total()) + lanes_genesis;
  ledger.bridged_ = lanes_genesis;
  if (supply > kU64Max)
    return ledger_error(LedgerError::kSupplyOverflow, "genesis plus emission exceeds 2^64 - 1 LUX");
  for (size_t i = 0; i < accounts.size(); ++i) {
    const auto& a = accounts[i];
    DUSK_TRY(check_key(a.key, ("genesis account " + std::to_string(i)).c_str()));
    if (ledger.accounts_.count(a.key))
      return ledger_error(LedgerError::kBadGenesis,
                          "genesis account " + std::to_string(i) + " repeats a key");
    ledger.accounts_[a.key] = Account{a.balance, 0};
    supply += a.balance;
    if (supply > kU64Max)
      return ledger_error(LedgerError::kSupplyOverflow, "genesis plus emission exceeds 2^64 - 1 LUX");
  }
  for (size_t i = 0; i < stakes.size(); ++i) {
    const auto& s = stakes[i];
    const std::string name = "genesis stake " + std::to_string(i);
    DUSK_TRY(check_key(s.key, name.c_str()));
    if (ledger.stakes_.count(s.key)) return ledger_error(LedgerError::kBadGenesis, name + " repeats a key");
    if (s.value == 0) return ledger_error(LedgerError::kZeroAmount, name + " stakes 0");
    if (s.value < ledger.config_.minimum_stake)
      return ledger_error(LedgerError::kBelowMinimumStake, name + " of " + lux_string(s.value) +
                                                               " is below the minimum " +
                                                               lux_string(ledger.config_.minimum_stake));
    ledger.stakes_[s.key] = Stake{s.value, 0, 0};
    supply += s.value;
    if (supply > kU64Max)
      return ledger_error(LedgerError::kSupplyOverflow, "genesis plus emission exceeds 2^64 - 1 LUX");
  }
  ledger.supply_ = static_cast<u64>(supply - ledger.config_.emission.total());
  return ledger;
}

Account Ledger::account(const AccountKey& key) const {
  auto it = accounts_.find(key);
  return it == accounts_.end() ? Account{} : it->second;
}

std::optional<Stake> Ledger::stake(const AccountKey& key) const {
  auto it = stakes_.find(key);
  if (it == stakes_.end()) return std::nullopt;
  return it->second;
}

u64 Ledger::eligible_stake(const AccountKey& key, u64 height) const {
  auto it = stakes_.find(key);
  return it != stakes_.end() && it->second.eligible_at(height) ? it->second.value : 0;
}

std::vector<std::pair<AccountKey, u64>> Ledger::provisioners(u64 height) const {
  std::vector<std::pair<AccountKey, u64>> out;
  for (const auto& [key, s] : stakes_)
    if (s.eligible_at(height)) out.emplace_back(key, s.value);
  return out;
}

u128 Ledger::holdings() const {
  u128 sum = 0;
  for (const auto& [key, a] : accounts_) sum += a.balance;
  for (const auto& [key, s] : stakes_) sum += static_cast<u128>(s.value) + s.pending;
  return sum;
}

LedgerStatus Ledger::credit_withdrawal(const AccountKey& to, u64 amount) {
  if (amount > bridged_)
    return ledger_error(LedgerError::kBridgeUnderflow, "withdrawal of " + lux_string(amount) +
                                                           ", the lanes hold " + lux_string(bridged_));
  DUSK_TRY(check_key(to, "withdrawal receiver"));
  bridged_ -= amount;
  accounts_[to].balance += amount;
  touched_.insert(to);
  return {};
}

std::set<AccountKey> Ledger::take_touched() { return std::exchange(touched_, {}); }

LedgerResult<Ledger> Ledger::restore(LedgerConfig config, std::map<AccountKey, Account> accounts,
                                     std::map<AccountKey, Stake> stakes, const Totals& totals) {
  Ledger ledger(std::move(config));
  ledger.accounts_ = std::move(accounts);
  ledger.stakes_ = std::move(stakes);
  ledger.supply_ = totals.supply;
  ledger.emitted_ = totals.emitted;
  ledger.bridged_ = totals.bridged;
  if (ledger.holdings() + ledger.bridged_ != ledger.supply_)
    return ledger_error(LedgerError::kBadGenesis,
                        "restored ledger holds " + lux_string(ledger.holdings() + ledger.bridged_) +
                            " but records a supply of " + lux_string(ledger.supply_));
  return ledger;
}

LedgerStatus Ledger::check_stateless(const Transaction& tx) const { return ds::check_stateless(tx, config_); }

LedgerStatus check_stateless(const Transaction& tx, const LedgerConfig& config) {
  if (tx.chain_id != config.chain_id)
    return ledger_error(LedgerError::kWrongChainId, "transaction for chain " + std::to_string(tx.chain_id) +
                                                        ", this is chain " +
                                                        std::to_string(config.chain_id));
  const u64 gas = transaction_gas(tx);
  if (tx.gas_limit < gas)
    return ledger_error(
        LedgerError::kGasLimitTooLow,
        "gas limit " + std::to_string(tx.gas_limit) + " below the transaction's gas " + std::to_string(gas));
  const u128 cost = up_front_cost(tx);
  if (static_cast<u128>(tx.gas_limit) * tx.gas_price > kU64Max || cost > kU64Max)
    return ledger_error(LedgerError::kFeeOverflow, "gas limit x gas price plus amount exceeds 2^64 - 1");
  if (tx.kind != TxKind::kTransfer && tx.amount == 0)
    return ledger_error(LedgerError::kZeroAmount, "stake, unstake, withdraw or deposit of 0 LUX");
  return {};
}

LedgerStatus Ledger::check_unsigned(const Transaction& tx) const {
  DUSK_TRY(check_stateless(tx));
  return SenderState{account(tx.sender), stake(tx.sender).value_or(Stake{})}.check(tx, config_);
}

LedgerStatus Ledger::check(const Transaction& tx, const BlockContext&) const {
  DUSK_TRY(check_unsigned(tx));
  return verify_transaction_signature(tx);
}

LedgerResult<TxReceipt> Ledger::apply(const Transaction& tx, const BlockContext& ctx) {
  DUSK_TRY(check(tx, ctx));
  return apply_verified(tx, ctx);
}

LedgerResult<TxReceipt> Ledger::apply_verified(const Transaction& tx, const BlockContext& ctx) {
  DUSK_TRY(check_unsigned(tx));
  // Every check passed: from here on nothing fails. Sums stay below total supply, so
  // the additions cannot overflow.
  SenderState st{account(tx.sender), stake(tx.sender).value_or(Stake{})};
  st.apply(tx, ctx.height, config_);
  accounts_[tx.sender] = st.account;
  touched_.insert(tx.sender);
  if (st.stake.value == 0 && st.stake.pending == 0)
    stakes_.erase(tx.sender);
  else
    stakes_[tx.sender] = st.stake;
  if (tx.kind == TxKind::kTransfer && tx.receiver != tx.sender) {
    accounts_[tx.receiver].balance += tx.amount;
    touched_.insert(tx.receiver);
  }
  if (tx.kind == TxKind::kDeposit) bridged_ += tx.amount;
  const u64 gas = transaction_gas(tx);
  const u64 fee = gas * tx.gas_price;  // <= gas_limit x gas_price, checked
  if (fee != 0) {
    accounts_[ctx.generator].balance += fee;
    touched_.insert(ctx.generator);
  }
  return TxReceipt{transaction_id(tx), gas, fee};
}

LedgerResult<RewardReceipt> Ledger::reward_block(const BlockContext& ctx) {
  RewardReceipt r;
  r.emitted = config_.emission.reward_at(ctx.height);
  if (static_cast<u128>(supply_) + r.emitted > kU64Max)
    return ledger_error(LedgerError::kSupplyOverflow, "reward would exceed 2^64 - 1 LUX in total");
  u64 voters_part = 0;
  if (!ctx.voters.empty()) {
    voters_part = static_cast<u64>(static_cast<u128>(r.emitted) *
                                   (kBasisPoints - config_.generator_share_bps) / kBasisPoints);
    r.voter_reward = voters_part / ctx.voters.size();
  }
  r.generator_reward = r.emitted - r.voter_reward * ctx.voters.size();
  if (r.generator_reward != 0) {
    accounts_[ctx.generator].balance += r.generator_reward;
    touched_.insert(ctx.generator);
  }
  if (r.voter_reward != 0)
    for (const auto& v : ctx.voters) {
      accounts_[v].balance += r.voter_reward;
      touched_.insert(v);
    }
  supply_ += r.emitted;
  emitted_ += r.emitted;
  return r;
}

}  // namespace dusk::ds
