// The Moonlight mempool (duskds/mempool.hpp): entry validation, fee ordering with nonce
// ordering, replacement, eviction, age, batch signature checks, and a random-sequence
// comparison against a plain model that recomputes everything by brute force.
#include "duskds/mempool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "ds_test_util.hpp"
#include "duskds/sender_state.hpp"

namespace dusk::ds {
namespace {

using test::make_tx;
using test::Signer;
using test::TxSpec;

constexpr u64 kChain = 7;

class MempoolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    signers_ = new std::vector<Signer>();
    for (u32 i = 0; i < 6; ++i) signers_->push_back(test::signer(300 + i));
  }
  static void TearDownTestSuite() { delete signers_; }
  static const Signer& who(size_t i) { return (*signers_)[i]; }

  // Senders 0..4 funded with `balance` and 5,000 staked; signer 5 is the block generator.
  static Ledger make_ledger(u64 balance) {
    LedgerConfig c;
    c.chain_id = kChain;
    c.minimum_stake = 1'000;
    std::vector<GenesisAccount> accounts;
    std::vector<GenesisStake> stakes;  // so that unstakes have something to take
    for (size_t i = 0; i < 5; ++i) {
      accounts.push_back({who(i).key, balance});
      stakes.push_back({who(i).key, 5'000});
    }
    return std::move(Ledger::create(c, accounts, stakes)).value();
  }
  static MempoolConfig config(size_t max = 100) {
    MempoolConfig c;
    c.max_transactions = max;
    c.max_age = 40;
    c.max_nonce_gap = 3;
    c.rng = test::seeded_source(5);
    return c;
  }
  static Transaction transfer(size_t from, u64 nonce, u64 price, u64 amount = 1) {
    return make_tx(who(from), {TxKind::kTransfer, kChain, nonce, amount, price, 0, who(5).key, {}});
  }
  static MempoolResult<Hash256> add(Mempool& m, const Transaction& tx, const Ledger& l, u64 now = 0) {
    return m.add(encode_transaction(tx), l, now);
  }
  static std::vector<std::pair<size_t, u64>> order(const std::vector<Transaction>& txs) {
    std::vector<std::pair<size_t, u64>> out;
    for (const auto& t : txs)
      for (size_t i = 0; i < 6; ++i)
        if (t.sender == who(i).key) out.emplace_back(i, t.nonce);
    return out;
  }

  static inline std::vector<Signer>* signers_ = nullptr;
};

TEST_F(MempoolTest, SelectsByFeeKeepingEachSendersNonceOrder) {
  Ledger l = make_ledger(1'000'000'000);
  Mempool m(config());
  ASSERT_TRUE(add(m, transfer(0, 1, 50), l).ok());  // waits for nonce 0
  ASSERT_TRUE(add(m, transfer(0, 0, 2), l).ok());
  ASSERT_TRUE(add(m, transfer(1, 0, 10), l).ok());
  ASSERT_TRUE(add(m, transfer(2, 0, 10), l).ok());  // same price as sender 1, later
  ASSERT_TRUE(add(m, transfer(3, 2, 99), l).ok());  // gap: never selected
  EXPECT_EQ(m.size(), 5u);
  const std::vector<std::pair<size_t, u64>> expected = {{1, 0}, {2, 0}, {0, 0}, {0, 1}};
  EXPECT_EQ(order(m.select(10, l)), expected);
  EXPECT_EQ(order(m.select(2, l)), (std::vector<std::pair<size_t, u64>>{{1, 0}, {2, 0}}));
}

TEST_F(MempoolTest, SelectionStopsWhereTheBalanceEnds) {
  const u64 fee = kTransferGas * 10;
  Ledger l = make_ledger(3 * fee + 5);
  Mempool m(config());
  // Each costs fee + 1 up front: three fit the entry check only while the pool holds less.
  ASSERT_TRUE(add(m, transfer(0, 0, 10), l).ok());
  ASSERT_TRUE(add(m, transfer(0, 1, 10), l).ok());
  ASSERT_TRUE(add(m, transfer(0, 2, 10), l).ok());
  EXPECT_EQ(add(m, transfer(0, 3, 10), l).error().code, MempoolError::kInsufficientBalance);
  EXPECT_EQ(m.select(10, l).size(), 3u);
}

TEST_F(MempoolTest, ReplacementNeedsATenPercentRaise) {
  Ledger l = make_ledger(1'000'000'000);
  Mempool m(config());
  const Transaction original = transfer(0, 0, 100);
  ASSERT_TRUE(add(m, original, l).ok());
  EXPECT_EQ(add(m, original, l).error().code, MempoolError::kAlreadyKnown);
  EXPECT_EQ(add(m, transfer(0, 0, 109, 2), l).error().code, MempoolError::kUnderpriced);
  EXPECT_EQ(m.find(who(0).key, 0)->gas_price, 100u);
  auto r = add(m, transfer(0, 0, 110, 3), l);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.find(who(0).key, 0)->gas_price, 110u);
  EXPECT_FALSE(m.contains(transaction_id(original)));
  EXPECT_TRUE(m.contains(*r));
  // At price 1, 10% rounds to nothing: a strict raise is still required.
  ASSERT_TRUE(add(m, transfer(1, 0, 1), l).ok());
  EXPECT_EQ(add(m, transfer(1, 0, 1, 9), l).error().code, MempoolError::kUnderpriced);
  EXPECT_TRUE(add(m, transfer(1, 0, 2), l).ok());
}

TEST_F(MempoolTest, EvictsTheLowestTailWhenFull) {
  Ledger l = make_ledger(1'000'000'000);
  Mempool m(config(3));
  ASSERT_TRUE(add(m, transfer(0, 0, 5), l).ok());
  ASSERT_TRUE(add(m, transfer(0, 1, 30), l).ok());  // the tail of sender 0 is priced 30
  ASSERT_TRUE(add(m, transfer(1, 0, 20), l).ok());
  // Full. Sender 0's cheap nonce 0 is not a tail, so the lowest tail is sender 1's 20.
  EXPECT_EQ(add(m, transfer(2, 0, 20), l).error().code, MempoolError::kPoolFull);  // no raise
  ASSERT_TRUE(add(m, transfer(2, 0, 21), l).ok());
  EXPECT_FALSE(m.find(who(1).key, 0).has_value());
  EXPECT_EQ(m.size(), 3u);
  // The lowest tail is now sender 2's 21; sender 2 cannot evict itself.
  EXPECT_EQ(add(m, transfer(2, 1, 1'000), l).error().code, MempoolError::kPoolFull);
  // Replacements need no room.
  EXPECT_TRUE(add(m, transfer(0, 0, 6), l).ok());
}

TEST_F(MempoolTest, RefusesOnEntry) {
  Ledger l = make_ledger(1'000'000);
  MempoolConfig c = config();
  c.max_transaction_bytes = 300;
  c.min_gas_price = 2;
  Mempool m(c);
  auto code = [&](const Transaction& tx) { return add(m, tx, l).error().code; };
  EXPECT_EQ(code(make_tx(who(0), {TxKind::kTransfer, kChain, 0, 1, 2, 0, who(1).key, Bytes(17)})),
            MempoolError::kTooLarge);
  EXPECT_EQ(code(make_tx(who(0), {TxKind::kTransfer, kChain + 1, 0, 1, 2, 0, who(1).key, {}})),
            MempoolError::kWrongChainId);
  EXPECT_EQ(code(transfer(0, 0, 1)), MempoolError::kGasPriceTooLow);
  EXPECT_EQ(code(transfer(0, 4, 2)), MempoolError::kNonceTooFarAhead);
  EXPECT_EQ(code(transfer(0, 0, 2, 1'000'000)), MempoolError::kInsufficientBalance);
  EXPECT_EQ(code(make_tx(who(0), {TxKind::kStake, kChain, 0, 0, 2, 0, {}, {}})), MempoolError::kZeroAmount);
  Transaction forged = transfer(0, 0, 2);
  forged.amount = 2;
  EXPECT_EQ(code(forged), MempoolError::kInvalidSignature);
  Bytes junk = encode_transaction(transfer(0, 0, 2));
  junk.push_back(0);
  EXPECT_EQ(m.add(junk, l, 0).error().code, MempoolError::kTrailingBytes);
  EXPECT_EQ(m.size(), 0u);
  // A nonce the ledger has passed.
  ASSERT_TRUE(l.apply(transfer(0, 0, 2), {1, who(5).key, {}}).ok());
  EXPECT_EQ(code(transfer(0, 0, 3)), MempoolError::kNonceTooLow);
}

TEST_F(MempoolTest, TheSendersStateDecidesWhenEveryEarlierNonceIsPooled) {
  Ledger l = make_ledger(1'000'000'000);  // 5,000 staked by each sender, minimum 1,000
  Mempool m(config());
  auto tx = [&](TxKind k, u64 nonce, u64 amount) {
    return make_tx(who(0), {k, kChain, nonce, amount, 2, 0, {}, {}});
  };
  EXPECT_EQ(add(m, tx(TxKind::kUnstake, 0, 5'001), l).error().code, MempoolError::kInsufficientStake);
  EXPECT_EQ(add(m, tx(TxKind::kUnstake, 0, 4'500), l).error().code, MempoolError::kBelowMinimumStake);
  EXPECT_EQ(add(m, tx(TxKind::kWithdraw, 0, 1), l).error().code, MempoolError::kInsufficientPending);
  // After a pooled unstake of 4,000, a withdraw of up to 4,000 can run, and no more.
  ASSERT_TRUE(add(m, tx(TxKind::kUnstake, 0, 4'000), l).ok());
  EXPECT_EQ(add(m, tx(TxKind::kWithdraw, 1, 4'001), l).error().code, MempoolError::kInsufficientPending);
  ASSERT_TRUE(add(m, tx(TxKind::kWithdraw, 1, 4'000), l).ok());
  // Behind a gap nothing is known yet: held, and checked once the gap fills (prune).
  ASSERT_TRUE(add(m, tx(TxKind::kWithdraw, 3, 1), l).ok());
  const auto chosen = m.select(10, l);
  ASSERT_EQ(chosen.size(), 2u);
  for (const auto& t : chosen) ASSERT_TRUE(l.apply(t, {1, who(5).key, {}}).ok());
  EXPECT_EQ(l.stake(who(0).key)->value, 1'000u);
  EXPECT_EQ(l.stake(who(0).key)->pending, 0u);
}

TEST_F(MempoolTest, BatchAdmitsTheGoodAndNamesTheBad) {
  Ledger l = make_ledger(1'000'000'000);
  Mempool m(config());
  std::vector<Bytes> enc;
  for (size_t i = 0; i < 5; ++i) enc.push_back(encode_transaction(transfer(i, 0, 3 + i)));
  Transaction bad = transfer(1, 1, 3);
  bad.gas_price = 4;  // the signature covered 3
  enc.insert(enc.begin() + 2, encode_transaction(bad));
  std::vector<ByteView> views(enc.begin(), enc.end());
  auto r = m.add_batch(views, l, 0);
  ASSERT_EQ(r.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    if (i == 2) {
      EXPECT_EQ(r[i].error().code, MempoolError::kInvalidSignature);
    } else {
      EXPECT_TRUE(r[i].ok()) << i << ": " << r[i].error().message;
    }
  }
  EXPECT_EQ(m.size(), 5u);
  EXPECT_FALSE(m.find(who(1).key, 1).has_value());
}

TEST_F(MempoolTest, PruneDropsOldIncludedAndUnaffordable) {
  Ledger l = make_ledger(1'000'000'000);
  Mempool m(config());
  ASSERT_TRUE(add(m, transfer(0, 0, 5), l, 0).ok());
  ASSERT_TRUE(add(m, transfer(0, 1, 5), l, 10).ok());
  ASSERT_TRUE(add(m, transfer(1, 0, 5), l, 5).ok());
  ASSERT_TRUE(add(m, transfer(1, 1, 5), l, 30).ok());
  m.prune(l, 39);
  EXPECT_EQ(m.size(), 4u);
  // At 40, sender 0's nonce 0 is 40 old: it goes, and nonce 1 with it (it would be stuck).
  m.prune(l, 40);
  EXPECT_EQ(m.size(), 2u);
  EXPECT_FALSE(m.find(who(0).key, 1).has_value());
  // Sender 1's nonce 0 goes into a block: prune drops it as included.
  ASSERT_TRUE(l.apply(transfer(1, 0, 5), {1, who(5).key, {}}).ok());
  m.prune(l, 41);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_TRUE(m.find(who(1).key, 1).has_value());
}

// ---- model -------------------------------------------------------------------------

struct ModelEntry {
  Transaction tx;
  Hash256 id;
  u64 added;
  u64 seq;
  u128 cost;
};

SenderState state_of(const Ledger& l, const AccountKey& k) {
  return {l.account(k), l.stake(k).value_or(Stake{})};
}

// The pool's rules, written the slow obvious way over a flat list.
struct Model {
  MempoolConfig cfg;
  std::vector<ModelEntry> entries;
  u64 seq = 0;
  size_t evictions = 0;
  size_t replacements = 0;

  bool known(const Hash256& id) const {
    return std::any_of(entries.begin(), entries.end(), [&](const ModelEntry& e) { return e.id == id; });
  }
  // The outcome of the checks before the signature (nullopt: passes them).
  // What the pool checks before signatures (Mempool::check_batch) ...
  std::optional<MempoolError> precheck(const Transaction& tx) const {
    if (tx.gas_price < cfg.min_gas_price) return MempoolError::kGasPriceTooLow;
    return std::nullopt;
  }
  // ... and after them, in order, against the ledger (Mempool::admit).
  std::optional<MempoolError> window(const Transaction& tx, const Ledger& l) const {
    const u64 an = l.account(tx.sender).nonce;
    if (tx.nonce < an) return MempoolError::kNonceTooLow;
    if (tx.nonce > an + cfg.max_nonce_gap) return MempoolError::kNonceTooFarAhead;
    return std::nullopt;
  }
  std::optional<MempoolError> insert(const Transaction& tx, const Ledger& l, u64 now) {
    const Hash256 id = transaction_id(tx);
    if (known(id)) return MempoolError::kAlreadyKnown;
    const ModelEntry* same = nullptr;
    u128 others = 0;
    for (const auto& e : entries) {
      if (e.tx.sender != tx.sender) continue;
      if (e.tx.nonce == tx.nonce)
        same = &e;
      else
        others += e.cost;
    }
    if (same && (tx.gas_price <= same->tx.gas_price ||
                 u128{tx.gas_price} * 100 < u128{same->tx.gas_price} * (100 + cfg.replacement_bump_percent)))
      return MempoolError::kUnderpriced;
    // The sender's state after each earlier nonce, when all of them are pooled.
    SenderState sim = state_of(l, tx.sender);
    bool run = true;
    for (u64 n = sim.account.nonce; run && n < tx.nonce; ++n) {
      const ModelEntry* prev = nullptr;
      for (const auto& e : entries)
        if (e.tx.sender == tx.sender && e.tx.nonce == n) prev = &e;
      run = prev && sim.check(prev->tx, l.config()).ok();
      if (run) sim.apply(prev->tx, 0, l.config());
    }
    if (run) {
      if (auto st = sim.check(tx, l.config()); !st.ok()) return static_cast<MempoolError>(st.error().code);
    }
    if (others + up_front_cost(tx) > l.account(tx.sender).balance) return MempoolError::kInsufficientBalance;
    if (!same && entries.size() >= cfg.max_transactions) {
      // Tails: entries with no higher nonce from the same sender.
      const ModelEntry* victim = nullptr;
      for (const auto& e : entries) {
        bool tail = true;
        for (const auto& f : entries)
          if (f.tx.sender == e.tx.sender && f.tx.nonce > e.tx.nonce) tail = false;
        if (!tail) continue;
        if (!victim || e.tx.gas_price < victim->tx.gas_price ||
            (e.tx.gas_price == victim->tx.gas_price && e.seq > victim->seq))
          victim = &e;
      }
      if (victim->tx.sender == tx.sender || tx.gas_price <= victim->tx.gas_price)
        return MempoolError::kPoolFull;
      entries.erase(entries.begin() + (victim - entries.data()));
      ++evictions;
    }
    if (same) {
      entries.erase(entries.begin() + (same - entries.data()));
      ++replacements;
    }
    entries.push_back({tx, id, now, seq++, up_front_cost(tx)});
    return std::nullopt;
  }
  std::vector<Hash256> select(size_t max, const Ledger& l) const {
    std::vector<Hash256> out;
    std::map<AccountKey, SenderState> state;
    for (const auto& e : entries) state[e.tx.sender] = state_of(l, e.tx.sender);
    while (out.size() < max) {
      const ModelEntry* best = nullptr;
      for (const auto& e : entries) {
        const SenderState& st = state[e.tx.sender];
        if (e.tx.nonce != st.account.nonce || !st.check(e.tx, l.config()).ok()) continue;
        if (!best || e.tx.gas_price > best->tx.gas_price ||
            (e.tx.gas_price == best->tx.gas_price && e.seq < best->seq))
          best = &e;
      }
      if (!best) break;
      out.push_back(best->id);
      state[best->tx.sender].apply(best->tx, 0, l.config());
    }
    return out;
  }
  void prune(const Ledger& l, u64 now) {
    std::vector<ModelEntry> kept;
    std::map<AccountKey, std::vector<ModelEntry>> by_sender;
    for (const auto& e : entries) by_sender[e.tx.sender].push_back(e);
    for (auto& [sender, list] : by_sender) {
      std::sort(list.begin(), list.end(),
                [](const auto& a, const auto& b) { return a.tx.nonce < b.tx.nonce; });
      SenderState sim = state_of(l, sender);
      const Account acc = sim.account;
      bool cut = false;
      u128 spent = 0;
      for (const auto& e : list) {
        if (e.tx.nonce < acc.nonce) continue;
        spent += e.cost;
        if (now - e.added >= cfg.max_age || spent > acc.balance) cut = true;
        if (!cut && e.tx.nonce == sim.account.nonce) {
          if (sim.check(e.tx, l.config()).ok())
            sim.apply(e.tx, 0, l.config());
          else
            cut = true;
        }
        if (!cut) kept.push_back(e);
      }
    }
    entries = std::move(kept);
  }
  std::vector<Hash256> ids() const {
    std::vector<Hash256> out;
    for (const auto& e : entries) out.push_back(e.id);
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::vector<Hash256> ids_of(const std::vector<Transaction>& txs) {
  std::vector<Hash256> out;
  for (const auto& t : txs) out.push_back(transaction_id(t));
  return out;
}

TEST_F(MempoolTest, AgreesWithAModelOverRandomSequences) {
  std::set<MempoolError> codes;
  size_t evictions = 0, replacements = 0;
  size_t included[5] = {};
  for (u64 seed : {1u, 2u, 3u}) {
    test::Rng rng(seed * 7919);
    Ledger l = make_ledger(20'000'000);
    MempoolConfig c = config(8);
    c.min_gas_price = 2;
    Mempool pool(c);
    Model model{c, {}, 0};
    std::vector<Transaction> seen;  // for resubmissions
    u64 now = 0, height = 1;
    size_t admitted = 0, refused = 0;
    for (int step = 0; step < 250; ++step) {
      now += rng.below(3);
      const u64 op = rng.below(20);
      if (op < 13) {
        // A batch of 1..3 transactions, some resubmitted, some forged.
        std::vector<Transaction> batch;
        const size_t n = 1 + rng.below(3);
        for (size_t k = 0; k < n; ++k) {
          if (!seen.empty() && rng.below(8) == 0) {
            batch.push_back(seen[rng.below(seen.size())]);
            continue;
          }
          const size_t s = rng.below(5);
          const u64 base = l.account(who(s).key).nonce;
          const u64 nonce = base + rng.below(5) - (base > 0 && rng.below(10) == 0 ? 1 : 0);
          const u64 price = 1 + rng.below(30);
          u64 kind = rng.below(10);
          if (l.stake(who(s).key).value_or(Stake{}).pending != 0 && rng.below(3) == 0) kind = 9;  // withdraw
          Transaction tx;
          if (kind < 5) {
            tx = transfer(s, nonce, price, rng.below(4) == 0 ? 10'000'000 : rng.below(1000));
          } else {
            // Stakes around the minimum (1,000), unstakes and withdraws that may ask too
            // much: select must still offer only what applies.
            const TxKind k = kind < 7 ? TxKind::kStake : kind < 8 ? TxKind::kUnstake : TxKind::kWithdraw;
            const u64 gas_limit = rng.below(2) == 0 ? 0 : 60'000 + rng.below(10'000);
            const Stake st = l.stake(who(s).key).value_or(Stake{});
            u64 amount = 1 + rng.below(2'000);
            if (k == TxKind::kUnstake && st.value != 0 && rng.below(4) != 0)
              amount = st.value > 1'000 && rng.below(2) == 0 ? st.value - 1'000 : st.value;
            if (k == TxKind::kWithdraw && st.pending != 0 && rng.below(4) != 0)
              amount = 1 + rng.below(st.pending);
            tx = make_tx(who(s), {k, kChain, nonce, amount, price, gas_limit, {}, {}});
          }
          if (rng.below(12) == 0) tx.amount += 1;  // forged: the signature no longer matches
          seen.push_back(tx);
          batch.push_back(tx);
        }
        std::vector<Bytes> enc;
        for (const auto& t : batch) enc.push_back(encode_transaction(t));
        std::vector<ByteView> views(enc.begin(), enc.end());
        auto got = pool.add_batch(views, l, now);
        // The model: prechecks, then signatures, then in order the nonce window and the
        // insertion (duplicates included).
        std::vector<std::optional<MempoolError>> expected(batch.size());
        for (size_t k = 0; k < batch.size(); ++k) expected[k] = model.precheck(batch[k]);
        for (size_t k = 0; k < batch.size(); ++k) {
          if (expected[k]) continue;
          if (!verify_transaction_signature(batch[k]).ok())
            expected[k] = MempoolError::kInvalidSignature;
          else if (auto w = model.window(batch[k], l))
            expected[k] = w;
          else
            expected[k] = model.insert(batch[k], l, now);
        }
        for (size_t k = 0; k < batch.size(); ++k) {
          ASSERT_EQ(got[k].ok(), !expected[k].has_value())
              << "seed " << seed << " step " << step << ": " << (got[k].ok() ? "" : got[k].error().message);
          if (!got[k].ok()) {
            ++refused;
            ASSERT_EQ(got[k].error().code, *expected[k]) << got[k].error().message;
            codes.insert(*expected[k]);
          } else {
            ++admitted;
          }
        }
      } else if (op < 18) {
        // A block: what select offers is applied, then both prune.
        const size_t max = 1 + rng.below(4);
        const auto chosen = pool.select(max, l);
        ASSERT_EQ(ids_of(chosen), model.select(max, l)) << "seed " << seed << " step " << step;
        for (const auto& t : chosen) {
          ++included[static_cast<size_t>(t.kind)];
          auto r = l.apply(t, {height, who(5).key, {}});
          ASSERT_TRUE(r.ok()) << "select offered a transaction the ledger refuses: " << r.error().message;
        }
        ++height;
        pool.prune(l, now);
        model.prune(l, now);
      } else {
        pool.prune(l, now);
        model.prune(l, now);
      }
      ASSERT_EQ(pool.size(), model.entries.size()) << "seed " << seed << " step " << step;
      for (const auto& e : model.entries)
        ASSERT_TRUE(pool.contains(e.id)) << "seed " << seed << " step " << step;
      ASSERT_EQ(ids_of(pool.select(100, l)), model.select(100, l)) << "seed " << seed << " step " << step;
    }
    EXPECT_GT(admitted, 50u) << seed;
    EXPECT_GT(refused, 50u) << seed;
    evictions += model.evictions;
    replacements += model.replacements;
  }
  // The sequences reached every rule, not only the easy ones.
  for (MempoolError e :
       {MempoolError::kGasPriceTooLow, MempoolError::kNonceTooLow, MempoolError::kNonceTooFarAhead,
        MempoolError::kAlreadyKnown, MempoolError::kInvalidSignature, MempoolError::kUnderpriced,
        MempoolError::kInsufficientBalance, MempoolError::kPoolFull})
    EXPECT_TRUE(codes.count(e)) << "never refused with code " << static_cast<int>(e);
  for (size_t k = 1; k <= 4; ++k) EXPECT_GE(included[k], 2u) << "kind " << k << " never included";
  EXPECT_GT(evictions, 5u);
  EXPECT_GT(replacements, 5u);
}

}  // namespace
}  // namespace dusk::ds
