// A DuskDS node in one process: the database, the two execution lanes, the chain, and
// the block producer. The HTTP API (node_api.hpp) and duskd sit on top.
//
//   auto node = Node::open(config);     // fresh chain from config.genesis, or resumed
//   node->start();                      // produces blocks on its own thread
//   ... node->chain(), node->evm(), node->vm() ...
//   node->stop();
//
// Blocks are produced every block_time_ms (0: on demand, as soon as a transaction waits
// in any pool, checked every few milliseconds, and once more after a block with
// transactions so that it becomes final; under a stream of transactions, blocks at most
// every min_block_interval_ms), each written in one atomic batch (chain.hpp).
// A block that fails to build is logged and retried at the next tick; a supply mismatch
// halts production for good (the node keeps answering queries and reports it on the
// API): supply errors mean a bug, and the chain must not grow on top of it.
//
// Thread safety: the chain and the DuskEVM lane lock themselves; the DuskVM lane is used
// under the chain's lock (chain().lock()) by whoever calls it outside block production.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "crypto/bls/secret_key.hpp"
#include "duskds/chain.hpp"
#include "duskds/genesis.hpp"
#include "duskevm/evm_lane.hpp"
#include "duskvm/lane/vm_lane.hpp"
#include "storage/database.hpp"

namespace dusk::node {

struct NodeConfig {
  std::string datadir;
  ds::Genesis genesis;
  u64 genesis_time_ms = 0;   // block 0's time on a fresh chain
  std::optional<crypto::bls::SecretKey> provisioner;  // produces blocks when set
  u64 block_time_ms = 1'000;  // 0: a block as soon as a transaction waits
  // On demand (block_time_ms 0): after a block that held busy_block_transactions or more,
  // the next one starts no sooner than min_block_interval_ms after it, so that a stream
  // of transactions fills blocks instead of paying a block's fixed cost for each few.
  u64 min_block_interval_ms = 10;
  size_t busy_block_transactions = 8;
  size_t max_block_transactions = 10'000;  // DuskDS transactions per block
  size_t max_pool_transactions = 100'000;  // DuskDS mempool
};

struct Metrics {
  u64 blocks_produced = 0;
  u64 last_block_us = 0;      // time to build, check and write the last block
  u64 average_block_us = 0;   // over the blocks produced since start
  u64 max_block_us = 0;
  u64 build_failures = 0;
  std::array<u64, 3> transactions{};  // included since start: DuskDS, DuskEVM, DuskVM
  u64 started_ms = 0;
};

// What a produced block brought, for the API's event stream.
struct BlockEvent {
  ds::ProducedBlock block;
  std::vector<Hash256> evm_transactions;
  std::vector<Hash256> vm_transactions;
};

class Node {
 public:
  static Result<std::unique_ptr<Node>> open(NodeConfig config);
  ~Node();

  void start();
  void stop();
  // A transaction arrived (block_time 0: build a block soon).
  void wake();
  // `listener` is called on the producer's thread after every block, in the order the
  // listeners were added; the id removes it. Removing waits for a call in progress, so
  // the listener's captures may be destroyed afterwards. Not from a listener.
  u64 add_block_listener(std::function<void(const BlockEvent&)> listener);
  void remove_block_listener(u64 id);

  ds::Chain& chain() { return *chain_; }
  evm::EvmLane& evm() { return *evm_; }
  vm::VmLane& vm() { return *vm_; }
  const NodeConfig& config() const { return config_; }
  bool halted() const { return halted_; }
  std::string halt_reason() const;
  Metrics metrics() const;
  u64 now_ms() const;

 private:
  explicit Node(NodeConfig config) : config_(std::move(config)) {}
  void produce_loop();
  size_t pool_total() const;

  NodeConfig config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<evm::EvmLane> evm_;
  std::unique_ptr<vm::VmLane> vm_;
  std::unique_ptr<ds::Chain> chain_;

  mutable std::mutex mu_;  // metrics, listener, halt reason, wake-ups
  std::mutex listener_mu_;  // held while listeners run (remove_block_listener waits for it)
  std::condition_variable cv_;
  std::thread producer_;
  bool stopping_ = false;
  bool woken_ = false;
  bool finality_pending_ = false;     // on demand: the last block held transactions
  size_t stuck_pool_ = ~size_t{0};    // on demand: pools' size after an empty block
  std::atomic<bool> halted_{false};
  std::string halt_reason_;
  Metrics metrics_;
  u64 total_block_us_ = 0;
  std::map<u64, std::function<void(const BlockEvent&)>> listeners_;
  u64 last_listener_id_ = 0;
};

}  // namespace dusk::node
