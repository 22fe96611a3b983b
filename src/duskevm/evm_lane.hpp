// DuskEVM as an execution lane (lane/lane.hpp): Ethereum's rules over the EVM state in
// the node's database (DbStateBackend), with a transaction pool, block building and
// re-execution, Ethereum's block records (headers, receipts, transaction lookups), the
// EVM side of the native bridge, finality and reverts.
//
//   auto db = storage::Database::open({.path = dir, .column_families = EvmLane::families()
//                                      /* + every other layer's */});
//   DUSK_ASSIGN(auto lane, EvmLane::open(**db, config, genesis));  // genesis on a fresh db
//   lane->submit(raw);                          // JSON-RPC's eth_sendRawTransaction
//                                               // (a blob transaction in its network form)
//   DUSK_ASSIGN(lane::Payload p, lane->build(ctx, deposits));
//   storage::WriteBatch batch;
//   DUSK_TRY(lane->stage(batch));
//   DUSK_TRY(db->write(batch));
//   lane->committed();
//
// A block, for the DuskDS block at height h (block_executor.hpp has the steps):
//   BlockEnv: number = h, timestamp = ctx.timestamp_ms / 1000, PREVRANDAO = ctx.seed,
//   coinbase = the bridge (kBridgeAddress), gas limit = config.block_gas_limit, base fee
//   = EIP-1559 from the parent (base_fee.hpp; the genesis block has
//   config.initial_base_fee), excess blob gas = EIP-4844's from the parent's excess and
//   blob gas used (base_fee.hpp; 0 at genesis), blob schedule = the fork's (Prague:
//   target 6, max 9 blobs), chain id = config.chain_id, P256VERIFY on.
//   Deposits first (amount x 10^9 wei each), then the transactions, then the bridge.
//   build(): from the pool by effective tip, each sender in nonce order; a transaction
//   that does not fit the gas or blob gas left stays in the pool, as does a blob
//   transaction whose blob fee cap is below the block's blob base fee; an invalid one is
//   dropped.
//   execute(): the body must decode and every transaction in it must fit and be valid.
//   Payload: body = RLP list of the signed transactions (evm_block.hpp), state_root = the
//   keccak state root, withdrawals = the bridge's (in log order, then the fees to
//   ctx.generator), burned = sum of base_fee x gas_used + blob_base_fee x blob_gas_used.
//
// Blob transactions (EIP-4844, blob_sidecar.hpp). submit() takes a type-3 transaction
// only in its network form 0x03 || rlp([tx, blobs, commitments, proofs]) and checks,
// before the pool sees it: at most the fork's max blobs, one blob, commitment and proof
// per versioned hash, each hash = 0x01 || sha256(commitment)[1:], every proof by KZG
// batch verification (crypto/kzg, the process's trusted setup); the pool then checks
// the blob fee cap against the next block's blob base fee and counts the blobs against
// its max_blobs. The bare form is refused there ("missing sidecar in blob transaction"),
// and the EIP-7594 form (cell proofs) too. Blocks carry the bare form only (its keccak is
// the transaction hash); the sidecar stays with the node: the block that includes the
// transaction stores its blobs (evm_blobs, below) for config.blob_retention_blocks
// blocks. A node that executes a block built elsewhere stores the sidecars its own pool
// held: execution needs no blob, and nothing here makes blobs available to other nodes
// (no sampling, no gossip of sidecars).
//
// Value is conserved, block by block (holdings() counts every balance in wei):
//   holdings_before + deposits x 10^9 = holdings_after + withdrawals x 10^9 + burned
// Every wei a transaction pays goes either to the base fee or the blob fee (both burned
// here, as Ethereum burns them) or, as the priority fee, to the coinbase, which is the
// bridge; value sent to
// withdraw() also lands in the bridge. At the end of the block the bridge's balance is
// taken out of the EVM state but for its part below 1 LUX (which waits for the next
// block): the withdrawn wei leave as their withdrawals, the rest as a final withdrawal
// {from = empty, to = ctx.generator, amount = whole LUX} (none when zero), credited on
// DuskDS when the block is final.
//
// Records (column families, besides DbStateBackend::families()):
//   evm_blocks       number (8 bytes BE) -> EvmBlock (header and signed transactions)
//   evm_block_index  'n' ++ number -> block hash; 'h' ++ hash -> number
//   evm_receipts     number -> the block's receipts (evm_receipt.hpp)
//   evm_tx_index     transaction hash -> number (8 bytes BE) ++ index (4 bytes BE)
//   evm_undo         number -> RLP([head record before the block, StateUndo]); deleted
//                    once the block is final (finalize)
//   evm_chain        "head" -> RLP([number, hash, state root, gas used, base fee,
//                    holdings, timestamp, blob gas used, excess blob gas]) (a record of
//                    seven items, from before blobs, reads with both 0); "final" -> the
//                    last final height (8 bytes BE);
//                    "chain_id" -> the chain id (8 bytes BE), which open() checks
//   evm_blobs        'h' ++ versioned hash ++ number (8 bytes BE) -> BlobRecord
//                    (blob_sidecar.hpp); 'n' ++ number -> RLP([versioned hash...]) of
//                    the block's kept blobs, in block order. The block that reaches
//                    number + blob_retention_blocks deletes them (in its own batch);
//                    revert_to deletes those of the blocks it removes and hands their
//                    sidecars back to the pool with their transactions.
// stage() puts all of a block's into the node's batch, with the state.
//
// Height 0 is the genesis block: its state is the alloc plus the bridge contract, and it
// is final. revert_to(h) restores the state (roots and balances exactly) and removes the
// records of the blocks above h; their transactions go back to the pool when they are
// still admissible. It is refused below the last final height and while a block is
// pending.
//
// Thread safe: one lock serializes the lane's methods (queries wait for a block being
// built). Queries answer from the last committed block.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/address.hpp"
#include "base/uint256.hpp"
#include "duskevm/blob_sidecar.hpp"
#include "duskevm/block_executor.hpp"
#include "duskevm/db_state_backend.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/evm_block.hpp"
#include "duskevm/evm_receipt.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/message.hpp"
#include "duskevm/state_backend.hpp"
#include "duskevm/state_undo.hpp"
#include "duskevm/tx_pool.hpp"
#include "lane/lane.hpp"
#include "storage/database.hpp"

namespace dusk::evm {

struct EvmLaneConfig {
  u64 chain_id = 0;                           // EIP-155; must not be 0
  u64 block_gas_limit = 30'000'000;
  Fork fork = Fork::kPrague;                  // the latest DuskEVM implements
  Uint256 initial_base_fee{1'000'000'000};    // the genesis block's (EIP-1559 INITIAL_BASE_FEE)
  TxPoolConfig pool;                          // limits and the minimum priority fee
  // How many blocks the blobs of blob transactions are kept (evm_blobs): those of block
  // b are served while the head is below b + blob_retention_blocks and deleted by the
  // block that reaches it. 4096 mirrors Ethereum's 4096 epochs of blob availability
  // (MIN_EPOCHS_FOR_BLOB_SIDECARS_REQUESTS, about 18 days) counted in blocks instead:
  // 4096 x 9 blobs x 128 KiB bounds the store at about 4.5 GiB. At least 1.
  u64 blob_retention_blocks = 4096;
};

// One account of the lane's genesis state.
struct GenesisAccount {
  Address address{};
  Uint256 balance;  // wei
  Bytes code;       // optional
};

// The last committed block as the lane keeps it.
struct EvmHead {
  u64 number = 0;
  Hash256 hash{};
  Hash256 state_root{};
  u64 gas_used = 0;
  Uint256 base_fee;
  u128 holdings = 0;  // wei
  u64 timestamp = 0;
  u64 blob_gas_used = 0;    // EIP-4844, as in the header
  u64 excess_blob_gas = 0;
  bool operator==(const EvmHead&) const = default;
};

// A block's EIP-4844 figures (eth_feeHistory's baseFeePerBlobGas and blobGasUsedRatio =
// blob_gas_used / max_blob_gas; a receipt's blobGasPrice is base_fee_per_blob_gas).
struct EvmBlobFees {
  u64 blob_gas_used = 0;
  u64 max_blob_gas = 0;  // the fork's per block (Prague: 9 blobs, 1,179,648)
  u64 excess_blob_gas = 0;
  Uint256 base_fee_per_blob_gas;
};

// A receipt with where its transaction is.
struct EvmReceiptInfo {
  EvmReceipt receipt;
  Hash256 transaction_hash{};
  u64 block_number = 0;
  Hash256 block_hash{};
  u32 index = 0;            // in the block
  u64 first_log_index = 0;  // of its logs among the block's
};

class EvmLane final : public lane::Lane {
 public:
  // The column families the lane needs (DbStateBackend's included).
  static std::vector<std::string> families();

  // Opens the lane in `db` (opened with families(); must outlive the lane). On a fresh
  // database writes the genesis block: `genesis` (no duplicate addresses, not the bridge's,
  // balances summing below 2^128) and the bridge contract; on an existing one resumes
  // from the recorded head (`genesis` is then not read), refusing another chain id.
  static Result<std::unique_ptr<EvmLane>> open(storage::Database& db, EvmLaneConfig config,
                                               const std::vector<GenesisAccount>& genesis);
  ~EvmLane() override;

  // ---- lane::Lane ----
  lane::LaneId id() const override { return lane::LaneId::kEvm; }
  u64 height() const override;
  Hash256 state_root() const override;
  u128 holdings() const override;
  Result<Hash256> submit(ByteView transaction) override;
  size_t pool_size() const override;
  // Whether the pool holds the transaction with this hash.
  bool pooled(const Hash256& transaction_hash) const;
  Result<lane::Payload> build(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits) override;
  Result<lane::Payload> execute(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                                ByteView body) override;
  Status stage(storage::WriteBatch& batch) override;
  // Without a staged block (or revert), the pending one is dropped as by discard().
  void committed() override;
  void discard() override;
  // Deletes the undo records at or below `height`; refused above the head.
  Status finalize(u64 height, storage::WriteBatch& batch) override;
  Status revert_to(u64 height, storage::WriteBatch& batch) override;

  // ---- queries (the last committed block) ----
  EvmHead head() const;
  u64 finalized_height() const;
  const EvmLaneConfig& config() const { return config_; }
  // The base fee the next block will have.
  Uint256 next_base_fee() const;
  // The blob base fee the next block will have (eth_blobBaseFee).
  Uint256 blob_base_fee() const;
  // A block's blob figures, from its header (no lock: the config's schedule only).
  EvmBlobFees blob_fees(const EvmBlockHeader& header) const;
  // A blob kept for the retention window: the newest record of this versioned hash, or
  // nullopt when no retained block carries it (never seen, or pruned).
  Result<std::optional<BlobRecord>> blob_sidecar(const Hash256& versioned_hash) const;
  // The blobs kept of a block, in block order (empty for a block without blobs); nullopt
  // for a block above the head or out of the retention window. A block executed (not
  // built) here keeps the sidecars this node's pool held: blobs reach a node with their
  // transactions, never in a block's body.
  Result<std::optional<std::vector<BlobRecord>>> blob_sidecars(u64 block_number) const;
  Result<std::optional<EvmBlock>> block_by_number(u64 number) const;
  Result<std::optional<EvmBlock>> block_by_hash(const Hash256& hash) const;
  Result<std::optional<Hash256>> block_hash_at(u64 number) const;
  Result<std::optional<EvmReceiptInfo>> receipt(const Hash256& transaction_hash) const;
  Result<Uint256> balance(const Address& a) const;
  Result<u64> nonce(const Address& a) const;
  Result<Bytes> code(const Address& a) const;
  Result<Uint256> storage_at(const Address& a, const Uint256& key) const;
  // ---- for the JSON-RPC (rpc/eth_api.hpp) ----
  // The state after committed block `number` (the head's: its flat records frozen by a
  // snapshot; an older block's: read through its state trie; consistent whatever blocks
  // are committed meanwhile, and no lock is held while it is used) and the environment
  // of that block (its number, time, base fee, PREVRANDAO), which eth_call at that block
  // runs in (duskevm/evm_call.hpp's run_call). nullopt when there is no such block. The
  // view must not outlive the lane.
  struct StateView {
    std::unique_ptr<StateBackend> state;
    BlockEnv env;
    EvmBlockHeader header;
  };
  Result<std::optional<StateView>> state_at(u64 number) const;
  // eth_getProof: the account and slots after committed block `number` with their
  // Merkle proofs; nullopt when there is no such block.
  Result<std::optional<DbStateBackend::AccountProof>> prove(u64 number, const Address& a,
                                                             const std::vector<Uint256>& keys) const;
  // Block `number`'s receipts in order; empty when there is no such block.
  Result<std::vector<EvmReceipt>> block_receipts(u64 number) const;
  // The nonce a sender's next transaction takes: after its pooled ones that follow the
  // account's nonce without a gap (eth_getTransactionCount "pending").
  Result<u64> pending_nonce(const Address& a) const;
  // A pooled transaction's signed bytes (nullopt when not pooled).
  std::optional<Bytes> pooled_transaction(const Hash256& transaction_hash) const;
  // The hashes of every pooled transaction, for eth_newPendingTransactionFilter.
  std::vector<Hash256> pooled_hashes() const;

 private:
  struct Pending;
  EvmLane(storage::Database& db, EvmLaneConfig config);
  Status load_or_create(const std::vector<GenesisAccount>& genesis);
  // What every block of the lane shares (coinbase, gas limit, chain id, forks' options,
  // BLOCKHASH), and a block's own environment on top of it.
  BlockEnv lane_env() const;
  BlockEnv block_env(const lane::BlockContext& ctx) const;
  // `sidecars`: the included blob transactions' (by transaction hash) that the lane has.
  using Sidecars = std::vector<std::pair<Hash256, std::shared_ptr<const BlobSidecar>>>;
  Result<lane::Payload> finish_block(const lane::BlockContext& ctx, BlockExecutor& ex, Bytes body,
                                     const Sidecars& sidecars);
  // The next block's blob base fee, and its fees and limits for the pool.
  Uint256 next_blob_base_fee_locked() const;
  TxPool::Limits pool_limits_locked() const;
  // Puts the deletion of block `number`'s blob records into `batch`; with `keep`, hands
  // their sidecars back by transaction hash (for the pool, when a block is reverted).
  // The versioned hashes the blob index of block `number` lists (nullopt: no index).
  Result<std::optional<std::vector<Hash256>>> blob_index(u64 number) const;
  Status delete_blobs_of(u64 number, storage::WriteBatch& batch, std::map<Hash256, BlobSidecar>* keep) const;
  Result<std::optional<EvmBlock>> block_by_number_locked(u64 number) const;
  Result<std::optional<Hash256>> block_hash_locked(u64 number) const;

  storage::Database& db_;
  EvmLaneConfig config_;
  DbStateBackend backend_;
  const storage::Family& blocks_;
  const storage::Family& block_index_;
  const storage::Family& receipts_;
  const storage::Family& tx_index_;
  const storage::Family& undo_;
  const storage::Family& chain_;
  const storage::Family& blobs_;

  mutable std::mutex mu_;
  mutable CodeCache cache_;
  EvmHead head_;
  u64 finalized_ = 0;
  TxPool pool_;
  std::unique_ptr<Pending> pending_;
  // The head block's header, for queries at the head (by the head's hash: a revert or a
  // new block makes it stale).
  mutable std::optional<std::pair<Hash256, EvmBlockHeader>> head_header_;
};

}  // namespace dusk::evm
