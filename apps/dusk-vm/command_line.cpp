#include "command_line.hpp"

#include "cli/command_line.hpp"
#include "cli/unsigned_option.hpp"

namespace dusk::vm_cli {

namespace {

constexpr const char* kDescription =
    "DuskVM for contract developers: deploys WebAssembly contracts into a state directory,\n"
    "calls, queries and upgrades them, and proves their memory pages against the state root.";
constexpr const char* kFooter =
    "The state directory holds every commit; each deploy, upgrade or call that succeeds\n"
    "commits a new one and makes it the head. Run 'dusk-vm COMMAND --help' for a\n"
    "command's options.";

constexpr const char* kReceiptFooter =
    "prints the receipt: ok or the error, the result (hex), gas limit and spent, the\n"
    "events, the call tree when contracts called others, and the new state root (--json:\n"
    "one JSON object with ok, result, gas_limit, gas_spent, events, calls, state_root\n"
    "and error when it failed). When the contract carries an ABI description\n"
    "(docs/contract-abi.md) the result and the events are also shown decoded (value).\n"
    "\n"
    "exit status:\n"
    "  0      it succeeded (and, but for query, was committed)\n"
    "  1      it failed: nothing was committed, the state root is unchanged\n"
    "  2      bad arguments, or a state directory that cannot be opened";

CLI::Option* add_hex(CLI::App* c, const std::string& name, Bytes& out, const std::string& help) {
  return c
      ->add_option_function<std::string>(
          name,
          [name, &out](const std::string& hex) {
            auto b = from_hex(hex);
            if (!b.ok()) throw CLI::ValidationError(name, b.error().message);
            out = std::move(b).value();
          },
          help)
      ->type_name("HEX");
}

void add_state(CLI::App* c, Options& o) {
  c->add_option("--state", o.state, "the state directory (created when missing)")->required()->type_name("DIR");
}

void add_gas(CLI::App* c, Options& o) {
  c->add_option("--gas", o.gas, "gas limit (default: 1000000000)")
      ->transform(cli::unsigned_up_to(~u64{0}))
      ->type_name("N");
  // The block the call runs in, as contracts read it (block_height(), chain_id()).
  c->add_option("--height", o.height, "the block height contracts see (default: 0)")
      ->transform(cli::unsigned_up_to(~u64{0}))
      ->type_name("N");
  c->add_option("--chain-id", o.chain_id, "the chain id contracts see (default: 0)")
      ->transform(cli::unsigned_up_to(0xffff'ffff))
      ->type_name("N");
}

}  // namespace

std::variant<int, Options> parse_command_line(int argc, const char* const* argv) {
  cli::Tool tool("dusk-vm", kDescription, kFooter);
  Options o;

  CLI::App* deploy = tool.add_command(
      "deploy",
      "deploy a contract\n\n"
      "Validates FILE.wasm against the contract ABI (an exported memory, an immutable i32\n"
      "global argbuf, entry points (i32) -> i32, imports from env only), instantiates it,\n"
      "calls its init export with --init when it has one, and commits. Its ID is\n"
      "BLAKE2b-256(code || nonce || owner).",
      kReceiptFooter + std::string("\n\nexample:\n  dusk-vm deploy --state ./state token.wasm --owner 0xab --init 0x00e1f505"));
  add_state(deploy, o);
  deploy->add_option("FILE.wasm", o.file, "the contract")->required();
  add_hex(deploy, "--owner", o.owner, "the owner's bytes (default: none)");
  deploy->add_option("--init", o.init, "the argument of init: hex, or JSON with an ABI description (default: empty)")
      ->type_name("ARG");
  deploy->add_option("--nonce", o.nonce, "the nonce in the ID (default: the first that gives a new ID)")
      ->transform(cli::unsigned_up_to(~u64{0}))
      ->type_name("N");
  add_gas(deploy, o);
  deploy->add_flag("--json", o.json, "print the receipt as JSON");

  CLI::App* upgrade = tool.add_command(
      "upgrade",
      "replace a contract's code, keeping its ID and memory\n\n"
      "Only the owner may (--origin must be the owner's bytes; a contract deployed without an\n"
      "owner never changes). The new code must meet the ABI; its data segments and start\n"
      "do not run, and its migrate export, when it has one, runs once with --migrate. If\n"
      "anything fails the old code stays.",
      kReceiptFooter + std::string("\n\nexample:\n  dusk-vm upgrade --state ./state 0x1f..e2 token_v2.wasm --origin 0xab"));
  add_state(upgrade, o);
  upgrade->add_option("ID", o.id, "the contract's ID, hex")->required();
  upgrade->add_option("FILE.wasm", o.file, "the new code")->required();
  add_hex(upgrade, "--origin", o.origin, "who asks: must be the owner's bytes")->required();
  upgrade->add_option("--migrate", o.init, "the argument of migrate: hex, or JSON with an ABI description (default: empty)")
      ->type_name("ARG");
  add_gas(upgrade, o);
  upgrade->add_flag("--json", o.json, "print the receipt as JSON");

  CLI::App* call = tool.add_command("call", "call an entry point and commit", kReceiptFooter);
  CLI::App* query = tool.add_command("query", "call an entry point without committing", kReceiptFooter);
  for (CLI::App* c : {call, query}) {
    add_state(c, o);
    c->add_option("ID", o.id, "the contract's ID, hex")->required();
    c->add_option("FN", o.function, "the entry point")->required();
    c->add_option("ARG", o.arg,
                  "the argument: 0x-prefixed hex, or JSON (an object of the inputs, or an\n"
                  "array of them in order) when the contract has an ABI description\n"
                  "(default: empty)");
    add_hex(c, "--origin", o.origin,
            "who sends the call, as contracts read it through origin() (default: nobody);\n"
            "the node vouches for it with the transaction's signature, dusk-vm does not");
    add_gas(c, o);
    c->add_flag("--json", o.json, "print the receipt as JSON");
  }

  CLI::App* root = tool.add_command("root", "print the state root of the head", "");
  add_state(root, o);

  CLI::App* commits = tool.add_command(
      "commits", "list the commits the state directory keeps",
      "one line per commit, its root and 'head' or 'final' where it is one; then what the\n"
      "store holds (contracts' code, memories, page groups, pages, bytes)");
  add_state(commits, o);
  CLI::App* forget = tool.add_command(
      "forget", "delete a commit, and what no other kept commit needs",
      "pages, page groups, memories and code shared with kept commits stay; the head and\n"
      "the final commit cannot be forgotten; a commit not kept is already forgotten");
  add_state(forget, o);
  forget->add_option("ROOT", o.root, "the commit's state root, hex")->required();
  CLI::App* finalize = tool.add_command(
      "finalize", "mark a commit final",
      "the final commit (a node's finalized state) cannot be forgotten until another is\n"
      "marked final");
  add_state(finalize, o);
  finalize->add_option("ROOT", o.root, "the commit's state root, hex")->required();

  CLI::App* prove = tool.add_command(
      "prove-page", "prove a page of a contract's memory against the head's root",
      "prints the proof, hex, for verify-page; PAGE counts 4 KiB pages");
  add_state(prove, o);
  prove->add_option("ID", o.id, "the contract's ID, hex")->required();
  prove->add_option("PAGE", o.page, "the page index")->required()->transform(cli::unsigned_up_to(0xffff'ffff));

  CLI::App* verify = tool.add_command(
      "verify-page", "check a page proof against a state root",
      "prints 'valid' and the page's contract, index and hash, or 'invalid'\n\n"
      "exit status:\n  0      valid\n  1      invalid\n  2      bad arguments");
  verify->add_option("ROOT", o.root, "the state root, hex")->required();
  verify->add_option("PROOF", o.proof, "the proof, hex (as prove-page prints it)")->required();

  CLI::App* attach = tool.add_command(
      "attach-abi", "give a contract's code an ABI description",
      "Writes FILE.wasm with ABI.json as its dusk-abi custom section (replacing any it had),\n"
      "after checking the description against the code (docs/contract-abi.md): for\n"
      "toolchains that cannot emit the section themselves. Then call, query, deploy --init\n"
      "and upgrade --migrate take JSON, and receipts show results and events decoded.\n\n"
      "example:\n  dusk-vm attach-abi counter.wasm counter.abi.json --out counter.described.wasm");
  attach->add_option("FILE.wasm", o.file, "the contract")->required();
  attach->add_option("ABI.json", o.abi_file, "the description")->required();
  attach->add_option("--out", o.out, "where to write the result (default: FILE.wasm itself)")->type_name("FILE");

  CLI::App* describe = tool.add_command(
      "describe", "print a contract's ABI description",
      "TARGET is a .wasm file, or with --state a deployed contract's ID. Prints the\n"
      "description as JSON; exit status 1 when the contract carries none.");
  describe->add_option("TARGET", o.file, "FILE.wasm, or an ID with --state")->required();
  describe->add_option("--state", o.state, "the state directory holding the contract")->type_name("DIR");

  if (auto status = tool.parse(argc, argv)) return *status;
  if (deploy->parsed()) o.command = Command::kDeploy;
  else if (upgrade->parsed()) o.command = Command::kUpgrade;
  else if (call->parsed()) o.command = Command::kCall;
  else if (query->parsed()) o.command = Command::kQuery;
  else if (root->parsed()) o.command = Command::kRoot;
  else if (commits->parsed()) o.command = Command::kCommits;
  else if (forget->parsed()) o.command = Command::kForget;
  else if (finalize->parsed()) o.command = Command::kFinalize;
  else if (prove->parsed()) o.command = Command::kProvePage;
  else if (attach->parsed()) o.command = Command::kAttachAbi;
  else if (describe->parsed()) o.command = Command::kDescribe;
  else o.command = Command::kVerifyPage;
  return o;
}

}  // namespace dusk::vm_cli
