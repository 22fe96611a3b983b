// The failures of the DuskDS ledger: decoding a Moonlight transaction and applying one
// (or a genesis, or a block's rewards) to the Ledger. Every failure leaves the ledger as
// it was. The mempool's codes (mempool_error.hpp) hold these values under the same
// numbers, so a ledger refusal passes into a mempool Result unchanged.
#pragma once

#include <string>

#include "base/decimal.hpp"
#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::ds {

// The values, listed once so that MempoolError can repeat them under the same numbers.
#define DUSK_LEDGER_ERROR_VALUES                                                          \
  /* decoding (transaction_codec.hpp) */                                                  \
  kTruncated = 1,          /* fewer bytes than the fields need */                         \
  kTrailingBytes = 2,      /* bytes after the signature */                                \
  kBadVersion = 3,         /* encoding version other than kTransactionVersion */          \
  kBadKind = 4,            /* a kind byte that names no TxKind */                         \
  kMemoTooLong = 5,        /* a memo longer than kMaxMemoSize */                          \
  kBadPublicKey = 6,       /* sender or receiver key fails strict BLS min-sig decoding */ \
  kBadSignature = 7,       /* signature bytes fail strict decoding */                     \
  /* applying (ledger.hpp) */                                                             \
  kWrongChainId = 8,       /* the transaction names another chain */                      \
  kInvalidSignature = 9,   /* well formed, but not the sender's signature of its hash */  \
  kNonceTooLow = 10,       /* nonce below the account's: a replay or an old transaction */ \
  kNonceGap = 11,          /* nonce above the account's: an earlier one is missing */     \
  kGasLimitTooLow = 12,    /* gas limit below what the gas schedule charges */            \
  kFeeOverflow = 13,       /* gas limit x gas price, or amount + max fee, exceeds 2^64 */ \
  kInsufficientBalance = 14, /* balance below amount + gas limit x gas price */           \
  kZeroAmount = 15,        /* stake, unstake or withdraw of nothing */                    \
  kBelowMinimumStake = 16, /* a stake left above zero but below the minimum */            \
  kInsufficientStake = 17, /* unstake of more than is staked */                           \
  kInsufficientPending = 18, /* withdraw of more than unstaking left pending */           \
  kSupplyOverflow = 19,    /* genesis or emission would exceed 2^64 - 1 LUX in total */   \
  kBadGenesis = 20,        /* genesis: a duplicate account or stake, an invalid config */ \
  kBadDeposit = 21,        /* a deposit naming no lane, or an address of the wrong size */ \
  kBridgeUnderflow = 22    /* a withdrawal credit above what the lanes hold */

enum class LedgerError : u8 { DUSK_LEDGER_ERROR_VALUES };
// Codes that widen LedgerError number their own values from here.
inline constexpr u8 kLedgerErrorEnd = 32;

using LedgerFailure = Failure<LedgerError>;
template <typename T>
using LedgerResult = Result<T, LedgerFailure>;
using LedgerStatus = Result<void, LedgerFailure>;

// "12345 LUX", for messages.
inline std::string lux_string(u128 v) { return to_decimal(v) + " LUX"; }

inline LedgerFailure ledger_error(LedgerError code, std::string what) {
  return LedgerFailure(code, "duskds: " + std::move(what));
}

}  // namespace dusk::ds
