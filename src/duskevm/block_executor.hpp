// One EVM lane block, executed: what build() and execute() of the lane (evm_lane.hpp)
// share. In order:
//   1. deposits: each credits amount x 10^9 wei to its 20-byte address, a system change
//      (no transaction, no receipt);
//   2. transactions, each against a gas pool (the block's gas limit less the gas used so
//      far) and a blob gas pool (EIP-4844: the fork's max blobs x GAS_PER_BLOB less the
//      blob gas used so far): one whose gas limit or blob gas exceeds what is left does
//      not fit; one that is not
//      valid (validate_transaction) changes nothing; the caller decides what either means
//      (build: leave it for a later block / drop it; execute: the block is invalid);
//   3. finish(): the withdrawals the bridge's Withdrawal events announce (successful
//      transactions only, in log order), then the bridge's balance is burned but for its
//      part below 1 LUX: the withdrawn wei go to DuskDS through the withdrawals, the
//      rest (the priority fees the bridge earned as the coinbase, and anything else sent
//      to it) as a final withdrawal of whole LUX to the block's generator. A Withdrawal
//      event whose 96 bytes are not a DuskDS key (a BLS min-sig public key that decodes
//      and lies in the subgroup) could never be credited: its amount goes back to the
//      address that sent it instead, a system change in the same block.
// Value: the state's sum of balances changes by deposits x 10^9 - burned -
// withdrawals x 10^9, where burned is the base fee x gas of every transaction plus the
// blob base fee x blob gas of every blob transaction (its sender pays the blob fee up
// front, never refunded, and nobody receives it: Ethereum burns it too).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "duskevm/base_fee.hpp"
#include "duskevm/blob_sidecar.hpp"
#include "duskevm/block_env.hpp"
#include "duskevm/detail/code_analysis.hpp"
#include "duskevm/detail/frame_pool.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/evm_receipt.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/log.hpp"
#include "duskevm/state.hpp"
#include "duskevm/state_backend.hpp"
#include "duskevm/state_changes.hpp"
#include "duskevm/transaction.hpp"
#include "lane/lane.hpp"

namespace dusk::evm {

// A decoded, signed transaction with its sender and hash. A blob transaction's raw bytes
// are its bare form (what blocks carry); its sidecar travels beside it while it is pooled.
struct SignedTx {
  Bytes raw;
  Transaction tx;
  Hash256 hash{};
  std::shared_ptr<const BlobSidecar> sidecar;  // blob transactions from the network only
};
// Decodes signed bytes (a blob transaction in its bare form) and recovers the sender;
// refuses unprotected legacy signatures and signatures for another chain.
Result<SignedTx> decode_signed(ByteView raw, u64 chain_id);

struct BlockResult {
  std::vector<Bytes> transactions;  // signed bytes, in block order
  std::vector<Hash256> hashes;
  std::vector<EvmReceipt> receipts;
  Hash256 transactions_root{};
  Hash256 receipts_root{};
  Bloom logs_bloom{};
  u64 gas_used = 0;
  u64 blob_gas_used = 0;
  u128 burned = 0;  // wei: base fees and blob fees
  std::vector<lane::Withdrawal> withdrawals;
  StateChanges changes;
};

class BlockExecutor {
 public:
  // `backend` holds the parent's state and must outlive the executor.
  BlockExecutor(const StateBackend& backend, BlockEnv env, Fork fork, CodeCache& cache);

  Status credit_deposits(std::span<const lane::Deposit> deposits);

  enum class Outcome { kIncluded, kDoesNotFit, kInvalid };
  struct Attempt {
    Outcome outcome = Outcome::kIncluded;
    std::string why;  // kDoesNotFit, kInvalid
  };
  // `tracer` (optional) traces the transaction (debug_traceTransaction).
  Attempt apply(const SignedTx& tx, Tracer* tracer = nullptr);

  // Reads the nonce of an account as the block has it so far.
  u64 nonce(const Address& a) const;
  const BlockEnv& env() const { return env_; }
  u64 gas_left() const { return env_.gas_limit - gas_used_; }
  u64 blob_gas_left() const { return max_blob_gas_per_block(env_.blobs) - blob_gas_used_; }

  // Ends the block: the withdrawals, the burn, the roots, the change set. Fails when a
  // read of the backend failed during the block.
  Result<BlockResult> finish(const Bytes& generator);

 private:
  BlockEnv env_;
  Fork fork_;
  CodeCache& cache_;
  FramePool frames_;
  State state_;
  BlockResult out_;
  std::vector<std::vector<Log>> logs_;
  std::vector<lane::Withdrawal> refunds_;  // withdrawals to bytes that are no DuskDS key
  u64 gas_used_ = 0;
  u64 blob_gas_used_ = 0;
};

}  // namespace dusk::evm
