#include "duskevm/block_executor.hpp"

#include <string>

#include "crypto/hash/keccak.hpp"
#include "crypto/bls/scheme.hpp"
#include "duskevm/bridge_contract.hpp"
#include "duskevm/receipt_encoding.hpp"
#include "duskevm/transaction_codec.hpp"
#include "duskevm/transition.hpp"

namespace dusk::evm {
namespace {

u128 to_u128(const Uint256& v) { return (static_cast<u128>(v.w[1]) << 64) | v.w[0]; }

}  // namespace

Result<SignedTx> decode_signed(ByteView raw, u64 chain_id) {
  SignedTx s;
  DUSK_ASSIGN(s.tx, decode_transaction(raw));
  if (s.tx.type == TxType::kLegacy && s.tx.v < Uint256{35})
    return Error("only replay-protected (EIP-155) transactions allowed");
  if (s.tx.chain_id != Uint256{chain_id}) return Error("invalid chain id");
  auto sender = recover_sender(raw);
  if (!sender) return Error("invalid sender: " + sender.error().message);
  s.tx.sender = *sender;
  s.raw.assign(raw.begin(), raw.end());
  s.hash = crypto::keccak256(raw);
  return s;
}

BlockExecutor::BlockExecutor(const StateBackend& backend, BlockEnv env, Fork fork, CodeCache& cache)
    : env_(std::move(env)), fork_(fork), cache_(cache) {
  state_.set_backend(&backend);
}

Status BlockExecutor::credit_deposits(std::span<const lane::Deposit> deposits) {
  for (const lane::Deposit& d : deposits) {
    if (d.to.size() != 20) return Error("a deposit's address is not 20 bytes");
    if (d.amount == 0) continue;  // would create an empty account
    Address to;
    std::copy(d.to.begin(), d.to.end(), to.begin());
    state_.begin_transaction();
    state_.add_balance(to, Uint256{d.amount} * Uint256{lane::kWeiPerLux});
    state_.finalize_transaction();
  }
  return {};
}

u64 BlockExecutor::nonce(const Address& a) const {
  const Account* acc = state_.find(a);
  return acc ? acc->nonce : 0;
}

BlockExecutor::Attempt BlockExecutor::apply(const SignedTx& s, Tracer* tracer) {
  const Transaction& tx = s.tx;
  if (!tx.gas_limit.fits_u64() || tx.gas_limit.low64() > gas_left())
    return {Outcome::kDoesNotFit, "gas limit reached"};
  // The blob count is bounded by the body's size (32 bytes a hash): no overflow.
  const u64 blob_gas = kGasPerBlob * tx.blob_hashes.size();
  if (blob_gas > blob_gas_left()) return {Outcome::kDoesNotFit, "blob gas limit reached"};
  auto r = apply_transaction(state_, env_, tx, fork_, cache_, tracer, &frames_);
  if (!r) return {Outcome::kInvalid, r.error().message};
  const Receipt& receipt = *r;
  gas_used_ += receipt.gas_used;

  EvmReceipt e;
  e.type = tx.type;
  e.success = receipt.status == StatusCode::kSuccess;
  e.cumulative_gas_used = gas_used_;
  e.gas_used = receipt.gas_used;
  if (tx.type >= TxType::kDynamicFee) {
    const Uint256 headroom = tx.max_fee_per_gas - env_.base_fee;
    e.effective_gas_price =
        env_.base_fee + (tx.max_priority_fee_per_gas < headroom ? tx.max_priority_fee_per_gas : headroom);
  } else {
    e.effective_gas_price = tx.gas_price;
  }
  e.from = tx.sender;
  e.to = tx.to;
  e.contract_address = receipt.created;
  e.logs = receipt.logs;
  out_.burned += to_u128(env_.base_fee) * receipt.gas_used;
  if (blob_gas != 0) {
    // What transition.cpp charged the sender: below its balance, hence below 2^128.
    out_.burned += to_u128(Uint256{blob_gas} * blob_base_fee(env_));
    blob_gas_used_ += blob_gas;
  }
  for (const Log& log : receipt.logs) {
    auto w = withdrawal_of(log);
    if (!w) continue;
    if (crypto::bls::BlsMinSig::PublicKey::from_bytes(w->to).ok())
      out_.withdrawals.push_back(std::move(*w));
    else if (!std::equal(w->from.begin(), w->from.end(), kBridgeAddress.begin()))
      refunds_.push_back(std::move(*w));
    // (the bridge cannot call itself; were it to, the amount would stay and be swept)
  }
  logs_.push_back(receipt.logs);
  out_.transactions.push_back(s.raw);
  out_.hashes.push_back(s.hash);
  out_.receipts.push_back(std::move(e));
  return {Outcome::kIncluded, {}};
}

Result<BlockResult> BlockExecutor::finish(const Bytes& generator) {
  if (generator.size() != lane::kDsKeyBytes) return Error("the block's generator key is not 96 bytes");
  // The bridge's balance: the remainder of earlier blocks (below 1 LUX), this block's
  // withdrawals and the fees it earned as the coinbase.
  const Uint256 wei_per_lux{lane::kWeiPerLux};
  Uint256 withdrawn;
  for (const lane::Withdrawal& w : out_.withdrawals) withdrawn = withdrawn + Uint256{w.amount} * wei_per_lux;
  for (const lane::Withdrawal& w : refunds_) withdrawn = withdrawn + Uint256{w.amount} * wei_per_lux;
  const Uint256 balance = state_.balance(kBridgeAddress);
  if (balance < withdrawn) return Error("the bridge holds less than its withdrawals");
  if (!refunds_.empty()) {
    // Back to their senders: the bridge's balance drops by as much below.
    state_.begin_transaction();
    for (const lane::Withdrawal& w : refunds_) {
      Address from{};
      std::copy(w.from.begin(), w.from.end(), from.begin());
      state_.set_balance(from, state_.balance(from) + Uint256{w.amount} * wei_per_lux);
    }
    state_.finalize_transaction();
  }
  const auto rest = divmod(balance - withdrawn, wei_per_lux);
  if (!rest.quot.fits_u64()) return Error("the bridge's fees exceed 64 bits of LUX");
  if (!rest.quot.is_zero()) out_.withdrawals.push_back({Bytes{}, generator, rest.quot.low64()});
  if (state_.balance(kBridgeAddress) != rest.rem) {
    state_.begin_transaction();
    state_.set_balance(kBridgeAddress, rest.rem);
    state_.finalize_transaction();
  }
  if (state_.backend_failure()) return Error("reading the state: " + state_.backend_failure()->message);

  std::vector<Bytes> encoded;
  encoded.reserve(out_.receipts.size());
  for (const EvmReceipt& r : out_.receipts) encoded.push_back(consensus_encoding(r));
  out_.receipts_root = receipts_root(encoded);
  out_.transactions_root = transactions_root(out_.transactions);
  out_.logs_bloom = block_logs_bloom(logs_);
  out_.gas_used = gas_used_;
  out_.blob_gas_used = blob_gas_used_;
  out_.changes = state_.take_changes();
  return std::move(out_);
}

}  // namespace dusk::evm
