#include "duskds/transaction_codec.hpp"

#include "duskds/public_key_cache.hpp"

#include <string>

namespace dusk::ds {

using crypto::bls::BlsMinSig;

namespace {

template <size_t N>
void put_array(Bytes& out, const std::array<u8, N>& a) {
  out.insert(out.end(), a.begin(), a.end());
}

template <size_t N>
std::array<u8, N> get_array(ByteView in, size_t at) {
  std::array<u8, N> a;
  for (size_t i = 0; i < N; ++i) a[i] = in[at + i];
  return a;
}

bool known_kind(u8 k) {
  return k >= static_cast<u8>(TxKind::kTransfer) && k <= static_cast<u8>(TxKind::kDeposit);
}

}  // namespace

size_t encoded_size(const Transaction& tx) {
  size_t n = kMinEncodedSize;
  if (tx.kind == TxKind::kTransfer) n += kTransferFieldsSize + tx.memo.size();
  if (tx.kind == TxKind::kDeposit) n += kDepositFieldsSize + tx.target.size();
  return n;
}

Bytes encode_unsigned(const Transaction& tx) {
  Bytes out;
  out.reserve(encoded_size(tx));
  out.push_back(kTransactionVersion);
  out.push_back(static_cast<u8>(tx.kind));
  append_le<u64>(out, tx.chain_id);
  put_array(out, tx.sender);
  append_le<u64>(out, tx.nonce);
  append_le<u64>(out, tx.gas_limit);
  append_le<u64>(out, tx.gas_price);
  append_le<u64>(out, tx.amount);
  if (tx.kind == TxKind::kTransfer) {
    put_array(out, tx.receiver);
    const auto len = static_cast<u16>(tx.memo.size());
    out.push_back(static_cast<u8>(len));
    out.push_back(static_cast<u8>(len >> 8));
    out.insert(out.end(), tx.memo.begin(), tx.memo.end());
  }
  if (tx.kind == TxKind::kDeposit) {
    out.push_back(tx.lane);
    out.push_back(static_cast<u8>(tx.target.size()));
    out.insert(out.end(), tx.target.begin(), tx.target.end());
  }
  return out;
}

Bytes encode_transaction(const Transaction& tx) {
  Bytes out = encode_unsigned(tx);
  put_array(out, tx.signature);
  return out;
}

LedgerResult<Transaction> decode_transaction(ByteView in) {
  DUSK_ASSIGN(auto decoded, decode_checked_transaction(in));
  return std::move(decoded.tx);
}

namespace {

// The fields, by the layout alone (no point is checked); `need` is the encoded size.
LedgerResult<Transaction> parse_fields(ByteView in, size_t* need_out) {
  auto truncated = [&](size_t need) {
    return ledger_error(LedgerError::kTruncated, "transaction of " + std::to_string(in.size()) +
                                                     " bytes, its fields need " + std::to_string(need));
  };
  if (in.size() < 2) return truncated(kMinEncodedSize);
  if (in[0] != kTransactionVersion)
    return ledger_error(LedgerError::kBadVersion,
                        "transaction version " + std::to_string(in[0]) + ", expected 1");
  if (!known_kind(in[1]))
    return ledger_error(LedgerError::kBadKind, "unknown transaction kind " + std::to_string(in[1]));

  Transaction tx;
  tx.kind = static_cast<TxKind>(in[1]);
  size_t need = kMinEncodedSize;
  size_t memo_len = 0;
  if (tx.kind == TxKind::kTransfer) {
    need += kTransferFieldsSize;
    if (in.size() < kCommonFieldsSize + kTransferFieldsSize) return truncated(need);
    const size_t at = kCommonFieldsSize + 96;
    memo_len = static_cast<size_t>(in[at]) | (static_cast<size_t>(in[at + 1]) << 8);
    if (memo_len > kMaxMemoSize)
      return ledger_error(LedgerError::kMemoTooLong,
                          "memo of " + std::to_string(memo_len) + " bytes, at most 512 allowed");
    need += memo_len;
  }
  size_t target_len = 0;
  if (tx.kind == TxKind::kDeposit) {
    need += kDepositFieldsSize;
    if (in.size() < kCommonFieldsSize + kDepositFieldsSize) return truncated(need);
    const u8 lane = in[kCommonFieldsSize];
    target_len = in[kCommonFieldsSize + 1];
    const size_t expected = lane == kDepositLaneEvm ? 20 : lane == kDepositLaneVm ? 32 : 0;
    if (expected == 0)
      return ledger_error(LedgerError::kBadDeposit, "deposit to lane " + std::to_string(lane) +
                                                        ": the lanes are 1 (DuskEVM) and 2 (DuskVM)");
    if (target_len != expected)
      return ledger_error(LedgerError::kBadDeposit, "deposit target of " + std::to_string(target_len) +
                                                        " bytes, lane " + std::to_string(lane) + " takes " +
                                                        std::to_string(expected));
    need += target_len;
  }
  if (in.size() < need) return truncated(need);
  if (in.size() > need)
    return ledger_error(LedgerError::kTrailingBytes,
                        std::to_string(in.size() - need) + " bytes after the transaction's signature");

  tx.chain_id = load_le<u64>(&in[2]);
  tx.sender = get_array<96>(in, 10);
  tx.nonce = load_le<u64>(&in[106]);
  tx.gas_limit = load_le<u64>(&in[114]);
  tx.gas_price = load_le<u64>(&in[122]);
  tx.amount = load_le<u64>(&in[130]);
  if (tx.kind == TxKind::kTransfer) {
    tx.receiver = get_array<96>(in, kCommonFieldsSize);
    const size_t at = kCommonFieldsSize + kTransferFieldsSize;
    tx.memo.assign(in.begin() + static_cast<std::ptrdiff_t>(at),
                   in.begin() + static_cast<std::ptrdiff_t>(at + memo_len));
  }
  if (tx.kind == TxKind::kDeposit) {
    tx.lane = in[kCommonFieldsSize];
    const size_t at = kCommonFieldsSize + kDepositFieldsSize;
    tx.target.assign(in.begin() + static_cast<std::ptrdiff_t>(at),
                     in.begin() + static_cast<std::ptrdiff_t>(at + target_len));
  }
  tx.signature = get_array<48>(in, need - kSignatureSize);
  *need_out = need;
  return tx;
}

}  // namespace

LedgerResult<Transaction> decode_stored_transaction(ByteView in) {
  size_t need = 0;
  return parse_fields(in, &need);
}

LedgerResult<DecodedTransaction> decode_checked_transaction(ByteView in, PublicKeyCache* keys) {
  size_t need = 0;
  DUSK_ASSIGN(Transaction tx, parse_fields(in, &need));
  auto decode_key = [&](const AccountKey& bytes, const char* role) -> LedgerResult<BlsMinSig::PublicKey> {
    if (keys) return keys->decode(bytes, role);
    auto pk = BlsMinSig::PublicKey::from_bytes(bytes);
    if (!pk.ok()) return ledger_error(LedgerError::kBadPublicKey, std::string(role) + ": " + pk.error().message);
    return *pk;
  };
  auto sender = decode_key(tx.sender, "sender");
  if (!sender.ok()) return sender.take_error();
  if (tx.kind == TxKind::kTransfer) {
    if (auto pk = decode_key(tx.receiver, "receiver"); !pk.ok()) return pk.take_error();
  }
  auto sig = BlsMinSig::Signature::from_bytes(tx.signature);
  if (!sig.ok()) return ledger_error(LedgerError::kBadSignature, sig.error().message);
  // The bytes before the signature are the unsigned encoding (decoding is canonical).
  SignatureCheck check{*sender, signing_hash_of_unsigned(in.first(need - kSignatureSize)), *sig,
                       keys ? keys->lines(tx.sender, *sender) : nullptr};
  return DecodedTransaction{std::move(tx), std::move(check)};
}

}  // namespace dusk::ds
