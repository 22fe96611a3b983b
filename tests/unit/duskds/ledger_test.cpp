// The DuskDS ledger (duskds/ledger.hpp): transactions of every kind, each refusal and
// that it changes nothing, fee accounting that conserves the supply over random
// sequences, staking eligibility, genesis validation and block rewards.
#include "duskds/ledger.hpp"

#include <gtest/gtest.h>

#include "ds_test_util.hpp"
#include "duskds/gas_schedule.hpp"

namespace dusk::ds {
namespace {

using test::make_tx;
using test::Signer;
using test::TxSpec;

constexpr u64 kChain = 7;
constexpr u64 kMinStake = 1'000'000;
constexpr u64 kEpoch = 10;

struct Snapshot {
  std::map<AccountKey, Account> accounts;
  std::map<AccountKey, Stake> stakes;
  u64 supply;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};
Snapshot snapshot(const Ledger& l) { return {l.accounts(), l.stakes(), l.total_supply()}; }

class LedgerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signers_ = new std::vector<Signer>();
    for (u32 i = 0; i < 6; ++i) signers_->push_back(test::signer(100 + i));
  }
  static void TearDownTestSuite() { delete signers_; }
  static const Signer& who(size_t i) { return (*signers_)[i]; }

  static LedgerConfig config() {
    LedgerConfig c;
    c.chain_id = kChain;
    c.epoch_length = kEpoch;
    c.minimum_stake = kMinStake;
    c.emission = *EmissionSchedule::create({{5, 1'000}, {5, 333}});
    c.generator_share_bps = 7'000;
    return c;
  }
  // Accounts 0..3 funded with `balance`; account 4 is the generator, unfunded.
  static Ledger make_ledger(u64 balance = 100'000'000) {
    std::vector<GenesisAccount> accounts;
    for (size_t i = 0; i < 4; ++i) accounts.push_back({who(i).key, balance});
    auto l = Ledger::create(config(), accounts, {});
    EXPECT_TRUE(l.ok()) << l.error().message;
    return std::move(l).value();
  }
  static BlockContext ctx(u64 height) { return {height, who(4).key, {}}; }

  static void expect_refused(Ledger& l, const Transaction& tx, LedgerError code, u64 height = 1) {
    const Snapshot before = snapshot(l);
    auto r = l.apply(tx, ctx(height));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_TRUE(snapshot(l) == before) << "a refused transaction changed the ledger";
  }

  static inline std::vector<Signer>* signers_ = nullptr;
};

TEST_F(LedgerTest, TransferMovesAmountAndFee) {
  Ledger l = make_ledger();
  Transaction tx =
      make_tx(who(0), {TxKind::kTransfer, kChain, 0, 12'345, 3, 40'000, who(1).key, Bytes(10, 1)});
  auto r = l.apply(tx, ctx(1));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const u64 gas = kTransferGas + 10 * kMemoByteGas;
  EXPECT_EQ(r->gas_used, gas);
  EXPECT_EQ(r->fee, gas * 3);
  EXPECT_EQ(r->id, transaction_id(tx));
  EXPECT_EQ(l.account(who(0).key), (Account{100'000'000 - 12'345 - gas * 3, 1}));
  EXPECT_EQ(l.account(who(1).key), (Account{100'000'000 + 12'345, 0}));
  EXPECT_EQ(l.account(who(4).key), (Account{gas * 3, 0}));
  EXPECT_EQ(l.holdings(), l.total_supply());
  EXPECT_EQ(l.total_supply(), 4 * u128{100'000'000});
}

TEST_F(LedgerTest, RefusesWrongChainIdAndForgedSignatures) {
  Ledger l = make_ledger();
  expect_refused(l, make_tx(who(0), {TxKind::kTransfer, kChain + 1, 0, 1, 1, 0, who(1).key, {}}),
                 LedgerError::kWrongChainId);
  // Signed for one chain, relabelled for this one: the signature covers the chain id.
  Transaction relabelled = make_tx(who(0), {TxKind::kTransfer, kChain + 1, 0, 1, 1, 0, who(1).key, {}});
  relabelled.chain_id = kChain;
  expect_refused(l, relabelled, LedgerError::kInvalidSignature);
  Transaction stolen = make_tx(who(1), {TxKind::kTransfer, kChain, 0, 1, 1, 0, who(1).key, {}});
  stolen.sender = who(0).key;  // bob's signature on alice's account
  expect_refused(l, stolen, LedgerError::kInvalidSignature);
}

TEST_F(LedgerTest, NonceGapsAndReplays) {
  Ledger l = make_ledger();
  auto t = [&](u64 nonce) {
    return make_tx(who(0), {TxKind::kTransfer, kChain, nonce, 5, 1, 0, who(1).key, {}});
  };
  expect_refused(l, t(1), LedgerError::kNonceGap);
  const Transaction first = t(0);
  ASSERT_TRUE(l.apply(first, ctx(1)).ok());
  expect_refused(l, first, LedgerError::kNonceTooLow);  // replay
  expect_refused(l, t(2), LedgerError::kNonceGap);
  ASSERT_TRUE(l.apply(t(1), ctx(1)).ok());
  EXPECT_EQ(l.account(who(0).key).nonce, 2u);
}

TEST_F(LedgerTest, BalanceMustCoverAmountPlusMaxFee) {
  const u64 balance = 1'000'000;
  const u64 gas_limit = 30'000, price = 10;  // max fee 300,000; gas used 20,000
  Ledger l = make_ledger(balance);
  const u64 max_amount = balance - gas_limit * price;
  expect_refused(
      l, make_tx(who(0), {TxKind::kTransfer, kChain, 0, max_amount + 1, price, gas_limit, who(1).key, {}}),
      LedgerError::kInsufficientBalance);
  auto r = l.apply(
      make_tx(who(0), {TxKind::kTransfer, kChain, 0, max_amount, price, gas_limit, who(1).key, {}}), ctx(1));
  ASSERT_TRUE(r.ok()) << r.error().message;
  // Only the gas used is charged: the unused 10,000 gas comes back.
  EXPECT_EQ(l.account(who(0).key).balance, (gas_limit - kTransferGas) * price);
  // An account never funded has nothing to pay with.
  expect_refused(l, make_tx(who(5), {TxKind::kTransfer, kChain, 0, 0, 1, 0, who(1).key, {}}),
                 LedgerError::kInsufficientBalance);
}

TEST_F(LedgerTest, RefusesLowGasLimitsAndOverflows) {
  Ledger l = make_ledger();
  expect_refused(
      l,
      make_tx(who(0), {TxKind::kTransfer, kChain, 0, 1, 1, kTransferGas + 16 * 4 - 1, who(1).key, Bytes(4)}),
      LedgerError::kGasLimitTooLow);
  expect_refused(
      l, make_tx(who(0), {TxKind::kTransfer, kChain, 0, 1, u64{1} << 50, u64{1} << 20, who(1).key, {}}),
      LedgerError::kFeeOverflow);
  expect_refused(l, make_tx(who(0), {TxKind::kTransfer, kChain, 0, ~u64{0}, 1, 0, who(1).key, {}}),
                 LedgerError::kFeeOverflow);
  for (TxKind k : {TxKind::kStake, TxKind::kUnstake, TxKind::kWithdraw})
    expect_refused(l, make_tx(who(0), {k, kChain, 0, 0, 1, 0, {}, {}}), LedgerError::kZeroAmount);
}

TEST_F(LedgerTest, StakeEligibilityUnstakeAndWithdraw) {
  Ledger l = make_ledger();
  const AccountKey& p = who(0).key;
  auto tx = [&](TxKind k, u64 nonce, u64 amount) {
    return make_tx(who(0), {k, kChain, nonce, amount, 1, 0, {}, {}});
  };
  expect_refused(l, tx(TxKind::kStake, 0, kMinStake - 1), LedgerError::kBelowMinimumStake);
  expect_refused(l, tx(TxKind::kUnstake, 0, 1), LedgerError::kInsufficientStake);
  expect_refused(l, tx(TxKind::kWithdraw, 0, 1), LedgerError::kInsufficientPending);

  const u64 h = 20;
  ASSERT_TRUE(l.apply(tx(TxKind::kStake, 0, kMinStake), ctx(h)).ok());
  for (u64 height = h; height < h + kEpoch; ++height) {
    EXPECT_EQ(l.eligible_stake(p, height), 0u) << height;
    EXPECT_TRUE(l.provisioners(height).empty());
  }
  EXPECT_EQ(l.eligible_stake(p, h + kEpoch), kMinStake);
  ASSERT_EQ(l.provisioners(h + kEpoch).size(), 1u);
  EXPECT_EQ(l.provisioners(h + kEpoch)[0], (std::pair<AccountKey, u64>{p, kMinStake}));

  // Adding stake restarts the wait for the whole stake.
  ASSERT_TRUE(l.apply(tx(TxKind::kStake, 1, 500), ctx(h + kEpoch + 3)).ok());
  EXPECT_EQ(l.eligible_stake(p, h + kEpoch + 3), 0u);
  EXPECT_EQ(l.eligible_stake(p, h + 2 * kEpoch + 3), kMinStake + 500);

  // Unstaking may leave the minimum or nothing, never something in between.
  expect_refused(l, tx(TxKind::kUnstake, 2, 501), LedgerError::kBelowMinimumStake, 50);
  expect_refused(l, tx(TxKind::kUnstake, 2, kMinStake + 501), LedgerError::kInsufficientStake, 50);
  ASSERT_TRUE(l.apply(tx(TxKind::kUnstake, 2, 500), ctx(50)).ok());
  EXPECT_EQ(*l.stake(p), (Stake{kMinStake, h + 2 * kEpoch + 3, 500}));
  EXPECT_EQ(l.eligible_stake(p, 50), kMinStake);
  ASSERT_TRUE(l.apply(tx(TxKind::kUnstake, 3, kMinStake), ctx(51)).ok());
  EXPECT_EQ(l.eligible_stake(p, 51), 0u);
  EXPECT_TRUE(l.provisioners(1'000).empty());

  const u64 before = l.account(p).balance;
  expect_refused(l, tx(TxKind::kWithdraw, 4, kMinStake + 501), LedgerError::kInsufficientPending, 52);
  ASSERT_TRUE(l.apply(tx(TxKind::kWithdraw, 4, 100), ctx(52)).ok());
  EXPECT_EQ(l.account(p).balance, before + 100 - kWithdrawGas);
  ASSERT_TRUE(l.apply(tx(TxKind::kWithdraw, 5, kMinStake + 400), ctx(53)).ok());
  EXPECT_FALSE(l.stake(p).has_value());  // nothing staked, nothing pending: gone
  EXPECT_EQ(l.holdings(), l.total_supply());
}

// Random transactions of every kind, valid and not, from several senders: every refusal
// leaves the ledger as it was, every success keeps the holdings equal to the supply
// (fees only move to the generator), and the balances match a running account kept
// here from the receipts.
TEST_F(LedgerTest, RandomSequencesConserveSupply) {
  test::Rng rng(20261207);
  Ledger l = make_ledger(20'000'000);
  const u128 supply = l.total_supply();
  std::vector<u64> nonce(4, 0);
  size_t applied = 0, refused = 0;
  size_t applied_kind[5] = {};
  const TxKind kinds[] = {TxKind::kTransfer, TxKind::kTransfer, TxKind::kTransfer, TxKind::kStake,
                          TxKind::kStake,    TxKind::kUnstake,  TxKind::kWithdraw};
  for (int step = 0; step < 400; ++step) {
    const size_t s = rng.below(4);
    const TxKind kind = kinds[rng.below(7)];
    TxSpec spec{
        kind, kChain, nonce[s], 0, 1 + rng.below(5), 0, who(rng.below(6)).key, Bytes(rng.below(3) * 100)};
    const Stake st = l.stake(who(s).key).value_or(Stake{});
    switch (kind) {
      case TxKind::kTransfer: spec.amount = rng.below(rng.below(10) < 8 ? 200'000 : 30'000'000); break;
      case TxKind::kStake: spec.amount = kMinStake / 2 + rng.below(kMinStake); break;
      case TxKind::kUnstake: {
        const u64 choice[] = {st.value, st.value - std::min(st.value, kMinStake),
                              1 + rng.below(st.value + 1)};
        spec.amount = choice[rng.below(3)];
        break;
      }
      case TxKind::kWithdraw: spec.amount = 1 + rng.below(st.pending + st.pending / 4 + 1); break;
      case TxKind::kDeposit: break;  // not drawn here (its own test below)
    }
    if (rng.below(20) == 0) spec.nonce += 1 + rng.below(2);     // a gap
    if (rng.below(20) == 0 && spec.nonce > 0) spec.nonce -= 1;  // a replayed nonce
    if (rng.below(4) == 0) spec.gas_limit = 60'000 + rng.below(20'000);
    const Transaction tx = make_tx(who(s), spec);
    const Snapshot before = snapshot(l);
    const u64 generator_before = l.account(who(4).key).balance;
    const u64 height = 1 + static_cast<u64>(step);
    auto res = l.apply(tx, ctx(height));
    if (!res.ok()) {
      ++refused;
      ASSERT_TRUE(snapshot(l) == before) << res.error().message;
      continue;
    }
    ++applied;
    ++applied_kind[static_cast<size_t>(tx.kind)];
    ++nonce[s];
    EXPECT_EQ(res->fee, transaction_gas(tx) * tx.gas_price);
    if (tx.sender != who(4).key && tx.receiver != who(4).key) {
      EXPECT_EQ(l.account(who(4).key).balance, generator_before + res->fee);
    }
    ASSERT_EQ(l.holdings(), supply);
    ASSERT_EQ(l.total_supply(), supply);
  }
  // The sequence exercised both outcomes in earnest.
  EXPECT_GT(applied, 150u);
  EXPECT_GT(refused, 50u);
  for (size_t k = 1; k <= 4; ++k) EXPECT_GE(applied_kind[k], 5u) << "kind " << k;
}

TEST_F(LedgerTest, GenesisValidation) {
  const GenesisAccount a{who(0).key, 10};
  AccountKey garbage{};
  garbage[0] = 0x9f;
  EXPECT_EQ(Ledger::create(config(), std::vector<GenesisAccount>{a, a}, {}).error().code,
            LedgerError::kBadGenesis);
  EXPECT_EQ(Ledger::create(config(), std::vector<GenesisAccount>{{garbage, 1}}, {}).error().code,
            LedgerError::kBadPublicKey);
  EXPECT_EQ(Ledger::create(config(), {}, std::vector<GenesisStake>{{who(0).key, kMinStake - 1}}).error().code,
            LedgerError::kBelowMinimumStake);
  EXPECT_EQ(Ledger::create(config(), {}, std::vector<GenesisStake>{{who(0).key, 0}}).error().code,
            LedgerError::kZeroAmount);
  EXPECT_EQ(Ledger::create(config(), {},
                           std::vector<GenesisStake>{{who(0).key, kMinStake}, {who(0).key, kMinStake}})
                .error()
                .code,
            LedgerError::kBadGenesis);
  // The emission schedule counts toward the bound: 2^64 - 1 minus the whole emission fits,
  // one more LUX does not.
  const u64 room = ~u64{0} - config().emission.total();
  EXPECT_TRUE(Ledger::create(config(), std::vector<GenesisAccount>{{who(0).key, room}}, {}).ok());
  EXPECT_EQ(Ledger::create(config(), std::vector<GenesisAccount>{{who(0).key, room}, {who(1).key, 1}}, {})
                .error()
                .code,
            LedgerError::kSupplyOverflow);
  LedgerConfig c = config();
  c.generator_share_bps = kBasisPoints + 1;
  EXPECT_EQ(Ledger::create(c, {}, {}).error().code, LedgerError::kBadGenesis);
  c = config();
  c.epoch_length = 0;
  EXPECT_EQ(Ledger::create(c, {}, {}).error().code, LedgerError::kBadGenesis);

  auto l = Ledger::create(config(), std::vector<GenesisAccount>{a},
                          std::vector<GenesisStake>{{who(1).key, kMinStake}});
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->eligible_stake(who(1).key, 0), kMinStake);  // genesis stakes count at once
  EXPECT_EQ(l->total_supply(), 10 + kMinStake);
}

TEST_F(LedgerTest, EmissionSchedule) {
  EXPECT_EQ(EmissionSchedule::create({{0, 5}}).error().code, LedgerError::kBadGenesis);
  EXPECT_EQ(EmissionSchedule::create({{~u64{0}, 2}}).error().code, LedgerError::kSupplyOverflow);
  const auto s = *EmissionSchedule::create({{3, 100}, {2, 7}});
  const u64 expected[] = {0, 100, 100, 100, 7, 7, 0, 0};
  u64 total = 0;
  for (u64 h = 0; h < 8; ++h) {
    EXPECT_EQ(s.reward_at(h), expected[h]) << h;
    total += s.reward_at(h);
  }
  EXPECT_EQ(total, s.total());
  EXPECT_EQ(s.reward_at(~u64{0}), 0u);
  const auto d = EmissionSchedule::dusk_like();
  EXPECT_EQ(d.periods().size(), 9u);
  EXPECT_EQ(d.reward_at(1), d.periods()[0].reward_per_block);
  EXPECT_EQ(d.reward_at(12'614'401), d.periods()[0].reward_per_block / 2);
}

TEST_F(LedgerTest, RewardsSplitBetweenGeneratorAndVoters) {
  Ledger l = make_ledger();
  const u128 supply = l.total_supply();
  // Height 1 emits 1,000: voters get 30% = 300, split three ways (one voter listed twice).
  BlockContext c{1, who(4).key, {who(0).key, who(1).key, who(0).key}};
  const u64 b0 = l.account(who(0).key).balance, b1 = l.account(who(1).key).balance;
  auto r = l.reward_block(c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->emitted, 1'000u);
  EXPECT_EQ(r->voter_reward, 100u);
  EXPECT_EQ(r->generator_reward, 700u);
  EXPECT_EQ(l.account(who(0).key).balance, b0 + 200);
  EXPECT_EQ(l.account(who(1).key).balance, b1 + 100);
  EXPECT_EQ(l.account(who(4).key).balance, 700u);
  // Height 6 emits 333: voters' part 99 (rounded down) in 2 shares of 49, remainder to
  // the generator: 333 - 98 = 235.
  r = l.reward_block({6, who(4).key, {who(2).key, who(3).key}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->voter_reward, 49u);
  EXPECT_EQ(r->generator_reward, 235u);
  // No voters: everything to the generator.
  r = l.reward_block({7, who(4).key, {}});
  EXPECT_EQ(r->generator_reward, 333u);
  EXPECT_EQ(l.emitted(), 1'000u + 333 + 333);
  EXPECT_EQ(l.total_supply(), supply + l.emitted());
  EXPECT_EQ(l.holdings(), l.total_supply());
  // Beyond the schedule nothing is emitted.
  EXPECT_EQ(l.reward_block({11, who(4).key, {who(0).key}})->emitted, 0u);
}

}  // namespace
}  // namespace dusk::ds

namespace dusk::ds {
namespace {

// The bridge, DuskDS side: a deposit leaves the sender's balance for bridged(), a
// withdrawal credit goes back; holdings + bridged stays the supply throughout.
TEST_F(LedgerTest, DepositsAndWithdrawalCreditsConserveSupply) {
  std::vector<GenesisAccount> accounts{{who(0).key, 10'000'000}};
  auto made = Ledger::create(config(), accounts, {}, 5'000);
  ASSERT_TRUE(made.ok()) << made.error().message;
  Ledger l = std::move(made).value();
  EXPECT_EQ(l.bridged(), 5'000u);
  EXPECT_EQ(l.total_supply(), 10'005'000u);
  l.take_touched();

  Transaction tx = test::make_deposit(who(0), kChain, 0, 70'000, 2, kDepositLaneEvm, Bytes(20, 0xab));
  auto r = l.apply(tx, ctx(1));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->gas_used, kDepositGas);
  EXPECT_EQ(l.account(who(0).key).balance, 10'000'000 - 70'000 - kDepositGas * 2);
  EXPECT_EQ(l.bridged(), 75'000u);
  EXPECT_EQ(l.holdings() + l.bridged(), l.total_supply());
  EXPECT_EQ(l.take_touched(), (std::set<AccountKey>{who(0).key, who(4).key}));

  // Round trip through the codec keeps the deposit's fields.
  auto back = decode_transaction(encode_transaction(tx));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, tx);

  ASSERT_TRUE(l.credit_withdrawal(who(1).key, 75'000).ok());
  EXPECT_EQ(l.bridged(), 0u);
  EXPECT_EQ(l.account(who(1).key).balance, 75'000u);
  EXPECT_EQ(l.holdings() + l.bridged(), l.total_supply());
  auto over = l.credit_withdrawal(who(1).key, 1);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, LedgerError::kBridgeUnderflow);

  // A zero deposit and an over-balance deposit are refused and change nothing.
  expect_refused(l, test::make_deposit(who(0), kChain, 1, 0, 2, kDepositLaneEvm, Bytes(20, 1)),
                 LedgerError::kZeroAmount);
  expect_refused(l, test::make_deposit(who(0), kChain, 1, 20'000'000, 2, kDepositLaneEvm, Bytes(20, 1)),
                 LedgerError::kInsufficientBalance);

  // What a node records restores to the same ledger; records that do not add up do not.
  auto restored = Ledger::restore(config(), l.accounts(), l.stakes(), l.totals());
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(restored->accounts(), l.accounts());
  EXPECT_EQ(restored->bridged(), l.bridged());
  Ledger::Totals wrong = l.totals();
  wrong.bridged += 1;
  EXPECT_FALSE(Ledger::restore(config(), l.accounts(), l.stakes(), wrong).ok());
}

TEST_F(LedgerTest, DepositTargetsAreCheckedWhenDecoding) {
  auto deposit = [&](u8 lane, size_t target_size) {
    return encode_transaction(test::make_deposit(who(0), kChain, 0, 1'000, 1, lane, Bytes(target_size, 1)));
  };
  Bytes good = deposit(kDepositLaneVm, 32);
  EXPECT_EQ(good.size(), 220u);
  EXPECT_TRUE(decode_transaction(good).ok());
  auto bad = decode_transaction(deposit(kDepositLaneVm, 20));  // an EVM-sized address for DuskVM
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, LedgerError::kBadDeposit);
  bad = decode_transaction(deposit(3, 32));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, LedgerError::kBadDeposit);
  Bytes evm = deposit(kDepositLaneEvm, 20);
  EXPECT_EQ(evm.size(), 208u);
  evm.pop_back();
  bad = decode_transaction(evm);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, LedgerError::kTruncated);
}

}  // namespace
}  // namespace dusk::ds
