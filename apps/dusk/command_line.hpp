// The `dusk` wallet's command line (docs/wallet.md): keys (create, restore, address,
// export-phrase), balances, DuskDS transactions (transfer, stake, unstake,
// withdraw-stake), the bridge (bridge deposit, bridge withdraw), DuskVM contracts
// (contract deploy, call, query), Phoenix (view-key, phoenix balance/shield/send/
// unshield, audit) and following a transaction (tx), on CLI11 through
// cli/command_line.hpp.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "base/bytes.hpp"
#include "base/int.hpp"

namespace dusk::wallet_cli {

enum class Command {
  kCreate, kRestore, kAddress, kExportPhrase, kViewKey, kBalance,
  kTransfer, kStake, kUnstake, kWithdrawStake,
  kBridgeDeposit, kBridgeWithdraw,
  kContractDeploy, kContractCall, kContractQuery,
  kTx,
  kPhoenixBalance, kPhoenixShield, kPhoenixSend, kPhoenixUnshield, kAudit,
};

// How far a sending command (and `tx`) follows its transaction.
enum class WaitFor { kNone, kIncluded, kFinal };

struct Options {
  Command command = Command::kAddress;
  // Every command.
  std::string node = "http://127.0.0.1:8080";  // --node URL
  std::string wallet;                          // --wallet DIR (default $DUSK_WALLET, else ~/.dusk)
  bool json = false;                           // --json
  std::string password_file;                   // --password-file F
  u64 timeout_ms = 10'000;                     // --node-timeout SECONDS: one request
  // Keys.
  u32 index = 0;                  // --index I
  size_t words = 24;              // create --words
  std::string phrase;             // restore --phrase
  std::string phrase_file;        // restore --phrase-file
  std::string kdf = "moderate";   // create/restore --kdf
  // Transactions.
  std::string to;                 // transfer --to KEY; bridge withdraw --to KEY
  u64 amount = 0;                 // --amount DUSK, in LUX
  std::string memo;               // transfer --memo
  u64 gas_price = 1;              // --gas-price LUX (DuskDS, DuskVM)
  std::string to_evm;             // bridge deposit --to-evm ADDR
  std::string to_duskvm;          // bridge deposit --to-duskvm ADDR
  std::string from;               // bridge withdraw --from evm|duskvm
  u64 max_fee_gwei = 10;          // bridge withdraw --from evm: --max-fee-gwei
  u64 tip_gwei = 1;               // --tip-gwei
  u64 evm_gas = 100'000;          // --evm-gas
  // Contracts.
  std::string wasm;               // contract deploy --wasm FILE
  Bytes init;                     // --init-hex HEX
  u64 gas = 100'000'000;          // --gas N
  std::string contract;           // --contract ID
  std::string function;           // --function F
  std::optional<std::string> args_json;  // --args JSON
  std::optional<Bytes> arg_hex;          // --arg-hex HEX
  // Phoenix.
  std::string phoenix_to;         // phoenix send/shield --to PHOENIX_KEY
  std::optional<u64> max_fee;     // phoenix send/unshield --max-fee LUX
  std::string srs_file;           // phoenix send/unshield --srs FILE
  std::string view_key;           // audit --view-key HEX
  // Following.
  std::string tx_id;              // tx --id
  WaitFor wait = WaitFor::kNone;  // --wait included|final
  u64 wait_timeout_s = 120;       // --timeout SECONDS
};

// The options, or the status to exit with (help printed: 0; usage error: 2).
std::variant<Options, int> parse_command_line(int argc, const char* const* argv);

// The wallet directory when --wallet is not given: $DUSK_WALLET, else $HOME/.dusk.
std::string default_wallet_dir();

}  // namespace dusk::wallet_cli
