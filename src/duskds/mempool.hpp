// The pool of Moonlight transactions waiting for a block.
//
// Entry (add, add_batch). An encoded transaction is refused, and the pool left as it
// was, when: it is longer than max_transaction_bytes (kTooLarge, before any decoding);
// it does not decode (transaction_codec.hpp); the ledger's stateless checks refuse it
// (chain id, gas limit, overflow, zero amount: Ledger::check_stateless); its gas price is
// below min_gas_price; its nonce is below the sender's account nonce (kNonceTooLow) or
// more than max_nonce_gap above it (kNonceTooFarAhead; gaps below that are held until
// filled); it is already pooled when its batch arrives or when its turn comes
// (kAlreadyKnown, before any pairing is spent on it); its signature is not the sender's
// (signatures of a batch are verified together, signature_batch.hpp); it replaces a
// pooled transaction of the same sender and nonce without raising the gas price by
// replacement_bump_percent at least (kUnderpriced); every earlier nonce of its sender is
// pooled and the sender's state, with those applied, refuses it (the ledger's code:
// kInsufficientStake, kBelowMinimumStake, kInsufficientPending, kInsufficientBalance;
// sender_state.hpp); the up-front costs of the sender's
// pooled transactions, this one included, exceed the sender's balance
// (kInsufficientBalance); or the pool is full and it does not outrank the entry it would
// evict (kPoolFull).
//
// Priority is the gas price; ties go to the earlier arrival. Eviction, when a new
// transaction finds the pool full, looks only at each sender's highest-nonce entry (so
// no gap opens in a sender's sequence), takes the lowest-priority one (lowest gas price,
// latest arrival among equals), and evicts it if the newcomer's gas price is strictly
// higher and the newcomer is from another sender; otherwise the newcomer is refused.
//
// Age. Each entry records the `now` of its arrival, in whatever unit the caller uses for
// max_age (the node: seconds). prune() drops entries the ledger has overtaken (nonce
// below the account's) and, per sender, from the first entry that is at least max_age
// old, or that its sender's state refuses when the run of consecutive nonces before it is
// applied to a copy of that state (sender_state.hpp), or from which on the up-front
// costs exceed the balance, that entry and every later nonce (they could not run).
//
// Selection (select). Transactions that apply, in the returned order, to the ledger
// given: each sender's run of consecutive nonces from its account nonce, as far as the
// sender's own state accepts them (a copy of its account and stake, advanced by each one
// taken; nothing another sender does can take from it), merged greedily by priority (a
// sender's next nonce becomes a candidate once its previous one is taken).
//
// Not thread safe; deterministic given the ledger, the inputs and `now` (the batch
// randomness decides no outcome, only the chance of a forged batch passing).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "crypto/bls/scheme.hpp"
#include "duskds/ledger.hpp"
#include "duskds/public_key_cache.hpp"
#include "duskds/mempool_error.hpp"
#include "duskds/transaction.hpp"
#include "duskds/transaction_codec.hpp"

namespace dusk::ds {

struct MempoolConfig {
  size_t max_transactions = 10'000;
  size_t max_transaction_bytes = kMaxEncodedSize;
  u64 max_age = 3'600;
  u64 min_gas_price = 1;
  u64 replacement_bump_percent = 10;
  u64 max_nonce_gap = 64;
  crypto::bls::BatchSecurity batch_security = crypto::bls::BatchSecurity::k64;
  crypto::bls::RandomSource rng = crypto::bls::os_random_bytes;
  // Decoded account keys, shared with whoever else decodes transactions (null: the pool
  // keeps its own).
  std::shared_ptr<PublicKeyCache> keys;
};

class Mempool {
 public:
  explicit Mempool(MempoolConfig config)
      : config_(std::move(config)), keys_(config_.keys ? config_.keys : std::make_shared<PublicKeyCache>()) {}

  // One result per input, in order: the admitted transaction's id or why it was refused.
  // Inputs are admitted in order, so a later one may replace or depend on an earlier one.
  std::vector<MempoolResult<Hash256>> add_batch(std::span<const ByteView> encoded, const Ledger& ledger,
                                                u64 now);
  MempoolResult<Hash256> add(ByteView encoded, const Ledger& ledger, u64 now);

  // add_batch in two steps, for a node that checks signatures without holding the lock
  // that guards the pool and the ledger: check_batch does what needs neither (size,
  // decoding, the stateless rules, the price, the signatures in one BLS batch) and is
  // safe to call from several threads at once; admit does the rest (nonce window,
  // duplicates, the sender's state, room) under the caller's lock. The same refusals as
  // add_batch, but a bad signature is named before a stale nonce.
  struct Candidate {
    DecodedTransaction decoded;
    Hash256 id{};
  };
  struct CheckedBatch {
    std::vector<MempoolResult<Hash256>> results;       // refusals so far, ids provisionally
    std::vector<std::optional<Candidate>> candidates;  // what passed, by input position
  };
  CheckedBatch check_batch(std::span<const ByteView> encoded, const LedgerConfig& ledger) const;
  std::vector<MempoolResult<Hash256>> admit(CheckedBatch batch, const Ledger& ledger, u64 now);

  // At most `max` transactions, executable in this order against `ledger` (above).
  std::vector<Transaction> select(size_t max, const Ledger& ledger) const;
  // Drops what is old, included or no longer affordable (above).
  void prune(const Ledger& ledger, u64 now);

  size_t size() const { return by_id_.size(); }
  bool contains(const Hash256& id) const { return by_id_.count(id) != 0; }
  std::optional<Transaction> find(const AccountKey& sender, u64 nonce) const;
  const MempoolConfig& config() const { return config_; }

 private:
  struct Entry {
    Transaction tx;
    Hash256 id{};
    u64 added_at = 0;
    u64 seq = 0;     // arrival order, for ties
    u128 cost = 0;   // up_front_cost(tx)
  };
  using Queue = std::map<u64, Entry>;  // by nonce

  MempoolResult<Hash256> insert(Transaction tx, const Hash256& id, const Ledger& ledger, u64 now);
  void erase(const AccountKey& sender, Queue::iterator it);

  MempoolConfig config_;
  std::shared_ptr<PublicKeyCache> keys_;  // the keys of transactions seen, decoded once
  std::map<AccountKey, Queue> senders_;
  std::map<Hash256, std::pair<AccountKey, u64>> by_id_;
  u64 next_seq_ = 0;
};

}  // namespace dusk::ds
