// The binary encoding of a Moonlight transaction, version 1. docs/duskds-transactions.md
// repeats this table.
//
// Integers are unsigned, fixed width, little-endian. Offsets in bytes:
//
//   offset  size  field
//   0       1     version        = 1 (kTransactionVersion)
//   1       1     kind           1 transfer, 2 stake, 3 unstake, 4 withdraw, 5 deposit
//   2       8     chain_id       u64
//   10      96    sender         BLS min-sig public key, compressed G2 (ZCash form)
//   106     8     nonce          u64
//   114     8     gas_limit      u64
//   122     8     gas_price      u64, LUX per gas
//   130     8     amount         u64, LUX
//   -- transfer only --
//   138     96    receiver       BLS min-sig public key, compressed G2
//   234     2     memo_length    u16, at most 512
//   236     n     memo           memo_length bytes, opaque
//   -- deposit only --
//   138     1     lane           1 DuskEVM, 2 DuskVM
//   139     1     target_length  20 for DuskEVM, 32 for DuskVM
//   140     n     target         the lane's address credited
//   -- every kind --
//   end-48  48    signature      BLS min-sig signature, compressed G1
//
// Sizes: 186 bytes for stake, unstake and withdraw; 284 + memo_length for a transfer
// (at most 796, kMaxEncodedSize); 208 or 220 for a deposit. The unsigned encoding (what signing_hash covers) is
// everything before the signature.
//
// Decoding is strict: exactly one encoding per transaction. It refuses a version other
// than 1 (kBadVersion), an unknown kind (kBadKind), too few bytes for the fields
// (kTruncated), a memo length above 512 (kMemoTooLong), a deposit to an unknown lane or
// with a target of the wrong size (kBadDeposit), any byte after the signature
// (kTrailingBytes), keys that are not canonical, on-curve, in-subgroup and non-identity
// G2 points (kBadPublicKey) and a signature that is not a canonical G1 subgroup point
// (kBadSignature). Checks run in that order, so a truncated input is kTruncated whatever
// its content. Decoding does not verify the signature (verify_transaction_signature).
#pragma once

#include "base/bytes.hpp"
#include "duskds/ledger_error.hpp"
#include "duskds/transaction.hpp"

namespace dusk::ds {

inline constexpr u8 kTransactionVersion = 1;
inline constexpr size_t kCommonFieldsSize = 138;  // version .. amount
inline constexpr size_t kTransferFieldsSize = 98;  // receiver + memo_length
inline constexpr size_t kDepositFieldsSize = 2;    // lane + target_length
inline constexpr size_t kSignatureSize = 48;
inline constexpr size_t kMinEncodedSize = kCommonFieldsSize + kSignatureSize;  // 186
inline constexpr size_t kMaxEncodedSize =
    kCommonFieldsSize + kTransferFieldsSize + kMaxMemoSize + kSignatureSize;  // 796

// Everything but the signature. Precondition: memo.size() <= 65535 (the field's width);
// a memo above kMaxMemoSize is encoded as it is, and decode_transaction refuses it.
Bytes encode_unsigned(const Transaction& tx);
// The whole transaction.
Bytes encode_transaction(const Transaction& tx);
size_t encoded_size(const Transaction& tx);

// Errors: the decoding codes of LedgerError (kTruncated .. kBadSignature).
LedgerResult<Transaction> decode_transaction(ByteView bytes);

// The same, keeping what decoding has to compute anyway: the sender's key and the
// signature as curve points, and the signing hash, so that a batch check
// (verify_signature_checks, signature_batch.hpp) need not decode them again.
struct DecodedTransaction {
  Transaction tx;
  SignatureCheck check;
};
// The layout alone, no key or signature checked as a point: for records this node wrote
// after checking them in full (its own blocks), never for what arrives from outside.
LedgerResult<Transaction> decode_stored_transaction(ByteView bytes);

// With `keys`, the sender's and receiver's keys come from (and go to) that cache.
class PublicKeyCache;
LedgerResult<DecodedTransaction> decode_checked_transaction(ByteView bytes, PublicKeyCache* keys = nullptr);

}  // namespace dusk::ds
