// A Moonlight account: the public, account-based side of DuskDS. Keyed by an AccountKey
// (account_key.hpp) in the Ledger.
#pragma once

#include "base/int.hpp"

namespace dusk::ds {

struct Account {
  u64 balance = 0;  // LUX (1 DUSK = 10^9 LUX)
  u64 nonce = 0;    // transactions sent so far: the next one must carry exactly this nonce
  friend bool operator==(const Account&, const Account&) = default;
};

}  // namespace dusk::ds
