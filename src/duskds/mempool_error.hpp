// The failures of the Moonlight mempool: every LedgerError (a transaction the ledger
// would refuse is refused on entry, under the same number) and the pool's own.
#pragma once

#include <string>

#include "base/result.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

enum class MempoolError : u8 {
  DUSK_LEDGER_ERROR_VALUES,
  kTooLarge = kLedgerErrorEnd,  // encoding longer than MempoolConfig::max_transaction_bytes
  kGasPriceTooLow,              // below MempoolConfig::min_gas_price
  kNonceTooFarAhead,            // more than max_nonce_gap above the account's nonce
  kAlreadyKnown,                // the same transaction (by id) is in the pool
  kUnderpriced,                 // replaces a pending (sender, nonce) without the required raise
  kPoolFull,                    // the pool is full and the transaction ranks no higher than
                                // the lowest one it could evict
};

using MempoolFailure = Failure<MempoolError>;
template <typename T>
using MempoolResult = Result<T, MempoolFailure>;

inline MempoolFailure mempool_error(MempoolError code, std::string what) {
  return MempoolFailure(code, "mempool: " + std::move(what));
}

}  // namespace dusk::ds

static_assert(static_cast<int>(dusk::ds::MempoolError::kBadGenesis) ==
              static_cast<int>(dusk::ds::LedgerError::kBadGenesis));
template <>
inline constexpr bool dusk::kFailureWidens<dusk::ds::LedgerError, dusk::ds::MempoolError> = true;
