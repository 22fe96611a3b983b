#include "duskevm/tx_pool.hpp"

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
  s->second.erase(it->second.second);
  if (s->second.empty()) by_sender_.erase(s);
  by_hash_.erase(it);
}

Result<Hash256> TxPool::add(SignedTx s, const Account& sender, const Uint256& base_fee, u64 block_gas_limit,
                            Fork fork, u64 height) {
  const Transaction& tx = s.tx;
  if (s.raw.size() > config_.max_transaction_bytes) return Error("oversized data");
  if (by_hash_.count(s.hash) != 0) return Error("already known");
  if (!tx.gas_limit.fits_u64() || tx.gas_limit.low64() > block_gas_limit) return Error("exceeds block gas limit");
  const IntrinsicGas intrinsic = intrinsic_gas(tx, fork);
  if (tx.gas_limit.low64() < intrinsic.gas || tx.gas_limit.low64() < intrinsic.floor)
    return Error("intrinsic gas too low");
  if (!tx.to && tx.data.size() > kMaxInitCodeSize) return Error("max initcode size exceeded");
  if (tx.type == TxType::kSetCode && (!tx.to || tx.authorizations.empty()))
    return Error("set-code transaction without a recipient or authorizations");
  if (fee_cap(tx) < tip_cap(tx)) return Error("max priority fee per gas higher than max fee per gas");
  if (tip_cap(tx) < config_.min_priority_fee) return Error("transaction underpriced");
  if (fee_cap(tx) < base_fee) return Error("max fee per gas less than block base fee");
  if (!tx.nonce.fits_u64() || tx.nonce.low64() == ~u64{0}) return Error("nonce has max value");
  const u64 nonce = tx.nonce.low64();
  if (nonce < sender.nonce) return Error("nonce too low");
  const auto product = mul_full(tx.gas_limit, fee_cap(tx));
  bool overflow = (product[4] | product[5] | product[6] | product[7]) != 0;
  const auto cost = add_with_carry(Uint256{product[0], product[1], product[2], product[3]}, tx.value);
  if (overflow || cost.carry || sender.balance < cost.value) return Error("insufficient funds for gas * price + value");

  auto& mine = by_sender_[tx.sender];
  auto old = mine.find(nonce);
  if (old != mine.end()) {
    const Transaction& o = old->second.signed_tx.tx;
    if (!raised_ten_percent(fee_cap(tx), fee_cap(o)) || !raised_ten_percent(tip_cap(tx), tip_cap(o)))
      return Error("replacement transaction underpriced");
  } else {
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
  if (old != mine.end()) by_hash_.erase(old->second.signed_tx.hash);
  mine[nonce] = PooledTx{std::move(s), nonce, next_seq_++, height};
  by_hash_[hash] = {from, nonce};
  return hash;
}

}  // namespace dusk::evm
