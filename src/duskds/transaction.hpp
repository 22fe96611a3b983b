// A Moonlight transaction: a signed, public DuskDS transaction from one account.
//
// Kinds: transfer {receiver, amount, memo} moves LUX between Moonlight accounts; stake,
// unstake and withdraw {amount} move LUX between the sender's balance, its stake and its
// pending withdrawal (stake.hpp); deposit {lane, target, amount} moves LUX from the
// sender's balance into an execution lane (the bridge: the lane credits the target in
// the same block). Every kind carries the chain id, the sender's key, its
// nonce, a gas limit and a gas price (LUX per gas); the fee is gas used x gas price, and
// gas limit x gas price is reserved up front (gas_schedule.hpp).
//
// The signature is BLS min-sig (crypto/bls) by the sender over the 32-byte signing hash
//   signing_hash = BLAKE2b-256(kSigningDomain || unsigned encoding)
// where the unsigned encoding is every field but the signature, exactly as
// transaction_codec.hpp lays it out (so the version, kind and chain id are signed). The
// domain tag keeps these hashes apart from any other BLAKE2b-256 a key might sign
// (consensus votes, other layers).
#pragma once

#include <memory>
#include <string_view>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "crypto/bls/scheme.hpp"
#include "duskds/account_key.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

enum class TxKind : u8 {
  kTransfer = 1,
  kStake = 2,
  kUnstake = 3,
  kWithdraw = 4,
  kDeposit = 5,  // the bridge: LUX from the sender's balance to an execution lane
};
// Deposit targets: the lane (lane::LaneId's numbers) and its address size.
inline constexpr u8 kDepositLaneEvm = 1;      // a 20-byte EVM address
inline constexpr u8 kDepositLaneVm = 2;       // a 32-byte DuskVM account or contract
inline constexpr size_t kMaxDepositTargetSize = 32;

inline constexpr size_t kMaxMemoSize = 512;
inline constexpr std::string_view kSigningDomain = "DUSK_DS_MOONLIGHT_TX_V1";

struct Transaction {
  TxKind kind = TxKind::kTransfer;
  u64 chain_id = 0;
  AccountKey sender{};
  u64 nonce = 0;
  u64 gas_limit = 0;
  u64 gas_price = 0;  // LUX per unit of gas
  u64 amount = 0;     // LUX
  AccountKey receiver{};  // transfer only (all zero otherwise, and not encoded)
  Bytes memo;             // transfer only, at most kMaxMemoSize bytes
  u8 lane = 0;            // deposit only: kDepositLaneEvm or kDepositLaneVm
  Bytes target;           // deposit only: the lane's address (20 or 32 bytes)
  TxSignature signature{};

  friend bool operator==(const Transaction&, const Transaction&) = default;
};

// BLAKE2b-256(kSigningDomain || encode_unsigned(tx)).
Hash256 signing_hash(const Transaction& tx);
// The same from the unsigned encoding itself.
Hash256 signing_hash_of_unsigned(ByteView unsigned_encoding);
// The transaction's identity: BLAKE2b-256 of its whole encoding, signature included.
Hash256 transaction_id(const Transaction& tx);

// Sets tx.signature to the signature of signing_hash(tx) by `sk`. The caller sets
// tx.sender to the key of `sk` first (sign does not, so a mismatch is testable).
void sign_transaction(Transaction& tx, const crypto::bls::SecretKey& sk);

// Ok iff tx.signature is tx.sender's signature of signing_hash(tx). Errors:
// kBadPublicKey, kBadSignature (bytes that do not decode), kInvalidSignature.
LedgerStatus verify_transaction_signature(const Transaction& tx);

// The decoded key and signature with the signing hash, ready for a batch
// (signature_batch.hpp). Errors: kBadPublicKey, kBadSignature.
struct SignatureCheck {
  crypto::bls::BlsMinSig::PublicKey public_key;
  Hash256 message;
  crypto::bls::BlsMinSig::Signature signature;
  // The key's Miller-loop lines when a PublicKeyCache keeps them (null: computed in the
  // batch check).
  std::shared_ptr<const crypto::bls12_381::G2Prepared> key_lines = nullptr;
};
LedgerResult<SignatureCheck> signature_check(const Transaction& tx);

}  // namespace dusk::ds
