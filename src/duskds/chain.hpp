// The DuskDS chain of one node: the ledger, the mempool, the blocks, and the execution
// lanes (seen only through lane/lane.hpp), persisted in the node's database with one
// atomic write per block across every layer.
//
//   auto chain = Chain::open(db, config, {&evm_lane, &vm_lane});  // genesis or resume
//   chain->submit(tx_bytes, now_s);                                // into the mempool
//   auto produced = chain->produce(provisioner_sk, now_ms);        // the next block
//
// produce(): the generator (stake-weighted draw from the parent's seed) builds the next
// block: the withdrawals of the block that became final are credited, the mempool's
// selection applied, the block reward paid (generator and the parent's voters), each
// lane builds its payload with the deposits addressed to it; the supply is checked
// across every layer; the block is voted on (a committee of one attests at once), and
// the block, its attestation, the DuskDS state and every lane's block are written in
// one batch. Anything that fails before the write leaves the chain as it was (the
// in-memory state is reloaded from the database); a supply mismatch is a halt
// (ChainError::kSupplyMismatch): the node must stop, nothing of the block is written.
//
// Finality: a block is accepted once written; attested when its attestation exists (the
// node's own vote with one validator); confirmed when its successor is attested; final
// when `finality_depth` successors are attested (1 by default, so confirmed is final).
// Withdrawals a lane emitted in block b are credited by the first block built once b is
// final (b + finality_depth + 1 with the node's own attestations).
//
// open() on a database that holds a chain verifies the tip before anything runs: the
// DuskDS state trie rebuilt from the account and stake records must give the tip
// header's state root, every lane must stand at the tip's height with the tip's state
// root, and the supply must add up; otherwise it refuses to start, saying which.
//
// Thread safety: every public method locks the chain's mutex; lock() gives callers (the
// node's API) the same lock for reading the lanes consistently with the chain.
#pragma once
#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "crypto/bls/secret_key.hpp"
#include "duskds/attestation.hpp"
#include "duskds/block.hpp"
#include "duskds/chain_store.hpp"
#include "duskds/genesis.hpp"
#include "duskds/ledger.hpp"
#include "duskds/mempool.hpp"
#include "lane/lane.hpp"
#include "storage/database.hpp"
#include "trie/db_node_store.hpp"
#include "trie/patricia_trie.hpp"

namespace dusk::ds {

enum class Finality : u8 { kAccepted = 0, kAttested = 1, kConfirmed = 2, kFinal = 3 };
std::string_view finality_name(Finality f);

struct ChainConfig {
  Genesis genesis;
  u64 lanes_genesis = 0;      // LUX the lanes hold at genesis (their allocations)
  u64 genesis_time_ms = 0;    // block 0's time
  u64 finality_depth = 1;     // attested successors that make a block final (>= 1)
  size_t max_block_transactions = 10'000;  // DuskDS transactions per block
  MempoolConfig mempool;
};

// The supply over every layer, in wei units (LUX x 10^9) unless named LUX.
struct Supply {
  u64 total_lux = 0;          // genesis (every layer) + emitted
  u64 emitted_lux = 0;
  u64 ds_holdings_lux = 0;    // Moonlight balances, stakes, pending unstakes
  u64 bridged_lux = 0;        // what the lanes received and DuskDS has not credited back
  u64 in_flight_lux = 0;      // withdrawals emitted, waiting for finality
  std::array<u128, kLaneCount> lanes{};  // each lane's holdings
  u128 burned = 0;            // destroyed by the lanes (EVM base fees)
};

// The tip and finality, read together.
struct ChainStatus {
  Header tip;
  Hash256 tip_hash{};
  u64 final_height = 0;
};

// What produce() made.
struct ProducedBlock {
  Header header;
  Hash256 hash{};
  std::vector<Hash256> transactions;         // DuskDS transaction ids, in block order
  std::array<u32, kLaneCount> lane_transactions{};
  std::array<Bytes, kLaneCount> lane_bodies;  // each lane's payload body
  std::vector<lane::Deposit> deposits;       // per lane, in block order (lane in `to` order)
  std::vector<std::pair<AccountKey, u64>> credited;  // withdrawals credited by this block
  u64 final_height = 0;                      // after the block
  u64 build_us = 0;                          // time to build, check and write it
};

// BLAKE2b-256 of everything genesis and the chain's rules fix (chain id, block time,
// finality depth, staking, emission, every account and stake on every layer, the lanes'
// gas limits): recorded with the chain, and a database is refused by a node configured
// with another.
Hash256 genesis_fingerprint(const ChainConfig& config);

class Chain {
 public:
  static std::vector<std::string> families() { return store::families(); }
  // `db` was opened with families() and each lane's families; `lanes` (DuskEVM, DuskVM)
  // are open on the same database and outlive the chain.
  static Result<std::unique_ptr<Chain>> open(storage::Database& db, ChainConfig config,
                                             std::array<lane::Lane*, kLaneCount> lanes);

  // A transaction (transaction_codec.hpp) for the mempool; `now_s` is its arrival time.
  MempoolResult<Hash256> submit(ByteView tx, u64 now_s);
  std::vector<MempoolResult<Hash256>> submit_batch(std::span<const ByteView> txs, u64 now_s);

  // Builds, attests and writes the next block with this node's provisioner key. Errors:
  // not this key's turn, a lane or storage failure (nothing written), a supply mismatch.
  Result<ProducedBlock> produce(const crypto::bls::SecretKey& sk, u64 now_ms);

  // Whether `key` generates the next block.
  bool is_next_generator(const AccountKey& key) const;

  u64 height() const;
  ChainStatus status() const;
  Hash256 tip_hash() const;
  Header tip() const;
  u64 final_height() const;
  Finality finality(u64 height) const;
  Result<std::optional<Block>> block(u64 height) const;
  Result<std::optional<u64>> height_of(const Hash256& hash) const;
  Result<std::optional<Attestation>> attestation(u64 height) const;
  Result<std::optional<store::TxLocation>> transaction(const Hash256& id) const;
  bool pooled(const Hash256& id) const;
  Account account(const AccountKey& key) const;
  std::optional<Stake> stake(const AccountKey& key) const;
  std::vector<std::pair<AccountKey, u64>> provisioners() const;  // eligible at the next height
  Supply supply() const;
  size_t mempool_size() const;
  const ChainConfig& config() const { return config_; }
  u64 chain_id() const { return config_.genesis.ledger.chain_id; }

  std::unique_lock<std::mutex> lock() const { return std::unique_lock<std::mutex>(mu_); }

 private:
  Chain(storage::Database& db, ChainConfig config, std::array<lane::Lane*, kLaneCount> lanes);
  Status create_genesis();
  Status load();
  Status verify_tip();
  Result<ProducedBlock> build_and_write(const crypto::bls::SecretKey& sk, u64 now_ms);
  std::optional<std::pair<std::array<u8, crypto::bls::SecretKey::kSize>, AccountKey>> own_key_;
  Status check_supply(const std::array<u128, kLaneCount>& lane_holdings, u128 burned, u64 in_flight) const;
  Finality finality_locked(u64 height) const;
  Result<std::optional<Attestation>> attestation_unlocked(u64 height) const;

  mutable std::mutex mu_;
  storage::Database* db_;
  store::Families cf_;
  ChainConfig config_;
  std::array<lane::Lane*, kLaneCount> lanes_;
  std::optional<Ledger> ledger_;
  std::shared_ptr<PublicKeyCache> keys_;  // decoded keys, shared by the mempool and block reads
  Mempool mempool_;
  trie::DbNodeStore nodes_;
  Header tip_{};
  Hash256 tip_hash_{};
  std::optional<Attestation> tip_attestation_;
  u64 final_height_ = 0;
  u128 burned_ = 0;
  u64 in_flight_ = 0;  // LUX of withdrawals not credited yet
  std::string broken_;  // why the chain refuses to produce (memory may not match the disk)
};

}  // namespace dusk::ds
