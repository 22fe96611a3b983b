#include "duskds/transaction.hpp"

#include "crypto/hash/blake2b.hpp"
#include "duskds/transaction_codec.hpp"

namespace dusk::ds {

using crypto::bls::BlsMinSig;

Hash256 signing_hash(const Transaction& tx) { return signing_hash_of_unsigned(encode_unsigned(tx)); }

Hash256 signing_hash_of_unsigned(ByteView unsigned_encoding) {
  return crypto::blake2b<32>({as_bytes(kSigningDomain), unsigned_encoding});
}

Hash256 transaction_id(const Transaction& tx) { return crypto::blake2b<32>(encode_transaction(tx)); }

void sign_transaction(Transaction& tx, const crypto::bls::SecretKey& sk) {
  tx.signature = BlsMinSig::sign(sk, signing_hash(tx)).to_bytes();
}

LedgerResult<SignatureCheck> signature_check(const Transaction& tx) {
  auto pk = BlsMinSig::PublicKey::from_bytes(tx.sender);
  if (!pk.ok()) return ledger_error(LedgerError::kBadPublicKey, "sender: " + pk.error().message);
  auto sig = BlsMinSig::Signature::from_bytes(tx.signature);
  if (!sig.ok()) return ledger_error(LedgerError::kBadSignature, sig.error().message);
  return SignatureCheck{*pk, signing_hash(tx), *sig};
}

LedgerStatus verify_transaction_signature(const Transaction& tx) {
  DUSK_ASSIGN(auto check, signature_check(tx));
  if (!BlsMinSig::verify(check.public_key, check.message, check.signature).ok())
    return ledger_error(LedgerError::kInvalidSignature, "signature does not verify under the sender's key");
  return {};
}

}  // namespace dusk::ds
