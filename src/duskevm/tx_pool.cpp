#include "duskevm/tx_pool.hpp"

#include <string>

#include "base/decimal.hpp"

namespace dusk::evm {

namespace {

Uint256 fee_cap(const Transaction& tx) { return tx.type >= TxType::kDynamicFee ? tx.max_fee_per_gas : tx.gas_price; }
Uint256 tip_cap(const Transaction& tx) {
  return tx.type >= TxType::kDynamicFee ? tx.max_priority_fee_per_gas : tx.gas_price;
}
// a >= b + b / 10, without overflow (both below 2^256 / 2 in practice; checked anyway).
bool raised_ten_percent(const Uint256& a, const Uint256& b) {
  const auto need = add_with_carry(b, evm_div(b, Uint256{10}));
  return !need.carry && a >= need.value;
}

}  // namespace

std::optional<Uint256> effective_tip(const Transaction& tx, const Uint256& base_fee) {
  const Uint256 cap = fee_cap(tx);
  if (cap < base_fee) return std::nullopt;
  const Uint256 headroom = cap - base_fee;
  const Uint256 tip = tip_cap(tx);
  return tip < headroom ? tip : headroom;
}

TxPool::TxPool(TxPoolConfig config) : config_(std::move(config)) {}

const PooledTx* TxPool::find(const Hash256& hash) const {
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return nullptr;
  return &by_sender_.at(it->second.first).at(it->second.second);
}

void TxPool::remove(const Hash256& hash) {
  auto it = by_hash_.find(hash);
  if (it == by_hash_.end()) return;
  auto s = by_sender_.find(it->second.first);
  auto t = s->second.find(it->second.second);
  blobs_ -= t->second.signed_tx.tx.blob_hashes.size();
  s->second.erase(t);
  if (s->second.empty()) by_sender_.erase(s);
  by_hash_.erase(it);
}

Result<Hash256> TxPool::add(SignedTx s, const Account& sender, const Limits& next, u64 height) {
  const Transaction& tx = s.tx;
  const Uint256& base_fee = next.base_fee;
  const u64 block_gas_limit = next.block_gas_limit;
  const Fork fork = next.fork;
  if (s.raw.size() > config_.max_transaction_bytes) return Error("oversized data");
  if (by_hash_.count(s.hash) != 0) return Error("already known");
  if (!tx.gas_limit.fits_u64() || tx.gas_limit.low64() > block_gas_limit) return Error("exceeds block gas limit");
  const IntrinsicGas intrinsic = intrinsic_gas(tx, fork);
  if (tx.gas_limit.low64() < intrinsic.gas || tx.gas_limit.low64() < intrinsic.floor)
    return Error("intrinsic gas too low");
  if (!tx.to && tx.data.size() > kMaxInitCodeSize) return Error("max initcode size exceeded");
  if (tx.type == TxType::kSetCode && (!tx.to || tx.authorizations.empty()))
    return Error("set-code transaction without a recipient or authorizations");
  const bool blob = tx.type == TxType::kBlob;
  if (blob) {
    if (!s.sidecar) return Error("missing sidecar in blob transaction");
    if (tx.blob_hashes.empty()) return Error("blobless blob transaction");
    const u64 permitted = default_blob_schedule(fork).max;
    if (tx.blob_hashes.size() > permitted)
      return Error("too many blobs in transaction: have " + std::to_string(tx.blob_hashes.size()) + ", permitted " +
                   std::to_string(permitted));
    if (!tx.to) return Error("blob transaction of type create");
  }
  if (fee_cap(tx) < tip_cap(tx)) return Error("max priority fee per gas higher than max fee per gas");
  if (tip_cap(tx) < config_.min_priority_fee)
    return Error("transaction gas price below minimum: gas tip cap " + to_decimal(tip_cap(tx)) + ", minimum needed " +
                 to_decimal(config_.min_priority_fee));
  if (fee_cap(tx) < base_fee) return Error("max fee per gas less than block base fee");
  if (blob && tx.max_fee_per_blob_gas < next.blob_base_fee)
    return Error("max fee per blob gas less than blob base fee");
  if (!tx.nonce.fits_u64() || tx.nonce.low64() == ~u64{0}) return Error("nonce has max value");
  const u64 nonce = tx.nonce.low64();
  if (nonce < sender.nonce) return Error("nonce too low");
  const auto product = mul_full(tx.gas_limit, fee_cap(tx));
  bool overflow = (product[4] | product[5] | product[6] | product[7]) != 0;
  auto cost = add_with_carry(Uint256{product[0], product[1], product[2], product[3]}, tx.value);
  if (blob) {
    const auto blob_cost = mul_full(Uint256{kGasPerBlob * tx.blob_hashes.size()}, tx.max_fee_per_blob_gas);
    overflow = overflow || (blob_cost[4] | blob_cost[5] | blob_cost[6] | blob_cost[7]) != 0;
    const bool carry = cost.carry;
    cost = add_with_carry(cost.value, Uint256{blob_cost[0], blob_cost[1], blob_cost[2], blob_cost[3]});
    cost.carry = cost.carry || carry;
  }
  if (overflow || cost.carry || sender.balance < cost.value) return Error("insufficient funds for gas * price + value");

  auto& mine = by_sender_[tx.sender];
  auto old = mine.find(nonce);
  if (old != mine.end()) {
    const Transaction& o = old->second.signed_tx.tx;
    if (!raised_ten_percent(fee_cap(tx), fee_cap(o)) || !raised_ten_percent(tip_cap(tx), tip_cap(o)) ||
        (blob && o.type == TxType::kBlob && !raised_ten_percent(tx.max_fee_per_blob_gas, o.max_fee_per_blob_gas)))
      return Error("replacement transaction underpriced");
    if (blobs_ - o.blob_hashes.size() + tx.blob_hashes.size() > config_.max_blobs) return Error("blob pool is full");
  } else {
    if (blobs_ + tx.blob_hashes.size() > config_.max_blobs) {
      if (mine.empty()) by_sender_.erase(tx.sender);
      return Error("blob pool is full");
    }
    if (mine.size() >= config_.max_per_sender) {
      if (mine.empty()) by_sender_.erase(tx.sender);
      return Error("account limit exceeded");
    }
    if (by_hash_.size() >= config_.max_transactions) {
      // The cheapest last-nonce transaction of another sender, evicted if this one pays more.
      const Uint256 tip = *effective_tip(tx, base_fee);
      const PooledTx* worst = nullptr;
      Uint256 worst_tip;
      for (const auto& [who, txs] : by_sender_) {
        if (who == tx.sender || txs.empty()) continue;
        const PooledTx& last = txs.rbegin()->second;
        const Uint256 t = effective_tip(last.signed_tx.tx, base_fee).value_or(Uint256{});
        if (!worst || t < worst_tip) worst = &last, worst_tip = t;
      }
      if (!worst || !(worst_tip < tip)) {
        if (mine.empty()) by_sender_.erase(tx.sender);
        return Error("txpool is full");
      }
      remove(worst->signed_tx.hash);
    }
  }
  const Hash256 hash = s.hash;
  const Address from = tx.sender;
  if (old != mine.end()) {
    blobs_ -= old->second.signed_tx.tx.blob_hashes.size();
    by_hash_.erase(old->second.signed_tx.hash);
  }
  blobs_ += tx.blob_hashes.size();
  mine[nonce] = PooledTx{std::move(s), nonce, next_seq_++, height};
  by_hash_[hash] = {from, nonce};
  return hash;
}

}  // namespace dusk::evm
