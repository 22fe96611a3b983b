// The EVM lane's transaction pool: signed transactions waiting for a block, by sender in
// nonce order, chosen by effective tip; a blob transaction keeps its sidecar here until a
// block includes it.
//
// Admission (add) takes a transaction its caller decoded (decode_signed) with the
// sender's account as of the last committed block and the next block's base fee and
// blob base fee (Limits), and refuses, in geth's words where geth has them:
//   "oversized data"                                   raw size above max_transaction_bytes
//   "intrinsic gas too low"                            gas limit below the intrinsic gas
//   "exceeds block gas limit"                          gas limit above the block's
//   "max priority fee per gas higher than max fee per gas"
//   "transaction gas price below minimum: gas tip cap T, minimum needed M"
//                                                      tip cap below min_priority_fee
//   "max fee per gas less than block base fee"         fee cap below the next base fee
//   "nonce too low"                                    below the account's nonce
//   "insufficient funds for gas * price + value"       balance < gas limit x fee cap + value
//                                                      (+ blob gas x blob fee cap)
// and for blob transactions (EIP-4844; the lane verified the sidecar's KZG proofs):
//   "missing sidecar in blob transaction"              a bare type-3 transaction
//   "blobless blob transaction"                        no versioned hashes
//   "too many blobs in transaction: have N, permitted M"  above the fork's max per block
//   "blob transaction of type create"                  no recipient
//   "max fee per blob gas less than blob base fee"     blob fee cap below the next block's
//   "blob pool is full"                                the pool would hold more than
//                                                      max_blobs blobs
//   "already known"                                    the same transaction
//   "replacement transaction underpriced"              same (sender, nonce) without both
//                                                      fee cap and tip cap (and, between
//                                                      blob transactions, the blob fee
//                                                      cap) raised >= 10%
//   "account limit exceeded"                           max_per_sender pending already
//   "txpool is full"                                   max_transactions, and it pays no
//                                                      more than the cheapest evictable one
// When full, a transaction that pays a higher tip evicts the cheapest last-nonce
// transaction of another sender (never one in the middle of a sender's sequence).
// A transaction leaves when a committed block includes it or makes its nonce stale,
// when a block finds it invalid, and after max_age_blocks blocks in the pool (ages are
// counted in blocks, not wall-clock time, so every node forgets alike).
//
// Not thread safe (the lane guards it).
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "base/address.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"
#include "duskevm/block_executor.hpp"
#include "duskevm/fork.hpp"

namespace dusk::evm {

struct TxPoolConfig {
  size_t max_transactions = 4096;
  size_t max_per_sender = 64;
  size_t max_transaction_bytes = 128 * 1024;  // geth's txMaxSize
  u64 max_age_blocks = 1024;
  Uint256 min_priority_fee{1};               // 1 wei: geth's txpool.pricelimit (anvil takes it too)
  // Blobs held with pending blob transactions (128 KiB each with its commitment and
  // proof): 144 = 16 full Prague blocks, about 18 MiB. The sidecars live in memory.
  size_t max_blobs = 144;
};

struct PooledTx {
  SignedTx signed_tx;
  u64 nonce = 0;
  u64 seq = 0;       // arrival order (ties between equal tips)
  u64 added_at = 0;  // the committed height when it arrived
};

// The tip a transaction pays per gas over `base_fee`; nullopt when its fee cap is below it.
std::optional<Uint256> effective_tip(const Transaction& tx, const Uint256& base_fee);

class TxPool {
 public:
  explicit TxPool(TxPoolConfig config);

  struct Account {
    u64 nonce = 0;
    Uint256 balance;
  };
  // The transaction's hash, or why it was refused (nothing changes then).
  // The next block's fees and limits, as admission judges them.
  struct Limits {
    Uint256 base_fee;
    Uint256 blob_base_fee;
    u64 block_gas_limit = 0;
    Fork fork = Fork::kPrague;
  };
  Result<Hash256> add(SignedTx tx, const Account& sender, const Limits& next, u64 height);

  size_t size() const { return by_hash_.size(); }
  size_t blob_count() const { return blobs_; }
  const PooledTx* find(const Hash256& hash) const;
  // Each sender's transactions by nonce.
  const std::map<Address, std::map<u64, PooledTx>>& by_sender() const { return by_sender_; }

  void remove(const Hash256& hash);
  // After a committed block at `height`: drops what `nonce_of` (the new state's nonces)
  // makes stale and what has been waiting more than max_age_blocks.
  template <typename NonceOf>
  void prune(NonceOf&& nonce_of, u64 height) {
    std::vector<Hash256> gone;
    for (const auto& [sender, txs] : by_sender_) {
      const u64 next = nonce_of(sender);
      for (const auto& [nonce, p] : txs)
        if (nonce < next || height > p.added_at + config_.max_age_blocks) gone.push_back(p.signed_tx.hash);
    }
    for (const Hash256& h : gone) remove(h);
  }

 private:
  TxPoolConfig config_;
  std::map<Address, std::map<u64, PooledTx>> by_sender_;
  std::map<Hash256, std::pair<Address, u64>> by_hash_;
  u64 next_seq_ = 0;
  size_t blobs_ = 0;  // held with the pooled blob transactions
};

}  // namespace dusk::evm
