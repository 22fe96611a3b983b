// DuskVM as an execution lane (lane/lane.hpp): WebAssembly contracts run by the DuskVM
// runtime (sessions over the page store) and native DUSK accounts, in the node's
// database.
//
// State. Accounts: a DuskVM address (32 bytes: vm_address(key) for a DuskDS key, or a
// contract's id) -> balance in LUX and nonce. Contracts: the runtime's StateStore,
// attached to the node's database under the prefix "vm_". Phoenix: the transfer
// contract's ledger (duskvm/phoenix/transfer_ledger.hpp: notes, recent roots, spent
// nullifiers, the shielded pool), native to the lane. The lane's state root is
// BLAKE2b-256("DUSK_VM_LANE_V2" || contracts root || accounts root || Phoenix digest),
// the accounts root being a Merkle-Patricia trie (keccak, hashed keys) of address ->
// balance || nonce, the Phoenix digest TransferLedger::digest().
//
// A block: deposits credit their targets first; then each transaction: the signer's
// account must hold gas_limit x gas_price (plus the amount of a transfer or a
// withdrawal) and carry the nonce; the cost is taken up front, the transaction runs
// (deploy / call through the runtime with the signer's DuskVM address as owner and
// origin; transfers and
// withdrawals at a fixed gas), the unused gas is refunded, the nonce moves on; a call
// that fails still pays its gas and is in the block with its error. Gas fees go to the
// block's generator on DuskDS as the block's last withdrawal. Withdrawals debit the
// signer and leave as lane withdrawals, credited on DuskDS once final.
//
// Phoenix (on chains whose genesis names a setup, VmLaneConfig::phoenix): a shield
// moves LUX from the signer's account into a transparent note for a stealth address; a
// Phoenix transaction (no signer: its proof authorizes it, verified on entry to the pool
// and when a received block is executed) spends notes, pays its whole max_fee to the
// generator and its deposit to a DuskVM account (unshielding). The pool of shielded LUX
// counts in the lane's holdings. The tree's root joins the root history at the end of
// each block that changed it.
//
// Contracts that receive a deposit hold the LUX in their account; the runtime has no
// host function yet for a contract to send it on (a later step), so such LUX stays.
//
// Records (families, besides the store's "vm_*"):
//   vm_lane_accounts  address -> balance, nonce (u64 LE each)
//   vm_lane_meta      "head" -> height, contracts root, accounts root, holdings (u128
//                     LE); "final" -> the last final height
//   vm_lane_roots     height (8, BE) -> contracts root and accounts root of that block
//   vm_lane_blocks    height -> the block's body
//   vm_lane_receipts  transaction id -> the receipt (JSON text)
//   vm_lane_undo      height -> the accounts the block changed, as they were before
//                     (absent ones marked); deleted once the block is final
//   vm_lane_trie_nodes the accounts trie's nodes
//   vm_lane_meta "phoenix" -> note count (u64), pool (u128), nullifier chain (32)
//   vm_phoenix_notes  position (8, BE) -> the note (302 bytes)
//   vm_phoenix_nullifiers nullifier (32, LE) -> the height that spent it (8, BE)
//   vm_phoenix_roots  height (8, BE) -> the tree's root after that block, for the blocks
//                     that changed it (the root history is the newest kRootHistory)
//   vm_phoenix_keys   the verifier keys (phoenix_keys.hpp)
// The undo record of a block ends with its Phoenix part: the note count, pool and
// nullifier chain before it, and the nullifiers it spent. Opening reads every note, root
// and nullifier back into memory (the tree is rebuilt level by level).
//
// Not thread-safe: the node serializes the lane with its chain.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "duskvm/lane/phoenix_keys.hpp"
#include "duskvm/lane/phoenix_pool.hpp"
#include "duskvm/lane/vm_pool.hpp"
#include "duskvm/phoenix/setup.hpp"
#include "duskvm/phoenix/transfer_ledger.hpp"
#include "duskvm/lane/vm_transaction.hpp"
#include "duskvm/runtime/module_cache.hpp"
#include "duskvm/runtime/session.hpp"
#include "duskvm/runtime/state_store.hpp"
#include "lane/lane.hpp"
#include "storage/database.hpp"
#include "trie/db_node_store.hpp"

namespace dusk::vm {

struct VmLaneConfig {
  u64 chain_id = 0;
  u64 block_gas_limit = 250'000'000;  // about a quarter second of contract work
  size_t max_block_transactions = 2'000;
  VmPoolConfig pool;
  // The setup of Phoenix proofs; nullopt: Phoenix is off (shields and Phoenix
  // transactions are refused).
  std::optional<duskvm::phoenix::Setup> phoenix;
  PhoenixPoolConfig phoenix_pool;
};

struct VmAccount {
  u64 balance = 0;
  u64 nonce = 0;
  bool operator==(const VmAccount&) const = default;
};

class VmLane final : public lane::Lane {
 public:
  static std::vector<std::string> families();
  static std::vector<std::string> counter_families();
  // Opens the lane on `db` (opened with families() and counter_families()); a fresh
  // database gets `genesis` (address -> LUX) written as height 0.
  static Result<std::unique_ptr<VmLane>> open(storage::Database& db, VmLaneConfig config,
                                              const std::vector<std::pair<VmAddress, u64>>& genesis);
  ~VmLane() override;

  lane::LaneId id() const override { return lane::LaneId::kVm; }
  u64 height() const override { return head_.height; }
  Hash256 state_root() const override;
  u128 holdings() const override { return head_.holdings; }
  Result<Hash256> submit(ByteView transaction) override;
  // For the node: a Phoenix transaction decoded and its proof verified (seconds of key
  // making the first time, then 2-3 ms) without the lane's state, so off the chain's
  // lock (thread safe); then submit_verified() admits it with the other checks only.
  class VerifiedPhoenix {
    friend class VmLane;
    VerifiedPhoenix(VmTransaction tx, Bytes encoded) : tx_(std::move(tx)), encoded_(std::move(encoded)) {}
    VmTransaction tx_;
    Bytes encoded_;
  };
  Result<VerifiedPhoenix> verify_phoenix(ByteView transaction) const;
  Result<Hash256> submit_verified(const VerifiedPhoenix& verified);
  size_t pool_size() const override { return pool_.size() + phoenix_pool_.size(); }
  Result<lane::Payload> build(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits) override;
  Result<lane::Payload> execute(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                                ByteView body) override;
  Status stage(storage::WriteBatch& batch) override;
  void committed() override;
  void discard() override;
  Status finalize(u64 height, storage::WriteBatch& batch) override;
  Status revert_to(u64 height, storage::WriteBatch& batch) override;

  // Queries on the last committed block.
  VmAccount account(const VmAddress& address) const;
  bool pooled(const Hash256& id) const { return pool_.contains(id) || phoenix_pool_.contains(id); }
  // The receipt of a transaction in a committed block (JSON), or nullopt.
  Result<std::optional<std::string>> receipt(const Hash256& id) const;
  // A read-only call of a contract (nothing it changes is kept).
  Result<Receipt> query(const ContractId& contract, std::string_view fn, ByteView arg, u64 gas);
  Result<std::optional<abi::ContractAbi>> contract_abi(const ContractId& contract);
  bool has_contract(const ContractId& contract) const;
  Hash256 contracts_root() const { return head_.contracts_root; }
  u64 final_height() const { return final_height_; }
  u64 min_gas_price() const { return config_.pool.min_gas_price; }
  // Phoenix, as of the last committed block.
  bool phoenix_enabled() const { return phoenix_keys_ != nullptr; }
  size_t phoenix_pool_size() const { return phoenix_pool_.size(); }
  const duskvm::phoenix::TransferLedger& phoenix() const { return *phoenix_; }
  // The verifier keys (null when Phoenix is off). Thread safe: the node asks it for a
  // key before taking the chain's lock, so that making one does not hold up blocks.
  PhoenixKeys* phoenix_keys() const { return phoenix_keys_.get(); }

 private:
  struct Head {
    u64 height = 0;
    Hash256 contracts_root{};
    Hash256 accounts_root{};
    u128 holdings = 0;
    Hash256 phoenix{};  // the Phoenix digest
  };
  struct Pending;
  VmLane(storage::Database& db, VmLaneConfig config, std::unique_ptr<StateStore> store);
  Result<lane::Payload> run(const lane::BlockContext& ctx, std::span<const lane::Deposit> deposits,
                            std::optional<ByteView> body);
  Result<VmAccount> stored_account(const VmAddress& a) const;
  Result<Hash256> submit_phoenix(const VmTransaction& tx, ByteView encoded, duskvm::phoenix::ProofCheck proof);
  Result<Hash256> submit_checked(VmTransaction tx, ByteView encoded, duskvm::phoenix::ProofCheck proof);
  Status load();
  Status load_phoenix();
  Bytes encode_head(const Head& h) const;

  storage::Database* db_;
  VmLaneConfig config_;
  std::unique_ptr<StateStore> store_;
  std::shared_ptr<ModuleCache> modules_;
  trie::DbNodeStore nodes_;
  const storage::Family* accounts_cf_;
  const storage::Family* meta_cf_;
  const storage::Family* roots_cf_;
  const storage::Family* blocks_cf_;
  const storage::Family* receipts_cf_;
  const storage::Family* undo_cf_;
  const storage::Family* notes_cf_;
  const storage::Family* nullifiers_cf_;
  const storage::Family* phoenix_roots_cf_;
  VmPool pool_;
  PhoenixPool phoenix_pool_;
  std::unique_ptr<PhoenixKeys> phoenix_keys_;
  std::unique_ptr<duskvm::phoenix::TransferLedger> phoenix_;
  Head head_;
  u64 final_height_ = 0;
  std::unique_ptr<Pending> pending_;
  std::string broken_;  // why the lane refuses to build (a reload that failed)
};

}  // namespace dusk::vm
