#include "wallet/evm_transaction.hpp"

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"

namespace dusk::wallet {
namespace {

// The nine unsigned fields, RLP-encoded one after the other (a list's payload).
Bytes unsigned_payload(const Eip1559Fields& f) {
  Bytes p;
  rlp::encode_uint(p, Uint256{f.chain_id});
  rlp::encode_uint(p, Uint256{f.nonce});
  rlp::encode_uint(p, f.max_priority_fee_per_gas);
  rlp::encode_uint(p, f.max_fee_per_gas);
  rlp::encode_uint(p, Uint256{f.gas_limit});
  if (f.to) rlp::encode_bytes(p, ByteView(f.to->data(), f.to->size()));
  else rlp::encode_bytes(p, ByteView{});
  rlp::encode_uint(p, f.value);
  rlp::encode_bytes(p, f.data);
  rlp::encode_list_payload(p, ByteView{});  // no access list
  return p;
}

}  // namespace

Bytes encode_eip1559_unsigned(const Eip1559Fields& f) {
  Bytes out{0x02};
  rlp::encode_list_payload(out, unsigned_payload(f));
  return out;
}

Result<Bytes> sign_eip1559(const Eip1559Fields& f, const std::array<u8, 32>& secret_key) {
  const auto hash = crypto::keccak256(encode_eip1559_unsigned(f));
  auto sig = crypto::secp256k1_sign(hash, secret_key);
  if (!sig) return Error("EVM signing: the secret key is not valid (zero or not below the group order)");
  Bytes p = unsigned_payload(f);
  rlp::encode_uint(p, Uint256{static_cast<u64>(sig->recid)});
  rlp::encode_uint(p, Uint256::from_be(sig->r.data()));
  rlp::encode_uint(p, Uint256::from_be(sig->s.data()));
  Bytes out{0x02};
  rlp::encode_list_payload(out, p);
  return out;
}

Hash256 evm_transaction_hash(ByteView signed_tx) { return crypto::keccak256(signed_tx); }

Bytes bridge_withdraw_calldata(const std::array<u8, 96>& ds_key) {
  Bytes d(kWithdrawSelector.begin(), kWithdrawSelector.end());
  d.resize(4 + 32 + 32, 0);
  d[4 + 31] = 0x20;     // the offset of the bytes argument
  d[4 + 32 + 31] = 96;  // its length
  d.insert(d.end(), ds_key.begin(), ds_key.end());  // 96 bytes: exactly three words
  return d;
}

}  // namespace dusk::wallet
