#include "duskds/chain.hpp"

#include <chrono>
#include <map>
#include <string>

#include "base/log.hpp"
#include "crypto/hash/blake2b.hpp"
#include "trie/memory_node_store.hpp"
#include "trie/trie.hpp"

namespace dusk::ds {
namespace {

using crypto::bls::BlsMinSig;
using store::Families;

constexpr std::string_view kLayout = "duskds-chain 1";

std::string lane_label(size_t i) { return std::string(lane::name(static_cast<lane::LaneId>(i + 1))); }

std::string hex32(const Hash256& h) { return to_hex(ByteView(h.data(), h.size())); }

// Sets the trie entries of `key`'s account and stake as the ledger holds them.
Status put_keys(trie::PatriciaTrie& t, const Ledger& l, const AccountKey& key) {
  const auto& accounts = l.accounts();
  auto a = accounts.find(key);
  if (a != accounts.end()) {
    if (auto r = t.put(store::account_trie_key(key), store::encode_account(a->second)); !r.ok())
      return Error(r.error().message);
  } else if (auto r = t.erase(store::account_trie_key(key)); !r.ok()) {
    return Error(r.error().message);
  }
  auto s = l.stake(key);
  if (s) {
    if (auto r = t.put(store::stake_trie_key(key), store::encode_stake(*s)); !r.ok()) return Error(r.error().message);
  } else if (auto r = t.erase(store::stake_trie_key(key)); !r.ok()) {
    return Error(r.error().message);
  }
  return {};
}

}  // namespace

namespace {
MempoolConfig with_keys(MempoolConfig c, std::shared_ptr<PublicKeyCache> keys) {
  c.keys = std::move(keys);
  return c;
}
}  // namespace

Hash256 genesis_fingerprint(const ChainConfig& c) {
  Bytes out;
  auto u64le = [&](u64 v) { append_le<u64>(out, v); };
  const Genesis& g = c.genesis;
  u64le(g.ledger.chain_id);
  u64le(g.block_time_ms);
  u64le(c.finality_depth);
  u64le(g.ledger.epoch_length);
  u64le(g.ledger.minimum_stake);
  u64le(g.ledger.generator_share_bps);
  u64le(g.ledger.emission.periods().size());
  for (const auto& p : g.ledger.emission.periods()) {
    u64le(p.blocks);
    u64le(p.reward_per_block);
  }
  u64le(g.accounts.size());
  for (const auto& a : g.accounts) {
    out.insert(out.end(), a.key.begin(), a.key.end());
    u64le(a.balance);
  }
  u64le(g.stakes.size());
  for (const auto& s : g.stakes) {
    out.insert(out.end(), s.key.begin(), s.key.end());
    u64le(s.value);
  }
  u64le(g.evm_block_gas_limit);
  u64le(g.duskvm_block_gas_limit);
  u64le(g.phoenix_srs.size());
  out.insert(out.end(), g.phoenix_srs.begin(), g.phoenix_srs.end());
  u64le(g.phoenix_max_inputs);
  for (const auto* list : {&g.evm_accounts, &g.vm_accounts}) {
    u64le(list->size());
    for (const auto& a : *list) {
      u64le(a.address.size());
      out.insert(out.end(), a.address.begin(), a.address.end());
      u64le(a.balance);
    }
  }
  u64le(c.lanes_genesis);
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_DS_GENESIS_V1")), out});
}

std::string_view finality_name(Finality f) {
  switch (f) {
    case Finality::kAccepted: return "accepted";
    case Finality::kAttested: return "attested";
    case Finality::kConfirmed: return "confirmed";
    case Finality::kFinal: return "final";
  }
  return "unknown";
}

Chain::Chain(storage::Database& db, ChainConfig config, std::array<lane::Lane*, kLaneCount> lanes)
    : db_(&db),
      cf_(Families::of(db)),
      config_(std::move(config)),
      lanes_(lanes),
      keys_(config_.mempool.keys ? config_.mempool.keys : std::make_shared<PublicKeyCache>()),
      mempool_(with_keys(config_.mempool, keys_)),
      nodes_(db, *cf_.trie_nodes) {}

Result<std::unique_ptr<Chain>> Chain::open(storage::Database& db, ChainConfig config,
                                           std::array<lane::Lane*, kLaneCount> lanes) {
  if (config.finality_depth == 0) return Error("chain: a finality depth of 0 blocks");
  for (auto* l : lanes)
    if (l == nullptr) return Error("chain: a lane is missing");
  std::unique_ptr<Chain> chain(new Chain(db, std::move(config), lanes));
  Families cf = chain->cf_;
  auto layout = db.get(*cf.meta, as_bytes(std::string_view("layout")));
  if (!layout.ok()) return Error(layout.error().message);
  if (!*layout) {
    DUSK_TRY(chain->create_genesis());
  } else if (std::string(layout->value().begin(), layout->value().end()) != kLayout) {
    return Error("chain: the database holds layout \"" +
                 std::string(layout->value().begin(), layout->value().end()) + "\", this node reads \"" +
                 std::string(kLayout) + "\"");
  }
  // The chain on disk must be the one this genesis (and finality depth) describes.
  auto recorded = db.get(*cf.meta, as_bytes(std::string_view("genesis")));
  if (!recorded.ok()) return Error(recorded.error().message);
  const Hash256 fingerprint = genesis_fingerprint(chain->config_);
  if (!*recorded || **recorded != Bytes(fingerprint.begin(), fingerprint.end()))
    return Error("chain: the database holds a chain of another genesis (or another finality depth) than the one "
                 "given: use the genesis it was made with, or another data directory");
  DUSK_TRY(chain->load());
  DUSK_TRY(chain->verify_tip());
  return chain;
}

Status Chain::create_genesis() {
  const Genesis& g = config_.genesis;
  auto ledger = Ledger::create(g.ledger, g.accounts, g.stakes, config_.lanes_genesis);
  if (!ledger.ok()) return Error(ledger.error().message);
  storage::WriteBatch batch;
  trie::PatriciaTrie t(nodes_, trie::kEmptyTrieRoot, trie::KeyForm::kHashed);
  for (const auto& [key, a] : ledger->accounts()) batch.put(*cf_.accounts, key, store::encode_account(a));
  for (const auto& [key, s] : ledger->stakes()) batch.put(*cf_.stakes, key, store::encode_stake(s));
  for (const auto& [key, a] : ledger->accounts()) DUSK_TRY(put_keys(t, *ledger, key));
  for (const auto& [key, s] : ledger->stakes()) DUSK_TRY(put_keys(t, *ledger, key));
  const store::Totals totals{ledger->totals(), 0};
  if (auto r = t.put(store::totals_trie_key(), store::encode_totals(totals)); !r.ok()) return Error(r.error().message);
  auto committed = t.commit();
  if (!committed.ok()) return Error(committed.error().message);
  nodes_.put(committed->nodes, batch);

  Block genesis;
  genesis.header.height = 0;
  genesis.header.timestamp_ms = config_.genesis_time_ms;
  genesis.header.state_root = committed->root;
  for (size_t i = 0; i < kLaneCount; ++i) {
    if (lanes_[i]->height() != 0)
      return Error("chain: a fresh chain, but lane " + lane_label(i) + " stands at height " +
                   std::to_string(lanes_[i]->height()));
    lane::Payload empty;
    empty.state_root = lanes_[i]->state_root();
    genesis.header.lanes[i] = lane::commitment(empty);
  }
  genesis.header.transactions_root = transactions_root({});
  const Hash256 hash = block_hash(genesis.header);
  batch.put(*cf_.blocks, store::height_key(0), encode_block(genesis));
  batch.put(*cf_.block_index, hash, store::height_key(0));
  batch.put(*cf_.meta, as_bytes(std::string_view("totals")), store::encode_totals(totals));
  batch.put(*cf_.meta, as_bytes(std::string_view("tip")), store::encode_tip(0, hash));
  batch.put(*cf_.meta, as_bytes(std::string_view("final")), store::height_key(0));
  batch.put(*cf_.meta, as_bytes(std::string_view("layout")), as_bytes(kLayout));
  const Hash256 fingerprint = genesis_fingerprint(config_);
  batch.put(*cf_.meta, as_bytes(std::string_view("genesis")), fingerprint);
  if (auto w = db_->write(batch); !w.ok()) return Error("chain: writing genesis: " + w.error().message);
  DUSK_LOG(kInfo, "duskds", "genesis written: chain " << config_.genesis.ledger.chain_id << ", state root "
                                                    << hex32(committed->root));
  return {};
}

Status Chain::load() {
  auto meta = [&](std::string_view key) -> Result<Bytes> {
    auto v = db_->get(*cf_.meta, as_bytes(key));
    if (!v.ok()) return Error(v.error().message);
    if (!*v) return Error("chain: the database lacks its \"" + std::string(key) + "\" record");
    return std::move(**v);
  };
  DUSK_ASSIGN(Bytes tip_bytes, meta("tip"));
  DUSK_ASSIGN(auto tip, store::decode_tip(tip_bytes));
  DUSK_ASSIGN(Bytes totals_bytes, meta("totals"));
  DUSK_ASSIGN(store::Totals totals, store::decode_totals(totals_bytes));
  DUSK_ASSIGN(Bytes final_bytes, meta("final"));
  if (final_bytes.size() != 8) return Error("chain: a corrupt \"final\" record");
  final_height_ = load_be<u64>(final_bytes.data());

  std::map<AccountKey, Account> accounts;
  std::map<AccountKey, Stake> stakes;
  Status bad;
  auto scan_accounts = db_->scan(*cf_.accounts, {}, [&](ByteView k, ByteView v) {
    auto a = store::decode_account(v);
    if (!a.ok() || k.size() != 96) {
      bad = Error("chain: a corrupt account record");
      return false;
    }
    AccountKey key;
    std::copy(k.begin(), k.end(), key.begin());
    accounts.emplace(key, *a);
    return true;
  });
  if (!scan_accounts.ok()) return Error(scan_accounts.error().message);
  DUSK_TRY(std::move(bad));
  auto scan_stakes = db_->scan(*cf_.stakes, {}, [&](ByteView k, ByteView v) {
    auto s = store::decode_stake(v);
    if (!s.ok() || k.size() != 96) {
      bad = Error("chain: a corrupt stake record");
      return false;
    }
    AccountKey key;
    std::copy(k.begin(), k.end(), key.begin());
    stakes.emplace(key, *s);
    return true;
  });
  if (!scan_stakes.ok()) return Error(scan_stakes.error().message);
  DUSK_TRY(std::move(bad));
  auto ledger = Ledger::restore(config_.genesis.ledger, std::move(accounts), std::move(stakes), totals.ledger);
  if (!ledger.ok()) return Error(ledger.error().message);
  ledger_.emplace(std::move(*ledger));
  burned_ = totals.burned;

  auto block_bytes = db_->get(*cf_.blocks, store::height_key(tip.first));
  if (!block_bytes.ok()) return Error(block_bytes.error().message);
  if (!*block_bytes) return Error("chain: the tip block " + std::to_string(tip.first) + " is missing");
  if (block_bytes->value().size() < kHeaderSize) return Error("chain: the tip block is corrupt");
  DUSK_ASSIGN(tip_, decode_header(ByteView(block_bytes->value()).first(kHeaderSize)));
  tip_hash_ = tip.second;
  if (block_hash(tip_) != tip_hash_) return Error("chain: the tip block does not hash to the recorded tip");
  DUSK_ASSIGN(tip_attestation_, attestation_unlocked(tip_.height));

  in_flight_ = 0;
  auto scan_w = db_->scan(*cf_.withdrawals, {}, [&](ByteView, ByteView v) {
    auto w = store::decode_block_withdrawals(v);
    if (!w.ok()) {
      bad = Error(w.error().message);
      return false;
    }
    for (const auto& [lane, list] : w->lanes)
      for (const auto& x : list) in_flight_ += x.amount;
    return true;
  });
  if (!scan_w.ok()) return Error(scan_w.error().message);
  DUSK_TRY(std::move(bad));
  return {};
}

Result<std::optional<Attestation>> Chain::attestation_unlocked(u64 height) const {
  auto v = db_->get(*cf_.attestations, store::height_key(height));
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return std::optional<Attestation>{};
  DUSK_ASSIGN(Attestation a, store::decode_attestation(**v));
  return std::optional<Attestation>{a};
}

Status Chain::verify_tip() {
  // The DuskDS state: rebuilt from the records, it must give the tip's state root.
  trie::MemoryNodeStore scratch;
  trie::PatriciaTrie t(scratch, trie::kEmptyTrieRoot, trie::KeyForm::kHashed);
  for (const auto& [key, a] : ledger_->accounts()) DUSK_TRY(put_keys(t, *ledger_, key));
  for (const auto& [key, s] : ledger_->stakes()) DUSK_TRY(put_keys(t, *ledger_, key));
  const store::Totals totals{ledger_->totals(), burned_};
  if (auto r = t.put(store::totals_trie_key(), store::encode_totals(totals)); !r.ok()) return Error(r.error().message);
  auto root = t.commit();
  if (!root.ok()) return Error(root.error().message);
  if (root->root != tip_.state_root)
    return Error("chain: the DuskDS state (root " + hex32(root->root) + ") is not the tip's (" +
                 hex32(tip_.state_root) + ", height " + std::to_string(tip_.height) + ")");
  for (size_t i = 0; i < kLaneCount; ++i) {
    if (lanes_[i]->height() != tip_.height)
      return Error("chain: lane " + lane_label(i) + " stands at height " + std::to_string(lanes_[i]->height()) +
                   ", the chain at " + std::to_string(tip_.height));
    if (lanes_[i]->state_root() != tip_.lanes[i].state_root)
      return Error("chain: lane " + lane_label(i) + "'s state root " + hex32(lanes_[i]->state_root()) +
                   " is not the tip's " + hex32(tip_.lanes[i].state_root));
  }
  std::array<u128, kLaneCount> holdings{};
  for (size_t i = 0; i < kLaneCount; ++i) holdings[i] = lanes_[i]->holdings();
  return check_supply(holdings, burned_, in_flight_);
}

Status Chain::check_supply(const std::array<u128, kLaneCount>& lane_holdings, u128 burned, u64 in_flight) const {
  const u128 ds = ledger_->holdings();
  const Ledger::Totals t = ledger_->totals();
  if (ds + t.bridged != t.supply)
    return Error("supply: DuskDS holds " + lux_string(ds) + " with " + lux_string(t.bridged) +
                 " bridged, the supply is " + lux_string(t.supply));
  u128 lanes = burned + static_cast<u128>(in_flight) * lane::kWeiPerLux;
  for (u128 h : lane_holdings) lanes += h;
  const u128 expected = static_cast<u128>(t.bridged) * lane::kWeiPerLux;
  if (lanes != expected)
    return Error("supply: the lanes hold, burned and have in flight " + to_decimal(lanes) +
                 " wei units, DuskDS has bridged " + lux_string(t.bridged) + " (" + to_decimal(expected) +
                 " wei units)");
  return {};
}

MempoolResult<Hash256> Chain::submit(ByteView tx, u64 now_s) {
  return std::move(submit_batch(std::span<const ByteView>(&tx, 1), now_s).front());
}

std::vector<MempoolResult<Hash256>> Chain::submit_batch(std::span<const ByteView> txs, u64 now_s) {
  // Signatures are checked before taking the lock, so that block production and other
  // submissions are not held up by pairings.
  Mempool::CheckedBatch checked = mempool_.check_batch(txs, config_.genesis.ledger);
  std::lock_guard g(mu_);
  return mempool_.admit(std::move(checked), *ledger_, now_s);
}

bool Chain::is_next_generator(const AccountKey& key) const {
  std::lock_guard g(mu_);
  auto gen = select_generator(tip_.seed, tip_.height + 1, committee_of(ledger_->provisioners(tip_.height + 1)));
  return gen && *gen == key;
}

Result<ProducedBlock> Chain::produce(const crypto::bls::SecretKey& sk, u64 now_ms) {
  std::lock_guard g(mu_);
  if (!broken_.empty()) return Error("halt: " + broken_);
  auto produced = build_and_write(sk, now_ms);
  if (!produced.ok()) {
    for (auto* l : lanes_) l->discard();
    // The database holds the last whole block: start again from it. If even that
    // fails, memory may hold half a block: refuse everything until a restart.
    if (auto reloaded = load(); !reloaded.ok()) {
      broken_ = produced.error().message + "; and reloading the last block failed: " + reloaded.error().message;
      return Error("halt: " + broken_);
    }
  }
  return produced;
}

Result<ProducedBlock> Chain::build_and_write(const crypto::bls::SecretKey& sk, u64 now_ms) {
  const auto started = std::chrono::steady_clock::now();
  const u64 height = tip_.height + 1;
  // The public key of the producing key, derived once (a G2 multiplication per block).
  if (!own_key_ || own_key_->first != sk.to_bytes()) own_key_.emplace(sk.to_bytes(), BlsMinSig::sk_to_pk(sk).to_bytes());
  const AccountKey me = own_key_->second;
  const Committee committee = committee_of(ledger_->provisioners(height));
  auto generator = select_generator(tip_.seed, height, committee);
  if (!generator) return Error("chain: no provisioner is eligible at height " + std::to_string(height));
  if (*generator != me) return Error("chain: height " + std::to_string(height) + " is another provisioner's turn");

  ProducedBlock out;
  Block block;
  Header& h = block.header;
  h.height = height;
  h.timestamp_ms = std::max(now_ms, tip_.timestamp_ms + 1);
  h.parent = tip_hash_;
  h.seed = BlsMinSig::sign(sk, seed_message(tip_.seed)).to_bytes();
  h.generator = me;
  if (tip_attestation_) h.parent_attestation = *tip_attestation_;
  const Committee parent_committee = committee_of(ledger_->provisioners(tip_.height));
  BlockContext ctx{height, me, tip_attestation_ ? voters_of(*tip_attestation_, parent_committee)
                                                : std::vector<AccountKey>{}};
  storage::WriteBatch batch;

  // Withdrawals of every block that is final (records are deleted once credited, so
  // the family holds only those still in flight, by height).
  u64 in_flight = in_flight_;
  {
    std::vector<std::pair<u64, Bytes>> due;
    Status bad;
    auto scanned = db_->scan(*cf_.withdrawals, {}, [&](ByteView k, ByteView v) {
      if (k.size() != 8) {
        bad = Error("chain: a corrupt withdrawals key");
        return false;
      }
      const u64 at = load_be<u64>(k.data());
      if (at > final_height_) return false;  // in height order: the rest is not final yet
      due.emplace_back(at, Bytes(v.begin(), v.end()));
      return true;
    });
    if (!scanned.ok()) return Error(scanned.error().message);
    DUSK_TRY(std::move(bad));
    for (const auto& [at, record] : due) {
      DUSK_ASSIGN(auto w, store::decode_block_withdrawals(record));
      for (const auto& [lane, list] : w.lanes)
        for (const auto& x : list) {
          AccountKey to;
          if (x.to.size() != to.size())
            return Error("halt: a withdrawal of block " + std::to_string(at) + " to a key of " +
                         std::to_string(x.to.size()) + " bytes");
          std::copy(x.to.begin(), x.to.end(), to.begin());
          // The lanes pass on only keys that decode: a refusal here is a lane's bug.
          if (auto c = ledger_->credit_withdrawal(to, x.amount); !c.ok())
            return Error("halt: crediting a withdrawal of block " + std::to_string(at) + ": " + c.error().message);
          out.credited.emplace_back(to, x.amount);
          in_flight -= x.amount;
        }
      batch.del(*cf_.withdrawals, store::height_key(at));
    }
  }

  // DuskDS transactions, their deposits for the lanes, the reward.
  block.transactions = mempool_.select(config_.max_block_transactions, *ledger_);
  std::array<std::vector<lane::Deposit>, kLaneCount> deposits;
  for (size_t i = 0; i < block.transactions.size(); ++i) {
    const Transaction& tx = block.transactions[i];
    auto receipt = ledger_->apply_verified(tx, ctx);
    if (!receipt.ok()) return Error("chain: the mempool selected a transaction the ledger refuses: " + receipt.error().message);
    out.transactions.push_back(receipt->id);
    batch.put(*cf_.tx_index, receipt->id,
              store::encode_location({height, static_cast<u32>(i), receipt->gas_used, receipt->fee}));
    if (tx.kind == TxKind::kDeposit) {
      lane::Deposit d{receipt->id, Bytes(tx.sender.begin(), tx.sender.end()), tx.target, tx.amount};
      deposits[tx.lane - 1].push_back(d);
      out.deposits.push_back(std::move(d));
    }
  }
  if (auto r = ledger_->reward_block(ctx); !r.ok()) return Error(r.error().message);

  // The lanes' payloads.
  lane::BlockContext lctx{chain_id(), height, h.timestamp_ms, h.parent, lane_seed(h.seed), Bytes(me.begin(), me.end())};
  std::array<u128, kLaneCount> holdings{};
  u128 burned = burned_;
  store::BlockWithdrawals emitted;
  for (size_t i = 0; i < kLaneCount; ++i) {
    auto payload = lanes_[i]->build(lctx, deposits[i]);
    if (!payload.ok()) return Error("chain: lane " + lane_label(i) + ": " + payload.error().message);
    h.lanes[i] = lane::commitment(*payload);
    holdings[i] = payload->holdings;
    burned += payload->burned;
    out.lane_transactions[i] = payload->transactions;
    u64 lane_total = 0;
    for (const auto& w : payload->withdrawals) lane_total += w.amount;
    in_flight += lane_total;
    if (!payload->withdrawals.empty()) emitted.lanes.emplace_back(static_cast<u8>(i + 1), payload->withdrawals);
    block.lane_bodies[i] = std::move(payload->body);
  }
  DUSK_TRY(check_supply(holdings, burned, in_flight));

  // The DuskDS state: the touched keys and the totals, along their trie paths.
  trie::PatriciaTrie t(nodes_, tip_.state_root, trie::KeyForm::kHashed);
  for (const AccountKey& key : ledger_->take_touched()) {
    DUSK_TRY(put_keys(t, *ledger_, key));
    const auto& accounts = ledger_->accounts();
    if (auto a = accounts.find(key); a != accounts.end())
      batch.put(*cf_.accounts, key, store::encode_account(a->second));
    else
      batch.del(*cf_.accounts, key);
    if (auto s = ledger_->stake(key))
      batch.put(*cf_.stakes, key, store::encode_stake(*s));
    else
      batch.del(*cf_.stakes, key);
  }
  const store::Totals totals{ledger_->totals(), burned};
  if (auto r = t.put(store::totals_trie_key(), store::encode_totals(totals)); !r.ok()) return Error(r.error().message);
  auto state = t.commit();
  if (!state.ok()) return Error(state.error().message);
  nodes_.put(state->nodes, batch);
  h.state_root = state->root;
  h.transactions_root = transactions_root(block.transactions);
  const Hash256 hash = block_hash(h);

  // The committee of one votes at once; with more provisioners the attestation arrives
  // later (multi-validator consensus is a later step).
  const Committee own_committee = committee_of(ledger_->provisioners(height));
  std::optional<Attestation> attestation;
  for (size_t i = 0; i < own_committee.size(); ++i) {
    if (own_committee[i].first != me) continue;
    DUSK_ASSIGN(auto v, vote(sk, height, hash));
    const std::pair<size_t, std::array<u8, 48>> votes[] = {{i, v}};
    DUSK_ASSIGN(Attestation a, aggregate_votes(votes));
    if (verify_attestation(a, own_committee, height, hash).ok()) attestation = a;
  }

  // Finality after this block: blocks with finality_depth attested successors.
  u64 final_height = final_height_;
  if (attestation && height >= config_.finality_depth) final_height = height - config_.finality_depth;

  batch.put(*cf_.blocks, store::height_key(height), encode_block(block));
  batch.put(*cf_.block_index, hash, store::height_key(height));
  if (attestation) batch.put(*cf_.attestations, store::height_key(height), store::encode_attestation(*attestation));
  if (!emitted.lanes.empty())
    batch.put(*cf_.withdrawals, store::height_key(height), store::encode_block_withdrawals(emitted));
  batch.put(*cf_.meta, as_bytes(std::string_view("totals")), store::encode_totals(totals));
  batch.put(*cf_.meta, as_bytes(std::string_view("tip")), store::encode_tip(height, hash));
  batch.put(*cf_.meta, as_bytes(std::string_view("final")), store::height_key(final_height));
  if (final_height > final_height_)
    for (auto* l : lanes_) DUSK_TRY(l->finalize(final_height, batch));
  for (auto* l : lanes_) DUSK_TRY(l->stage(batch));
  if (auto w = db_->write(batch); !w.ok()) return Error("chain: writing block " + std::to_string(height) + ": " + w.error().message);
  for (auto* l : lanes_) l->committed();

  tip_ = h;
  tip_hash_ = hash;
  tip_attestation_ = attestation;
  final_height_ = final_height;
  burned_ = burned;
  in_flight_ = in_flight;
  mempool_.prune(*ledger_, now_ms / 1000);

  out.header = h;
  out.hash = hash;
  out.lane_bodies = std::move(block.lane_bodies);
  out.final_height = final_height;
  out.build_us = static_cast<u64>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
  return out;
}

u64 Chain::height() const {
  std::lock_guard g(mu_);
  return tip_.height;
}

ChainStatus Chain::status() const {
  std::lock_guard g(mu_);
  return {tip_, tip_hash_, final_height_};
}

Hash256 Chain::tip_hash() const {
  std::lock_guard g(mu_);
  return tip_hash_;
}

Header Chain::tip() const {
  std::lock_guard g(mu_);
  return tip_;
}

u64 Chain::final_height() const {
  std::lock_guard g(mu_);
  return final_height_;
}

Finality Chain::finality(u64 height) const {
  std::lock_guard g(mu_);
  return finality_locked(height);
}

Finality Chain::finality_locked(u64 height) const {
  if (height <= final_height_) return Finality::kFinal;
  if (height < tip_.height) return Finality::kConfirmed;  // a successor is attested
  if (height == tip_.height && tip_attestation_) return Finality::kAttested;
  return Finality::kAccepted;
}

Result<std::optional<Block>> Chain::block(u64 height) const {
  auto v = db_->get(*cf_.blocks, store::height_key(height));
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return std::optional<Block>{};
  DUSK_ASSIGN(Block b, decode_stored_block(**v));  // written by this node, checked then
  return std::optional<Block>{std::move(b)};
}

Result<std::optional<u64>> Chain::height_of(const Hash256& hash) const {
  auto v = db_->get(*cf_.block_index, hash);
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return std::optional<u64>{};
  if ((*v)->size() != 8) return Error("chain: a corrupt block index record");
  return std::optional<u64>{load_be<u64>((*v)->data())};
}

Result<std::optional<Attestation>> Chain::attestation(u64 height) const { return attestation_unlocked(height); }

Result<std::optional<store::TxLocation>> Chain::transaction(const Hash256& id) const {
  auto v = db_->get(*cf_.tx_index, id);
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return std::optional<store::TxLocation>{};
  DUSK_ASSIGN(auto loc, store::decode_location(**v));
  return std::optional<store::TxLocation>{loc};
}

bool Chain::pooled(const Hash256& id) const {
  std::lock_guard g(mu_);
  return mempool_.contains(id);
}

Account Chain::account(const AccountKey& key) const {
  std::lock_guard g(mu_);
  return ledger_->account(key);
}

std::optional<Stake> Chain::stake(const AccountKey& key) const {
  std::lock_guard g(mu_);
  return ledger_->stake(key);
}

std::vector<std::pair<AccountKey, u64>> Chain::provisioners() const {
  std::lock_guard g(mu_);
  return ledger_->provisioners(tip_.height + 1);
}

Supply Chain::supply() const {
  std::lock_guard g(mu_);
  Supply s;
  const Ledger::Totals t = ledger_->totals();
  s.total_lux = t.supply;
  s.emitted_lux = t.emitted;
  s.ds_holdings_lux = static_cast<u64>(ledger_->holdings());
  s.bridged_lux = t.bridged;
  s.in_flight_lux = in_flight_;
  for (size_t i = 0; i < kLaneCount; ++i) s.lanes[i] = lanes_[i]->holdings();
  s.burned = burned_;
  return s;
}

size_t Chain::mempool_size() const {
  std::lock_guard g(mu_);
  return mempool_.size();
}

}  // namespace dusk::ds
