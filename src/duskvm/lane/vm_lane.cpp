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
  std::optional<u64> finalize_height;
  std::unique_ptr<Session::Staged> staged;
  bool staged_done = false;
  u64 revert_height = 0;
};

std::vector<std::string> VmLane::families() {
  std::vector<std::string> f = StateStore::column_families(kPrefix);
  for (const char* own : {"vm_lane_accounts", "vm_lane_meta", "vm_lane_roots", "vm_lane_blocks", "vm_lane_receipts", "vm_lane_undo", "vm_lane_trie_nodes"})
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
      pool_(config.pool) {}

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
    Head h{0, Hash256{}, c->root, holdings};
    Bytes rec = height_key(0);
    rec.insert(rec.end(), h.contracts_root.begin(), h.contracts_root.end());
    rec.insert(rec.end(), h.accounts_root.begin(), h.accounts_root.end());
    put_u128(rec, h.holdings);
    batch.put(*lane->meta_cf_, key_of("head"), rec);
    batch.put(*lane->meta_cf_, key_of("final"), height_key(0));
    batch.put(*lane->roots_cf_, height_key(0), encode_roots({h.contracts_root, h.accounts_root}));
    if (auto w = db.write(batch); !w.ok()) return Error("duskvm lane: writing genesis: " + w.error().message);
  }
  DUSK_TRY(lane->load());
  return lane;
}

Status VmLane::load() {
  auto head = db_->get(*meta_cf_, key_of("head"));
  if (!head.ok()) return Error(head.error().message);
  if (!*head || (*head)->size() != 8 + 32 + 32 + 16) return Error("duskvm lane: the head record is missing or corrupt");
  const Bytes& h = **head;
  head_.height = load_be<u64>(h.data());
  std::copy_n(h.data() + 8, 32, head_.contracts_root.begin());
  std::copy_n(h.data() + 40, 32, head_.accounts_root.begin());
  head_.holdings = get_u128(h.data() + 72);
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

Hash256 VmLane::state_root() const {
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_VM_LANE_V1")), head_.contracts_root, head_.accounts_root});
}

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
  if (tx.chain_id != config_.chain_id)
    return Error("invalid chain id: transaction for chain " + std::to_string(tx.chain_id) + ", this is chain " +
                 std::to_string(config_.chain_id));
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
      if (auto sig = verify_vm_signature(*tx); !sig.ok()) return Error("duskvm lane: transaction " + std::to_string(i) + ": " + sig.error().message);
      txs.emplace_back(std::move(*tx), Bytes(enc.begin(), enc.end()));
    }
    if (at != b.size()) return Error("duskvm lane: bytes after the body's last transaction");
  } else {
    auto nonce_of = [&](const DsKey& k) { return account(vm_address(k)).nonce; };
    for (const VmPool::Entry* e : pool_.select(nonce_of, config_.max_block_transactions)) txs.emplace_back(e->tx, e->encoded);
  }

  Bytes out_body;
  append_le<u32>(out_body, 0);
  u32 included = 0;
  u64 gas_left = config_.block_gas_limit;
  u64 fees = 0;
  std::set<DsKey> deferred;  // senders with a transaction left for a later block
  for (auto& [tx, encoded] : txs) {
    const Hash256 id = vm_transaction_id(encoded);
    if (!body && deferred.count(tx.sender)) continue;  // its nonce order waits too
    VmAccount* sender = acc(vm_address(tx.sender));
    if (!sender) return failure;
    std::string invalid;
    const u128 cost = static_cast<u128>(tx.gas_limit) * tx.gas_price +
                      (tx.kind == VmTxKind::kTransfer || tx.kind == VmTxKind::kWithdraw ? tx.amount : 0);
    if (tx.chain_id != ctx.chain_id) invalid = "invalid chain id";
    else if (tx.nonce != sender->nonce) invalid = "nonce " + std::to_string(tx.nonce) + ", the account expects " + std::to_string(sender->nonce);
    else if (cost > sender->balance) invalid = "insufficient funds for gas * price + value";
    else if (tx.gas_limit > gas_left) invalid = "the block's gas is spent";
    else if (tx.kind == VmTxKind::kTransfer && tx.gas_limit < kVmTransferGas) invalid = "intrinsic gas too low";
    else if (tx.kind == VmTxKind::kWithdraw && tx.gas_limit < kVmWithdrawGas) invalid = "intrinsic gas too low";
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
    p->receipts.emplace_back(id, r.dump());
    p->included.push_back(id);
    append_le<u32>(out_body, static_cast<u32>(encoded.size()));
    out_body.insert(out_body.end(), encoded.begin(), encoded.end());
    ++included;
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

  out.body = std::move(out_body);
  out.state_root = crypto::blake2b<32>({as_bytes(std::string_view("DUSK_VM_LANE_V1")), p->contracts_root, p->accounts_root});
  out.transactions = included;
  out.holdings = holdings;
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
    // Undo: the accounts as they were, then the previous head.
    Bytes undo;
    append_le<u32>(undo, static_cast<u32>(p.previous.size()));
    for (const auto& [address, before] : p.previous) {
      undo.insert(undo.end(), address.begin(), address.end());
      append_le<u8>(undo, before ? 1 : 0);
      append_le<u64>(undo, before ? before->balance : 0);
      append_le<u64>(undo, before ? before->nonce : 0);
    }
    batch.put(*undo_cf_, height_key(p.height), undo);
    Bytes head = height_key(p.height);
    head.insert(head.end(), p.contracts_root.begin(), p.contracts_root.end());
    head.insert(head.end(), p.accounts_root.begin(), p.accounts_root.end());
    put_u128(head, p.holdings);
    batch.put(*meta_cf_, key_of("head"), head);
  }
  p.staged_done = true;
  return {};
}

void VmLane::committed() {
  if (!pending_) return;
  std::unique_ptr<Pending> p = std::move(pending_);
  if (p->kind == Pending::Kind::kRevert) {
    if (auto l = load(); !l.ok()) {
      // The disk holds the change; memory does not: refuse to go on rather than build
      // on a head that is not the one recorded.
      broken_ = "reloading after a finalization or revert: " + l.error().message;
      DUSK_LOG(kError, "duskvm", broken_);
    }
    return;
  }
  if (p->staged) p->session->committed(std::move(p->staged));
  head_ = Head{p->height, p->contracts_root, p->accounts_root, p->holdings};
  if (p->finalize_height && *p->finalize_height > final_height_) final_height_ = *p->finalize_height;
  for (const Hash256& id : p->included) pool_.remove(id);
  for (const Hash256& id : p->dropped) pool_.remove(id);
  pool_.prune([&](const DsKey& k) { return account(vm_address(k)).nonce; }, head_.height);
}

void VmLane::discard() { pending_.reset(); }

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
  for (u64 h = head_.height; h > height; --h) {
    auto undo = db_->get(*undo_cf_, height_key(h));
    if (!undo.ok()) return Error(undo.error().message);
    if (!*undo) return Error("duskvm lane: the undo record of height " + std::to_string(h) + " is missing");
    const Bytes& u = **undo;
    if (u.size() < 4) return Error("duskvm lane: a corrupt undo record");
    const u32 n = load_le<u32>(u.data());
    if (u.size() != 4 + size_t{n} * 49) return Error("duskvm lane: a corrupt undo record");
    for (u32 i = 0; i < n; ++i) {
      const u8* e = u.data() + 4 + size_t{i} * 49;
      VmAddress a;
      std::copy_n(e, 32, a.begin());
      restore[a] = e[32] ? std::optional<VmAccount>(VmAccount{load_le<u64>(e + 33), load_le<u64>(e + 41)}) : std::nullopt;
    }
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
  back.holdings = holdings;
  Bytes head = height_key(back.height);
  head.insert(head.end(), back.contracts_root.begin(), back.contracts_root.end());
  head.insert(head.end(), back.accounts_root.begin(), back.accounts_root.end());
  put_u128(head, back.holdings);
  batch.put(*meta_cf_, key_of("head"), head);
  auto p = std::make_unique<Pending>();
  p->kind = Pending::Kind::kRevert;
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
