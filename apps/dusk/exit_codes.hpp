// The `dusk` wallet's exit statuses (docs/wallet.md lists them for scripts).
#pragma once

#include "cli/exit_status.hpp"

namespace dusk::wallet_cli {

inline constexpr int kExitOk = 0;
// The transaction failed (a DuskVM call or deploy that failed, an EVM transaction that
// reverted, a transaction the node dropped) or the node refused the request (its
// message is printed: "rejected: nonce too low").
inline constexpr int kExitFailed = 1;
// Bad arguments (cli::kExitUsage): an unknown option, an amount that does not parse.
inline constexpr int kExitUsage = cli::kExitUsage;
// The wallet: none in the directory, one already there (create, restore), a wrong
// password, an unreadable or damaged keystore, no password available.
inline constexpr int kExitWallet = 3;
// The node: unreachable, too slow, an answer that is not the API's, or a fault on its
// side (5xx).
inline constexpr int kExitNode = 4;
// --wait gave up (--timeout) before the transaction got as far as asked.
inline constexpr int kExitTimeout = 5;

}  // namespace dusk::wallet_cli
