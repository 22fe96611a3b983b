#include "command_line.hpp"

#include <cstdio>
#include <cstdlib>

#include "amount.hpp"
#include "cli/command_line.hpp"
#include "cli/unsigned_option.hpp"

namespace dusk::wallet_cli {
namespace {

constexpr const char* kDescription =
    "dusk: the wallet of the Dusk stack. One recovery phrase holds a DuskDS key (BLS), an\n"
    "EVM key (secp256k1, the one MetaMask derives) and a DuskVM address; the phrase is kept\n"
    "encrypted under a password in the wallet directory. Commands that read the chain or\n"
    "send transactions talk to a node's HTTP API (duskd, docs/API.md).";
constexpr const char* kFooter =
    "Every command takes --node URL (default http://127.0.0.1:8080), --wallet DIR (default\n"
    "$DUSK_WALLET, else ~/.dusk), --json (one JSON object on stdout) and --password-file F\n"
    "(else $DUSK_PASSWORD, else a prompt without echo when stdin is a terminal). Amounts are\n"
    "DUSK with up to 9 decimals (1 DUSK = 10^9 LUX). Run 'dusk COMMAND --help' for a\n"
    "command's options and examples; docs/wallet.md has the whole guide.\n"
    "\n"
    "exit status:\n"
    "  0  done\n"
    "  1  the transaction failed, or the node refused it (its message is printed)\n"
    "  2  bad arguments\n"
    "  3  wallet: none there, one already there, wrong password, damaged keystore\n"
    "  4  node: unreachable, too slow, or a fault on its side\n"
    "  5  --wait gave up before the transaction got that far (--timeout)";

constexpr const char* kSendFooter =
    "\n\nPrints the transaction id (--json: {\"id\", \"layer\"}). With --wait included|final, follows\n"
    "it (progress on stderr) and prints where it landed (--json: the node's record of it);\n"
    "exit status 1 when it failed, 5 when --timeout ran out first. The nonce comes from the\n"
    "node: wait for one transaction before sending the next from the same account.";

void add_common(CLI::App* c, Options& o) {
  c->add_option("--node", o.node, "the node's HTTP API (default http://127.0.0.1:8080)")->type_name("URL");
  c->add_option("--wallet", o.wallet, "the wallet directory (default $DUSK_WALLET, else ~/.dusk)")->type_name("DIR");
  c->add_flag("--json", o.json, "print one JSON object on stdout (for scripts)");
  c->add_option("--password-file", o.password_file, "read the password from F's first line (else $DUSK_PASSWORD)")
      ->type_name("F");
  c->add_option_function<std::string>(
       "--node-timeout",
       [&o](const std::string& s) {
         auto v = cli::parse_unsigned(s, 3600);
         if (!v.ok() || *v == 0) throw CLI::ValidationError("--node-timeout", "expected seconds from 1 to 3600");
         o.timeout_ms = *v * 1000;
       },
       "seconds to wait for each answer of the node (default 10)")
      ->type_name("SECONDS");
}

void add_index(CLI::App* c, Options& o) {
  c->add_option("--index", o.index, "the account (default 0): keys at m/12381/3600/I/0/0 and m/44'/60'/0'/0/I")
      ->transform(cli::unsigned_up_to(0x7fff'ffff))
      ->type_name("I");
}

CLI::Option* add_amount(CLI::App* c, Options& o, const std::string& help) {
  return c
      ->add_option_function<std::string>(
          "--amount",
          [&o](const std::string& text) {
            auto v = parse_dusk(text);
            if (!v.ok()) throw CLI::ValidationError("--amount", v.error().message);
            o.amount = *v;
          },
          help)
      ->type_name("DUSK")
      ->required();
}

void add_wait(CLI::App* c, Options& o) {
  c->add_option_function<std::string>(
       "--wait",
       [&o](const std::string& s) {
         if (s == "included") o.wait = WaitFor::kIncluded;
         else if (s == "final") o.wait = WaitFor::kFinal;
         else if (s == "none") o.wait = WaitFor::kNone;
         else throw CLI::ValidationError("--wait", "expected included or final, not '" + s + "'");
       },
       "follow the transaction until it is in a block (included) or final")
      ->type_name("included|final");
  c->add_option("--timeout", o.wait_timeout_s, "seconds --wait waits at most (default 120)")
      ->transform(cli::unsigned_up_to(86'400))
      ->type_name("SECONDS");
}

void add_gas_price(CLI::App* c, Options& o) {
  c->add_option("--gas-price", o.gas_price, "LUX per unit of gas (default 1)")
      ->transform(cli::unsigned_up_to(~u64{0}))
      ->type_name("LUX");
}

CLI::Option* add_hex(CLI::App* c, const std::string& name, const std::function<void(Bytes)>& set,
                     const std::string& help) {
  return c
      ->add_option_function<std::string>(
          name,
          [name, set](const std::string& hex) {
            auto b = from_hex(hex);
            if (!b.ok()) throw CLI::ValidationError(name, b.error().message);
            set(std::move(b).value());
          },
          help)
      ->type_name("HEX");
}

// Leaf commands under a group (bridge, contract): CLI11 keeps their unknown arguments
// to themselves, where cli::Tool does not look.
int check_leaf(CLI::App* group) {
  for (CLI::App* leaf : group->get_subcommands()) {
    for (const std::string& a : leaf->remaining()) {
      if (a == "--") continue;
      const bool option = a.size() > 1 && a[0] == '-';
      std::fprintf(stderr, "dusk: %s '%s'\nTry 'dusk %s %s --help'.\n", option ? "unknown option" : "unexpected argument",
                   a.c_str(), group->get_name().c_str(), leaf->get_name().c_str());
      return cli::kExitUsage;
    }
  }
  return 0;
}

}  // namespace

std::string default_wallet_dir() {
  if (const char* w = std::getenv("DUSK_WALLET"); w && *w) return w;
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.dusk";
}

std::variant<Options, int> parse_command_line(int argc, const char* const* argv) {
  Options o;
  cli::Tool tool("dusk", kDescription, kFooter);

  auto* create = tool.add_command(
      "create", "create a wallet: a new recovery phrase, encrypted under a password",
      "Prints the new phrase once, with a warning: write it down; it is the only way back to\n"
      "the funds if the password or the directory is lost. Refuses to overwrite a wallet.\n"
      "\nexamples:\n"
      "  dusk create\n"
      "  dusk create --words 12 --wallet ./my-wallet\n"
      "  DUSK_PASSWORD=... dusk create --json");
  create->add_option("--words", o.words, "12, 15, 18, 21 or 24 (default 24)")
      ->check(CLI::IsMember({12, 15, 18, 21, 24}))
      ->type_name("N");

  auto* restore = tool.add_command(
      "restore", "restore a wallet from its recovery phrase",
      "examples:\n"
      "  dusk restore --phrase \"test test test test test test test test test test test junk\"\n"
      "  dusk restore --phrase-file phrase.txt --password-file pw.txt --wallet ./w");
  auto* phrase = restore->add_option("--phrase", o.phrase, "the words, in quotes")->type_name("TEXT");
  restore->add_option("--phrase-file", o.phrase_file, "read the words from a file")->type_name("F")->excludes(phrase);
  for (auto* c : {create, restore}) {
    c->add_option("--kdf", o.kdf, "the password hash's cost: moderate (default; 256 MiB), interactive (64 MiB), minimum (tests only)")
        ->check(CLI::IsMember({"moderate", "interactive", "minimum"}))
        ->type_name("COST");
  }

  auto* address = tool.add_command(
      "address", "show an account's DuskDS key, EVM address and DuskVM address",
      "Account 0 needs no password; other accounts are derived from the phrase.\n"
      "\nexamples:\n"
      "  dusk address\n"
      "  dusk address --index 3 --json");
  add_index(address, o);

  auto* export_phrase = tool.add_command(
      "export-phrase", "print the recovery phrase (asks the password)",
      "examples:\n"
      "  dusk export-phrase");

  auto* view_key = tool.add_command(
      "view-key", "print an account's Phoenix public key and view key (asks the password)",
      "The view key shows every Phoenix note of the account and its value to whoever holds\n"
      "it (an auditor), and spends nothing. The keys come from the recovery phrase:\n"
      "docs/phoenix.md.\n"
      "\nexamples:\n"
      "  dusk view-key\n"
      "  dusk view-key --index 2 --json");
  add_index(view_key, o);

  auto* balance = tool.add_command(
      "balance", "show an account's balances on DuskDS (with nonce and stake), DuskEVM and DuskVM",
      "examples:\n"
      "  dusk balance\n"
      "  dusk balance --index 1 --json --node http://127.0.0.1:8080");
  add_index(balance, o);

  auto* transfer = tool.add_command(
      "transfer", "send DUSK to a DuskDS account",
      std::string("examples:\n"
                  "  dusk transfer --to a3f1...96-byte-key --amount 12.5\n"
                  "  dusk transfer --to KEY --amount 0.000000001 --memo \"invoice 7\" --wait final") +
          kSendFooter);
  transfer->add_option("--to", o.to, "the receiver's DuskDS key (96 bytes hex)")->required()->type_name("KEY");
  add_amount(transfer, o, "DUSK to send");
  transfer->add_option("--memo", o.memo, "a note stored with the transfer (at most 512 bytes)")->type_name("TEXT");

  auto* stake = tool.add_command(
      "stake", "stake DUSK (balance -> stake; it counts from an epoch later)",
      std::string("examples:\n  dusk stake --amount 1000 --wait included") + kSendFooter);
  add_amount(stake, o, "DUSK to stake (the whole stake must reach the chain's minimum)");
  auto* unstake = tool.add_command(
      "unstake", "unstake DUSK (stake -> pending; take it back with withdraw-stake)",
      std::string("examples:\n  dusk unstake --amount 500") + kSendFooter);
  add_amount(unstake, o, "DUSK to unstake");
  auto* withdraw_stake = tool.add_command(
      "withdraw-stake", "move unstaked DUSK back to the balance (pending -> balance)",
      std::string("examples:\n  dusk withdraw-stake --amount 500 --wait final") + kSendFooter);
  add_amount(withdraw_stake, o, "DUSK to withdraw from the pending amount");

  auto* bridge = tool.add_command(
      "bridge", "move DUSK between DuskDS and the lanes: bridge deposit, bridge withdraw",
      "examples:\n"
      "  dusk bridge deposit --to-evm 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 --amount 10\n"
      "  dusk bridge withdraw --from evm --amount 5 --wait final");
  bridge->require_subcommand(1);
  auto* deposit = bridge->add_subcommand(
      "deposit", "DuskDS -> DuskEVM or DuskVM: credited to the address in the same block");
  deposit->footer(std::string("examples:\n"
                              "  dusk bridge deposit --to-evm 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 --amount 10\n"
                              "  dusk bridge deposit --to-duskvm 7c1e...32-byte-address --amount 2.5 --wait included") +
                  kSendFooter);
  auto* to_evm = deposit->add_option("--to-evm", o.to_evm, "an EVM address (20 bytes hex)")->type_name("ADDR");
  auto* to_vm = deposit->add_option("--to-duskvm", o.to_duskvm, "a DuskVM address (32 bytes hex)")->type_name("ADDR");
  to_evm->excludes(to_vm);
  add_amount(deposit, o, "DUSK to deposit");
  auto* withdraw = bridge->add_subcommand(
      "withdraw", "DuskEVM or DuskVM -> DuskDS: credited once the block is final (two blocks later)");
  withdraw->footer(std::string(
                       "From DuskEVM: an EIP-1559 transaction from your EVM address calling the bridge\n"
                       "contract's withdraw(bytes) with the value (docs/bridge.md); its fees are paid in\n"
                       "DuskEVM DUSK on top of the amount. From DuskVM: a withdraw transaction.\n"
                       "\nexamples:\n"
                       "  dusk bridge withdraw --from evm --amount 5\n"
                       "  dusk bridge withdraw --from duskvm --amount 1.25 --to KEY --wait final") +
                   kSendFooter);
  withdraw->add_option("--from", o.from, "evm or duskvm")->required()->check(CLI::IsMember({"evm", "duskvm"}))->type_name("LANE");
  add_amount(withdraw, o, "DUSK to withdraw");
  withdraw->add_option("--to", o.to, "the DuskDS key credited (default: your own)")->type_name("KEY");
  withdraw->add_option("--max-fee-gwei", o.max_fee_gwei, "EVM: the most paid per gas, base fee and tip (default 10)")
      ->transform(cli::unsigned_up_to(1'000'000'000))
      ->type_name("GWEI");
  withdraw->add_option("--tip-gwei", o.tip_gwei, "EVM: the priority fee per gas (default 1)")
      ->transform(cli::unsigned_up_to(1'000'000'000))
      ->type_name("GWEI");
  withdraw->add_option("--evm-gas", o.evm_gas, "EVM: the gas limit (default 100000)")
      ->transform(cli::unsigned_up_to(30'000'000))
      ->type_name("N");

  auto* contract = tool.add_command(
      "contract", "DuskVM contracts: contract deploy, contract call, contract query",
      "examples:\n"
      "  dusk contract deploy --wasm token.wasm --init-hex 00e40b5402000000\n"
      "  dusk contract call --contract ID --function transfer --args '{\"to\": \"...\", \"amount\": 5}'\n"
      "  dusk contract query --contract ID --function total_supply");
  contract->require_subcommand(1);
  // Nested commands make their help flag before the group's option defaults apply.
  auto nested = [](CLI::App* c) {
    c->group("commands");
    c->set_help_flag("-h,--help", "show this help");
  };
  auto* deploy = contract->add_subcommand("deploy", "deploy a WebAssembly contract; prints its id once included");
  deploy->footer(std::string("Waits for the deploy to be included (or --wait final), then prints the contract id\n"
                             "(--json: the receipt with \"contract\").\n"
                             "\nexamples:\n"
                             "  dusk contract deploy --wasm build/release/contracts/token.wasm --init-hex 00e40b5402000000") +
                 kSendFooter);
  deploy->add_option("--wasm", o.wasm, "the contract's module")->required()->type_name("FILE");
  add_hex(deploy, "--init-hex", [&o](Bytes b) { o.init = std::move(b); }, "init's argument bytes (default: none)");
  auto* call = contract->add_subcommand("call", "call a contract's function in a transaction");
  call->footer(std::string("--args JSON is encoded by the node from the contract's ABI description; --arg-hex\n"
                           "gives the bytes themselves. With --wait, exit status 1 when the call failed.\n"
                           "\nexamples:\n"
                           "  dusk contract call --contract ID --function transfer --args '{\"to\": \"ab..\", \"amount\": 5}' --wait included\n"
                           "  dusk contract call --contract ID --function ping --arg-hex 0102") +
               kSendFooter);
  auto* query = contract->add_subcommand("query", "run a contract's function on the latest state, keeping nothing");
  query->footer("Prints the result decoded by the ABI description when there is one, else hex; exit\n"
                "status 1 when the function failed.\n"
                "\nexamples:\n"
                "  dusk contract query --contract ID --function balance_of --args '{\"account\": \"ab..\"}'\n"
                "  dusk contract query --contract ID --function total_supply --json");
  for (auto* c : {call, query}) {
    c->add_option("--contract", o.contract, "the contract id (32 bytes hex)")->required()->type_name("ID");
    c->add_option("--function", o.function, "the function's name")->required()->type_name("F");
    auto* args = c->add_option_function<std::string>(
        "--args", [&o](const std::string& s) { o.args_json = s; }, "the arguments as JSON (needs an ABI description)");
    args->type_name("JSON");
    auto* hex = add_hex(c, "--arg-hex", [&o](Bytes b) { o.arg_hex = std::move(b); }, "the argument bytes");
    args->excludes(hex);
  }
  for (auto* c : {deposit, withdraw, deploy, call, query}) nested(c);
  for (auto* c : {deploy, call, query}) {
    c->add_option("--gas", o.gas, "gas limit (default 100000000)")->transform(cli::unsigned_up_to(~u64{0}))->type_name("N");
  }

  auto* phoenix = tool.add_command(
      "phoenix", "shielded DUSK (Phoenix notes): phoenix balance, shield, send, unshield",
      "Notes live in DuskVM's transfer contract; their owners and amounts are hidden, and a\n"
      "proof made here (seconds) shows a spend valid. docs/phoenix.md.\n"
      "\nexamples:\n"
      "  dusk phoenix shield --amount 100\n"
      "  dusk phoenix send --to 5c1e...64-byte-phoenix-key --amount 25 --wait included\n"
      "  dusk phoenix unshield --amount 10\n"
      "  dusk phoenix balance");
  phoenix->require_subcommand(1);
  auto* ph_balance = phoenix->add_subcommand(
      "balance", "the account's unspent notes and their total (asks the password: spent notes are told by "
                 "nullifiers, which take the secret key)");
  ph_balance->footer("examples:\n  dusk phoenix balance --json");
  auto* shield = phoenix->add_subcommand(
      "shield", "DuskVM account -> a Phoenix note (to yourself, or to --to)");
  shield->footer(std::string("The amount leaves the account's DuskVM balance (bridge it there first: dusk bridge\n"
                             "deposit --to-duskvm) and becomes a transparent note of a fresh stealth address.\n"
                             "\nexamples:\n"
                             "  dusk phoenix shield --amount 100 --wait included") +
                 kSendFooter);
  auto* ph_send = phoenix->add_subcommand("send", "pay a Phoenix public key privately (proves the spend here)");
  ph_send->footer(std::string("Picks the fewest of your notes that cover amount + fee, proves the spend (the\n"
                              "proving key is made once, in seconds, and kept in the wallet directory), and\n"
                              "sends it; the change comes back as a new note. The fee is the spend's gas x\n"
                              "--gas-price unless --max-fee says.\n"
                              "\nexamples:\n"
                              "  dusk phoenix send --to 5c1e...64-byte-phoenix-key --amount 25 --wait included") +
                  kSendFooter);
  auto* unshield = phoenix->add_subcommand("unshield", "Phoenix notes -> the account's DuskVM balance");
  unshield->footer(std::string("A spend whose deposit goes to your own DuskVM address (then dusk bridge withdraw\n"
                               "--from duskvm takes it on to DuskDS).\n"
                               "\nexamples:\n"
                               "  dusk phoenix unshield --amount 10 --wait included") +
                   kSendFooter);
  for (auto* c : {ph_balance, shield, ph_send, unshield}) nested(c);
  for (auto* c : {shield, ph_send}) {
    auto* to = c->add_option("--to", o.phoenix_to, "the receiver's Phoenix public key (64 bytes hex, dusk view-key)")
                   ->type_name("KEY");
    if (c == ph_send) to->required();
  }
  add_amount(shield, o, "DUSK to shield");
  add_amount(ph_send, o, "DUSK to pay");
  add_amount(unshield, o, "DUSK to unshield");
  for (auto* c : {ph_send, unshield}) {
    c->add_option_function<u64>("--max-fee", [&o](u64 v) { o.max_fee = v; }, "the fee in LUX (default: gas x price)")
        ->type_name("LUX");
    c->add_option("--srs", o.srs_file, "the chain's setup file, when it is not an INSECURE seeded one")
        ->type_name("FILE");
  }

  auto* audit = tool.add_command(
      "audit", "list the notes a view key owns and their values (no wallet needed)",
      "Reads every note from the node and shows those of the view key: what an auditor given\n"
      "the key sees, and nothing of anyone else's. It cannot tell spent notes from unspent.\n"
      "\nexamples:\n"
      "  dusk audit --view-key 0e9a...64-byte-view-key\n"
      "  dusk audit --view-key KEY --json --node http://127.0.0.1:8080");
  audit->add_option("--view-key", o.view_key, "the view key (64 bytes hex, from dusk view-key)")
      ->required()
      ->type_name("KEY");

  auto* tx = tool.add_command(
      "tx", "show a transaction on any layer, or follow it with --wait",
      "examples:\n"
      "  dusk tx --id 5be1...\n"
      "  dusk tx --id 5be1... --wait final --timeout 60");
  tx->add_option("--id", o.tx_id, "the transaction id (32 bytes hex)")->required()->type_name("ID");

  struct Entry {
    CLI::App* app;
    Command command;
  };
  const Entry leaves[] = {{create, Command::kCreate},           {restore, Command::kRestore},
                          {address, Command::kAddress},         {export_phrase, Command::kExportPhrase},
                          {view_key, Command::kViewKey},
                          {balance, Command::kBalance},         {transfer, Command::kTransfer},
                          {stake, Command::kStake},             {unstake, Command::kUnstake},
                          {withdraw_stake, Command::kWithdrawStake}, {deposit, Command::kBridgeDeposit},
                          {withdraw, Command::kBridgeWithdraw}, {deploy, Command::kContractDeploy},
                          {call, Command::kContractCall},       {query, Command::kContractQuery},
                          {tx, Command::kTx},                   {ph_balance, Command::kPhoenixBalance},
                          {shield, Command::kPhoenixShield},    {ph_send, Command::kPhoenixSend},
                          {unshield, Command::kPhoenixUnshield}, {audit, Command::kAudit}};
  for (const Entry& e : leaves) {
    add_common(e.app, o);
    if (e.command == Command::kTransfer || e.command == Command::kStake || e.command == Command::kUnstake ||
        e.command == Command::kWithdrawStake || e.command == Command::kBridgeDeposit ||
        e.command == Command::kBridgeWithdraw || e.command == Command::kContractDeploy ||
        e.command == Command::kContractCall || e.command == Command::kTx || e.command == Command::kPhoenixShield ||
        e.command == Command::kPhoenixSend || e.command == Command::kPhoenixUnshield) {
      add_wait(e.app, o);
      if (e.command != Command::kTx) add_index(e.app, o);
    }
    if (e.command == Command::kTransfer || e.command == Command::kStake || e.command == Command::kUnstake ||
        e.command == Command::kWithdrawStake || e.command == Command::kBridgeDeposit ||
        e.command == Command::kBridgeWithdraw || e.command == Command::kContractDeploy ||
        e.command == Command::kContractCall || e.command == Command::kPhoenixShield ||
        e.command == Command::kPhoenixSend || e.command == Command::kPhoenixUnshield)
      add_gas_price(e.app, o);
    if (e.command == Command::kPhoenixBalance) add_index(e.app, o);
  }

  if (auto status = tool.parse(argc, argv)) return *status;
  for (CLI::App* group : {bridge, contract, phoenix})
    if (group->parsed())
      if (int status = check_leaf(group); status != 0) return status;
  for (const Entry& e : leaves) {
    if (!e.app->parsed()) continue;
    o.command = e.command;
    if (o.wallet.empty()) o.wallet = default_wallet_dir();
    return o;
  }
  std::fprintf(stderr, "dusk: no command given\nTry 'dusk --help'.\n");
  return cli::kExitUsage;
}

}  // namespace dusk::wallet_cli
