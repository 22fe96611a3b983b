#include "node/node.hpp"

#include <chrono>
#include <filesystem>

#include "base/log.hpp"
#include "crypto/bls/scheme.hpp"
#include "crypto/hash/keccak.hpp"
#include "duskevm/evm_block.hpp"
#include "duskvm/lane/vm_transaction.hpp"

namespace dusk::node {
namespace {

u64 wall_ms() {
  return static_cast<u64>(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count());
}

}  // namespace

Result<std::unique_ptr<Node>> Node::open(NodeConfig config) {
  if (config.datadir.empty()) return Error("node: no data directory");
  std::error_code ec;
  std::filesystem::create_directories(config.datadir, ec);
  if (ec) return Error("node: cannot create " + config.datadir + ": " + ec.message());
  std::unique_ptr<Node> node(new Node(std::move(config)));
  NodeConfig& c = node->config_;

  storage::Options options;
  options.path = (std::filesystem::path(c.datadir) / "chain").string();
  for (const auto& f : ds::Chain::families()) options.column_families.push_back(f);
  for (const auto& f : evm::EvmLane::families()) options.column_families.push_back(f);
  for (const auto& f : vm::VmLane::families()) options.column_families.push_back(f);
  options.counter_families = vm::VmLane::counter_families();
  auto db = storage::Database::open(options);
  if (!db.ok()) return Error("node: opening " + options.path + ": " + db.error().message);
  node->db_ = std::move(*db);

  const u64 chain_id = c.genesis.ledger.chain_id;
  if (chain_id == 0) return Error("node: a chain id of 0 (EIP-155 needs another)");
  evm::EvmLaneConfig ec_cfg;
  ec_cfg.chain_id = chain_id;
  ec_cfg.block_gas_limit = c.genesis.evm_block_gas_limit;
  std::vector<evm::GenesisAccount> evm_alloc;
  for (const auto& a : c.genesis.evm_accounts) {
    evm::GenesisAccount g;
    std::copy(a.address.begin(), a.address.end(), g.address.begin());
    g.balance = Uint256(a.balance) * Uint256(lane::kWeiPerLux);
    evm_alloc.push_back(std::move(g));
  }
  auto evm = evm::EvmLane::open(*node->db_, ec_cfg, evm_alloc);
  if (!evm.ok()) return Error("node: " + evm.error().message);
  node->evm_ = std::move(*evm);

  vm::VmLaneConfig vc;
  vc.chain_id = chain_id;
  vc.block_gas_limit = c.genesis.duskvm_block_gas_limit;
  if (!c.genesis.phoenix_srs.empty()) {
    auto setup = duskvm::phoenix::Setup::parse(c.genesis.phoenix_srs, c.genesis.phoenix_max_inputs);
    if (!setup.ok()) return Error("node: " + setup.error().message);
    if (setup->insecure())
      DUSK_LOG(kWarn, "node", "Phoenix uses an " << setup->describe()
                                                  << ": its secret is public, shielded proofs can be forged "
                                                     "(development chains only)");
    vc.phoenix = std::move(*setup);
  }
  std::vector<std::pair<vm::VmAddress, u64>> vm_alloc;
  for (const auto& a : c.genesis.vm_accounts) {
    vm::VmAddress address;
    std::copy(a.address.begin(), a.address.end(), address.begin());
    vm_alloc.emplace_back(address, a.balance);
  }
  auto vm = vm::VmLane::open(*node->db_, vc, vm_alloc);
  if (!vm.ok()) return Error("node: " + vm.error().message);
  node->vm_ = std::move(*vm);

  ds::ChainConfig cc;
  cc.genesis = c.genesis;
  cc.lanes_genesis = c.genesis.lanes_genesis();
  cc.genesis_time_ms = c.genesis_time_ms != 0         ? c.genesis_time_ms
                       : c.genesis.genesis_time_ms != 0 ? c.genesis.genesis_time_ms
                                                        : wall_ms();
  cc.finality_depth = c.genesis.finality_depth;
  cc.max_block_transactions = c.max_block_transactions;
  cc.mempool.max_transactions = c.max_pool_transactions;
  auto chain = ds::Chain::open(*node->db_, std::move(cc), {node->evm_.get(), node->vm_.get()});
  if (!chain.ok()) return Error("node: " + chain.error().message);
  node->chain_ = std::move(*chain);
  node->metrics_.started_ms = wall_ms();
  DUSK_LOG(kInfo, "node", "chain " << chain_id << " at height " << node->chain_->height() << " (final "
                                   << node->chain_->final_height() << "), data in " << c.datadir);
  return node;
}

Node::~Node() { stop(); }

void Node::start() {
  std::lock_guard g(mu_);
  if (producer_.joinable() || !config_.provisioner) return;
  stopping_ = false;
  producer_ = std::thread([this] { produce_loop(); });
}

void Node::stop() {
  {
    std::lock_guard g(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (producer_.joinable()) producer_.join();
}

void Node::wake() {
  {
    std::lock_guard g(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

u64 Node::add_block_listener(std::function<void(const BlockEvent&)> listener) {
  std::lock_guard calling(listener_mu_);
  std::lock_guard g(mu_);
  const u64 id = ++last_listener_id_;
  listeners_.emplace(id, std::move(listener));
  return id;
}

void Node::remove_block_listener(u64 id) {
  // Waits for a call in progress: after this returns, the listener is not running.
  std::lock_guard calling(listener_mu_);
  std::lock_guard g(mu_);
  listeners_.erase(id);
}

std::string Node::halt_reason() const {
  std::lock_guard g(mu_);
  return halt_reason_;
}

Metrics Node::metrics() const {
  std::lock_guard g(mu_);
  return metrics_;
}

u64 Node::now_ms() const { return wall_ms(); }

size_t Node::pool_total() const {
  size_t n = chain_->mempool_size() + evm_->pool_size();
  auto lock = chain_->lock();
  return n + vm_->pool_size();
}

void Node::produce_loop() {
  const auto& sk = *config_.provisioner;
  const auto me = crypto::bls::BlsMinSig::sk_to_pk(sk).to_bytes();
  auto next = std::chrono::steady_clock::now() + std::chrono::milliseconds(config_.block_time_ms);
  // On demand, under load: the start of the last block, and whether it was busy.
  auto last_start = std::chrono::steady_clock::now();
  bool last_busy = false;
  while (true) {
    bool woke = false;  // a submission arrived since the last look (on demand)
    {
      std::unique_lock lock(mu_);
      if (config_.block_time_ms == 0) {
        // On demand: wake on a submission, and look at the pools now and then (the
        // EVM's JSON-RPC submits without waking us).
        cv_.wait_for(lock, std::chrono::milliseconds(20), [&] { return stopping_ || woken_; });
        woke = woken_;
        woken_ = false;
      } else {
        cv_.wait_until(lock, next, [&] { return stopping_; });
      }
      if (stopping_) return;
    }
    if (config_.block_time_ms == 0) {
      // On demand: a block when a transaction arrived since the last one, and one more
      // after a block that held transactions, so that it becomes final. A pool holding
      // only transactions that cannot go in yet (a nonce gap) does not spin out empty
      // blocks: it waits for its size to change.
      const size_t waiting = pool_total();
      if (!finality_pending_ && (waiting == 0 || (waiting == stuck_pool_ && !woke))) continue;
    } else {
      next += std::chrono::milliseconds(config_.block_time_ms);
      const auto now = std::chrono::steady_clock::now();
      if (next < now) next = now;  // late: do not try to catch up with a burst
    }
    if (halted_) continue;
    if (!chain_->is_next_generator(me)) continue;
    if (config_.block_time_ms == 0 && last_busy) {
      // Transactions keep coming: let them gather for min_block_interval_ms rather than
      // pay a block's fixed cost (signatures, a synced write) for each few of them. A
      // transaction after a quiet spell, or one at a time, still gets its block at once.
      std::unique_lock lock(mu_);
      if (cv_.wait_until(lock, last_start + std::chrono::milliseconds(config_.min_block_interval_ms),
                         [&] { return stopping_; }))
        return;
    }
    last_start = std::chrono::steady_clock::now();
    // The pools as the block will see them: a transaction arriving while it is built
    // changes the size, so it is not taken for one that cannot go in.
    const size_t pooled_before = config_.block_time_ms == 0 ? pool_total() : 0;
    auto produced = chain_->produce(sk, wall_ms());
    if (!produced.ok()) {
      const std::string& why = produced.error().message;
      std::lock_guard g(mu_);
      metrics_.build_failures += 1;
      if (why.rfind("supply:", 0) == 0 || why.rfind("halt:", 0) == 0) {
        halted_ = true;
        halt_reason_ = why;
        DUSK_LOG(kError, "node", "HALTED: " << why << " -- the node stops producing blocks; investigate before restarting");
      } else {
        DUSK_LOG(kWarn, "node", "block not produced: " << why);
      }
      continue;
    }
    BlockEvent event;
    event.block = std::move(*produced);
    const size_t included = event.block.transactions.size() + event.block.lane_transactions[0] +
                            event.block.lane_transactions[1];
    last_busy = included >= config_.busy_block_transactions;
    finality_pending_ = included != 0;
    stuck_pool_ = included == 0 ? pooled_before : ~size_t{0};
    const u64 h = event.block.header.height;
    // The EVM body is the list of the block's signed transactions: their hashes, without
    // reading the block back.
    if (auto list = evm::decode_transaction_list(event.block.lane_bodies[0]); list.ok())
      for (const Bytes& raw : *list) event.evm_transactions.push_back(crypto::keccak256(raw));
    {
      const Bytes& vm_body = event.block.lane_bodies[1];
      size_t at = 4;
      while (at + 4 <= vm_body.size()) {
        const u32 len = load_le<u32>(vm_body.data() + at);
        at += 4;
        if (vm_body.size() - at < len) break;
        event.vm_transactions.push_back(vm::vm_transaction_id(ByteView(vm_body).subspan(at, len)));
        at += len;
      }
    }
    {
      std::lock_guard g(mu_);
      metrics_.blocks_produced += 1;
      metrics_.last_block_us = event.block.build_us;
      metrics_.max_block_us = std::max(metrics_.max_block_us, event.block.build_us);
      total_block_us_ += event.block.build_us;
      metrics_.average_block_us = total_block_us_ / metrics_.blocks_produced;
      metrics_.transactions[0] += event.block.transactions.size();
      metrics_.transactions[1] += event.evm_transactions.size();
      metrics_.transactions[2] += event.vm_transactions.size();
    }
    DUSK_LOG(kInfo, "node", "block " << h << ": " << event.block.transactions.size() << " DuskDS, "
                                     << event.evm_transactions.size() << " DuskEVM, "
                                     << event.vm_transactions.size() << " DuskVM transactions, "
                                     << event.block.build_us / 1000 << " ms; final "
                                     << event.block.final_height);
    std::lock_guard calling(listener_mu_);
    std::map<u64, std::function<void(const BlockEvent&)>> listeners;
    {
      std::lock_guard g(mu_);
      listeners = listeners_;
    }
    for (const auto& [id, listener] : listeners) listener(event);
  }
}

}  // namespace dusk::node
