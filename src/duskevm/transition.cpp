#include "duskevm/transition.hpp"

#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {
namespace {

constexpr i64 kAuthExistingRefund = 25000 - 12500;  // PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST

// half the secp256k1 order: signatures with a larger s are malleable copies (EIP-2).
const Uint256 kHalfOrder = Uint256::from_be(crypto::kSecp256k1Order.data()) >> 1;

// EIP-7702 authorizations, applied before the message runs. Returns the refund they earn.
i64 apply_authorizations(State& state, const Transaction& tx, const BlockEnv& env) {
  i64 refund = 0;
  for (const Authorization& auth : tx.authorizations) {
    if (!auth.chain_id.is_zero() && auth.chain_id != env.chain_id) continue;
    if (!auth.nonce.fits_u64() || auth.nonce.low64() == ~u64{0}) continue;
    const auto authority = recover_authority(auth);
    if (!authority) continue;
    state.access_account(*authority);
    const Account* acc = state.find(*authority);
    if (acc && !acc->code->empty() && !Evm::delegation_target(*acc->code)) continue;
    if ((acc ? acc->nonce : 0) != auth.nonce.low64()) continue;
    if (acc) refund += kAuthExistingRefund;
    Bytes code;
    if (auth.address != Address{}) {
      code = {0xef, 0x01, 0x00};
      code.insert(code.end(), auth.address.begin(), auth.address.end());
    }
    state.set_code(*authority, std::move(code));
    state.set_nonce(*authority, auth.nonce.low64() + 1);
  }
  return refund;
}

}  // namespace

std::optional<Address> recover_authority(const Authorization& auth) {
  if (auth.y_parity > Uint256{1}) return std::nullopt;
  if (auth.r.is_zero() || auth.s.is_zero() || auth.s > kHalfOrder) return std::nullopt;
  // The signed message: keccak256(MAGIC 0x05 || rlp([chain_id, address, nonce])).
  Bytes payload;
  rlp::encode_uint(payload, auth.chain_id);
  rlp::encode_bytes(payload, auth.address);
  rlp::encode_uint(payload, auth.nonce);
  Bytes msg{0x05};
  rlp::encode_list_payload(msg, payload);
  const auto key = crypto::secp256k1_recover(crypto::keccak256(msg), auth.r.to_be(), auth.s.to_be(),
                                             static_cast<int>(auth.y_parity.low64()));
  if (!key) return std::nullopt;
  return crypto::public_key_address(*key);
}

void load_call_code(State& state, Message& msg, const Address& to, Fork fork) {
  msg.code_address = to;
  const Account* acc = state.find(to);
  if (!acc) return;
  msg.code = acc->code;
  msg.code_hash = acc->code_hash;
  if (fork < Fork::kPrague) return;
  if (auto target = Evm::delegation_target(*acc->code)) {
    state.access_account(*target);
    msg.code_address = *target;
    msg.skip_precompile = true;
    const Account* del = state.find(*target);
    msg.code = del ? del->code : nullptr;
    msg.code_hash = del ? std::optional<Hash256>(del->code_hash) : std::nullopt;
  }
}

TxResult<Receipt> apply_transaction(State& state, const BlockEnv& env, const Transaction& tx, Fork fork,
                                  CodeCache& cache, Tracer* tracer, FramePool* frames) {
  DUSK_ASSIGN(const ValidTx v, validate_transaction(tx, state, env, fork));
  state.begin_transaction();

  // Up-front: the nonce, and gas (and blob gas) at the effective price.
  const u64 sender_nonce = tx.nonce.low64();
  state.set_nonce(tx.sender, sender_nonce + 1);
  const Uint256 gas_fee = Uint256{v.gas_limit} * v.effective_gas_price;
  const Uint256 blob_fee = Uint256{v.blob_gas} * v.blob_gas_price;
  state.set_balance(tx.sender, state.balance(tx.sender) - gas_fee - blob_fee);

  // EIP-2929 / EIP-2930 / EIP-3651 warm set.
  state.access_account(tx.sender);
  state.access_account(env.coinbase);
  for (const Address& a : precompile_addresses(fork, env.p256verify)) state.access_account(a);
  for (const auto& e : tx.access_list) {
    state.access_account(e.address);
    for (const auto& k : e.storage_keys) state.access_slot(e.address, Uint256::from_be(k.data()));
  }

  TxContext ctx{tx.sender, v.effective_gas_price, tx.blob_hashes};
  Evm evm(state, env, ctx, fork, cache, frames);
  evm.set_tracer(tracer);
  if (tracer) tracer->on_transaction_start(v.gas_limit);

  Message msg;
  msg.depth = 0;
  msg.gas = static_cast<i64>(v.gas_limit - v.intrinsic.gas);
  msg.sender = tx.sender;
  msg.value = tx.value;
  msg.input = tx.data;

  CallResult result;
  i64 auth_refund = 0;
  if (!tx.to) {
    const Address addr = create_address(tx.sender, sender_nonce);
    state.access_account(addr);
    msg.kind = CallKind::kCreate;
    msg.recipient = addr;
    msg.code_address = addr;
    msg.code = std::make_shared<const Bytes>(tx.data);
    msg.input = {};
    const Account* existing = state.find(addr);
    if (existing && blocks_creation(*existing)) {
      result = {StatusCode::kAddressCollision, 0, {}, {}};
      if (tracer) {
        tracer->on_enter(msg);
        tracer->on_exit(msg, result.status, 0, {});
      }
    } else {
      result = evm.create(msg);
    }
  } else {
    state.access_account(*tx.to);
    if (tx.type == TxType::kSetCode) auth_refund = apply_authorizations(state, tx, env);
    msg.kind = CallKind::kCall;
    msg.recipient = *tx.to;
    load_call_code(state, msg, *tx.to, fork);
    result = evm.call(msg);
  }

  // Refunds (EIP-3529: at most a fifth of the gas used), then the EIP-7623 floor.
  const u64 used_before_refund = v.gas_limit - static_cast<u64>(result.gas_left);
  const i64 counter = (result.status == StatusCode::kSuccess ? state.refund() : 0) + auth_refund;
  const u64 refund = std::min<u64>(used_before_refund / 5, counter > 0 ? static_cast<u64>(counter) : 0);
  u64 gas_used = used_before_refund - refund;
  if (gas_used < v.intrinsic.floor) gas_used = v.intrinsic.floor;

  state.add_balance(tx.sender, Uint256{v.gas_limit - gas_used} * v.effective_gas_price);
  const Uint256 priority = v.effective_gas_price - env.base_fee;
  state.add_balance(env.coinbase, Uint256{gas_used} * priority);
  state.touch(env.coinbase);

  Receipt receipt;
  receipt.status = result.status;
  receipt.gas_used = gas_used;
  receipt.logs = result.status == StatusCode::kSuccess ? state.logs() : std::vector<Log>{};
  receipt.output = std::move(result.output);
  if (result.status == StatusCode::kSuccess && !tx.to) receipt.created = result.created;
  receipt.not_implemented = evm.not_implemented();
  if (tracer) tracer->on_transaction_end(receipt.status, receipt.gas_used);
  state.finalize_transaction();
  return receipt;
}

}  // namespace dusk::evm
