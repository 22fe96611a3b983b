#include "duskvm/lane/vm_lane.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "base/decimal.hpp"
#include "base/log.hpp"
#include "crypto/hash/blake2b.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie.hpp"

namespace dusk::vm {
namespace {

constexpr std::string_view kPrefix = "vm_";

void put_u128(Bytes& out, u128 v) {
  append_le<u64>(out, static_cast<u64>(v));
  append_le<u64>(out, static_cast<u64>(v >> 64));
}

u128 get_u128(const u8* p) { return static_cast<u128>(load_le<u64>(p + 8)) << 64 | load_le<u64>(p); }

Bytes height_key(u64 h) {
  Bytes k(8);
  store_be<u64>(k.data(), h);
  return k;
}

Bytes encode_account(const VmAccount& a) {
  Bytes out;
  append_le<u64>(out, a.balance);
  append_le<u64>(out, a.nonce);
  return out;
}

std::string hex(ByteView b) { return to_hex(b); }


ByteView key_of(std::string_view s) { return as_bytes(s); }

// A withdrawal's or a fee's LUX in the lane's supply unit.
u128 wei(u64 lux) { return static_cast<u128>(lux) * lane::kWeiPerLux; }

struct Roots {
  Hash256 contracts{};
  Hash256 accounts{};
};

Bytes encode_roots(const Roots& r) {
  Bytes out(r.contracts.begin(), r.contracts.end());
  out.insert(out.end(), r.accounts.begin(), r.accounts.end());
  return out;
}

namespace ph = duskvm::phoenix;

constexpr size_t kHeadSize = 8 + 32 + 32 + 16 + 32;
constexpr size_t kPhoenixMetaSize = 8 + 16 + 32;
constexpr size_t kUndoAccountSize = 49;
constexpr size_t kUndoPhoenixSize = 8 + 16 + 32 + 4;  // then 32 per nullifier

Hash256 lane_root(const Hash256& contracts, const Hash256& accounts, const Hash256& phoenix) {
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_VM_LANE_V2")), contracts, accounts, phoenix});
}

Bytes encode_phoenix_meta(u64 notes, u128 pool, const Hash256& chain) {
  Bytes out;
  append_le<u64>(out, notes);
  put_u128(out, pool);
  out.insert(out.end(), chain.begin(), chain.end());
  return out;
}


}  // namespace

struct VmLane::Pending {
  enum class Kind { kBlock, kRevert } kind = Kind::kBlock;
  u64 height = 0;
  std::map<VmAddress, VmAccount> accounts;                  // changed accounts, new values
  std::map<VmAddress, std::optional<VmAccount>> previous;   // their values before
  std::unique_ptr<Session> session;
  Hash256 contracts_root{};
  Hash256 accounts_root{};
  std::vector<trie::TrieNode> trie_nodes;
  u128 holdings = 0;
  Bytes body;
  std::vector<std::pair<Hash256, std::string>> receipts;
  std::vector<Hash256> included;
  std::vector<Hash256> dropped;
  // Phoenix: the ledger as it was before the block (to roll back), what changed.
  std::optional<ph::TransferLedger::Mark> phoenix_mark;
  Hash256 phoenix_digest{};
  bool phoenix_root_added = false;
  std::vector<ph::NullifierKey> phoenix_spent;
  std::vector<Hash256> phoenix_included;
  std::vector<Hash256> phoenix_dropped;
  bool reload_phoenix = false;  // a revert: the ledger is read back from disk
  std::optional<u64> finalize_height;
  std::unique_ptr<Session::Staged> staged;
  bool staged_done = false;
  u64 revert_height = 0;
};

std::vector<std::string> VmLane::families() {
  std::vector<std::string> f = StateStore::column_families(kPrefix);
  for (const char* own : {"vm_lane_accounts", "vm_lane_meta", "vm_lane_roots", "vm_lane_blocks", "vm_lane_receipts",
                          "vm_lane_undo", "vm_lane_trie_nodes", "vm_phoenix_notes", "vm_phoenix_nullifiers",
                          "vm_phoenix_roots", "vm_phoenix_keys"})
    f.emplace_back(own);
  return f;
}

std::vector<std::string> VmLane::counter_families() { return StateStore::counter_families(kPrefix); }

VmLane::VmLane(storage::Database& db, VmLaneConfig config, std::unique_ptr<StateStore> store)
    : db_(&db),
      config_(config),
      store_(std::move(store)),
      modules_(std::make_shared<ModuleCache>()),
      nodes_(db, db.family("vm_lane_trie_nodes")),
      accounts_cf_(&db.family("vm_lane_accounts")),
      meta_cf_(&db.family("vm_lane_meta")),
      roots_cf_(&db.family("vm_lane_roots")),
      blocks_cf_(&db.family("vm_lane_blocks")),
      receipts_cf_(&db.family("vm_lane_receipts")),
      undo_cf_(&db.family("vm_lane_undo")),
      notes_cf_(&db.family("vm_phoenix_notes")),
      nullifiers_cf_(&db.family("vm_phoenix_nullifiers")),
      phoenix_roots_cf_(&db.family("vm_phoenix_roots")),
      pool_(config.pool),
      phoenix_pool_(config.phoenix_pool) {
  if (config_.phoenix) phoenix_keys_ = std::make_unique<PhoenixKeys>(db, *config_.phoenix);
}

VmLane::~VmLane() = default;

Result<std::unique_ptr<VmLane>> VmLane::open(storage::Database& db, VmLaneConfig config,
                                             const std::vector<std::pair<VmAddress, u64>>& genesis) {
  auto store = StateStore::attach(db, kPrefix);
  if (!store.ok()) return Error("duskvm lane: " + store.error().message);
  std::unique_ptr<VmLane> lane(new VmLane(db, config, std::move(*store)));
  auto head = db.get(*lane->meta_cf_, key_of("head"));
  if (!head.ok()) return Error(head.error().message);
  if (!*head) {
    // Genesis: the accounts, the empty contract state, height 0.
    storage::WriteBatch batch;
    trie::PatriciaTrie t(lane->nodes_, trie::kEmptyTrieRoot, trie::KeyForm::kHashed);
    u128 holdings = 0;
    std::set<VmAddress> seen;
    for (const auto& [address, balance] : genesis) {
      if (!seen.insert(address).second) return Error("duskvm lane: genesis names account " + hex(address) + " twice");
      const Bytes rec = encode_account({balance, 0});
      batch.put(*lane->accounts_cf_, address, rec);
      if (auto r = t.put(address, rec); !r.ok()) return Error(r.error().message);
      holdings += wei(balance);
    }
    auto c = t.commit();
    if (!c.ok()) return Error(c.error().message);
    lane->nodes_.put(c->nodes, batch);
    const ph::TransferLedger empty(config.chain_id, nullptr);
    Head h{0, Hash256{}, c->root, holdings, empty.digest()};
    batch.put(*lane->meta_cf_, key_of("head"), lane->encode_head(h));
    batch.put(*lane->meta_cf_, key_of("phoenix"), encode_phoenix_meta(0, 0, Hash256{}));
    batch.put(*lane->phoenix_roots_cf_, height_key(0), empty.tree().root().to_bytes_le());
    batch.put(*lane->meta_cf_, key_of("final"), height_key(0));
    batch.put(*lane->roots_cf_, height_key(0), encode_roots({h.contracts_root, h.accounts_root}));
    if (auto w = db.write(batch); !w.ok()) return Error("duskvm lane: writing genesis: " + w.error().message);
  }
  DUSK_TRY(lane->load());
  DUSK_TRY(lane->load_phoenix());
  return lane;
}

Bytes VmLane::encode_head(const Head& h) const {
  Bytes rec = height_key(h.height);
  rec.insert(rec.end(), h.contracts_root.begin(), h.contracts_root.end());
  rec.insert(rec.end(), h.accounts_root.begin(), h.accounts_root.end());
  put_u128(rec, h.holdings);
  rec.insert(rec.end(), h.phoenix.begin(), h.phoenix.end());
  return rec;
}

Status VmLane::load_phoenix() {
  auto meta = db_->get(*meta_cf_, key_of("phoenix"));
  if (!meta.ok()) return Error(meta.error().message);
  if (!*meta || (*meta)->size() != kPhoenixMetaSize) return Error("duskvm lane: the Phoenix record is missing or corrupt");
  const u64 count = load_le<u64>((*meta)->data());
  const u128 pool = get_u128((*meta)->data() + 8);
  Hash256 chain;
  std::copy_n((*meta)->data() + 24, 32, chain.begin());
  std::vector<ph::Note> notes;
  notes.reserve(count);
  std::string bad;
  auto scanned = db_->scan(*notes_cf_, ByteView{}, [&](ByteView k, ByteView v) {
    auto note = v.size() == ph::kNoteSize ? ph::Note::decode(v.first<ph::kNoteSize>()) : std::nullopt;
    if (k.size() != 8 || !note || note->pos() != load_be<u64>(k.data())) {
      bad = "a corrupt note record";
      return false;
    }
    notes.push_back(std::move(*note));
    return true;
  });
  if (!scanned.ok()) return Error(scanned.error().message);
  if (!bad.empty()) return Error("duskvm lane: " + bad);
  if (notes.size() != count)
    return Error("duskvm lane: " + std::to_string(notes.size()) + " Phoenix notes recorded, the head says " +
                 std::to_string(count));
  std::vector<ph::Fr> roots;
  scanned = db_->scan(*phoenix_roots_cf_, ByteView{}, [&](ByteView, ByteView v) {
    auto root = ph::Fr::from_bytes_le(v);
    if (v.size() != 32 || !root.ok()) {
      bad = "a corrupt Phoenix root record";
      return false;
    }
    roots.push_back(*root);
    return true;
  });
  if (!scanned.ok()) return Error(scanned.error().message);
  if (!bad.empty()) return Error("duskvm lane: " + bad);
  std::vector<ph::NullifierKey> nullifiers;
  scanned = db_->scan(*nullifiers_cf_, ByteView{}, [&](ByteView k, ByteView) {
    if (k.size() != 32) {
      bad = "a corrupt nullifier record";
      return false;
    }
    ph::NullifierKey n;
    std::copy(k.begin(), k.end(), n.begin());
    nullifiers.push_back(n);
    return true;
  });
  if (!scanned.ok()) return Error(scanned.error().message);
  if (!bad.empty()) return Error("duskvm lane: " + bad);
  PhoenixKeys* keys = phoenix_keys_.get();
  ph::VerifierKeySource source = [keys](size_t inputs) -> std::shared_ptr<const crypto::plonk::VerifierKey> {
    if (!keys) return nullptr;
    auto k = keys->get(inputs);
    if (!k.ok()) {
      DUSK_LOG(kWarn, "phoenix", k.error().message);
      return nullptr;
    }
    return *k;
  };
  auto ledger = ph::TransferLedger::restore(config_.chain_id, std::move(source), std::move(notes), std::move(roots),
                                            std::move(nullifiers), chain, pool);
  if (!ledger.ok()) return Error("duskvm lane: " + ledger.error().message);
  if (ledger->digest() != head_.phoenix)
    return Error("duskvm lane: the Phoenix records do not match the head's digest " + hex(head_.phoenix));
  phoenix_ = std::make_unique<ph::TransferLedger>(std::move(*ledger));
  return {};
}

Status VmLane::load() {
  auto head = db_->get(*meta_cf_, key_of("head"));
  if (!head.ok()) return Error(head.error().message);
  if (!*head || (*head)->size() != kHeadSize)
    return Error("duskvm lane: the head record is missing or corrupt (or written by a version before Phoenix: start a "
                 "new data directory)");
  const Bytes& h = **head;
  head_.height = load_be<u64>(h.data());
  std::copy_n(h.data() + 8, 32, head_.contracts_root.begin());
  std::copy_n(h.data() + 40, 32, head_.accounts_root.begin());
  head_.holdings = get_u128(h.data() + 72);
  std::copy_n(h.data() + 88, 32, head_.phoenix.begin());
  auto fin = db_->get(*meta_cf_, key_of("final"));
  if (!fin.ok()) return Error(fin.error().message);
  if (!*fin || (*fin)->size() != 8) return Error("duskvm lane: the final record is missing or corrupt");
  final_height_ = load_be<u64>((*fin)->data());
  auto store_head = store_->head();
  if (!store_head.ok()) return Error(store_head.error().message);
  if (*store_head != head_.contracts_root)
    return Error("duskvm lane: the contract store's head " + hex(*store_head) + " is not the lane's " +
                 hex(head_.contracts_root));
  return {};
}

Hash256 VmLane::state_root() const { return lane_root(head_.contracts_root, head_.accounts_root, head_.phoenix); }

Result<VmAccount> VmLane::stored_account(const VmAddress& a) const {
  auto v = db_->get(*accounts_cf_, a);
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return VmAccount{};
  if ((*v)->size() != 16) return Error("duskvm lane: a corrupt account record");
  return VmAccount{load_le<u64>((*v)->data()), load_le<u64>((*v)->data() + 8)};
}

VmAccount VmLane::account(const VmAddress& address) const {
  auto a = stored_account(address);
  return a.ok() ? *a : VmAccount{};
}

Result<Hash256> VmLane::submit(ByteView transaction) {
  DUSK_ASSIGN(VmTransaction tx, decode_vm_transaction(transaction));
  return submit_checked(std::move(tx), transaction, ph::ProofCheck::kVerify);
}

Result<Hash256> VmLane::submit_verified(const VerifiedPhoenix& verified) {
  return submit_checked(verified.tx_, verified.encoded_, ph::ProofCheck::kAlreadyVerified);
}

Result<VmLane::VerifiedPhoenix> VmLane::verify_phoenix(ByteView transaction) const {
  DUSK_ASSIGN(VmTransaction tx, decode_vm_transaction(transaction));
  if (tx.kind != VmTxKind::kPhoenix) return Error("not a Phoenix transaction");
  if (!phoenix_keys_) return Error("Phoenix is not enabled on this chain (its genesis names no setup: lanes.phoenix_srs)");
  const ph::Transaction& ptx = *tx.phoenix_decoded;
  DUSK_ASSIGN(auto key, phoenix_keys_->get(ptx.nullifiers.size()));
  if (auto v = ph::TransferLedger::verify_proof(ptx, *key); !v.ok()) return Error("phoenix: " + v.error().message);
  return VerifiedPhoenix(std::move(tx), Bytes(transaction.begin(), transaction.end()));
}

Result<Hash256> VmLane::submit_checked(VmTransaction tx, ByteView transaction, ph::ProofCheck proof) {
  if (tx.chain_id != config_.chain_id)
    return Error("invalid chain id: transaction for chain " + std::to_string(tx.chain_id) + ", this is chain " +
                 std::to_string(config_.chain_id));
  if ((tx.kind == VmTxKind::kPhoenix || tx.kind == VmTxKind::kShield) && !phoenix_enabled())
    return Error("Phoenix is not enabled on this chain (its genesis names no setup: lanes.phoenix_srs)");
  if (tx.kind == VmTxKind::kPhoenix) return submit_phoenix(tx, transaction, proof);
  if (tx.kind == VmTxKind::kShield && tx.gas_limit < kVmShieldGas)
    return Error("intrinsic gas too low: a shield needs " + std::to_string(kVmShieldGas));
  if (tx.kind == VmTxKind::kTransfer && tx.gas_limit < kVmTransferGas)
    return Error("intrinsic gas too low: a transfer needs " + std::to_string(kVmTransferGas));
  if (tx.kind == VmTxKind::kWithdraw && tx.gas_limit < kVmWithdrawGas)
    return Error("intrinsic gas too low: a withdrawal needs " + std::to_string(kVmWithdrawGas));
  if (tx.gas_limit > config_.block_gas_limit)
    return Error("exceeds block gas limit: " + std::to_string(tx.gas_limit) + " > " +
                 std::to_string(config_.block_gas_limit));
  const u128 cost = static_cast<u128>(tx.gas_limit) * tx.gas_price + tx.amount;
  DUSK_ASSIGN(VmAccount acc, stored_account(vm_address(tx.sender)));
  if (cost > acc.balance)
    return Error("insufficient funds for gas * price + value: the account holds " + std::to_string(acc.balance) +
                 " LUX, the transaction may cost " + to_decimal(cost) + " LUX");
  DUSK_TRY(verify_vm_signature(tx));
  return pool_.add(std::move(tx), Bytes(transaction.begin(), transaction.end()), acc.nonce, head_.height);
}

Result<Hash256> VmLane::submit_phoenix(const VmTransaction& tx, ByteView encoded, ph::ProofCheck proof) {
  const ph::Transaction* ptx = tx.phoenix_decoded.get();
  const u64 gas = phoenix_gas(ptx->nullifiers.size());
  const u128 minimum = static_cast<u128>(gas) * config_.pool.min_gas_price;
  if (ptx->max_fee < minimum)
    return Error("max_fee too low: a Phoenix spend of " + std::to_string(ptx->nullifiers.size()) + " input(s) uses " +
                 std::to_string(gas) + " gas, at least " + to_decimal(minimum) + " LUX at the minimum gas price");
  if (gas > config_.block_gas_limit) return Error("exceeds block gas limit");
  if (auto c = phoenix_->check(*ptx, proof); !c.ok()) return Error("phoenix: " + c.error().message);
  PhoenixPool::Entry e;
  e.id = vm_transaction_id(encoded);
  e.tx = tx;
  e.encoded.assign(encoded.begin(), encoded.end());
  e.fee = ptx->max_fee;
  for (const auto& n : ptx->nullifiers) e.nullifiers.push_back(n.to_bytes_le());
  e.height = head_.height;
  return phoenix_pool_.add(std::move(e));
}

Result<lane::Payload> VmLane::build(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits) {
  return run(ctx, deposits, std::nullopt);
}

Result<lane::Payload> VmLane::execute(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                                      ByteView body) {
  return run(ctx, deposits, body);
}

Result<lane::Payload> VmLane::run(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                                  std::optional<ByteView> body) {
  if (pending_) return Error("duskvm lane: a block is already pending");
  if (!broken_.empty()) return Error("duskvm lane: unusable until restarted: " + broken_);
  if (ctx.height != head_.height + 1)
    return Error("duskvm lane: block " + std::to_string(ctx.height) + " on a lane at height " +
                 std::to_string(head_.height));
  if (ctx.generator.size() != lane::kDsKeyBytes) return Error("duskvm lane: a generator key of the wrong size");
  auto p = std::make_unique<Pending>();
  p->height = ctx.height;
  SessionConfig sc;
  sc.block_height = ctx.height;
  sc.chain_id = static_cast<u32>(ctx.chain_id);
  sc.modules = modules_;
  DUSK_ASSIGN(p->session, Session::open(*store_, head_.contracts_root, sc));
  // The Phoenix ledger changes in place: any way out before the block is pending rolls
  // it back (discard() does once it is pending).
  p->phoenix_mark = phoenix_->mark();
  struct RollbackUnlessKept {
    ph::TransferLedger* ledger;
    const ph::TransferLedger::Mark* mark;
    bool kept = false;
    ~RollbackUnlessKept() {
      if (!kept) ledger->rollback(*mark);
    }
  } rollback{phoenix_.get(), &*p->phoenix_mark};

  Error failure;
  auto acc = [&](const VmAddress& a) -> VmAccount* {
    auto it = p->accounts.find(a);
    if (it != p->accounts.end()) return &it->second;
    auto stored = stored_account(a);
    if (!stored.ok()) {
      failure = Error(stored.error().message);
      return nullptr;
    }
    const bool present = stored->balance != 0 || stored->nonce != 0;  // empty accounts are not stored
    p->previous.emplace(a, present ? std::optional<VmAccount>(*stored) : std::nullopt);
    return &p->accounts.emplace(a, *stored).first->second;
  };

  u128 holdings = head_.holdings;
  lane::Payload out;
  for (const lane::Deposit& d : deposits) {
    if (d.to.size() != 32) return Error("duskvm lane: a deposit to an address of " + std::to_string(d.to.size()) + " bytes");
    VmAddress to;
    std::copy(d.to.begin(), d.to.end(), to.begin());
    VmAccount* a = acc(to);
    if (!a) return failure;
    a->balance += d.amount;
    holdings += wei(d.amount);
  }

  // The transactions: from the pool, or from the body received.
  std::vector<std::pair<VmTransaction, Bytes>> txs;
  if (body) {
    ByteView b = *body;
    if (b.size() < 4) return Error("duskvm lane: a truncated body");
    const u32 n = load_le<u32>(b.data());
    size_t at = 4;
    for (u32 i = 0; i < n; ++i) {
      if (b.size() - at < 4) return Error("duskvm lane: a truncated body");
      const u32 len = load_le<u32>(b.data() + at);
      at += 4;
      if (b.size() - at < len) return Error("duskvm lane: a truncated body");
      ByteView enc = b.subspan(at, len);
      at += len;
      auto tx = decode_vm_transaction(enc);
      if (!tx.ok()) return Error("duskvm lane: transaction " + std::to_string(i) + ": " + tx.error().message);
      if (tx->kind != VmTxKind::kPhoenix)  // a Phoenix transaction's proof is verified when it runs
        if (auto sig = verify_vm_signature(*tx); !sig.ok())
          return Error("duskvm lane: transaction " + std::to_string(i) + ": " + sig.error().message);
      txs.emplace_back(std::move(*tx), Bytes(enc.begin(), enc.end()));
    }
    if (at != b.size()) return Error("duskvm lane: bytes after the body's last transaction");
  } else {
    for (const PhoenixPool::Entry* e : phoenix_pool_.select(config_.max_block_transactions))
      txs.emplace_back(e->tx, e->encoded);
    auto nonce_of = [&](const DsKey& k) { return account(vm_address(k)).nonce; };
    for (const VmPool::Entry* e : pool_.select(nonce_of, config_.max_block_transactions - txs.size()))
      txs.emplace_back(e->tx, e->encoded);
  }

  Bytes out_body;
  append_le<u32>(out_body, 0);
  u32 included = 0;
  u64 gas_left = config_.block_gas_limit;
  u64 fees = 0;
  std::set<DsKey> deferred;  // senders with a transaction left for a later block
  auto include = [&](nlohmann::ordered_json& r, const Hash256& id, ByteView encoded) {
    p->receipts.emplace_back(id, r.dump());
    append_le<u32>(out_body, static_cast<u32>(encoded.size()));
    out_body.insert(out_body.end(), encoded.begin(), encoded.end());
    ++included;
  };
  for (auto& [tx, encoded] : txs) {
    const Hash256 id = vm_transaction_id(encoded);
    if (tx.kind == VmTxKind::kPhoenix) {
      // Spends from the shielded pool: no sender, no nonce; the proof authorizes it.
      const ph::Transaction* ptx = tx.phoenix_decoded.get();  // decoded with tx
      const u64 gas = phoenix_gas(ptx->nullifiers.size());
      std::string invalid;
      bool wait = false;
      std::optional<ph::SpendOutcome> outcome;
      if (!phoenix_enabled()) invalid = "Phoenix is not enabled on this chain";
      else if (tx.chain_id != ctx.chain_id) invalid = "invalid chain id";
      else if (ptx->max_fee < static_cast<u128>(gas) * config_.pool.min_gas_price) invalid = "max_fee too low";
      else if (gas > gas_left) invalid = "the block's gas is spent", wait = true;
      else {
        // Pooled transactions were verified on entry; a received block's are verified here.
        auto spent = phoenix_->spend(*ptx, body ? ph::ProofCheck::kVerify : ph::ProofCheck::kAlreadyVerified);
        if (spent.ok())
          outcome = *spent;
        else
          invalid = spent.error().message;
      }
      if (!invalid.empty()) {
        if (body) return Error("duskvm lane: transaction " + hex(id) + " is not valid here: " + invalid);
        if (!wait) p->phoenix_dropped.push_back(id);
        continue;
      }
      gas_left -= gas;
      fees += outcome->fee;
      holdings -= wei(outcome->fee);  // the deposit stays in the lane: pool -> account
      nlohmann::ordered_json r;
      r["id"] = hex(id);
      r["height"] = ctx.height;
      r["index"] = included;
      r["kind"] = "phoenix";
      nlohmann::ordered_json nullifiers = nlohmann::ordered_json::array();
      for (const auto& n : ptx->nullifiers) nullifiers.push_back(hex(n.to_bytes_le()));
      r["nullifiers"] = std::move(nullifiers);
      r["positions"] = {outcome->positions[0], outcome->positions[1]};
      if (outcome->deposit != 0) {
        VmAddress to;
        std::copy(ptx->deposit_to.begin(), ptx->deposit_to.end(), to.begin());
        VmAccount* a = acc(to);
        if (!a) return failure;
        a->balance += outcome->deposit;
        r["deposit"] = std::to_string(outcome->deposit);
        r["deposit_to"] = hex(to);
      }
      r["ok"] = true;
      r["gas_spent"] = gas;
      r["fee"] = std::to_string(outcome->fee);
      p->phoenix_included.push_back(id);
      include(r, id, encoded);
      continue;
    }
    if (!body && deferred.count(tx.sender)) continue;  // its nonce order waits too
    VmAccount* sender = acc(vm_address(tx.sender));
    if (!sender) return failure;
    std::string invalid;
    const bool moves_amount =
        tx.kind == VmTxKind::kTransfer || tx.kind == VmTxKind::kWithdraw || tx.kind == VmTxKind::kShield;
    const u128 cost = static_cast<u128>(tx.gas_limit) * tx.gas_price + (moves_amount ? tx.amount : 0);
    if (tx.chain_id != ctx.chain_id) invalid = "invalid chain id";
    else if (tx.nonce != sender->nonce) invalid = "nonce " + std::to_string(tx.nonce) + ", the account expects " + std::to_string(sender->nonce);
    else if (cost > sender->balance) invalid = "insufficient funds for gas * price + value";
    else if (tx.gas_limit > gas_left) invalid = "the block's gas is spent";
    else if (tx.kind == VmTxKind::kTransfer && tx.gas_limit < kVmTransferGas) invalid = "intrinsic gas too low";
    else if (tx.kind == VmTxKind::kWithdraw && tx.gas_limit < kVmWithdrawGas) invalid = "intrinsic gas too low";
    else if (tx.kind == VmTxKind::kShield && tx.gas_limit < kVmShieldGas) invalid = "intrinsic gas too low";
    else if (tx.kind == VmTxKind::kShield && !phoenix_enabled()) invalid = "Phoenix is not enabled on this chain";
    if (!invalid.empty()) {
      if (body) return Error("duskvm lane: transaction " + hex(id) + " is not valid here: " + invalid);
      if (invalid == "the block's gas is spent")
        deferred.insert(tx.sender);  // waits in the pool for a later block
      else
        p->dropped.push_back(id);
      continue;
    }
    sender->balance -= static_cast<u64>(cost);
    sender->nonce += 1;
    gas_left -= tx.gas_limit;
    nlohmann::ordered_json r;
    r["id"] = hex(id);
    r["height"] = ctx.height;
    r["index"] = included;
    r["kind"] = std::string(vm_kind_name(tx.kind));
    r["sender"] = hex(vm_address(tx.sender));
    u64 spent = 0;
    bool ok = true;
    std::string error;
    switch (tx.kind) {
      case VmTxKind::kDeploy:
      case VmTxKind::kCall: {
        // Contracts know the signer by its DuskVM address (the 32-byte space contracts
        // share), as owner of what it deploys and as origin of what it calls.
        const VmAddress signer = vm_address(tx.sender);
        Receipt rc = tx.kind == VmTxKind::kDeploy
                         ? p->session->deploy(tx.code, signer, tx.nonce, tx.argument, tx.gas_limit)
                         : p->session->call(tx.contract, tx.function, tx.argument, tx.gas_limit, signer);
        spent = std::min(rc.gas_spent, tx.gas_limit);
        ok = rc.ok;
        error = rc.error;
        r["result"] = hex(rc.result);
        if (rc.deployed) r["deployed"] = hex(*rc.deployed);
        nlohmann::ordered_json events = nlohmann::ordered_json::array();
        for (const Event& e : rc.events)
          events.push_back({{"source", hex(e.source)}, {"topic", e.topic}, {"data", hex(e.data)}});
        r["events"] = std::move(events);
        if (tx.kind == VmTxKind::kCall) {
          r["contract"] = hex(tx.contract);
          r["function"] = tx.function;
        }
        break;
      }
      case VmTxKind::kTransfer: {
        spent = kVmTransferGas;
        VmAccount* to = acc(tx.to_address);
        if (!to) return failure;
        to->balance += tx.amount;
        r["to"] = hex(tx.to_address);
        r["amount"] = std::to_string(tx.amount);
        break;
      }
      case VmTxKind::kWithdraw: {
        spent = kVmWithdrawGas;
        const VmAddress from = vm_address(tx.sender);
        out.withdrawals.push_back({Bytes(from.begin(), from.end()), Bytes(tx.to_key.begin(), tx.to_key.end()), tx.amount});
        holdings -= wei(tx.amount);
        r["to"] = hex(tx.to_key);
        r["amount"] = std::to_string(tx.amount);
        break;
      }
      case VmTxKind::kShield: {
        // The amount moves from the account into the shielded pool, as a transparent
        // note whose contract data names the account it came from.
        spent = kVmShieldGas;
        const auto address = ph::StealthAddress::decode(tx.stealth);  // checked when decoded
        ph::ContractInfo origin{};
        const VmAddress from = vm_address(tx.sender);
        std::copy(from.begin(), from.end(), origin.begin());
        auto pos = address ? phoenix_->shield(*address, tx.amount, origin) : Result<u64>(Error("a bad stealth address"));
        if (pos.ok()) {
          r["position"] = *pos;
        } else {
          ok = false;
          error = pos.error().message;
          VmAccount* back = acc(from);
          if (!back) return failure;
          back->balance += tx.amount;
        }
        r["amount"] = std::to_string(tx.amount);
        break;
      }
      case VmTxKind::kPhoenix: break;  // handled above
    }
    sender = acc(vm_address(tx.sender));  // the map may have grown
    if (!sender) return failure;
    sender->balance += (tx.gas_limit - spent) * tx.gas_price;
    const u64 fee = spent * tx.gas_price;
    fees += fee;
    holdings -= wei(fee);
    r["ok"] = ok;
    if (!ok) r["error"] = error;
    r["gas_limit"] = tx.gas_limit;
    r["gas_spent"] = spent;
    r["fee"] = std::to_string(fee);  // amounts are decimal strings (docs/API.md)
    p->included.push_back(id);
    include(r, id, encoded);
  }
  store_le<u32>(out_body.data(), included);
  if (fees != 0) out.withdrawals.push_back({Bytes{}, ctx.generator, fees});

  // Roots.
  p->contracts_root = p->session->root();
  trie::PatriciaTrie t(nodes_, head_.accounts_root, trie::KeyForm::kHashed);
  for (const auto& [address, a] : p->accounts) {
    auto r = (a.balance == 0 && a.nonce == 0) ? t.erase(address) : t.put(address, encode_account(a));
    if (!r.ok()) return Error(r.error().message);
  }
  auto c = t.commit();
  if (!c.ok()) return Error(c.error().message);
  p->accounts_root = c->root;
  p->trie_nodes = std::move(c->nodes);
  p->holdings = holdings;
  p->body = out_body;
  p->phoenix_root_added = phoenix_->end_block();
  p->phoenix_digest = phoenix_->digest();
  p->phoenix_spent = phoenix_->spent_since_mark();

  out.body = std::move(out_body);
  out.state_root = lane_root(p->contracts_root, p->accounts_root, p->phoenix_digest);
  out.transactions = included;
  out.holdings = holdings;
  rollback.kept = true;
  pending_ = std::move(p);
  return out;
}

Status VmLane::stage(storage::WriteBatch& batch) {
  if (!pending_ || pending_->staged_done) return Error("duskvm lane: nothing to stage");
  Pending& p = *pending_;
  StateStore::Changes changes(*store_);
  if (p.kind == Pending::Kind::kBlock && p.contracts_root != head_.contracts_root) {
    auto staged = p.session->stage_commit(changes, true);
    if (!staged.ok()) return Error("duskvm lane: " + staged.error().message);
    p.staged = std::move(*staged);
  }
  // Roots that stay named: the pending block's and every committed block's above the
  // new final height.
  auto root_at = [&](u64 h) -> Result<Roots> {
    auto v = db_->get(*roots_cf_, height_key(h));
    if (!v.ok()) return Error(v.error().message);
    if (!*v || (*v)->size() != 64) return Error("duskvm lane: the roots of height " + std::to_string(h) + " are missing");
    Roots r;
    std::copy_n((*v)->data(), 32, r.contracts.begin());
    std::copy_n((*v)->data() + 32, 32, r.accounts.begin());
    return r;
  };
  if (p.finalize_height && *p.finalize_height > final_height_) {
    const u64 fh = *p.finalize_height;
    DUSK_ASSIGN(Roots final_roots, root_at(fh));
    std::set<Hash256> kept{final_roots.contracts};
    if (p.kind == Pending::Kind::kBlock) kept.insert(p.contracts_root);
    for (u64 h = fh + 1; h <= head_.height; ++h) {
      DUSK_ASSIGN(Roots r, root_at(h));
      kept.insert(r.contracts);
    }
    // The new final state first: the old one, no longer final, may then be forgotten.
    if (final_roots.contracts != Hash256{})
      if (auto f = changes.finalize(final_roots.contracts); !f.ok()) return Error("duskvm lane: " + f.error().message);
    for (u64 h = final_height_; h < fh; ++h) {
      DUSK_ASSIGN(Roots r, root_at(h));
      if (!kept.count(r.contracts) && r.contracts != Hash256{}) {
        if (auto f = changes.forget(r.contracts); !f.ok()) return Error("duskvm lane: " + f.error().message);
        kept.insert(r.contracts);  // once
      }
      batch.del(*undo_cf_, height_key(h + 1));
    }
    batch.put(*meta_cf_, key_of("final"), height_key(fh));
  }
  if (p.kind == Pending::Kind::kRevert) {
    DUSK_ASSIGN(Roots target, root_at(p.revert_height));
    auto table = store_->contracts(target.contracts);
    if (!table.ok()) return Error("duskvm lane: " + table.error().message);
    StateStore::NewCommit back;
    back.base = target.contracts;
    back.contracts = std::move(*table);
    if (auto c = changes.commit(back, true); !c.ok()) return Error("duskvm lane: " + c.error().message);
  }
  if (auto f = changes.finish(batch); !f.ok()) return Error("duskvm lane: " + f.error().message);

  if (p.kind == Pending::Kind::kBlock) {
    for (const auto& [address, a] : p.accounts) {
      if (a.balance == 0 && a.nonce == 0)
        batch.del(*accounts_cf_, address);
      else
        batch.put(*accounts_cf_, address, encode_account(a));
    }
    nodes_.put(p.trie_nodes, batch);
    batch.put(*roots_cf_, height_key(p.height), encode_roots({p.contracts_root, p.accounts_root}));
    batch.put(*blocks_cf_, height_key(p.height), p.body);
    for (const auto& [id, json] : p.receipts) batch.put(*receipts_cf_, id, as_bytes(json));
    // Phoenix: the block's notes, the nullifiers it spent, its root if it changed.
    const ph::TransferLedger::Mark& before = *p.phoenix_mark;
    const auto& notes = phoenix_->notes();
    for (u64 pos = before.notes; pos < notes.size(); ++pos) batch.put(*notes_cf_, height_key(pos), notes[pos].encode());
    for (const auto& n : p.phoenix_spent) batch.put(*nullifiers_cf_, n, height_key(p.height));
    if (p.phoenix_root_added) batch.put(*phoenix_roots_cf_, height_key(p.height), phoenix_->tree().root().to_bytes_le());
    batch.put(*meta_cf_, key_of("phoenix"),
              encode_phoenix_meta(notes.size(), phoenix_->pool(), phoenix_->nullifier_chain()));
    // Undo: the accounts as they were, then Phoenix as it was.
    Bytes undo;
    append_le<u32>(undo, static_cast<u32>(p.previous.size()));
    for (const auto& [address, was] : p.previous) {
      undo.insert(undo.end(), address.begin(), address.end());
      append_le<u8>(undo, was ? 1 : 0);
      append_le<u64>(undo, was ? was->balance : 0);
      append_le<u64>(undo, was ? was->nonce : 0);
    }
    append_le<u64>(undo, before.notes);
    put_u128(undo, before.pool);
    undo.insert(undo.end(), before.nullifier_chain.begin(), before.nullifier_chain.end());
    append_le<u32>(undo, static_cast<u32>(p.phoenix_spent.size()));
    for (const auto& n : p.phoenix_spent) undo.insert(undo.end(), n.begin(), n.end());
    batch.put(*undo_cf_, height_key(p.height), undo);
    batch.put(*meta_cf_, key_of("head"),
              encode_head({p.height, p.contracts_root, p.accounts_root, p.holdings, p.phoenix_digest}));
  }
  p.staged_done = true;
  return {};
}

void VmLane::committed() {
  if (!pending_) return;
  std::unique_ptr<Pending> p = std::move(pending_);
  if (p->kind == Pending::Kind::kRevert) {
    Status l = load();
    if (l.ok() && p->reload_phoenix) l = load_phoenix();
    if (!l.ok()) {
      // The disk holds the change; memory does not: refuse to go on rather than build
      // on a head that is not the one recorded.
      broken_ = "reloading after a finalization or revert: " + l.error().message;
      DUSK_LOG(kError, "duskvm", broken_);
    }
    return;
  }
  if (p->staged) p->session->committed(std::move(p->staged));
  head_ = Head{p->height, p->contracts_root, p->accounts_root, p->holdings, p->phoenix_digest};
  if (p->finalize_height && *p->finalize_height > final_height_) final_height_ = *p->finalize_height;
  for (const Hash256& id : p->included) pool_.remove(id);
  for (const Hash256& id : p->dropped) pool_.remove(id);
  pool_.prune([&](const DsKey& k) { return account(vm_address(k)).nonce; }, head_.height);
  for (const Hash256& id : p->phoenix_included) phoenix_pool_.remove(id);
  for (const Hash256& id : p->phoenix_dropped) phoenix_pool_.remove(id);
  phoenix_pool_.prune(head_.height);
}

void VmLane::discard() {
  if (pending_ && pending_->kind == Pending::Kind::kBlock && pending_->phoenix_mark)
    phoenix_->rollback(*pending_->phoenix_mark);
  pending_.reset();
}

Status VmLane::finalize(u64 height, storage::WriteBatch& batch) {
  if (height > head_.height + (pending_ ? 1 : 0)) return Error("duskvm lane: finalizing a height it does not have");
  if (height <= final_height_) return {};
  if (pending_ && !pending_->staged_done) {
    pending_->finalize_height = height;  // applied with the pending block in stage()
    return {};
  }
  if (pending_) return Error("duskvm lane: finalize after stage");
  // No block pending: a finalization of its own.
  auto p = std::make_unique<Pending>();
  p->kind = Pending::Kind::kRevert;  // nothing but the finalization: committed() reloads
  p->finalize_height = height;
  p->revert_height = head_.height;
  pending_ = std::move(p);
  return stage(batch);
}

Status VmLane::revert_to(u64 height, storage::WriteBatch& batch) {
  if (pending_) return Error("duskvm lane: a block is pending");
  if (height < final_height_)
    return Error("duskvm lane: cannot revert to " + std::to_string(height) + ", below the final height " +
                 std::to_string(final_height_));
  if (height >= head_.height) return {};
  std::map<VmAddress, std::optional<VmAccount>> restore;
  Head back{};
  // Phoenix as it was after `height`: from the undo of the block above it (read last).
  u64 notes_back = 0;
  u128 pool_back = 0;
  Hash256 chain_back{};
  std::vector<ph::NullifierKey> unspend;
  for (u64 h = head_.height; h > height; --h) {
    auto undo = db_->get(*undo_cf_, height_key(h));
    if (!undo.ok()) return Error(undo.error().message);
    if (!*undo) return Error("duskvm lane: the undo record of height " + std::to_string(h) + " is missing");
    const Bytes& u = **undo;
    if (u.size() < 4) return Error("duskvm lane: a corrupt undo record");
    const u32 n = load_le<u32>(u.data());
    const size_t phoenix_at = 4 + size_t{n} * kUndoAccountSize;
    if (u.size() < phoenix_at + kUndoPhoenixSize) return Error("duskvm lane: a corrupt undo record");
    const u8* ph_undo = u.data() + phoenix_at;
    const u32 spent = load_le<u32>(ph_undo + 56);
    if (u.size() != phoenix_at + kUndoPhoenixSize + size_t{spent} * 32) return Error("duskvm lane: a corrupt undo record");
    for (u32 i = 0; i < n; ++i) {
      const u8* e = u.data() + 4 + size_t{i} * kUndoAccountSize;
      VmAddress a;
      std::copy_n(e, 32, a.begin());
      restore[a] = e[32] ? std::optional<VmAccount>(VmAccount{load_le<u64>(e + 33), load_le<u64>(e + 41)}) : std::nullopt;
    }
    notes_back = load_le<u64>(ph_undo);
    pool_back = get_u128(ph_undo + 8);
    std::copy_n(ph_undo + 24, 32, chain_back.begin());
    for (u32 i = 0; i < spent; ++i) {
      ph::NullifierKey k;
      std::copy_n(ph_undo + kUndoPhoenixSize + size_t{i} * 32, 32, k.begin());
      unspend.push_back(k);
    }
    batch.del(*phoenix_roots_cf_, height_key(h));
    batch.del(*undo_cf_, height_key(h));
    batch.del(*roots_cf_, height_key(h));
    batch.del(*blocks_cf_, height_key(h));
  }
  for (const auto& [a, v] : restore) {
    if (v)
      batch.put(*accounts_cf_, a, encode_account(*v));
    else
      batch.del(*accounts_cf_, a);
  }
  // The head at `height`: its roots, and holdings recomputed from what the undo restores.
  auto roots = db_->get(*roots_cf_, height_key(height));
  if (!roots.ok()) return Error(roots.error().message);
  if (!*roots || (*roots)->size() != 64) return Error("duskvm lane: the roots of height " + std::to_string(height) + " are missing");
  back.height = height;
  std::copy_n((*roots)->data(), 32, back.contracts_root.begin());
  std::copy_n((*roots)->data() + 32, 32, back.accounts_root.begin());
  u128 holdings = head_.holdings;
  for (const auto& [a, v] : restore) {
    holdings -= wei(account(a).balance);
    if (v) holdings += wei(v->balance);
  }
  // Phoenix: the notes above the count it had, the nullifiers spent since; the pool
  // comes back into the holdings as it was.
  for (u64 pos = notes_back; pos < phoenix_->notes().size(); ++pos) batch.del(*notes_cf_, height_key(pos));
  for (const auto& k : unspend) batch.del(*nullifiers_cf_, k);
  batch.put(*meta_cf_, key_of("phoenix"), encode_phoenix_meta(notes_back, pool_back, chain_back));
  holdings = holdings - phoenix_->pool() * lane::kWeiPerLux + pool_back * lane::kWeiPerLux;
  ph::NoteTree tree = phoenix_->tree();  // the tree as it was: this one, cut back (17 hashes)
  tree.truncate(notes_back);
  back.phoenix = ph::TransferLedger::digest_of(tree.root(), notes_back, pool_back, chain_back);
  back.holdings = holdings;
  batch.put(*meta_cf_, key_of("head"), encode_head(back));
  auto p = std::make_unique<Pending>();
  p->kind = Pending::Kind::kRevert;
  p->reload_phoenix = true;
  p->revert_height = height;
  pending_ = std::move(p);
  return stage(batch);
}

Result<std::optional<std::string>> VmLane::receipt(const Hash256& id) const {
  auto v = db_->get(*receipts_cf_, id);
  if (!v.ok()) return Error(v.error().message);
  if (!*v) return std::optional<std::string>{};
  return std::optional<std::string>{std::string((*v)->begin(), (*v)->end())};
}

Result<Receipt> VmLane::query(const ContractId& contract, std::string_view fn, ByteView arg, u64 gas) {
  SessionConfig sc;
  sc.block_height = head_.height;
  sc.chain_id = static_cast<u32>(config_.chain_id);
  sc.modules = modules_;
  DUSK_ASSIGN(auto session, Session::open(*store_, head_.contracts_root, sc));
  return session->query(contract, fn, arg, gas);
}

Result<std::optional<abi::ContractAbi>> VmLane::contract_abi(const ContractId& contract) {
  SessionConfig sc;
  sc.modules = modules_;
  DUSK_ASSIGN(auto session, Session::open(*store_, head_.contracts_root, sc));
  return session->abi(contract);
}

bool VmLane::has_contract(const ContractId& contract) const {
  auto table = store_->contracts(head_.contracts_root);
  return table.ok() && table->count(contract) != 0;
}

}  // namespace dusk::vm
