#include "commands.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

#include "amount.hpp"
#include "base/bytes.hpp"
#include "crypto/bls/secret_key.hpp"
#include "duskds/gas_schedule.hpp"
#include "duskds/transaction.hpp"
#include "duskds/transaction_codec.hpp"
#include "duskvm/lane/vm_transaction.hpp"
#include "duskvm/phoenix/keys.hpp"
#include "crypto/hash/blake2b.hpp"
#include "duskvm/phoenix/setup.hpp"
#include "duskvm/phoenix/spend.hpp"
#include "exit_codes.hpp"
#include "node_client.hpp"
#include "password.hpp"
#include "storage/atomic_file.hpp"
#include "wallet/account_keys.hpp"
#include "wallet/bip32.hpp"
#include "wallet/evm_transaction.hpp"
#include "wallet/keystore.hpp"

namespace dusk::wallet_cli {
namespace {

namespace fs = std::filesystem;

// A command's failure: the status to exit with and one line for stderr.
struct CliError {
  int status;
  std::string message;
};
[[noreturn]] void fail(int status, std::string message) { throw CliError{status, std::move(message)}; }

constexpr size_t kMaxWasmBytes = vm::kMaxVmTransactionBytes;

std::string hex(ByteView b) { return to_hex(b); }
template <size_t N>
std::string hex(const std::array<u8, N>& a) {
  return to_hex(ByteView(a.data(), N));
}

template <size_t N>
std::array<u8, N> parse_fixed(const std::string& text, const std::string& what) {
  auto b = from_hex(text);
  if (!b.ok()) fail(kExitUsage, what + " '" + text + "': " + b.error().message);
  if (b->size() != N)
    fail(kExitUsage, what + " '" + text + "': " + std::to_string(b->size()) + " bytes, expected " + std::to_string(N));
  std::array<u8, N> a{};
  std::copy(b->begin(), b->end(), a.begin());
  return a;
}

// ---------------------------------------------------------------------------------
// The wallet directory and its keystore.

std::string keystore_path(const Options& o) { return (fs::path(o.wallet) / "keystore.json").string(); }

wallet::KeystorePublic read_public(const Options& o) {
  const std::string path = keystore_path(o);
  std::error_code ec;
  if (!fs::exists(path, ec))
    fail(kExitWallet, "no wallet in " + o.wallet + ": create one with 'dusk create' or 'dusk restore' (or give --wallet DIR)");
  auto text = wallet::read_keystore_file(path);
  if (!text.ok()) fail(kExitWallet, path + ": " + text.error().message);
  auto pub = wallet::read_keystore_public(*text);
  if (!pub.ok()) fail(kExitWallet, path + ": " + pub.error().message);
  return *pub;
}

wallet::KeystoreContents open_wallet(const Options& o) {
  read_public(o);  // a missing or malformed wallet is named before the password is asked
  auto password = read_password(o.password_file, false);
  if (!password.ok()) fail(kExitWallet, password.error().message);
  auto contents = wallet::open_keystore_file(keystore_path(o), password->str());
  if (!contents.ok()) {
    if (contents.error().code == wallet::WalletError::kDecryption)
      fail(kExitWallet, "wrong password for the wallet in " + o.wallet + " (or its keystore was modified)");
    fail(kExitWallet, keystore_path(o) + ": " + contents.error().message);
  }
  return std::move(*contents);
}

wallet::AccountKeys derive_keys(const wallet::KeystoreContents& c, u32 index) {
  auto keys = wallet::derive(c.mnemonic, c.passphrase.str(), index);
  if (!keys.ok()) fail(kExitWallet, "deriving account " + std::to_string(index) + ": " + keys.error().message);
  return std::move(*keys);
}

// An account's public names.
struct PublicAccount {
  u32 index = 0;
  std::array<u8, 96> ds_key{};
  std::array<u8, 20> evm_address{};
  vm::VmAddress vm_address{};

  // Its three addresses, as JSON fields and as lines for people.
  Json addresses() const {
    return {{"duskds", hex(ds_key)}, {"duskevm", wallet::eip55_address(evm_address)}, {"duskvm", hex(vm_address)}};
  }
  void print_addresses() const {
    std::cout << "DuskDS  " << hex(ds_key) << "\n"
              << "DuskEVM " << wallet::eip55_address(evm_address) << "\n"
              << "DuskVM  " << hex(vm_address) << "\n";
  }
};

PublicAccount public_of(const wallet::AccountKeys& k) {
  PublicAccount a;
  a.index = k.index;
  a.ds_key = k.bls_public_key;
  a.evm_address = k.evm_address;
  a.vm_address = vm::vm_address(k.bls_public_key);
  return a;
}

// Account 0 from the keystore's public fields (no password); others derived.
PublicAccount public_account(const Options& o) {
  if (o.index == 0) {
    const wallet::KeystorePublic pub = read_public(o);
    PublicAccount a;
    a.ds_key = pub.duskds_public_key;
    a.evm_address = pub.evm_address;
    a.vm_address = vm::vm_address(pub.duskds_public_key);
    return a;
  }
  const auto contents = open_wallet(o);
  return public_of(derive_keys(contents, o.index));
}

crypto::bls::SecretKey bls_key(const wallet::AccountKeys& k) {
  auto sk = crypto::bls::SecretKey::from_bytes(ByteView(k.bls_secret_key.data(), 32));
  if (!sk.ok()) fail(kExitWallet, "the account's DuskDS key: " + sk.error().message);
  return *sk;
}

wallet::KdfLimits kdf_of(const Options& o) {
  if (o.kdf == "interactive") return wallet::KdfLimits::interactive();
  if (o.kdf == "minimum") return wallet::KdfLimits::minimum();
  return wallet::KdfLimits::moderate();
}

// ---------------------------------------------------------------------------------
// The node.

class Node {
 public:
  explicit Node(const Options& o) {
    auto c = NodeClient::create(o.node, std::chrono::milliseconds(o.timeout_ms));
    if (!c.ok()) fail(kExitUsage, c.error().message);
    client_.emplace(std::move(*c));
  }

  // The answer whatever its status; only transport failures throw.
  NodeReply raw_get(const std::string& path) const { return transport(client_->get(path)); }

  Json get(const std::string& path) const { return checked(raw_get(path)); }
  Json post(const std::string& path, const Json& body) const { return checked(transport(client_->post(path, body))); }

 private:
  static NodeReply transport(Result<NodeReply> r) {
    if (!r.ok()) fail(kExitNode, r.error().message);
    return std::move(*r);
  }
  static Json checked(NodeReply r) {
    if (r.ok()) return std::move(r.body);
    const std::string code = r.error_code();
    if (r.status >= 500) fail(kExitNode, "the node failed: " + r.error_message() + (code.empty() ? "" : " (" + code + ")"));
    fail(kExitFailed, "the node refused: " + r.error_message() + (code.empty() ? "" : " (" + code + ")"));
  }

  std::optional<NodeClient> client_;
};

template <typename T>
T field(const Json& j, const char* name, const std::string& where) {
  if (!j.is_object() || !j.contains(name)) fail(kExitNode, "the node's answer to " + where + " has no \"" + name + "\"");
  try {
    return j[name].get<T>();
  } catch (const std::exception&) {
    fail(kExitNode, "the node's answer to " + where + " has a \"" + name + "\" of the wrong type");
  }
}

std::string lux_text(const std::string& lux) {
  auto d = format_lux_text(lux);
  return d.ok() ? *d + " DUSK" : lux + " LUX";
}
std::string wei_text(const std::string& wei) {
  auto d = format_wei(wei);
  return d.ok() ? *d + " DUSK" : wei + " wei";
}

std::string dusk_of_lux(const std::string& lux) {
  auto d = format_lux_text(lux);
  return d.ok() ? *d : "?";
}
std::string dusk_of_wei(const std::string& wei) {
  auto d = format_wei(wei);
  return d.ok() ? *d : "?";
}

// Strings that are not UTF-8 (a path, a memo) are shown with U+FFFD rather than failing.
void print_json(const Json& j) { std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << std::endl; }

// ---------------------------------------------------------------------------------
// Following a transaction.

bool is_final(const Json& record) { return record.value("finality", "") == "final"; }

// Why an included transaction failed, or "" when it did not.
std::string failure_of(const Json& r) {
  const std::string layer = r.value("layer", "");
  if (layer == "duskvm" && r.contains("ok") && r["ok"].is_boolean() && !r["ok"].get<bool>())
    return "the DuskVM transaction failed: " + r.value("error", std::string("(no reason given)"));
  if (layer == "duskevm" && r.contains("success") && r["success"].is_boolean() && !r["success"].get<bool>())
    return "the DuskEVM transaction reverted";
  return "";
}

std::string progress_of(const Json& r) {
  if (r.value("status", "") != "included") return "pending";
  return "included at height " + std::to_string(r.value("height", u64{0})) + " (" + r.value("finality", "?") + ")";
}

Json follow(const Options& o, const Node& node, const std::string& id, const std::string& layer, WaitFor wait) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(o.wait_timeout_s);
  std::string last;
  int missing = 0;
  for (;;) {
    const NodeReply reply = node.raw_get("/v1/transactions/" + id);
    if (reply.status == 404) {
      // An EVM transaction is not visible before its block (the API does not look in the
      // EVM pool), nor is any transaction whose layer is not known yet (""); the others
      // are pooled first, and a short gap between pool and block is tolerated.
      if (layer != "duskevm" && !layer.empty() && ++missing > 15)
        fail(kExitFailed, "the node no longer knows transaction " + id + ": it left the pool without being included");
      if (last.empty()) {
        last = "pending";
        std::fprintf(stderr, "dusk: %s: pending\n", id.c_str());
      }
    } else if (!reply.ok()) {
      fail(reply.status >= 500 ? kExitNode : kExitFailed, "the node refused: " + reply.error_message());
    } else {
      missing = 0;
      const std::string progress = progress_of(reply.body);
      if (progress != last) {
        std::fprintf(stderr, "dusk: %s: %s\n", id.c_str(), progress.c_str());
        last = progress;
      }
      const bool included = reply.body.value("status", "") == "included";
      if (included && (wait == WaitFor::kIncluded || is_final(reply.body))) return reply.body;
    }
    if (Clock::now() >= deadline)
      fail(kExitTimeout, "gave up after " + std::to_string(o.wait_timeout_s) + " s: transaction " + id + " is " +
                             (last.empty() ? "unknown" : last));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

void print_record(const Json& r) {
  std::string line = "Transaction " + r.value("id", std::string("?")) + " (" + r.value("layer", std::string("?")) + "): ";
  line += progress_of(r);
  if (r.contains("fee")) {
    const Json& fee = r["fee"];
    line += ", fee " + (fee.is_string() ? lux_text(fee.get<std::string>()) : lux_text(std::to_string(fee.get<u64>())));
  }
  if (r.contains("gas_used")) line += ", gas used " + std::to_string(r["gas_used"].get<u64>());
  if (r.contains("gas_spent")) line += ", gas spent " + std::to_string(r["gas_spent"].get<u64>());
  std::cout << line << "\n";
  if (const std::string f = failure_of(r); !f.empty()) std::cout << "Failed: " << f << "\n";
  if (r.contains("deployed")) std::cout << "Contract " << r["deployed"].get<std::string>() << "\n";
  if (r.contains("result") && r["result"].is_string() && !r["result"].get<std::string>().empty())
    std::cout << "Result 0x" << r["result"].get<std::string>() << "\n";
  std::cout.flush();
}

// Prints a submitted transaction, or follows it; returns the exit status. `extra`: more
// fields for the JSON output.
int finish(const Options& o, const Node& node, const std::string& id, const std::string& layer, WaitFor wait,
           const Json& extra = Json::object()) {
  if (wait == WaitFor::kNone) {
    Json j{{"id", id}, {"layer", layer}, {"status", "submitted"}};
    j.update(extra);
    if (o.json) print_json(j);
    else std::cout << "Sent " << layer << " transaction " << id << "\n";
    return kExitOk;
  }
  Json r = follow(o, node, id, layer, wait);
  r.update(extra);
  if (o.json) print_json(r);
  else print_record(r);
  if (const std::string f = failure_of(r); !f.empty()) {
    std::fprintf(stderr, "dusk: %s\n", f.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

// Submits `tx`, whose id the wallet computed itself: a node that names it otherwise is
// not one to follow.
std::string submit(const Node& node, const std::string& layer, ByteView tx, const Hash256& expected_id) {
  const Json answer = node.post("/v1/transactions", {{"layer", layer}, {"tx", hex(tx)}});
  const std::string id = field<std::string>(answer, "id", "POST /v1/transactions");
  if (id != hex(expected_id))
    fail(kExitNode, "the node names the transaction " + id + ", but its id is " + hex(expected_id));
  return id;
}

// ---------------------------------------------------------------------------------
// Commands.

void require_amount(const Options& o) {
  if (o.amount == 0) fail(kExitUsage, "--amount: must be above 0");
}

int create_or_restore(const Options& o) {
  const std::string path = keystore_path(o);
  std::error_code ec;
  if (fs::exists(path, ec))
    fail(kExitWallet, "a wallet already exists in " + o.wallet + " (" + path +
                          "); move it away first, or give another --wallet DIR");
  std::optional<wallet::Mnemonic> mnemonic;
  if (o.command == Command::kCreate) {
    auto m = wallet::Mnemonic::generate(o.words);
    if (!m.ok()) fail(kExitWallet, "generating a phrase: " + m.error().message);
    mnemonic.emplace(std::move(*m));
  } else {
    wallet::SecretString text;
    if (!o.phrase.empty()) {
      text = wallet::SecretString(o.phrase);
    } else if (!o.phrase_file.empty()) {
      std::ifstream f(o.phrase_file, std::ios::binary);
      if (!f) fail(kExitUsage, "cannot read the phrase file " + o.phrase_file);
      text.mutable_str().assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
    } else {
      auto typed = prompt_hidden("Recovery phrase: ");
      if (!typed.ok()) fail(kExitUsage, "no phrase: give --phrase \"...\" or --phrase-file F");
      text = std::move(*typed);
    }
    auto m = wallet::Mnemonic::parse(text.str());
    if (!m.ok()) fail(kExitUsage, "the phrase: " + m.error().message);
    mnemonic.emplace(std::move(*m));
  }
  const wallet::AccountKeys keys = [&] {
    auto k = wallet::derive(*mnemonic, "", 0);
    if (!k.ok()) fail(kExitWallet, k.error().message);
    return std::move(*k);
  }();
  auto password = read_password(o.password_file, true);
  if (!password.ok()) fail(kExitWallet, password.error().message);
  fs::create_directories(o.wallet, ec);
  if (ec) fail(kExitWallet, "cannot create the wallet directory " + o.wallet + ": " + ec.message());
  fs::permissions(o.wallet, fs::perms::owner_all, fs::perm_options::replace, ec);
  wallet::KeystorePublic pub{keys.bls_public_key, keys.evm_address};
  if (auto w = wallet::write_keystore_file(path, *mnemonic, "", pub, password->str(), kdf_of(o)); !w.ok())
    fail(kExitWallet, "writing " + path + ": " + w.error().message);

  const PublicAccount a = public_of(keys);
  if (o.json) {
    Json j = a.addresses();
    j["keystore"] = path;
    if (o.command == Command::kCreate) {
      j["phrase"] = mnemonic->phrase();
      std::fprintf(stderr,
                   "dusk: the output holds the new recovery phrase: anyone who has it holds the funds; keep it offline\n");
    }
    print_json(j);
    return kExitOk;
  }
  if (o.command == Command::kCreate) {
    std::cout << "Your recovery phrase (" << mnemonic->word_count() << " words):\n\n  " << mnemonic->phrase()
              << "\n\nWrite it down and keep it offline. It is shown only this once; anyone who has it\n"
                 "holds the funds, and it is the only way back to them if the password or this\n"
                 "directory is lost ('dusk export-phrase' shows it again, with the password).\n\n";
  }
  std::cout << "Wallet written to " << path << "\n";
  a.print_addresses();
  return kExitOk;
}

int address(const Options& o) {
  const PublicAccount a = public_account(o);
  if (o.json) {
    Json j = a.addresses();
    j["index"] = o.index;
    print_json(j);
  } else {
    std::cout << "Account " << o.index << "\n";
    a.print_addresses();
  }
  return kExitOk;
}

int export_phrase(const Options& o) {
  const auto contents = open_wallet(o);
  if (o.json) {
    Json j{{"phrase", contents.mnemonic.phrase()}};
    if (!contents.passphrase.str().empty()) j["passphrase"] = contents.passphrase.str();
    print_json(j);
  } else {
    std::cout << contents.mnemonic.phrase() << "\n";
    if (!contents.passphrase.str().empty()) std::cout << "passphrase: " << contents.passphrase.str() << "\n";
  }
  return kExitOk;
}

// An account's Phoenix secret key, from the recovery phrase (docs/phoenix.md).
duskvm::phoenix::SecretKey phoenix_key(const wallet::KeystoreContents& contents, u32 index) {
  auto seed = contents.mnemonic.seed(contents.passphrase.str());
  if (!seed.ok()) fail(kExitWallet, "deriving account " + std::to_string(index) + ": " + seed.error().message);
  return duskvm::phoenix::SecretKey::derive(ByteView(seed->data(), seed->size()), index);
}

int view_key(const Options& o) {
  const auto contents = open_wallet(o);
  const auto sk = phoenix_key(contents, o.index);
  const auto pk = sk.public_key().encode();
  const auto vk = sk.view_key().encode();
  if (o.json) {
    print_json({{"index", o.index}, {"phoenix_public_key", hex(pk)}, {"view_key", hex(vk)}});
  } else {
    std::cout << "Account " << o.index << "\n"
              << "Phoenix public key " << hex(pk) << "\n"
              << "view key           " << hex(vk) << "\n";
    std::cerr << "Whoever holds the view key sees every Phoenix note of this account and its value.\n";
  }
  return kExitOk;
}

int balance(const Options& o) {
  const PublicAccount a = public_account(o);
  const Node node(o);
  const std::string evm = wallet::eip55_address(a.evm_address);
  const Json ds = node.get("/v1/accounts/" + hex(a.ds_key));
  const Json ev = node.get("/v1/duskevm/accounts/" + evm);
  const Json vmj = node.get("/v1/duskvm/accounts/" + hex(a.vm_address));
  const auto ds_balance = field<std::string>(ds, "balance", "GET /v1/accounts");
  const auto evm_balance = field<std::string>(ev, "balance_wei", "GET /v1/duskevm/accounts");
  const auto vm_balance = field<std::string>(vmj, "balance", "GET /v1/duskvm/accounts");
  const Json stake = ds.value("stake", Json());
  if (o.json) {
    Json s = nullptr;
    if (stake.is_object())
      s = {{"value_lux", stake.value("value", "0")},
           {"value_dusk", dusk_of_lux(stake.value("value", "0"))},
           {"eligibility_height", stake.value("eligibility_height", u64{0})},
           {"pending_lux", stake.value("pending", "0")},
           {"pending_dusk", dusk_of_lux(stake.value("pending", "0"))}};
    print_json({{"index", o.index},
                {"duskds",
                 {{"key", hex(a.ds_key)},
                  {"balance_lux", ds_balance},
                  {"balance_dusk", dusk_of_lux(ds_balance)},
                  {"nonce", field<u64>(ds, "nonce", "GET /v1/accounts")},
                  {"stake", s}}},
                {"duskevm",
                 {{"address", evm},
                  {"balance_wei", evm_balance},
                  {"balance_dusk", dusk_of_wei(evm_balance)},
                  {"nonce", field<u64>(ev, "nonce", "GET /v1/duskevm/accounts")}}},
                {"duskvm",
                 {{"address", hex(a.vm_address)},
                  {"balance_lux", vm_balance},
                  {"balance_dusk", dusk_of_lux(vm_balance)},
                  {"nonce", field<u64>(vmj, "nonce", "GET /v1/duskvm/accounts")}}}});
    return kExitOk;
  }
  std::cout << "Account " << o.index << "\n"
            << "DuskDS  " << hex(a.ds_key) << "\n"
            << "  balance " << lux_text(ds_balance) << ", nonce " << field<u64>(ds, "nonce", "GET /v1/accounts") << "\n";
  if (stake.is_object())
    std::cout << "  stake   " << lux_text(stake.value("value", "0")) << " (eligible from height "
              << stake.value("eligibility_height", u64{0}) << "), pending " << lux_text(stake.value("pending", "0"))
              << "\n";
  else
    std::cout << "  stake   none\n";
  std::cout << "DuskEVM " << evm << "\n"
            << "  balance " << wei_text(evm_balance) << " (" << evm_balance << " wei), nonce "
            << field<u64>(ev, "nonce", "GET /v1/duskevm/accounts") << "\n"
            << "DuskVM  " << hex(a.vm_address) << "\n"
            << "  balance " << lux_text(vm_balance) << ", nonce " << field<u64>(vmj, "nonce", "GET /v1/duskvm/accounts")
            << "\n";
  return kExitOk;
}

u64 chain_id(const Node& node) { return field<u64>(node.get("/v1/info"), "chain_id", "GET /v1/info"); }

int send_duskds(const Options& o, ds::Transaction tx) {
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  const Node node(o);
  tx.chain_id = chain_id(node);
  tx.sender = keys.bls_public_key;
  tx.nonce = field<u64>(node.get("/v1/accounts/" + hex(keys.bls_public_key)), "nonce", "GET /v1/accounts");
  tx.gas_price = o.gas_price;
  tx.gas_limit = ds::transaction_gas(tx);
  ds::sign_transaction(tx, bls_key(keys));
  const std::string id = submit(node, "duskds", ds::encode_transaction(tx), ds::transaction_id(tx));
  return finish(o, node, id, "duskds", o.wait);
}

int send_duskvm(const Options& o, vm::VmTransaction tx, WaitFor wait, const wallet::AccountKeys& keys,
                const Node& node) {
  tx.chain_id = chain_id(node);
  tx.sender = keys.bls_public_key;
  tx.nonce = field<u64>(node.get("/v1/duskvm/accounts/" + hex(keys.bls_public_key)), "nonce", "GET /v1/duskvm/accounts");
  tx.gas_price = o.gas_price;
  vm::sign_vm_transaction(tx, bls_key(keys));
  const Bytes bytes = vm::encode_vm_transaction(tx);
  if (bytes.size() > vm::kMaxVmTransactionBytes)
    fail(kExitUsage, "the transaction has " + std::to_string(bytes.size()) + " bytes, above DuskVM's limit of " +
                         std::to_string(vm::kMaxVmTransactionBytes));
  const std::string id = submit(node, "duskvm", bytes, vm::vm_transaction_id(bytes));
  return finish(o, node, id, "duskvm", wait);
}

int transfer(const Options& o) {
  ds::Transaction tx;
  tx.kind = ds::TxKind::kTransfer;
  tx.receiver = parse_fixed<96>(o.to, "--to");
  tx.amount = o.amount;
  if (o.memo.size() > ds::kMaxMemoSize)
    fail(kExitUsage, "--memo: " + std::to_string(o.memo.size()) + " bytes, at most " + std::to_string(ds::kMaxMemoSize));
  tx.memo = Bytes(o.memo.begin(), o.memo.end());
  return send_duskds(o, tx);
}

int stake_kind(const Options& o, ds::TxKind kind) {
  require_amount(o);
  ds::Transaction tx;
  tx.kind = kind;
  tx.amount = o.amount;
  return send_duskds(o, tx);
}

int bridge_deposit(const Options& o) {
  require_amount(o);
  ds::Transaction tx;
  tx.kind = ds::TxKind::kDeposit;
  tx.amount = o.amount;
  if (!o.to_evm.empty()) {
    const auto a = parse_fixed<20>(o.to_evm, "--to-evm");
    tx.lane = ds::kDepositLaneEvm;
    tx.target = Bytes(a.begin(), a.end());
  } else if (!o.to_duskvm.empty()) {
    const auto a = parse_fixed<32>(o.to_duskvm, "--to-duskvm");
    tx.lane = ds::kDepositLaneVm;
    tx.target = Bytes(a.begin(), a.end());
  } else {
    fail(kExitUsage, "give --to-evm ADDR or --to-duskvm ADDR");
  }
  return send_duskds(o, tx);
}

int bridge_withdraw(const Options& o) {
  require_amount(o);
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  const std::array<u8, 96> to = o.to.empty() ? keys.bls_public_key : parse_fixed<96>(o.to, "--to");
  const Node node(o);
  if (o.from == "duskvm") {
    vm::VmTransaction tx;
    tx.kind = vm::VmTxKind::kWithdraw;
    tx.to_key = to;
    tx.amount = o.amount;
    tx.gas_limit = vm::kVmWithdrawGas;
    return send_duskvm(o, tx, o.wait, keys, node);
  }
  if (o.tip_gwei > o.max_fee_gwei) fail(kExitUsage, "--tip-gwei is above --max-fee-gwei");
  const Json info = node.get("/v1/info");
  u64 evm_chain = field<u64>(info, "chain_id", "GET /v1/info");
  if (info.contains("lanes") && info["lanes"].contains("duskevm") && info["lanes"]["duskevm"].contains("chain_id"))
    evm_chain = info["lanes"]["duskevm"]["chain_id"].get<u64>();
  const std::string from = wallet::eip55_address(keys.evm_address);
  const Json account = node.get("/v1/duskevm/accounts/" + from);
  wallet::Eip1559Fields f;
  f.chain_id = evm_chain;
  f.nonce = field<u64>(account, "nonce", "GET /v1/duskevm/accounts");
  f.max_priority_fee_per_gas = Uint256{o.tip_gwei} * Uint256{1'000'000'000};
  f.max_fee_per_gas = Uint256{o.max_fee_gwei} * Uint256{1'000'000'000};
  f.gas_limit = o.evm_gas;
  f.to = wallet::kBridgeContract;
  f.value = Uint256{o.amount} * Uint256{wallet::kWeiPerLux};
  f.data = wallet::bridge_withdraw_calldata(to);
  std::array<u8, 32> secret{};
  std::copy(keys.evm_secret_key.bytes.begin(), keys.evm_secret_key.bytes.end(), secret.begin());
  auto signed_tx = wallet::sign_eip1559(f, secret);
  wallet::wipe(secret.data(), secret.size());
  if (!signed_tx.ok()) fail(kExitWallet, signed_tx.error().message);
  const std::string id = submit(node, "duskevm", *signed_tx, wallet::evm_transaction_hash(*signed_tx));
  return finish(o, node, id, "duskevm", o.wait);
}

Bytes read_wasm(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) fail(kExitUsage, "--wasm " + path + ": " + ec.message());
  if (size > kMaxWasmBytes)
    fail(kExitUsage, "--wasm " + path + ": " + std::to_string(size) + " bytes, above DuskVM's transaction limit");
  std::ifstream f(path, std::ios::binary);
  Bytes b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (!f && !f.eof()) fail(kExitUsage, "--wasm " + path + ": cannot be read");
  if (b.size() < 8 || b[0] != 0 || b[1] != 'a' || b[2] != 's' || b[3] != 'm')
    fail(kExitUsage, "--wasm " + path + ": not a WebAssembly module");
  return b;
}

int contract_deploy(const Options& o) {
  vm::VmTransaction tx;
  tx.kind = vm::VmTxKind::kDeploy;
  tx.code = read_wasm(o.wasm);
  tx.argument = o.init;
  tx.gas_limit = o.gas;
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  const Node node(o);
  tx.chain_id = chain_id(node);
  tx.sender = keys.bls_public_key;
  tx.nonce = field<u64>(node.get("/v1/duskvm/accounts/" + hex(keys.bls_public_key)), "nonce", "GET /v1/duskvm/accounts");
  tx.gas_price = o.gas_price;
  vm::sign_vm_transaction(tx, bls_key(keys));
  const Bytes bytes = vm::encode_vm_transaction(tx);
  const std::string id = submit(node, "duskvm", bytes, vm::vm_transaction_id(bytes));
  Json r = follow(o, node, id, "duskvm", o.wait == WaitFor::kFinal ? WaitFor::kFinal : WaitFor::kIncluded);
  const std::string f = failure_of(r);
  if (f.empty() && !r.contains("deployed")) fail(kExitNode, "the node's receipt of " + id + " names no contract");
  if (o.json) {
    if (f.empty()) r["contract"] = r["deployed"];
    print_json(r);
  } else {
    print_record(r);
  }
  if (!f.empty()) {
    std::fprintf(stderr, "dusk: %s\n", f.c_str());
    return kExitFailed;
  }
  return kExitOk;
}

// The body naming a function and its argument, as encode and query take it.
Json function_body(const Options& o) {
  Json body{{"function", o.function}};
  if (o.arg_hex) {
    body["arg"] = hex(*o.arg_hex);
  } else if (o.args_json) {
    Json args = Json::parse(*o.args_json, nullptr, false);
    if (args.is_discarded()) fail(kExitUsage, "--args: not JSON: " + *o.args_json);
    body["args"] = args;
  } else {
    body["arg"] = "";
  }
  return body;
}

int contract_call(const Options& o) {
  const auto contract = parse_fixed<32>(o.contract, "--contract");
  if (o.function.empty() || o.function.size() > vm::kMaxFunctionName)
    fail(kExitUsage, "--function: 1 to " + std::to_string(vm::kMaxFunctionName) + " characters");
  const Node node(o);
  Bytes argument;
  if (o.arg_hex) {
    argument = *o.arg_hex;
  } else if (o.args_json) {
    const Json encoded = node.post("/v1/duskvm/contracts/" + hex(contract) + "/encode", function_body(o));
    auto b = from_hex(field<std::string>(encoded, "arg", "POST /v1/duskvm/contracts/{id}/encode"));
    if (!b.ok()) fail(kExitNode, "the node's encoding is not hex");
    argument = std::move(*b);
  }
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  vm::VmTransaction tx;
  tx.kind = vm::VmTxKind::kCall;
  tx.contract = contract;
  tx.function = o.function;
  tx.argument = std::move(argument);
  tx.gas_limit = o.gas;
  return send_duskvm(o, tx, o.wait, keys, node);
}

int contract_query(const Options& o) {
  const auto contract = parse_fixed<32>(o.contract, "--contract");
  const Node node(o);
  Json body = function_body(o);
  body["gas"] = o.gas;
  const Json r = node.post("/v1/duskvm/contracts/" + hex(contract) + "/query", body);
  const bool ok = r.value("ok", false);
  if (o.json) {
    print_json(r);
  } else if (ok) {
    if (r.contains("value")) std::cout << r["value"].dump() << "\n";
    else std::cout << "0x" << r.value("result", "") << "\n";
  }
  if (!ok) {
    std::fprintf(stderr, "dusk: the query failed: %s\n", r.value("error", std::string("(no reason given)")).c_str());
    return kExitFailed;
  }
  return kExitOk;
}

// ---------------------------------------------------------------------------------
// Phoenix (docs/phoenix.md): notes synced from the node, found with the view key, spent
// with proofs made here.

namespace ph = duskvm::phoenix;

// Every note of the chain, the tree over them, as of one block.
struct Synced {
  std::vector<ph::Note> notes;
  ph::NoteTree tree;
  u64 height = 0;
};

Synced sync_notes(const Node& node) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    Synced s;
    std::string root;
    u64 total = 0;
    do {
      const Json page = node.get("/v1/phoenix/notes?from=" + std::to_string(s.notes.size()));
      const std::string where = "GET /v1/phoenix/notes";
      total = field<u64>(page, "total", where);
      root = field<std::string>(page, "root", where);
      s.height = field<u64>(page, "height", where);
      const Json list = page.value("notes", Json::array());
      if (list.empty() && s.notes.size() < total) fail(kExitNode, "the node sent an empty page of notes");
      for (const auto& text : list) {
        auto bytes = from_hex(text.get<std::string>());
        auto note = bytes.ok() && bytes->size() == ph::kNoteSize
                        ? ph::Note::decode(std::span<const u8, ph::kNoteSize>(bytes->data(), ph::kNoteSize))
                        : std::nullopt;
        if (!note || note->pos() != s.notes.size()) fail(kExitNode, "the node sent a malformed note");
        s.notes.push_back(std::move(*note));
      }
    } while (s.notes.size() < total);
    std::vector<ph::Fr> leaves;
    for (const ph::Note& n : s.notes) leaves.push_back(n.hash());
    s.tree = *ph::NoteTree::from_leaves(std::move(leaves));
    // A block between two pages changes the count and root: start again.
    if (s.notes.size() == total && hex(s.tree.root().to_bytes_le()) == root) return s;
  }
  fail(kExitNode, "the notes kept changing while syncing; try again");
}

// The notes of `sk` among `notes` that are not spent.
std::vector<ph::OwnedNote> unspent_notes(const Node& node, const ph::SecretKey& sk, std::span<const ph::Note> notes) {
  std::vector<ph::OwnedNote> owned = ph::scan(sk.view_key(), notes), out;
  constexpr size_t kChunk = 1'024;
  for (size_t at = 0; at < owned.size(); at += kChunk) {
    Json asked = Json::array();
    const size_t end = std::min(owned.size(), at + kChunk);
    for (size_t i = at; i < end; ++i) asked.push_back(hex(owned[i].note.nullifier(sk).to_bytes_le()));
    const Json answer = node.post("/v1/phoenix/spent", {{"nullifiers", asked}});
    const Json spent = answer.value("spent", Json::array());
    if (spent.size() != end - at) fail(kExitNode, "the node answered for another number of nullifiers");
    for (size_t i = at; i < end; ++i)
      if (!spent[i - at].get<bool>()) out.push_back(owned[i]);
  }
  return out;
}

Json notes_json(std::span<const ph::OwnedNote> notes) {
  Json list = Json::array();
  for (const ph::OwnedNote& n : notes)
    list.push_back({{"position", n.note.pos()},
                    {"value_lux", std::to_string(n.opening.value)},
                    {"type", n.note.type() == ph::NoteType::kTransparent ? "transparent" : "obfuscated"}});
  return list;
}

u128 total_of(std::span<const ph::OwnedNote> notes) {
  u128 t = 0;
  for (const ph::OwnedNote& n : notes) t += n.opening.value;
  return t;
}

void print_notes(std::span<const ph::OwnedNote> notes) {
  for (const ph::OwnedNote& n : notes)
    std::cout << "  note " << n.note.pos() << "  " << lux_text(std::to_string(n.opening.value)) << " ("
              << (n.note.type() == ph::NoteType::kTransparent ? "transparent" : "obfuscated") << ")\n";
}

Json phoenix_info(const Node& node) {
  const Json info = node.get("/v1/phoenix");
  if (!info.value("enabled", false)) fail(kExitFailed, "Phoenix is not enabled on this chain");
  return info;
}

int phoenix_balance(const Options& o) {
  const auto contents = open_wallet(o);
  const ph::SecretKey sk = phoenix_key(contents, o.index);
  const Node node(o);
  phoenix_info(node);
  const Synced synced = sync_notes(node);
  const auto notes = unspent_notes(node, sk, synced.notes);
  const u128 total = total_of(notes);
  if (o.json) {
    print_json({{"index", o.index}, {"height", synced.height}, {"balance_lux", to_decimal(total)},
                {"balance_dusk", dusk_of_lux(to_decimal(total))}, {"notes", notes_json(notes)}});
    return kExitOk;
  }
  std::cout << "Account " << o.index << ", shielded at height " << synced.height << ": " << lux_text(to_decimal(total))
            << " in " << notes.size() << " unspent note(s)\n";
  print_notes(notes);
  return kExitOk;
}

ph::PublicKey parse_phoenix_key(const std::string& text) {
  const auto bytes = parse_fixed<64>(text, "--to");
  auto pk = ph::PublicKey::decode(bytes);
  if (!pk) fail(kExitUsage, "--to: not a Phoenix public key (64 bytes hex: two Jubjub points, from dusk view-key)");
  return *pk;
}

int phoenix_shield(const Options& o) {
  require_amount(o);
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  const ph::PublicKey to = o.phoenix_to.empty() ? phoenix_key(contents, o.index).public_key() : parse_phoenix_key(o.phoenix_to);
  const Node node(o);
  const Json info = phoenix_info(node);
  vm::VmTransaction tx;
  tx.kind = vm::VmTxKind::kShield;
  tx.gas_limit = info.value("shield_gas", vm::kVmShieldGas);
  tx.stealth = to.stealth_address(ph::fresh_scalar()).encode();
  tx.amount = o.amount;
  return send_duskvm(o, std::move(tx), o.wait, keys, node);
}

// The proving key of n-input spends under `setup`: from the wallet's cache
// (<wallet>/phoenix-keys/, ProverKey::to_cache_bytes behind a BLAKE2b-256 checksum), else
// made (seconds) and cached for the next spend.
std::shared_ptr<const crypto::plonk::ProverKey> proving_key(const Options& o, const ph::Setup& setup, size_t n) {
  constexpr std::string_view kMagic = "DUSK-PK-CACHE-V1";
  const std::array<u8, 1> inputs{static_cast<u8>(n)};
  const auto id = crypto::blake2b<32>({as_bytes(std::string_view("DUSK_PHOENIX_PROVING_KEY_V1")), as_bytes(setup.srs),
                                       ByteView(inputs)});
  const fs::path path = fs::path(o.wallet) / "phoenix-keys" / (hex(id) + ".key");
  std::error_code ec;
  if (fs::exists(path, ec)) {
    std::ifstream in(path, std::ios::binary);
    const Bytes file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t head = kMagic.size() + 32;
    if (file.size() > head && std::equal(kMagic.begin(), kMagic.end(), file.begin()) &&
        std::equal(file.begin() + kMagic.size(), file.begin() + head,
                   crypto::blake2b<32>(ByteView(file).subspan(head)).begin())) {
      auto key = crypto::plonk::ProverKey::from_cache_bytes(ByteView(file).subspan(head));
      if (key.ok()) return *key;
    }
    std::cerr << "dusk: the cached proving key " << path.string() << " is damaged: making it again\n";
  }
  if (!o.json)
    std::cerr << "Making the proving key of " << n << "-input spends from the " << setup.describe()
              << " (once: it is kept in the wallet directory; some seconds)...\n";
  auto srs = ph::load_srs(setup, ph::srs_powers(n));
  if (!srs.ok()) fail(kExitFailed, srs.error().message + (setup.insecure() ? "" : " (give the setup file with --srs)"));
  auto keys = ph::circuit_keys(*srs, n);
  if (!keys.ok()) fail(kExitFailed, keys.error().message);
  const Bytes body = keys->prover->to_cache_bytes();
  const auto sum = crypto::blake2b<32>(ByteView(body));
  Bytes file;
  file.reserve(kMagic.size() + sum.size() + body.size());
  file.insert(file.end(), kMagic.begin(), kMagic.end());
  file.insert(file.end(), sum.begin(), sum.end());
  file.insert(file.end(), body.begin(), body.end());
  fs::create_directories(path.parent_path(), ec);
  if (auto w = storage::write_file_atomically(path.string(), file); !w.ok())
    std::cerr << "dusk: could not keep the proving key (" << w.error().message << "): it will be made again\n";
  return keys->prover;
}

// A private payment (to --to) or an unshielding (to the account's own DuskVM address).
int phoenix_spend(const Options& o, bool unshield) {
  require_amount(o);
  const auto contents = open_wallet(o);
  const wallet::AccountKeys keys = derive_keys(contents, o.index);
  const ph::SecretKey sk = phoenix_key(contents, o.index);
  const ph::PublicKey receiver = unshield ? sk.public_key() : parse_phoenix_key(o.phoenix_to);
  const Node node(o);
  const Json info = phoenix_info(node);
  node.post("/v1/phoenix/prepare", Json::object());  // the node makes its keys meanwhile
  const u64 chain = chain_id(node);
  const size_t max_inputs = field<u64>(info, "max_inputs", "GET /v1/phoenix");
  const u64 price = std::max(o.gas_price, field<u64>(info, "min_gas_price", "GET /v1/phoenix"));
  const Synced synced = sync_notes(node);
  std::vector<ph::OwnedNote> notes = unspent_notes(node, sk, synced.notes);
  std::sort(notes.begin(), notes.end(),
            [](const ph::OwnedNote& a, const ph::OwnedNote& b) { return a.opening.value > b.opening.value; });

  // The fewest notes (largest first) that cover amount + fee; the fee grows with inputs.
  ph::SpendRequest req;
  req.chain_id = chain;
  req.receiver = receiver;
  req.amount = unshield ? 0 : o.amount;
  if (unshield) {
    req.deposit = o.amount;
    const vm::VmAddress own = vm::vm_address(keys.bls_public_key);
    std::copy(own.begin(), own.end(), req.deposit_to.begin());
  }
  u128 need = 0;
  for (size_t n = 1; n <= std::min(max_inputs, notes.size()) && req.inputs.empty(); ++n) {
    const u64 gas = info["gas"].value(std::to_string(n), vm::phoenix_gas(n));
    const u64 fee = o.max_fee ? *o.max_fee : gas * price;
    need = u128{o.amount} + fee;
    u128 have = 0;
    for (size_t i = 0; i < n; ++i) have += notes[i].opening.value;
    if (have >= need) {
      req.inputs.assign(notes.begin(), notes.begin() + static_cast<long>(n));
      req.max_fee = fee;
    }
  }
  if (req.inputs.empty())
    fail(kExitFailed, "the unspent notes (" + lux_text(to_decimal(total_of(notes))) + " in " +
                          std::to_string(notes.size()) + ") cannot pay " + lux_text(std::to_string(o.amount)) +
                          " and the fee with at most " + std::to_string(max_inputs) +
                          " notes (send to yourself to merge notes)");

  const size_t n = req.inputs.size();
  ph::Setup setup{info["setup"].value("srs", std::string()), max_inputs};
  if (!o.srs_file.empty()) setup.srs = o.srs_file;
  const auto prover_key = proving_key(o, setup, n);
  auto spend = ph::prepare_spend(sk, req, synced.tree, ph::SpendRandomness::fresh());
  if (!spend.ok()) fail(kExitFailed, spend.error().message);
  if (!o.json) std::cerr << "Proving the spend of " << n << " note(s)...\n";
  const auto t0 = std::chrono::steady_clock::now();
  if (auto proved = ph::prove_spend(*prover_key, *spend); !proved.ok()) fail(kExitFailed, proved.error().message);
  if (!o.json)
    std::cerr << "Proved in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count()
              << " ms; fee " << lux_text(std::to_string(req.max_fee)) << "\n";

  // The node's verifier key must be ready before the submission (which waits for it).
  for (int i = 0; i < 600; ++i) {
    const Json now = node.get("/v1/phoenix");
    if (now.value("keys_ready", Json::object()).value(std::to_string(n), false)) break;
    if (i == 0 && !o.json) std::cerr << "Waiting for the node's verifier key...\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  vm::VmTransaction tx;
  tx.kind = vm::VmTxKind::kPhoenix;
  tx.chain_id = chain;
  tx.phoenix = spend->transaction.encode();
  const Bytes bytes = vm::encode_vm_transaction(tx);
  const std::string id = submit(node, "duskvm", bytes, vm::vm_transaction_id(bytes));
  // The transaction itself too, for scripts that keep a record of what they sent.
  return finish(o, node, id, "duskvm", o.wait, {{"transaction", hex(bytes)}});
}

int audit(const Options& o) {
  const auto bytes = parse_fixed<64>(o.view_key, "--view-key");
  const auto vk = ph::ViewKey::decode(bytes);
  if (!vk) fail(kExitUsage, "--view-key: not a view key (64 bytes hex, from dusk view-key)");
  const Node node(o);
  phoenix_info(node);
  const Synced synced = sync_notes(node);
  const auto notes = ph::scan(*vk, synced.notes);
  const u128 total = total_of(notes);
  if (o.json) {
    print_json({{"height", synced.height}, {"received_lux", to_decimal(total)}, {"notes", notes_json(notes)}});
    return kExitOk;
  }
  std::cout << "At height " << synced.height << ", the view key owns " << notes.size() << " note(s), "
            << lux_text(to_decimal(total)) << " received in all\n";
  print_notes(notes);
  std::cerr << "A view key cannot tell which notes are spent: that takes the secret key (dusk phoenix balance).\n";
  return kExitOk;
}

int tx_command(const Options& o) {
  const auto id = hex(parse_fixed<32>(o.tx_id, "--id"));
  const Node node(o);
  if (o.wait != WaitFor::kNone) {
    // Not found yet may be an EVM transaction still in its pool: then wait it out.
    const NodeReply first = node.raw_get("/v1/transactions/" + id);
    const std::string layer = first.ok() ? first.body.value("layer", "duskds") : "";
    return finish(o, node, id, layer, o.wait);
  }
  const NodeReply reply = node.raw_get("/v1/transactions/" + id);
  if (reply.status == 404) fail(kExitFailed, "no transaction " + id + " on any layer");
  if (!reply.ok()) fail(reply.status >= 500 ? kExitNode : kExitFailed, "the node refused: " + reply.error_message());
  if (o.json) print_json(reply.body);
  else print_record(reply.body);
  return failure_of(reply.body).empty() ? kExitOk : kExitFailed;
}

int dispatch(const Options& o) {
  switch (o.command) {
    case Command::kCreate:
    case Command::kRestore: return create_or_restore(o);
    case Command::kAddress: return address(o);
    case Command::kExportPhrase: return export_phrase(o);
    case Command::kViewKey: return view_key(o);
    case Command::kBalance: return balance(o);
    case Command::kTransfer: return transfer(o);
    case Command::kStake: return stake_kind(o, ds::TxKind::kStake);
    case Command::kUnstake: return stake_kind(o, ds::TxKind::kUnstake);
    case Command::kWithdrawStake: return stake_kind(o, ds::TxKind::kWithdraw);
    case Command::kBridgeDeposit: return bridge_deposit(o);
    case Command::kBridgeWithdraw: return bridge_withdraw(o);
    case Command::kContractDeploy: return contract_deploy(o);
    case Command::kContractCall: return contract_call(o);
    case Command::kContractQuery: return contract_query(o);
    case Command::kTx: return tx_command(o);
    case Command::kPhoenixBalance: return phoenix_balance(o);
    case Command::kPhoenixShield: return phoenix_shield(o);
    case Command::kPhoenixSend: return phoenix_spend(o, false);
    case Command::kPhoenixUnshield: return phoenix_spend(o, true);
    case Command::kAudit: return audit(o);
  }
  return kExitUsage;
}

}  // namespace

int run_command(const Options& options) {
  try {
    return dispatch(options);
  } catch (const CliError& e) {
    std::fprintf(stderr, "dusk: %s\n", e.message.c_str());
    return e.status;
  } catch (const std::exception& e) {  // a bug, or out of memory: still one line and a status
    std::fprintf(stderr, "dusk: %s\n", e.what());
    return kExitFailed;
  }
}

}  // namespace dusk::wallet_cli
