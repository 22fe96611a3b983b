#include "duskds/mempool.hpp"

#include <set>
#include <string>
#include <tuple>

#include "duskds/sender_state.hpp"
#include "duskds/signature_batch.hpp"

namespace dusk::ds {

namespace {


}  // namespace

Mempool::CheckedBatch Mempool::check_batch(std::span<const ByteView> encoded, const LedgerConfig& ledger) const {
  CheckedBatch batch;
  batch.results.reserve(encoded.size());
  batch.candidates.resize(encoded.size());
  // Cheap checks first: size, decoding, the ledger's stateless rules, price.
  for (size_t i = 0; i < encoded.size(); ++i) {
    auto refuse = [&](MempoolFailure f) { batch.results.emplace_back(std::move(f)); };
    if (encoded[i].size() > config_.max_transaction_bytes) {
      refuse(mempool_error(MempoolError::kTooLarge, "transaction of " + std::to_string(encoded[i].size()) +
                                                        " bytes, at most " +
                                                        std::to_string(config_.max_transaction_bytes)));
      continue;
    }
    auto decoded = decode_checked_transaction(encoded[i], keys_.get());
    if (!decoded.ok()) {
      refuse(decoded.take_error());
      continue;
    }
    const Transaction* tx = &decoded->tx;
    if (auto s = check_stateless(*tx, ledger); !s.ok()) {
      refuse(s.take_error());
      continue;
    }
    if (tx->gas_price < config_.min_gas_price) {
      refuse(mempool_error(MempoolError::kGasPriceTooLow, "gas price " + std::to_string(tx->gas_price) +
                                                              " below the minimum " +
                                                              std::to_string(config_.min_gas_price)));
      continue;
    }
    Hash256 id = transaction_id(*tx);
    batch.candidates[i].emplace(Candidate{std::move(decoded).value(), id});
    batch.results.emplace_back(id);  // provisional: replaced if the signature or the pool refuses
  }

  // Signatures of every survivor in one batch, from the points decoding produced.
  std::vector<SignatureCheck> checks;
  std::vector<size_t> index;
  for (size_t i = 0; i < batch.candidates.size(); ++i) {
    if (!batch.candidates[i]) continue;
    checks.push_back(batch.candidates[i]->decoded.check);
    index.push_back(i);
  }
  auto verdicts = verify_signature_checks(checks, config_.batch_security, config_.rng);
  for (size_t k = 0; k < index.size(); ++k) {
    const size_t i = index[k];
    if (verdicts[k].ok()) continue;
    batch.results[i] = MempoolFailure(verdicts[k].take_error());
    batch.candidates[i].reset();
  }
  return batch;
}

std::vector<MempoolResult<Hash256>> Mempool::admit(CheckedBatch batch, const Ledger& ledger, u64 now) {
  std::vector<MempoolResult<Hash256>> out = std::move(batch.results);
  for (size_t i = 0; i < batch.candidates.size(); ++i) {
    if (!batch.candidates[i]) continue;
    Candidate& c = *batch.candidates[i];
    const Transaction& tx = c.decoded.tx;
    const u64 account_nonce = ledger.account(tx.sender).nonce;
    if (tx.nonce < account_nonce) {
      out[i] = ledger_error(LedgerError::kNonceTooLow, "nonce " + std::to_string(tx.nonce) +
                                                           " already used, the account is at " +
                                                           std::to_string(account_nonce));
      continue;
    }
    if (tx.nonce - account_nonce > config_.max_nonce_gap) {
      out[i] = mempool_error(MempoolError::kNonceTooFarAhead, "nonce " + std::to_string(tx.nonce) + " more than " +
                                                                  std::to_string(config_.max_nonce_gap) +
                                                                  " above the account's " +
                                                                  std::to_string(account_nonce));
      continue;
    }
    out[i] = insert(std::move(c.decoded.tx), c.id, ledger, now);
  }
  return out;
}

std::vector<MempoolResult<Hash256>> Mempool::add_batch(std::span<const ByteView> encoded, const Ledger& ledger,
                                                       u64 now) {
  return admit(check_batch(encoded, ledger.config()), ledger, now);
}

MempoolResult<Hash256> Mempool::add(ByteView encoded, const Ledger& ledger, u64 now) {
  auto r = add_batch(std::span<const ByteView>(&encoded, 1), ledger, now);
  return std::move(r.front());
}

MempoolResult<Hash256> Mempool::insert(Transaction tx, const Hash256& id, const Ledger& ledger, u64 now) {
  if (contains(id))  // an earlier copy in the same batch
    return mempool_error(MempoolError::kAlreadyKnown, "transaction " + to_hex(id) + " is already pooled");
  const Account account = ledger.account(tx.sender);
  auto sit = senders_.find(tx.sender);
  const Entry* replaced = nullptr;
  u128 pooled_cost = 0;
  if (sit != senders_.end()) {
    for (const auto& [nonce, e] : sit->second) {
      if (nonce == tx.nonce)
        replaced = &e;
      else
        pooled_cost += e.cost;
    }
  }
  if (replaced) {
    const u128 needed = static_cast<u128>(replaced->tx.gas_price) * (100 + config_.replacement_bump_percent);
    if (tx.gas_price <= replaced->tx.gas_price || static_cast<u128>(tx.gas_price) * 100 < needed)
      return mempool_error(MempoolError::kUnderpriced,
                           "replacing nonce " + std::to_string(tx.nonce) + " needs a gas price at least " +
                               std::to_string(config_.replacement_bump_percent) + "% above " +
                               std::to_string(replaced->tx.gas_price));
  }
  // When every earlier nonce is pooled, the sender's own state already decides whether
  // this one can run after them (sender_state.hpp): refuse it now with the ledger's
  // reason rather than hold it until prune().
  SenderState sim{account, ledger.stake(tx.sender).value_or(Stake{})};
  bool run = true;
  for (u64 n = account.nonce; run && n < tx.nonce; ++n) {
    const Entry* e = nullptr;
    if (sit != senders_.end()) {
      auto it = sit->second.find(n);
      if (it != sit->second.end()) e = &it->second;
    }
    run = e != nullptr && sim.check(e->tx, ledger.config()).ok();
    if (run) sim.apply(e->tx, 0, ledger.config());
  }
  if (run) {
    if (auto s = sim.check(tx, ledger.config()); !s.ok()) return s.take_error();
  }
  const u128 cost = up_front_cost(tx);
  if (pooled_cost + cost > account.balance)
    return ledger_error(LedgerError::kInsufficientBalance,
                        "balance does not cover the up-front costs of the sender's pooled transactions");

  if (!replaced && size() >= config_.max_transactions) {
    // The lowest-priority tail among senders: lowest gas price, then latest arrival.
    const AccountKey* victim_sender = nullptr;
    const Entry* victim = nullptr;
    for (const auto& [sender, queue] : senders_) {
      const Entry& tail = queue.rbegin()->second;
      if (!victim || tail.tx.gas_price < victim->tx.gas_price ||
          (tail.tx.gas_price == victim->tx.gas_price && tail.seq > victim->seq)) {
        victim = &tail;
        victim_sender = &sender;
      }
    }
    if (!victim || *victim_sender == tx.sender || tx.gas_price <= victim->tx.gas_price)
      return mempool_error(MempoolError::kPoolFull,
                           "pool full (" + std::to_string(size()) +
                               " transactions) and the gas price does not outrank its lowest");
    const AccountKey vs = *victim_sender;
    auto& vq = senders_.find(vs)->second;
    erase(vs, std::prev(vq.end()));
  }
  if (replaced) {
    auto& queue = senders_.find(tx.sender)->second;
    erase(tx.sender, queue.find(tx.nonce));
  }
  const AccountKey sender = tx.sender;
  const u64 nonce = tx.nonce;
  senders_[sender][nonce] = Entry{std::move(tx), id, now, next_seq_++, cost};
  by_id_[id] = {sender, nonce};
  return id;
}

void Mempool::erase(const AccountKey& sender, Queue::iterator it) {
  auto sit = senders_.find(sender);
  by_id_.erase(it->second.id);
  sit->second.erase(it);
  if (sit->second.empty()) senders_.erase(sit);
}

std::optional<Transaction> Mempool::find(const AccountKey& sender, u64 nonce) const {
  auto sit = senders_.find(sender);
  if (sit == senders_.end()) return std::nullopt;
  auto it = sit->second.find(nonce);
  if (it == sit->second.end()) return std::nullopt;
  return it->second.tx;
}

void Mempool::prune(const Ledger& ledger, u64 now) {
  std::vector<AccountKey> keys;
  for (const auto& [sender, queue] : senders_) keys.push_back(sender);
  for (const auto& sender : keys) {
    SenderState sim{ledger.account(sender), ledger.stake(sender).value_or(Stake{})};
    const Account account = sim.account;
    auto& queue = senders_.find(sender)->second;
    std::vector<u64> drop;
    bool cut = false;          // an earlier nonce was dropped: everything after goes too
    u64 next = account.nonce;  // the run of consecutive nonces simulated so far ends here
    u128 spent = 0;
    for (const auto& [nonce, e] : queue) {
      if (nonce < account.nonce) {
        drop.push_back(nonce);
        continue;
      }
      spent += e.cost;
      if (!cut && nonce == next) {
        if (sim.check(e.tx, ledger.config()).ok()) {
          sim.apply(e.tx, 0, ledger.config());
          ++next;
        } else {
          cut = true;  // it can never apply now: the sender's own state decides
        }
      }
      const bool expired = now >= e.added_at && now - e.added_at >= config_.max_age;
      if (cut || expired || spent > account.balance) {
        cut = true;
        drop.push_back(nonce);
      }
    }
    for (u64 nonce : drop) {
      auto sit = senders_.find(sender);
      if (sit == senders_.end()) break;
      erase(sender, sit->second.find(nonce));
    }
  }
}

std::vector<Transaction> Mempool::select(size_t max, const Ledger& ledger) const {
  std::vector<Transaction> out;
  // Candidates ordered by (highest gas price, earliest arrival).
  using Key = std::tuple<u64, u64, AccountKey, u64>;  // ~gas_price, seq, sender, nonce
  std::set<Key> heads;
  // Each sender's own state, advanced by what is taken from it (sender_state.hpp).
  std::map<AccountKey, SenderState> states;
  auto offer = [&](const AccountKey& sender, const Queue& queue, u64 nonce) {
    auto it = queue.find(nonce);
    if (it == queue.end() || !states[sender].check(it->second.tx, ledger.config()).ok()) return;
    heads.emplace(~it->second.tx.gas_price, it->second.seq, sender, nonce);
  };
  for (const auto& [sender, queue] : senders_) {
    states[sender] = SenderState{ledger.account(sender), ledger.stake(sender).value_or(Stake{})};
    offer(sender, queue, states[sender].account.nonce);
  }
  while (out.size() < max && !heads.empty()) {
    auto [inv_price, seq, sender, nonce] = *heads.begin();
    heads.erase(heads.begin());
    const Queue& queue = senders_.find(sender)->second;
    const Entry& e = queue.find(nonce)->second;
    out.push_back(e.tx);
    states[sender].apply(e.tx, 0, ledger.config());
    if (nonce != ~u64{0}) offer(sender, queue, nonce + 1);
  }
  return out;
}

}  // namespace dusk::ds
