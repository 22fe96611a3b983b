#include "duskevm/evm_lane.hpp"

#include <algorithm>
#include <set>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/kzg/default_setup.hpp"
#include "duskevm/base_fee.hpp"
#include "duskevm/bridge_contract.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"  // kzg_to_versioned_hash
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

constexpr std::string_view kBlocks = "evm_blocks";
constexpr std::string_view kBlockIndex = "evm_block_index";
constexpr std::string_view kReceipts = "evm_receipts";
constexpr std::string_view kTxIndex = "evm_tx_index";
constexpr std::string_view kUndo = "evm_undo";
constexpr std::string_view kChain = "evm_chain";
constexpr std::string_view kBlobs = "evm_blobs";
const Bytes kHeadKey = {'h', 'e', 'a', 'd'};
const Bytes kFinalKey = {'f', 'i', 'n', 'a', 'l'};
const Bytes kChainIdKey = {'c', 'h', 'a', 'i', 'n', '_', 'i', 'd'};

Bytes be64(u64 v) {
  Bytes k(8);
  store_be<u64>(k.data(), v);
  return k;
}
Bytes prefixed(u8 p, ByteView rest) {
  Bytes k(1 + rest.size());
  k[0] = p;
  std::copy(rest.begin(), rest.end(), k.begin() + 1);
  return k;
}
Bytes number_key(u64 n) { return prefixed('n', be64(n)); }
Bytes hash_key(const Hash256& h) { return prefixed('h', h); }
// evm_blobs: 'h' ++ versioned hash ++ number -> BlobRecord; 'n' ++ number -> the block's
// versioned hashes (RLP list, block order).
Bytes blob_key(const Hash256& versioned_hash, u64 number) {
  Bytes k = prefixed('h', versioned_hash);
  const Bytes n = be64(number);
  k.insert(k.end(), n.begin(), n.end());
  return k;
}

Uint256 from_u128(u128 v) { return Uint256{static_cast<u64>(v), static_cast<u64>(v >> 64), 0, 0}; }
std::optional<u128> to_u128(const Uint256& v) {
  if (v.w[2] != 0 || v.w[3] != 0) return std::nullopt;
  return (static_cast<u128>(v.w[1]) << 64) | v.w[0];
}

Bytes encode_head(const EvmHead& h) {
  Bytes p;
  rlp::encode_uint(p, Uint256{h.number});
  rlp::encode_bytes(p, h.hash);
  rlp::encode_bytes(p, h.state_root);
  rlp::encode_uint(p, Uint256{h.gas_used});
  rlp::encode_uint(p, h.base_fee);
  rlp::encode_uint(p, from_u128(h.holdings));
  rlp::encode_uint(p, Uint256{h.timestamp});
  rlp::encode_uint(p, Uint256{h.blob_gas_used});
  rlp::encode_uint(p, Uint256{h.excess_blob_gas});
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<Hash256> hash_item(const rlp::Item& item) {
  auto b = rlp::decode_bytes(item);
  if (!b || b->size() != 32) return Error("evm lane head: a bad hash");
  Hash256 h;
  std::copy(b->begin(), b->end(), h.begin());
  return h;
}

Result<EvmHead> decode_head(ByteView in) {
  auto item = rlp::decode_single(in);
  if (!item) return Error("evm lane head: " + item.error().message);
  auto f = rlp::decode_list(*item);
  // Seven items: a record from before blob transactions (no blob gas yet).
  if (!f || (f->size() != 7 && f->size() != 9)) return Error("evm lane head: not a list of seven or nine items");
  EvmHead h;
  auto number = rlp::decode_u64((*f)[0]);
  auto gas_used = rlp::decode_u64((*f)[3]);
  auto base_fee = rlp::decode_uint256((*f)[4]);
  auto holdings = rlp::decode_uint256((*f)[5]);
  auto timestamp = rlp::decode_u64((*f)[6]);
  if (!number || !gas_used || !base_fee || !holdings || !to_u128(*holdings) || !timestamp)
    return Error("evm lane head: a bad number");
  h.number = *number;
  DUSK_ASSIGN(h.hash, hash_item((*f)[1]));
  DUSK_ASSIGN(h.state_root, hash_item((*f)[2]));
  h.gas_used = *gas_used;
  h.base_fee = *base_fee;
  h.holdings = *to_u128(*holdings);
  h.timestamp = *timestamp;
  if (f->size() == 9) {
    auto blob_gas_used = rlp::decode_u64((*f)[7]);
    auto excess_blob_gas = rlp::decode_u64((*f)[8]);
    if (!blob_gas_used || !excess_blob_gas) return Error("evm lane head: a bad number");
    h.blob_gas_used = *blob_gas_used;
    h.excess_blob_gas = *excess_blob_gas;
  }
  return h;
}

// An undo record: RLP([head before, state undo]).
Bytes encode_undo(const EvmHead& before, const StateUndo& state) {
  Bytes p = encode_head(before);
  rlp::encode_bytes(p, encode_state_undo(state));
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<std::pair<EvmHead, StateUndo>> decode_undo(ByteView in) {
  auto item = rlp::decode_single(in);
  if (!item) return Error("evm undo: " + item.error().message);
  ByteView rest = item->payload;
  auto head_item = rlp::decode_item(rest);
  if (!head_item) return Error("evm undo: " + head_item.error().message);
  const ByteView head_bytes(item->payload.data(), item->payload.size() - rest.size());
  DUSK_ASSIGN(EvmHead head, decode_head(head_bytes));
  auto state_item = rlp::decode_single(rest);
  if (!state_item) return Error("evm undo: " + state_item.error().message);
  auto state_bytes = rlp::decode_bytes(*state_item);
  if (!state_bytes) return Error("evm undo: the state undo is not a byte string");
  DUSK_ASSIGN(StateUndo state, decode_state_undo(*state_bytes));
  return std::pair<EvmHead, StateUndo>{head, std::move(state)};
}

Result<std::optional<Bytes>> get(const storage::Database& db, const storage::Family& f, ByteView key) {
  auto got = db.get(f, key);
  if (!got) return Error("reading " + f.name() + ": " + got.error().message);
  return std::move(*got);
}

}  // namespace

// The block between build/execute and committed/discard, or a revert between revert_to
// and committed.
struct EvmLane::Pending {
  bool is_revert = false;
  bool staged = false;
  EvmHead head;  // the head once committed
  // A block:
  EvmBlock block;
  BlockResult result;
  StateUndo undo;
  std::vector<BlobRecord> blobs;  // the block's, as kept (evm_blobs)
  // A revert: the transactions of the removed blocks and the sidecars kept of their blob
  // transactions, for the pool.
  std::vector<Bytes> reverted;
  std::map<Hash256, BlobSidecar> reverted_sidecars;
};

std::vector<std::string> EvmLane::families() {
  std::vector<std::string> out = DbStateBackend::families();
  for (std::string_view f : {kBlocks, kBlockIndex, kReceipts, kTxIndex, kUndo, kChain, kBlobs}) out.emplace_back(f);
  return out;
}

EvmLane::EvmLane(storage::Database& db, EvmLaneConfig config)
    : db_(db),
      config_(std::move(config)),
      backend_(db),
      blocks_(db.family(kBlocks)),
      block_index_(db.family(kBlockIndex)),
      receipts_(db.family(kReceipts)),
      tx_index_(db.family(kTxIndex)),
      undo_(db.family(kUndo)),
      chain_(db.family(kChain)),
      blobs_(db.family(kBlobs)),
      pool_(config_.pool) {}

EvmLane::~EvmLane() = default;

Result<std::unique_ptr<EvmLane>> EvmLane::open(storage::Database& db, EvmLaneConfig config,
                                               const std::vector<GenesisAccount>& genesis) {
  if (config.chain_id == 0) return Error("evm lane: the chain id must not be 0");
  if (config.block_gas_limit < 21000) return Error("evm lane: the block gas limit is below 21000");
  if (config.blob_retention_blocks == 0) return Error("evm lane: the blob retention must be at least one block");
  for (const std::string& f : families())
    if (db.find_family(f) == nullptr) return Error("evm lane: the database lacks the column family " + f);
  std::unique_ptr<EvmLane> lane(new EvmLane(db, std::move(config)));
  DUSK_TRY(lane->load_or_create(genesis));
  return lane;
}

Status EvmLane::load_or_create(const std::vector<GenesisAccount>& genesis) {
  DUSK_ASSIGN(auto head, get(db_, chain_, kHeadKey));
  if (head) {
    DUSK_ASSIGN(head_, decode_head(*head));
    DUSK_ASSIGN(const Hash256 root, backend_.root());
    if (root != head_.state_root) return Error("evm lane: the recorded head's state root is not the state's");
    DUSK_ASSIGN(auto chain_id, get(db_, chain_, kChainIdKey));
    if (!chain_id) {  // a database from before the chain id was recorded: record it now
      storage::WriteBatch batch;
      batch.put(chain_, kChainIdKey, be64(config_.chain_id));
      if (auto w = db_.write(batch); !w) return Error("evm lane: " + w.error().message);
      chain_id = be64(config_.chain_id);
    }
    if (chain_id->size() != 8) return Error("evm lane: a bad chain id record");
    if (load_be<u64>(chain_id->data()) != config_.chain_id)
      return Error("evm lane: the database holds chain " + std::to_string(load_be<u64>(chain_id->data())) +
                   ", not " + std::to_string(config_.chain_id));
    DUSK_ASSIGN(auto fin, get(db_, chain_, kFinalKey));
    if (fin) {
      if (fin->size() != 8) return Error("evm lane: a bad final height");
      finalized_ = load_be<u64>(fin->data());
    }
    return {};
  }

  // Genesis.
  std::set<Address> seen;
  State state;
  state.set_backend(&backend_);
  state.begin_transaction();
  u128 holdings = 0;
  for (const GenesisAccount& g : genesis) {
    if (g.address == kBridgeAddress) return Error("evm genesis: the bridge's address is reserved");
    if (!seen.insert(g.address).second) return Error("evm genesis: the address " + to_hex(g.address) + " is repeated");
    const auto b = to_u128(g.balance);
    if (!b || holdings + *b < holdings) return Error("evm genesis: balances sum to 2^128 wei or more");
    holdings += *b;
    if (g.code.size() > kMaxCodeSize) return Error("evm genesis: the code of " + to_hex(g.address) + " is too large");
    state.get_or_create(g.address);
    state.set_balance(g.address, g.balance);
    if (!g.code.empty()) {
      state.set_code(g.address, g.code);
      state.set_nonce(g.address, 1);
    }
  }
  state.get_or_create(kBridgeAddress);
  state.set_code(kBridgeAddress, Bytes(bridge_runtime_code().begin(), bridge_runtime_code().end()));
  state.set_nonce(kBridgeAddress, 1);
  state.finalize_transaction();
  if (state.backend_failure()) return Error("evm genesis: " + state.backend_failure()->message);

  storage::WriteBatch batch;
  DUSK_ASSIGN(const Hash256 root, backend_.apply(state.take_changes(), 0, batch));
  EvmBlock block;
  block.header.coinbase = kBridgeAddress;
  block.header.state_root = root;
  block.header.transactions_root = trie::kEmptyTrieRoot;
  block.header.receipts_root = trie::kEmptyTrieRoot;
  block.header.gas_limit = config_.block_gas_limit;
  block.header.base_fee = config_.initial_base_fee;
  block.header.with_requests_hash = config_.fork >= Fork::kPrague;
  EvmHead h;
  h.hash = block_hash(block.header);
  h.state_root = root;
  h.base_fee = config_.initial_base_fee;
  h.holdings = holdings;
  batch.put(blocks_, be64(0), encode_block(block));
  batch.put(block_index_, number_key(0), h.hash);
  batch.put(block_index_, hash_key(h.hash), be64(0));
  batch.put(receipts_, be64(0), encode_receipts({}));
  batch.put(chain_, kHeadKey, encode_head(h));
  batch.put(chain_, kFinalKey, be64(0));
  batch.put(chain_, kChainIdKey, be64(config_.chain_id));
  if (auto w = db_.write(batch); !w) return Error("evm genesis: " + w.error().message);
  head_ = h;
  finalized_ = 0;
  return {};
}

u64 EvmLane::height() const {
  std::lock_guard lock(mu_);
  return head_.number;
}
Hash256 EvmLane::state_root() const {
  std::lock_guard lock(mu_);
  return head_.state_root;
}
u128 EvmLane::holdings() const {
  std::lock_guard lock(mu_);
  return head_.holdings;
}
EvmHead EvmLane::head() const {
  std::lock_guard lock(mu_);
  return head_;
}
u64 EvmLane::finalized_height() const {
  std::lock_guard lock(mu_);
  return finalized_;
}
bool EvmLane::pooled(const Hash256& transaction_hash) const {
  std::lock_guard lock(mu_);
  return pool_.find(transaction_hash) != nullptr;
}

size_t EvmLane::pool_size() const {
  std::lock_guard lock(mu_);
  return pool_.size();
}
Uint256 EvmLane::next_base_fee() const {
  std::lock_guard lock(mu_);
  return evm::next_base_fee(head_.base_fee, head_.gas_used, config_.block_gas_limit);
}

Uint256 EvmLane::next_blob_base_fee_locked() const {
  const BlobSchedule schedule = default_blob_schedule(config_.fork);
  return evm::blob_base_fee(next_excess_blob_gas(head_.excess_blob_gas, head_.blob_gas_used, schedule), schedule);
}

Uint256 EvmLane::blob_base_fee() const {
  std::lock_guard lock(mu_);
  return next_blob_base_fee_locked();
}

EvmBlobFees EvmLane::blob_fees(const EvmBlockHeader& header) const {
  const BlobSchedule schedule = default_blob_schedule(config_.fork);
  return {header.blob_gas_used, max_blob_gas_per_block(schedule), header.excess_blob_gas,
          evm::blob_base_fee(header.excess_blob_gas, schedule)};
}

TxPool::Limits EvmLane::pool_limits_locked() const {
  return {evm::next_base_fee(head_.base_fee, head_.gas_used, config_.block_gas_limit), next_blob_base_fee_locked(),
          config_.block_gas_limit, config_.fork};
}

Result<Hash256> EvmLane::submit(ByteView transaction) {
  // A blob transaction's network form is split and its sidecar checked before the lock
  // is taken (the KZG batch costs milliseconds; config_ and the setup are read-only).
  DUSK_ASSIGN(auto network, split_network_form(transaction));
  const ByteView bare = network ? ByteView(network->transaction) : transaction;
  if (bare.size() > config_.pool.max_transaction_bytes) return Error("oversized data");
  DUSK_ASSIGN(SignedTx s, decode_signed(bare, config_.chain_id));
  if (s.tx.type == TxType::kBlob) {
    if (!network) return Error("missing sidecar in blob transaction");
    const u64 permitted = default_blob_schedule(config_.fork).max;
    if (s.tx.blob_hashes.size() > permitted)
      return Error("too many blobs in transaction: have " + std::to_string(s.tx.blob_hashes.size()) + ", permitted " +
                   std::to_string(permitted));
    const auto& setup = crypto::kzg::default_trusted_setup();
    if (!setup) return Error("blob transactions unavailable: " + setup.error().message);
    DUSK_TRY(verify_sidecar(s.tx.blob_hashes, network->sidecar, *setup));
    s.sidecar = std::make_shared<const BlobSidecar>(std::move(network->sidecar));
  }
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto account, backend_.account(s.tx.sender));
  TxPool::Account a;
  if (account) {
    a.nonce = account->nonce;
    a.balance = account->balance;
    if (!account->code->empty() && !(config_.fork >= Fork::kPrague && Evm::delegation_target(*account->code)))
      return Error("sender not an eoa");
  }
  return pool_.add(std::move(s), a, pool_limits_locked(), head_.number);
}

BlockEnv EvmLane::lane_env() const {
  BlockEnv env;
  env.coinbase = kBridgeAddress;
  env.gas_limit = config_.block_gas_limit;
  env.chain_id = Uint256{config_.chain_id};
  env.blobs = default_blob_schedule(config_.fork);
  env.p256verify = true;
  // BLOCKHASH reads committed blocks only: every block below the one being built is.
  env.block_hash = [this](u64 n) {
    auto h = block_hash_locked(n);
    return h && *h ? **h : Hash256{};
  };
  return env;
}

BlockEnv EvmLane::block_env(const lane::BlockContext& ctx) const {
  BlockEnv env = lane_env();
  env.number = ctx.height;
  env.timestamp = ctx.timestamp_ms / 1000;
  env.base_fee = evm::next_base_fee(head_.base_fee, head_.gas_used, config_.block_gas_limit);
  env.excess_blob_gas = next_excess_blob_gas(head_.excess_blob_gas, head_.blob_gas_used, env.blobs);
  env.prev_randao = Uint256::from_be(ctx.seed.data());
  return env;
}

Result<lane::Payload> EvmLane::build(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits) {
  std::lock_guard lock(mu_);
  if (pending_) return Error("evm lane: a block is pending");
  if (ctx.height != head_.number + 1)
    return Error("evm lane: block " + std::to_string(ctx.height) + " does not follow " + std::to_string(head_.number));
  BlockExecutor ex(backend_, block_env(ctx), config_.fork, cache_);
  DUSK_TRY(ex.credit_deposits(deposits));

  // Each sender's next transaction is a candidate; the best tip goes first (arrival
  // breaks ties), and the sender's following nonce takes its place.
  const Uint256 base_fee = ex.env().base_fee;
  const Uint256 blob_fee = evm::blob_base_fee(ex.env());
  struct Candidate {
    Uint256 tip;
    u64 seq;
    const PooledTx* tx;
    bool operator<(const Candidate& o) const { return tip != o.tip ? o.tip < tip : seq < o.seq; }
  };
  std::set<Candidate> candidates;
  auto offer = [&](const Address& sender) {
    auto s = pool_.by_sender().find(sender);
    if (s == pool_.by_sender().end()) return;
    auto t = s->second.find(ex.nonce(sender));
    if (t == s->second.end()) return;
    // A blob transaction waits while its blob fee cap is below the blob base fee.
    const Transaction& tx = t->second.signed_tx.tx;
    if (tx.type == TxType::kBlob && tx.max_fee_per_blob_gas < blob_fee) return;
    if (auto tip = effective_tip(t->second.signed_tx.tx, base_fee)) candidates.insert({*tip, t->second.seq, &t->second});
  };
  for (const auto& [sender, txs] : pool_.by_sender()) offer(sender);
  std::vector<Hash256> invalid;
  Sidecars sidecars;
  while (!candidates.empty() && ex.gas_left() >= 21000) {
    const PooledTx* p = candidates.begin()->tx;
    candidates.erase(candidates.begin());
    const auto attempt = ex.apply(p->signed_tx);
    if (attempt.outcome == BlockExecutor::Outcome::kIncluded) {
      if (p->signed_tx.sidecar) sidecars.emplace_back(p->signed_tx.hash, p->signed_tx.sidecar);
      offer(p->signed_tx.tx.sender);
    } else if (attempt.outcome == BlockExecutor::Outcome::kInvalid) invalid.push_back(p->signed_tx.hash);
  }
  auto payload = finish_block(ctx, ex, {}, sidecars);
  for (const Hash256& h : invalid) pool_.remove(h);
  return payload;
}

Result<lane::Payload> EvmLane::execute(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                                       ByteView body) {
  std::lock_guard lock(mu_);
  if (pending_) return Error("evm lane: a block is pending");
  if (ctx.height != head_.number + 1)
    return Error("evm lane: block " + std::to_string(ctx.height) + " does not follow " + std::to_string(head_.number));
  DUSK_ASSIGN(const std::vector<Bytes> raws, decode_transaction_list(body));
  BlockExecutor ex(backend_, block_env(ctx), config_.fork, cache_);
  DUSK_TRY(ex.credit_deposits(deposits));
  Sidecars sidecars;
  for (size_t i = 0; i < raws.size(); ++i) {
    auto s = decode_signed(raws[i], config_.chain_id);
    if (!s) return Error("transaction " + std::to_string(i) + ": " + s.error().message);
    const auto attempt = ex.apply(*s);
    if (attempt.outcome != BlockExecutor::Outcome::kIncluded)
      return Error("transaction " + std::to_string(i) + ": " + attempt.why);
    if (s->tx.type == TxType::kBlob)
      if (const PooledTx* pooled = pool_.find(s->hash); pooled && pooled->signed_tx.sidecar)
        sidecars.emplace_back(s->hash, pooled->signed_tx.sidecar);
  }
  return finish_block(ctx, ex, Bytes(body.begin(), body.end()), sidecars);
}

Result<lane::Payload> EvmLane::finish_block(const lane::BlockContext& ctx, BlockExecutor& ex, Bytes body,
                                            const Sidecars& sidecars) {
  auto p = std::make_unique<Pending>();
  DUSK_ASSIGN(p->result, ex.finish(ctx.generator));
  BlockResult& r = p->result;
  if (body.empty()) body = encode_transaction_list(r.transactions);

  // Holdings: every changed account's new balance less its old one.
  DUSK_ASSIGN(p->undo, backend_.undo_of(r.changes));
  u128 holdings = head_.holdings;
  for (const auto& a : p->undo.accounts) {
    const auto b = to_u128(a.balance);
    if (!b) return Error("evm lane: a stored balance of 2^128 wei or more");
    holdings -= *b;  // modulo 2^128: the sum at the end is exact
  }
  for (const AccountChange& c : r.changes.accounts) {
    if (c.deleted) continue;
    const auto b = to_u128(c.balance);
    if (!b) return Error("evm lane: a balance of 2^128 wei or more");
    holdings += *b;
  }
  // The root, from a batch that is thrown away (stage() applies the changes again into
  // the node's batch: a storage::WriteBatch cannot be appended to another).
  storage::WriteBatch scratch;
  DUSK_ASSIGN(const Hash256 root, backend_.apply(r.changes, ctx.height, scratch));

  EvmBlockHeader& h = p->block.header;
  h.parent_hash = head_.hash;
  h.coinbase = kBridgeAddress;
  h.state_root = root;
  h.transactions_root = r.transactions_root;
  h.receipts_root = r.receipts_root;
  h.logs_bloom = r.logs_bloom;
  h.number = ctx.height;
  h.gas_limit = config_.block_gas_limit;
  h.gas_used = r.gas_used;
  h.timestamp = ex.env().timestamp;
  h.mix_hash = ctx.seed;
  h.base_fee = ex.env().base_fee;
  h.blob_gas_used = r.blob_gas_used;
  h.excess_blob_gas = ex.env().excess_blob_gas;
  h.with_requests_hash = config_.fork >= Fork::kPrague;
  p->block.transactions = r.transactions;
  p->head = {ctx.height, block_hash(h), root, r.gas_used, h.base_fee, holdings, h.timestamp, h.blob_gas_used,
             h.excess_blob_gas};
  for (const auto& [tx_hash, sidecar] : sidecars)
    for (size_t i = 0; i < sidecar->blobs.size(); ++i)
      p->blobs.push_back({kzg_to_versioned_hash(sidecar->commitments[i]), ctx.height, tx_hash, static_cast<u32>(i),
                          sidecar->blobs[i], sidecar->commitments[i], sidecar->proofs[i]});

  lane::Payload payload;
  payload.body = std::move(body);
  payload.state_root = root;
  payload.withdrawals = r.withdrawals;
  payload.transactions = static_cast<u32>(r.transactions.size());
  payload.burned = r.burned;
  payload.holdings = holdings;
  pending_ = std::move(p);
  return payload;
}

Status EvmLane::stage(storage::WriteBatch& batch) {
  std::lock_guard lock(mu_);
  if (!pending_ || pending_->is_revert) return Error("evm lane: no block to stage");
  if (pending_->staged) return Error("evm lane: the block is staged already");
  Pending& p = *pending_;
  DUSK_ASSIGN(const Hash256 root, backend_.apply(p.result.changes, p.head.number, batch));
  if (root != p.head.state_root) return Error("evm lane: the state root changed between execution and staging");
  const Bytes number = be64(p.head.number);
  batch.put(blocks_, number, encode_block(p.block));
  batch.put(block_index_, number_key(p.head.number), p.head.hash);
  batch.put(block_index_, hash_key(p.head.hash), number);
  batch.put(receipts_, number, encode_receipts(p.result.receipts));
  for (size_t i = 0; i < p.result.hashes.size(); ++i) {
    Bytes at = number;
    at.resize(12);
    store_be<u32>(at.data() + 8, static_cast<u32>(i));
    batch.put(tx_index_, p.result.hashes[i], at);
  }
  batch.put(undo_, number, encode_undo(head_, p.undo));
  batch.put(chain_, kHeadKey, encode_head(p.head));
  // Blobs: this block's, and the window's oldest block's leave. Blocks are looked for
  // from the oldest record up, so that a smaller retention than before prunes them all.
  if (!p.blobs.empty()) {
    Bytes list;
    for (const BlobRecord& b : p.blobs) {
      batch.put(blobs_, blob_key(b.versioned_hash, b.block_number), encode_blob_record(b));
      rlp::encode_bytes(list, b.versioned_hash);
    }
    Bytes index;
    rlp::encode_list_payload(index, list);
    batch.put(blobs_, number_key(p.head.number), index);
  }
  if (p.head.number > config_.blob_retention_blocks) {
    const u64 last = p.head.number - config_.blob_retention_blocks;
    std::vector<u64> old;
    auto scanned = db_.scan(blobs_, Bytes{'n'}, [&](ByteView key, ByteView) {
      if (key.size() != 9) return true;
      const u64 n = load_be<u64>(key.data() + 1);
      if (n > last) return false;
      old.push_back(n);
      return true;
    });
    if (!scanned) return Error("reading " + blobs_.name() + ": " + scanned.error().message);
    for (u64 n : old) DUSK_TRY(delete_blobs_of(n, batch, nullptr));
  }
  p.staged = true;
  return {};
}

void EvmLane::committed() {
  std::lock_guard lock(mu_);
  if (!pending_) return;
  std::unique_ptr<Pending> p = std::move(pending_);
  if (!p->staged) return;  // nothing was written
  head_ = p->head;
  for (const Hash256& h : p->result.hashes) pool_.remove(h);
  // Transactions of reverted blocks go back to the pool if they still can.
  for (const Bytes& raw : p->reverted) {
    auto s = decode_signed(raw, config_.chain_id);
    if (!s) continue;
    if (s->tx.type == TxType::kBlob) {  // back only with its sidecar, if the window kept it
      auto kept = p->reverted_sidecars.find(s->hash);
      if (kept == p->reverted_sidecars.end()) continue;
      s->sidecar = std::make_shared<const BlobSidecar>(std::move(kept->second));
    }
    auto account = backend_.account(s->tx.sender);
    if (!account) continue;
    TxPool::Account a;
    if (*account) a = {(*account)->nonce, (*account)->balance};
    (void)pool_.add(std::move(*s), a, pool_limits_locked(), head_.number);
  }
  pool_.prune(
      [&](const Address& a) -> u64 {
        auto acc = backend_.account(a);
        return acc && *acc ? (*acc)->nonce : 0;
      },
      head_.number);
}

void EvmLane::discard() {
  std::lock_guard lock(mu_);
  pending_.reset();
}

Status EvmLane::finalize(u64 height, storage::WriteBatch& batch) {
  std::lock_guard lock(mu_);
  if (height > head_.number)
    return Error("evm lane: cannot finalize " + std::to_string(height) + " above the head " + std::to_string(head_.number));
  if (height <= finalized_) return {};
  for (u64 n = finalized_ + 1; n <= height; ++n) batch.del(undo_, be64(n));
  batch.put(chain_, kFinalKey, be64(height));
  finalized_ = height;
  return {};
}

Status EvmLane::revert_to(u64 height, storage::WriteBatch& batch) {
  std::lock_guard lock(mu_);
  if (pending_) return Error("evm lane: a block is pending");
  if (height < finalized_)
    return Error("evm lane: cannot revert to " + std::to_string(height) + ", below the final height " +
                 std::to_string(finalized_));
  if (height >= head_.number) return {};
  auto p = std::make_unique<Pending>();
  p->is_revert = true;
  for (u64 n = head_.number; n > height; --n) {
    DUSK_ASSIGN(auto undo_bytes, get(db_, undo_, be64(n)));
    if (!undo_bytes) return Error("evm lane: no undo record for block " + std::to_string(n));
    DUSK_ASSIGN(auto undo, decode_undo(*undo_bytes));
    DUSK_ASSIGN(auto block, block_by_number_locked(n));
    if (!block) return Error("evm lane: no record of block " + std::to_string(n));
    backend_.revert(undo.second, n, batch);
    const Bytes number = be64(n);
    for (const Bytes& raw : block->transactions) batch.del(tx_index_, crypto::keccak256(raw));
    batch.del(block_index_, hash_key(block_hash(block->header)));
    batch.del(block_index_, number_key(n));
    batch.del(blocks_, number);
    batch.del(receipts_, number);
    batch.del(undo_, number);
    DUSK_TRY(delete_blobs_of(n, batch, &p->reverted_sidecars));
    p->head = undo.first;
    p->reverted.insert(p->reverted.begin(), block->transactions.begin(), block->transactions.end());
  }
  batch.put(chain_, kHeadKey, encode_head(p->head));
  p->staged = true;
  pending_ = std::move(p);
  return {};
}

Result<std::optional<std::vector<Hash256>>> EvmLane::blob_index(u64 number) const {
  using Out = std::optional<std::vector<Hash256>>;
  DUSK_ASSIGN(auto index, get(db_, blobs_, number_key(number)));
  if (!index) return Out{};
  const auto bad = [&] { return Error("evm lane: a bad blob index of block " + std::to_string(number)); };
  auto item = rlp::decode_single(*index);
  if (!item) return bad();
  auto hashes = rlp::decode_list(*item);
  if (!hashes) return bad();
  std::vector<Hash256> out;
  for (const rlp::Item& i : *hashes) {
    auto b = rlp::decode_bytes(i);
    if (!b || b->size() != 32) return bad();
    Hash256& vh = out.emplace_back();
    std::copy(b->begin(), b->end(), vh.begin());
  }
  return Out{std::move(out)};
}

Status EvmLane::delete_blobs_of(u64 number, storage::WriteBatch& batch, std::map<Hash256, BlobSidecar>* keep) const {
  DUSK_ASSIGN(auto index, blob_index(number));
  if (!index) return {};
  for (const Hash256& vh : *index) {
    const Bytes key = blob_key(vh, number);
    if (keep) {
      DUSK_ASSIGN(auto bytes, get(db_, blobs_, key));
      if (bytes) {
        DUSK_ASSIGN(BlobRecord r, decode_blob_record(vh, *bytes));
        BlobSidecar& s = (*keep)[r.transaction_hash];
        s.blobs.push_back(std::move(r.blob));
        s.commitments.push_back(std::move(r.commitment));
        s.proofs.push_back(std::move(r.proof));
      }
    }
    batch.del(blobs_, key);
  }
  batch.del(blobs_, number_key(number));
  return {};
}

Result<std::optional<BlobRecord>> EvmLane::blob_sidecar(const Hash256& versioned_hash) const {
  std::lock_guard lock(mu_);
  std::optional<Bytes> key, value;
  // The newest block that carries it (the same blob may come again in a later block).
  auto scanned = db_.scan(blobs_, prefixed('h', versioned_hash), [&](ByteView k, ByteView v) {
    key.emplace(k.begin(), k.end());
    value.emplace(v.begin(), v.end());
    return true;
  });
  if (!scanned) return Error("reading " + blobs_.name() + ": " + scanned.error().message);
  if (!key || key->size() != 41) return std::optional<BlobRecord>{};
  const u64 number = load_be<u64>(key->data() + 33);
  if (number > head_.number || head_.number - number >= config_.blob_retention_blocks)
    return std::optional<BlobRecord>{};
  DUSK_ASSIGN(BlobRecord r, decode_blob_record(versioned_hash, *value));
  return std::optional<BlobRecord>{std::move(r)};
}

Result<std::optional<std::vector<BlobRecord>>> EvmLane::blob_sidecars(u64 block_number) const {
  using Out = std::optional<std::vector<BlobRecord>>;
  std::lock_guard lock(mu_);
  if (block_number > head_.number || head_.number - block_number >= config_.blob_retention_blocks) return Out{};
  std::vector<BlobRecord> out;
  DUSK_ASSIGN(auto index, blob_index(block_number));
  if (!index) return Out{std::move(out)};
  for (const Hash256& vh : *index) {
    DUSK_ASSIGN(auto bytes, get(db_, blobs_, blob_key(vh, block_number)));
    if (!bytes) return Error("evm lane: a blob of block " + std::to_string(block_number) + " is missing");
    DUSK_ASSIGN(BlobRecord r, decode_blob_record(vh, *bytes));
    out.push_back(std::move(r));
  }
  return Out{std::move(out)};
}

Result<std::optional<Hash256>> EvmLane::block_hash_locked(u64 number) const {
  DUSK_ASSIGN(auto got, get(db_, block_index_, number_key(number)));
  if (!got) return std::optional<Hash256>{};
  if (got->size() != 32) return Error("evm lane: a bad block hash record");
  Hash256 h;
  std::copy(got->begin(), got->end(), h.begin());
  return std::optional<Hash256>{h};
}

Result<std::optional<Hash256>> EvmLane::block_hash_at(u64 number) const {
  std::lock_guard lock(mu_);
  return block_hash_locked(number);
}

Result<std::optional<EvmBlock>> EvmLane::block_by_number_locked(u64 number) const {
  DUSK_ASSIGN(auto got, get(db_, blocks_, be64(number)));
  if (!got) return std::optional<EvmBlock>{};
  DUSK_ASSIGN(EvmBlock b, decode_block(*got));
  return std::optional<EvmBlock>{std::move(b)};
}

Result<std::optional<EvmBlock>> EvmLane::block_by_number(u64 number) const {
  std::lock_guard lock(mu_);
  return block_by_number_locked(number);
}

Result<std::optional<EvmBlock>> EvmLane::block_by_hash(const Hash256& hash) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto got, get(db_, block_index_, hash_key(hash)));
  if (!got) return std::optional<EvmBlock>{};
  if (got->size() != 8) return Error("evm lane: a bad block number record");
  return block_by_number_locked(load_be<u64>(got->data()));
}

Result<std::optional<EvmReceiptInfo>> EvmLane::receipt(const Hash256& transaction_hash) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto at, get(db_, tx_index_, transaction_hash));
  if (!at) return std::optional<EvmReceiptInfo>{};
  if (at->size() != 12) return Error("evm lane: a bad transaction index record");
  EvmReceiptInfo info;
  info.transaction_hash = transaction_hash;
  info.block_number = load_be<u64>(at->data());
  info.index = load_be<u32>(at->data() + 8);
  DUSK_ASSIGN(auto hash, block_hash_locked(info.block_number));
  DUSK_ASSIGN(auto bytes, get(db_, receipts_, be64(info.block_number)));
  if (!hash || !bytes) return Error("evm lane: the block of a recorded transaction is missing");
  info.block_hash = *hash;
  DUSK_ASSIGN(auto receipts, decode_receipts(*bytes));
  if (info.index >= receipts.size()) return Error("evm lane: a recorded transaction has no receipt");
  for (u32 i = 0; i < info.index; ++i) info.first_log_index += receipts[i].logs.size();
  info.receipt = std::move(receipts[info.index]);
  return std::optional<EvmReceiptInfo>{std::move(info)};
}

Result<Uint256> EvmLane::balance(const Address& a) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto acc, backend_.account(a));
  return acc ? acc->balance : Uint256{};
}

Result<u64> EvmLane::nonce(const Address& a) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto acc, backend_.account(a));
  return acc ? acc->nonce : 0;
}

Result<Bytes> EvmLane::code(const Address& a) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto acc, backend_.account(a));
  return acc ? *acc->code : Bytes{};
}

Result<Uint256> EvmLane::storage_at(const Address& a, const Uint256& key) const {
  std::lock_guard lock(mu_);
  return backend_.slot(a, key);
}

Result<std::optional<EvmLane::StateView>> EvmLane::state_at(u64 number) const {
  std::lock_guard lock(mu_);
  if (number > head_.number) return std::optional<StateView>{};
  StateView view;
  if (number == head_.number && head_header_ && head_header_->first == head_.hash) {
    view.header = head_header_->second;  // the head's, without reading its block again
  } else {
    DUSK_ASSIGN(auto block, block_by_number_locked(number));
    if (!block) return std::optional<StateView>{};
    view.header = block->header;
    if (number == head_.number) head_header_ = std::make_pair(head_.hash, block->header);
  }
  // The head's state from the flat records frozen now: under the lock, with no block
  // pending (whose batch may be written before committed() moves the head), they are the
  // head's. Otherwise, and for older blocks, through the block's state trie.
  view.state = number == head_.number && !pending_ ? backend_.latest() : backend_.at(view.header.state_root);
  view.env = lane_env();
  // Block hashes are read without the lane's lock (a database read): the view outlives it.
  view.env.block_hash = [this](u64 n) {
    auto h = block_hash_locked(n);
    return h && *h ? **h : Hash256{};
  };
  view.env.number = view.header.number;
  view.env.timestamp = view.header.timestamp;
  view.env.base_fee = view.header.base_fee;
  view.env.excess_blob_gas = view.header.excess_blob_gas;
  view.env.prev_randao = Uint256::from_be(view.header.mix_hash.data());
  return std::optional<StateView>{std::move(view)};
}

Result<std::optional<DbStateBackend::AccountProof>> EvmLane::prove(u64 number, const Address& a,
                                                                    const std::vector<Uint256>& keys) const {
  Hash256 root;
  {
    std::lock_guard lock(mu_);
    if (number > head_.number) return std::optional<DbStateBackend::AccountProof>{};
    DUSK_ASSIGN(auto block, block_by_number_locked(number));
    if (!block) return std::optional<DbStateBackend::AccountProof>{};
    root = block->header.state_root;
  }
  // Trie nodes are never deleted: the proof is read without the lock.
  DUSK_ASSIGN(auto proof, backend_.prove(root, a, keys));
  return std::optional<DbStateBackend::AccountProof>{std::move(proof)};
}

Result<std::vector<EvmReceipt>> EvmLane::block_receipts(u64 number) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto bytes, get(db_, receipts_, be64(number)));
  if (!bytes) return std::vector<EvmReceipt>{};
  return decode_receipts(*bytes);
}

Result<u64> EvmLane::pending_nonce(const Address& a) const {
  std::lock_guard lock(mu_);
  DUSK_ASSIGN(auto account, backend_.account(a));
  u64 next = account ? account->nonce : 0;
  auto it = pool_.by_sender().find(a);
  if (it == pool_.by_sender().end()) return next;
  for (const auto& [nonce, tx] : it->second) {
    if (nonce == next) ++next;
    else if (nonce > next) break;
  }
  return next;
}

std::optional<Bytes> EvmLane::pooled_transaction(const Hash256& transaction_hash) const {
  std::lock_guard lock(mu_);
  const PooledTx* p = pool_.find(transaction_hash);
  if (p == nullptr) return std::nullopt;
  return p->signed_tx.raw;
}

std::vector<Hash256> EvmLane::pooled_hashes() const {
  std::lock_guard lock(mu_);
  std::vector<Hash256> out;
  for (const auto& [sender, txs] : pool_.by_sender())
    for (const auto& [nonce, p] : txs) out.push_back(p.signed_tx.hash);
  return out;
}

}  // namespace dusk::evm
