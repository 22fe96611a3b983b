#include "duskvm/lane/vm_transaction.hpp"

#include <algorithm>

#include "crypto/bls/scheme.hpp"
#include "crypto/hash/blake2b.hpp"
#include "duskvm/phoenix/stealth_address.hpp"
#include "duskvm/phoenix/transaction.hpp"

namespace dusk::vm {
namespace {

using crypto::bls::BlsMinSig;

void put_raw(Bytes& out, ByteView b) { out.insert(out.end(), b.begin(), b.end()); }

class Reader {
 public:
  explicit Reader(ByteView in) : in_(in) {}
  bool ok() const { return ok_; }
  size_t left() const { return in_.size() - at_; }
  template <typename T>
  T le() {
    if (!need(sizeof(T))) return T{};
    T v = load_le<T>(in_.data() + at_);
    at_ += sizeof(T);
    return v;
  }
  template <size_t N>
  std::array<u8, N> array() {
    std::array<u8, N> a{};
    if (!need(N)) return a;
    std::copy(in_.begin() + at_, in_.begin() + at_ + N, a.begin());
    at_ += N;
    return a;
  }
  Bytes bytes(size_t n) {
    if (!need(n)) return {};
    Bytes b(in_.begin() + at_, in_.begin() + at_ + n);
    at_ += n;
    return b;
  }

 private:
  bool need(size_t n) {
    if (!ok_ || left() < n) ok_ = false;
    return ok_;
  }
  ByteView in_;
  size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string_view vm_kind_name(VmTxKind kind) {
  switch (kind) {
    case VmTxKind::kDeploy: return "deploy";
    case VmTxKind::kCall: return "call";
    case VmTxKind::kTransfer: return "transfer";
    case VmTxKind::kWithdraw: return "withdraw";
    case VmTxKind::kShield: return "shield";
    case VmTxKind::kPhoenix: return "phoenix";
  }
  return "unknown";
}

VmAddress vm_address(const DsKey& key) {
  return crypto::blake2b<32>({as_bytes(std::string_view("DUSK_VM_ACCOUNT")), ByteView(key.data(), key.size())});
}

Bytes encode_vm_unsigned(const VmTransaction& tx) {
  Bytes out;
  out.reserve(160 + tx.code.size() + tx.argument.size());
  append_le<u8>(out, 1);
  append_le<u8>(out, static_cast<u8>(tx.kind));
  if (tx.kind == VmTxKind::kPhoenix) {
    put_raw(out, tx.phoenix);  // its chain id first
    return out;
  }
  append_le<u64>(out, tx.chain_id);
  put_raw(out, tx.sender);
  append_le<u64>(out, tx.nonce);
  append_le<u64>(out, tx.gas_limit);
  append_le<u64>(out, tx.gas_price);
  switch (tx.kind) {
    case VmTxKind::kDeploy:
      append_le<u32>(out, static_cast<u32>(tx.code.size()));
      put_raw(out, tx.code);
      append_le<u32>(out, static_cast<u32>(tx.argument.size()));
      put_raw(out, tx.argument);
      break;
    case VmTxKind::kCall:
      put_raw(out, tx.contract);
      append_le<u8>(out, static_cast<u8>(tx.function.size()));
      put_raw(out, as_bytes(tx.function));
      append_le<u32>(out, static_cast<u32>(tx.argument.size()));
      put_raw(out, tx.argument);
      break;
    case VmTxKind::kTransfer:
      put_raw(out, tx.to_address);
      append_le<u64>(out, tx.amount);
      break;
    case VmTxKind::kWithdraw:
      put_raw(out, tx.to_key);
      append_le<u64>(out, tx.amount);
      break;
    case VmTxKind::kShield:
      put_raw(out, tx.stealth);
      append_le<u64>(out, tx.amount);
      break;
    case VmTxKind::kPhoenix: break;  // written above
  }
  return out;
}

Bytes encode_vm_transaction(const VmTransaction& tx) {
  Bytes out = encode_vm_unsigned(tx);
  if (tx.kind != VmTxKind::kPhoenix) put_raw(out, tx.signature);
  return out;
}

Result<VmTransaction> decode_vm_transaction(ByteView bytes) {
  if (bytes.size() > kMaxVmTransactionBytes)
    return Error("duskvm transaction of " + std::to_string(bytes.size()) + " bytes, at most " +
                 std::to_string(kMaxVmTransactionBytes));
  Reader r(bytes);
  VmTransaction tx;
  const u8 version = r.le<u8>();
  const u8 kind = r.le<u8>();
  if (!r.ok()) return Error("duskvm transaction: truncated");
  if (version != 1) return Error("duskvm transaction version " + std::to_string(version) + ", expected 1");
  if (kind < 1 || kind > 6) return Error("duskvm transaction: unknown kind " + std::to_string(kind));
  tx.kind = static_cast<VmTxKind>(kind);
  if (tx.kind == VmTxKind::kPhoenix) {
    const ByteView body = bytes.subspan(2);
    auto ptx = duskvm::phoenix::Transaction::decode(body);
    if (!ptx) return Error("duskvm transaction: a malformed Phoenix transaction");
    tx.chain_id = ptx->chain_id;
    tx.phoenix.assign(body.begin(), body.end());
    tx.phoenix_decoded = std::make_shared<const duskvm::phoenix::Transaction>(std::move(*ptx));
    return tx;
  }
  tx.chain_id = r.le<u64>();
  tx.sender = r.array<96>();
  tx.nonce = r.le<u64>();
  tx.gas_limit = r.le<u64>();
  tx.gas_price = r.le<u64>();
  switch (tx.kind) {
    case VmTxKind::kDeploy: {
      tx.code = r.bytes(r.le<u32>());
      tx.argument = r.bytes(r.le<u32>());
      break;
    }
    case VmTxKind::kCall: {
      tx.contract = r.array<32>();
      const u8 n = r.le<u8>();
      if (n > kMaxFunctionName) return Error("duskvm transaction: a function name of " + std::to_string(n) + " bytes");
      Bytes name = r.bytes(n);
      tx.function.assign(name.begin(), name.end());
      tx.argument = r.bytes(r.le<u32>());
      break;
    }
    case VmTxKind::kTransfer:
      tx.to_address = r.array<32>();
      tx.amount = r.le<u64>();
      break;
    case VmTxKind::kWithdraw:
      tx.to_key = r.array<96>();
      tx.amount = r.le<u64>();
      break;
    case VmTxKind::kShield:
      tx.stealth = r.array<64>();
      tx.amount = r.le<u64>();
      break;
    case VmTxKind::kPhoenix: break;  // decoded above
  }
  tx.signature = r.array<48>();
  if (!r.ok()) return Error("duskvm transaction: truncated");
  if (r.left() != 0) return Error("duskvm transaction: " + std::to_string(r.left()) + " bytes after the signature");
  if (auto pk = BlsMinSig::PublicKey::from_bytes(tx.sender); !pk.ok())
    return Error("duskvm transaction: sender: " + pk.error().message);
  if (tx.kind == VmTxKind::kWithdraw)
    if (auto pk = BlsMinSig::PublicKey::from_bytes(tx.to_key); !pk.ok())
      return Error("duskvm transaction: withdrawal receiver: " + pk.error().message);
  if (tx.kind == VmTxKind::kShield && !duskvm::phoenix::StealthAddress::decode(tx.stealth))
    return Error("duskvm transaction: the shield's stealth address is not two prime-order Jubjub points");
  if (auto sig = BlsMinSig::Signature::from_bytes(tx.signature); !sig.ok())
    return Error("duskvm transaction: signature: " + sig.error().message);
  return tx;
}

Hash256 vm_signing_hash(const VmTransaction& tx) {
  return crypto::blake2b<32>({as_bytes(kVmSigningDomain), encode_vm_unsigned(tx)});
}

std::optional<size_t> phoenix_input_count(ByteView encoded) {
  constexpr size_t kAt = 2 + 8 + 32;  // version, kind, chain id, root
  if (encoded.size() <= kAt || encoded[0] != 1 || encoded[1] != static_cast<u8>(VmTxKind::kPhoenix)) return std::nullopt;
  return encoded[kAt];
}

Hash256 vm_transaction_id(ByteView encoded) { return crypto::blake2b<32>(encoded); }

void sign_vm_transaction(VmTransaction& tx, const crypto::bls::SecretKey& sk) {
  tx.signature = BlsMinSig::sign(sk, vm_signing_hash(tx)).to_bytes();
}

Status verify_vm_signature(const VmTransaction& tx) {
  if (tx.kind == VmTxKind::kPhoenix) return Error("duskvm transaction: a Phoenix transaction carries no signature");
  const Hash256 m = vm_signing_hash(tx);
  if (auto ok = BlsMinSig::verify(tx.sender, m, tx.signature); !ok.ok())
    return Error("duskvm transaction: the signature is not the sender's (" + ok.error().message + ")");
  return {};
}

}  // namespace dusk::vm
