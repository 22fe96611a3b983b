// The dusk wallet end to end: a development chain (duskd --dev --block-time 0) driven
// only through the dusk binary with --json, the development phrase restored into a
// temporary wallet. Transfers and stakes with exact balances and fees (and the
// generator's rewards on account 0), the token example contract deployed, called and
// queried, DUSK bridged DuskDS -> DuskEVM and -> DuskVM and back (withdrawals credited
// once their block is final), the node's supply identity checked at each step, and the
// failures a user meets (wrong password, no wallet, unreachable node, a refusal, a
// failed call) each with its exit status. duskd is SIGKILLed and reaped at the end of
// every test, pass or fail (test::DuskdProcess).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/duskd_process.hpp"
#include "support/http_client.hpp"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using dusk::test::DuskdProcess;

constexpr const char* kDevPhrase = "test test test test test test test test test test test junk";
constexpr unsigned long long kLux = 1'000'000'000ULL;  // per DUSK

struct DuskRun {
  int status = -1;
  std::string out, err;
  Json json;
};

std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p).rdbuf();
  return s.str();
}

// Decimal strings as the node gives amounts, compared and added as 128-bit integers.
unsigned __int128 big(const Json& j) {
  const std::string s = j.is_string() ? j.get<std::string>() : std::to_string(j.get<unsigned long long>());
  unsigned __int128 v = 0;
  for (char c : s) v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}
std::string text(unsigned __int128 v) {
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return s;
}

class WalletE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dusk_wallet_e2e_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    node_ = std::make_unique<DuskdProcess>(
        DUSKD_BINARY,
        std::vector<std::string>{"--dev", "--datadir", (dir_ / "data").string(), "--api", "127.0.0.1:0",
                                 "--block-time", "0", "--log-level", "warn"},
        dir_ / "logs");
    ASSERT_TRUE(node_->ok()) << node_->log();
    url_ = "http://127.0.0.1:" + std::to_string(node_->port());
    std::ofstream(dir_ / "password") << "correct horse\n";
    DuskRun r = dusk({"restore", "--phrase", kDevPhrase, "--kdf", "minimum"});
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_EQ(r.json["duskevm"], "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  }
  void TearDown() override {
    node_.reset();  // SIGKILL and reap
    fs::remove_all(dir_);  // failures printed what they need (dusk's stderr, duskd's log)
  }

  // Runs dusk with `args` and the wallet, node, password and --json options; kills it
  // after 300 s.
  DuskRun dusk(std::vector<std::string> args, bool common = true) {
    if (common) {
      for (const std::string& a : {std::string("--node"), url_, std::string("--wallet"), wallet()}) args.push_back(a);
      args.push_back("--password-file");
      args.push_back((dir_ / "password").string());
      args.push_back("--json");
    }
    const fs::path out = dir_ / "dusk.out", err = dir_ / "dusk.err";
    const pid_t pid = fork();
    if (pid == 0) {
      const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int in = open("/dev/null", O_RDONLY);
      dup2(o, 1);
      dup2(e, 2);
      dup2(in, 0);
      unsetenv("DUSK_PASSWORD");
      std::vector<char*> argv{const_cast<char*>(DUSK_BINARY)};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(DUSK_BINARY, argv.data());
      _exit(127);
    }
    DuskRun r;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
    while (waitpid(pid, &status, WNOHANG) != pid) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    r.json = Json::parse(r.out, nullptr, false);
    return r;
  }
  // A command that must succeed; its JSON.
  Json ok(std::vector<std::string> args) {
    std::string line;
    for (const auto& a : args) line += a + " ";
    DuskRun r = dusk(std::move(args));
    EXPECT_EQ(r.status, 0) << "dusk " << line << "\n" << r.err << r.out << "\n" << node_->log();
    return r.json;
  }
  std::string wallet() const { return (dir_ / "wallet").string(); }

  Json address(int index) { return ok({"address", "--index", std::to_string(index)}); }
  Json balance(int index) { return ok({"balance", "--index", std::to_string(index)}); }
  unsigned __int128 ds_balance(int index) { return big(balance(index)["duskds"]["balance_lux"]); }

  void expect_consistent_supply(const std::string& step) {
    auto r = dusk::test::http_get(node_->port(), "/v1/supply");
    ASSERT_EQ(r.status, 200) << r.body;
    const Json s = Json::parse(r.body);
    EXPECT_TRUE(s["consistent"].get<bool>()) << step << ": " << s.dump();
  }

  // One more block: a transfer of 1 LUX from account 0 to account 9, included.
  void next_block() {
    ok({"transfer", "--to", address(9)["duskds"], "--amount", "0.000000001", "--wait", "included"});
  }

  // Adds blocks (at most `blocks`) until account `index`'s DuskDS balance is `want`.
  void wait_for_ds_balance(int index, unsigned __int128 want, int blocks = 6) {
    for (int i = 0; i <= blocks; ++i) {
      if (ds_balance(index) == want) return;
      next_block();
    }
    ADD_FAILURE() << "account " << index << ": balance " << text(ds_balance(index)) << ", expected " << text(want);
  }

  fs::path dir_;
  std::string url_;
  std::unique_ptr<DuskdProcess> node_;
};

TEST_F(WalletE2e, AddressesBalancesAndTransfers) {
  const Json a0 = address(0), a1 = address(1);
  EXPECT_EQ(a1["duskevm"], "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  const Json b0 = balance(0), b1 = balance(1);
  EXPECT_EQ(b1["duskds"]["balance_lux"], text(1'000'000 * kLux));
  EXPECT_EQ(b1["duskds"]["balance_dusk"], "1000000");
  EXPECT_EQ(b1["duskds"]["nonce"], 0);
  EXPECT_TRUE(b1["duskds"]["stake"].is_null());
  EXPECT_EQ(b1["duskevm"]["balance_wei"], "10000000000000000000000");
  EXPECT_EQ(b1["duskevm"]["balance_dusk"], "10000");
  EXPECT_EQ(b1["duskvm"]["balance_lux"], text(10'000 * kLux));
  EXPECT_EQ(b0["duskds"]["stake"]["value_lux"], text(1'000 * kLux));  // the generator's genesis stake
  expect_consistent_supply("genesis");

  // 12.5 DUSK from account 0 to account 1, followed until final.
  const Json t = ok({"transfer", "--to", a1["duskds"], "--amount", "12.5", "--memo", "e2e", "--wait", "final"});
  EXPECT_EQ(t["layer"], "duskds");
  EXPECT_EQ(t["status"], "included");
  EXPECT_EQ(t["finality"], "final");
  EXPECT_EQ(t["fee"], std::to_string(20'000 + 16 * 3));
  EXPECT_EQ(ds_balance(1), 1'000'012'500'000'000ULL);
  // Account 0 paid 12.5 DUSK and the fee, got the fee back as generator, and earned
  // block rewards: more than it had minus 12.5 DUSK.
  const Json after0 = balance(0);
  EXPECT_EQ(after0["duskds"]["nonce"], 1);
  EXPECT_GT(big(after0["duskds"]["balance_lux"]), big(b0["duskds"]["balance_lux"]) - 12'500'000'000ULL);
  expect_consistent_supply("transfer");

  // `tx` shows it again; an unknown id is exit status 1.
  const Json again = ok({"tx", "--id", t["id"]});
  EXPECT_EQ(again["height"], t["height"]);
  DuskRun unknown = dusk({"tx", "--id", std::string(64, '0')});
  EXPECT_EQ(unknown.status, 1) << unknown.err;
  EXPECT_NE(unknown.err.find("no transaction"), std::string::npos) << unknown.err;

  // Text output for people.
  DuskRun text_balance = dusk({"balance", "--node", url_, "--wallet", wallet()}, false);
  EXPECT_EQ(text_balance.status, 0) << text_balance.err;
  EXPECT_NE(text_balance.out.find("balance 10000 DUSK (10000000000000000000000 wei)"), std::string::npos)
      << text_balance.out;
}

TEST_F(WalletE2e, StakeUnstakeWithdraw) {
  const unsigned __int128 start = ds_balance(1);
  Json s = ok({"stake", "--index", "1", "--amount", "1000", "--wait", "included"});
  EXPECT_EQ(s["fee"], "50000");
  Json b = balance(1);
  EXPECT_EQ(b["duskds"]["stake"]["value_lux"], text(1'000 * kLux));
  EXPECT_EQ(b["duskds"]["stake"]["pending_lux"], "0");
  EXPECT_EQ(big(b["duskds"]["balance_lux"]), start - 1'000 * kLux - 50'000);
  expect_consistent_supply("stake");

  // Below the minimum what stays staked: refused by the node, exit status 1.
  DuskRun partial = dusk({"unstake", "--index", "1", "--amount", "400"});
  EXPECT_EQ(partial.status, 1) << partial.err;
  EXPECT_NE(partial.err.find("the node refused"), std::string::npos) << partial.err;

  ok({"unstake", "--index", "1", "--amount", "1000", "--wait", "included"});
  b = balance(1);
  EXPECT_EQ(b["duskds"]["stake"]["value_lux"], "0");
  EXPECT_EQ(b["duskds"]["stake"]["pending_lux"], text(1'000 * kLux));
  ok({"withdraw-stake", "--index", "1", "--amount", "1000", "--wait", "final"});
  b = balance(1);
  EXPECT_TRUE(b["duskds"]["stake"].is_null()) << b.dump();  // nothing staked or pending: no stake
  EXPECT_EQ(big(b["duskds"]["balance_lux"]), start - 50'000 - 50'000 - 30'000);
  EXPECT_EQ(b["duskds"]["nonce"], 3);
  expect_consistent_supply("unstake and withdraw");

  // The generator's rewards: account 0 holds more than its genesis balance.
  EXPECT_GT(ds_balance(0), 1'000'000 * kLux);
}

TEST_F(WalletE2e, TokenContract) {
  const Json a1 = address(1);
  const unsigned __int128 vm_before = big(balance(0)["duskvm"]["balance_lux"]);
  // init(supply = 1,000,000): u64 little-endian.
  const Json d = ok({"contract", "deploy", "--wasm", TOKEN_WASM, "--init-hex", "40420f0000000000"});
  ASSERT_TRUE(d.contains("contract")) << d.dump();
  const std::string token = d["contract"];
  EXPECT_TRUE(d["ok"].get<bool>());
  expect_consistent_supply("deploy");

  Json q = ok({"contract", "query", "--contract", token, "--function", "total_supply"});
  EXPECT_EQ(big(q["value"]["supply"]), 1'000'000u) << q.dump();

  const Json c = ok({"contract", "call", "--contract", token, "--function", "transfer", "--args",
                     Json{{"to", "0x" + a1["duskvm"].get<std::string>()}, {"amount", 250}}.dump(), "--wait", "included"});
  EXPECT_TRUE(c["ok"].get<bool>()) << c.dump();
  q = ok({"contract", "query", "--contract", token, "--function", "balance_of", "--args",
          Json{{"account", "0x" + a1["duskvm"].get<std::string>()}}.dump()});
  EXPECT_EQ(big(q["value"]["balance"]), 250u) << q.dump();
  q = ok({"contract", "query", "--contract", token, "--function", "balance_of", "--args",
          Json{{"account", "0x" + address(0)["duskvm"].get<std::string>()}}.dump()});
  EXPECT_EQ(big(q["value"]["balance"]), 1'000'000u - 250u) << q.dump();

  // A call that fails in the contract is included, pays its gas, and exits 1.
  DuskRun fails = dusk({"contract", "call", "--index", "1", "--contract", token, "--function", "transfer", "--args",
                    Json{{"to", "0x" + address(2)["duskvm"].get<std::string>()}, {"amount", 251}}.dump(), "--wait", "included"});
  EXPECT_EQ(fails.status, 1) << fails.err << fails.out;
  EXPECT_FALSE(fails.json["ok"].get<bool>());
  EXPECT_NE(fails.err.find("insufficient balance"), std::string::npos) << fails.err;
  // Arguments the description refuses never make a transaction.
  DuskRun bad_args = dusk({"contract", "call", "--contract", token, "--function", "transfer", "--args", "{\"to\": 1}"});
  EXPECT_EQ(bad_args.status, 1) << bad_args.err;
  EXPECT_NE(bad_args.err.find("bad_args"), std::string::npos) << bad_args.err;

  // Gas paid on DuskVM by account 0: the deploy's and the call's fees, nothing else.
  const unsigned __int128 fees = big(d["fee"]) + big(c["fee"]);
  EXPECT_EQ(big(balance(0)["duskvm"]["balance_lux"]), vm_before - fees);
  expect_consistent_supply("calls");
}

TEST_F(WalletE2e, BridgeThereAndBack) {
  const Json a0 = address(0), a1 = address(1);
  const Json b0 = balance(0);
  const unsigned __int128 evm0 = big(b0["duskevm"]["balance_wei"]);
  const unsigned __int128 vm0 = big(b0["duskvm"]["balance_lux"]);

  // DuskDS -> DuskEVM and -> DuskVM, credited in the deposit's block.
  Json dep = ok({"bridge", "deposit", "--to-evm", a0["duskevm"], "--amount", "10", "--wait", "included"});
  EXPECT_EQ(dep["fee"], "30000");
  EXPECT_EQ(big(balance(0)["duskevm"]["balance_wei"]), evm0 + 10 * kLux * kLux);
  expect_consistent_supply("deposit to DuskEVM");
  ok({"bridge", "deposit", "--to-duskvm", a0["duskvm"], "--amount", "5", "--wait", "included"});
  EXPECT_EQ(big(balance(0)["duskvm"]["balance_lux"]), vm0 + 5 * kLux);
  expect_consistent_supply("deposit to DuskVM");

  // DuskEVM -> DuskDS, to account 1 (account 0 also earns rewards, account 1 only this).
  const unsigned __int128 ds1 = ds_balance(1);
  Json w = ok({"bridge", "withdraw", "--from", "evm", "--amount", "3", "--to", a1["duskds"], "--wait", "final"});
  EXPECT_EQ(w["layer"], "duskevm");
  EXPECT_TRUE(w["success"].get<bool>()) << w.dump();
  const unsigned __int128 evm_after = big(balance(0)["duskevm"]["balance_wei"]);
  EXPECT_LT(evm_after, evm0 + 7 * kLux * kLux);                     // 3 DUSK and the fees left
  EXPECT_GT(evm_after, evm0 + 7 * kLux * kLux - kLux * kLux / 100);  // fees well below 0.01 DUSK
  expect_consistent_supply("EVM withdrawal in flight");
  wait_for_ds_balance(1, ds1 + 3 * kLux);
  expect_consistent_supply("EVM withdrawal credited");
  EXPECT_EQ(ok({"tx", "--id", w["id"]})["success"], true);

  // DuskVM -> DuskDS.
  Json v = ok({"bridge", "withdraw", "--from", "duskvm", "--amount", "2", "--to", a1["duskds"], "--wait", "final"});
  EXPECT_EQ(v["layer"], "duskvm");
  EXPECT_TRUE(v["ok"].get<bool>()) << v.dump();
  EXPECT_EQ(big(balance(0)["duskvm"]["balance_lux"]), vm0 + 5 * kLux - 2 * kLux - big(v["fee"]));
  wait_for_ds_balance(1, ds1 + 5 * kLux);
  expect_consistent_supply("DuskVM withdrawal credited");

  // Withdrawing more than the lane holds: refused by the lane's pool, exit status 1.
  DuskRun too_much = dusk({"bridge", "withdraw", "--from", "duskvm", "--amount", "1000000"});
  EXPECT_EQ(too_much.status, 1) << too_much.err;
}

TEST_F(WalletE2e, PhoenixShieldPayUnshieldAndAudit) {
  const Json a0 = address(0), a1 = address(1);
  const Json k0 = ok({"view-key", "--index", "0"}), k1 = ok({"view-key", "--index", "1"});
  const auto phoenix_balance = [&](int index) { return ok({"phoenix", "balance", "--index", std::to_string(index)}); };
  const auto vm_balance = [&](int index) { return big(balance(index)["duskvm"]["balance_lux"]); };
  const Json info = Json::parse(dusk::test::http_get(node_->port(), "/v1/phoenix").body);
  ASSERT_TRUE(info["enabled"].get<bool>()) << info.dump();
  EXPECT_TRUE(info["setup"]["insecure"].get<bool>());  // the development chain says so
  const unsigned __int128 fee1 = info["gas"]["1"].get<unsigned long long>() * info["min_gas_price"].get<unsigned long long>();

  // Account 0 shields 50 DUSK from its DuskVM balance.
  const unsigned __int128 vm0 = vm_balance(0);
  Json shield = ok({"phoenix", "shield", "--amount", "50", "--wait", "included"});
  EXPECT_TRUE(shield["ok"].get<bool>()) << shield.dump();
  EXPECT_EQ(vm_balance(0), vm0 - 50 * kLux - big(shield["fee"]));
  Json p0 = phoenix_balance(0);
  EXPECT_EQ(big(p0["balance_lux"]), 50 * kLux);
  ASSERT_EQ(p0["notes"].size(), 1u);
  expect_consistent_supply("shielded");

  // It pays account 1 20 DUSK privately; the change comes back as a note.
  Json pay = ok({"phoenix", "send", "--to", k1["phoenix_public_key"], "--amount", "20", "--wait", "included"});
  EXPECT_TRUE(pay["ok"].get<bool>()) << pay.dump();
  EXPECT_EQ(pay["kind"], "phoenix");
  EXPECT_EQ(big(pay["fee"]), fee1);
  EXPECT_EQ(big(phoenix_balance(0)["balance_lux"]), 30 * kLux - fee1);
  Json p1 = phoenix_balance(1);
  EXPECT_EQ(big(p1["balance_lux"]), 20 * kLux);
  expect_consistent_supply("paid privately");

  // The same transaction again is a double spend: refused, nothing changes.
  auto again = dusk::test::http_post(node_->port(), "/v1/transactions",
                                     Json{{"layer", "duskvm"}, {"tx", pay["transaction"]}}.dump());
  EXPECT_EQ(again.status, 400) << again.body;
  EXPECT_NE(again.body.find("already spent"), std::string::npos) << again.body;
  EXPECT_EQ(big(phoenix_balance(1)["balance_lux"]), 20 * kLux);
  // A forged proof is refused before anything else (it is verified off the chain's lock).
  std::string forged = pay["transaction"];
  char& digit = forged[forged.size() - 10];
  digit = digit == '0' ? '1' : '0';
  auto bad_proof = dusk::test::http_post(node_->port(), "/v1/transactions",
                                         Json{{"layer", "duskvm"}, {"tx", forged}}.dump());
  EXPECT_EQ(bad_proof.status, 400) << bad_proof.body;
  EXPECT_NE(bad_proof.body.find("does not verify"), std::string::npos) << bad_proof.body;

  // The wallet kept the proving key it made; a damaged copy is made again.
  std::vector<fs::path> cached;
  for (const auto& e : fs::directory_iterator(fs::path(wallet()) / "phoenix-keys")) cached.push_back(e.path());
  ASSERT_EQ(cached.size(), 1u);
  {
    std::fstream f(cached[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(1000);
    f.put('\x5a');
  }

  // Account 1 unshields 10 DUSK to its own DuskVM account.
  const unsigned __int128 vm1 = vm_balance(1);
  DuskRun unshield = dusk({"phoenix", "unshield", "--index", "1", "--amount", "10", "--wait", "included"});
  ASSERT_EQ(unshield.status, 0) << unshield.err;
  EXPECT_NE(unshield.err.find("is damaged: making it again"), std::string::npos) << unshield.err;
  const Json out = unshield.json;
  EXPECT_TRUE(out["ok"].get<bool>()) << out.dump();
  EXPECT_EQ(out["deposit_to"], a1["duskvm"]);
  EXPECT_EQ(vm_balance(1), vm1 + 10 * kLux);
  EXPECT_EQ(big(phoenix_balance(1)["balance_lux"]), 10 * kLux - fee1);
  expect_consistent_supply("unshielded");

  // An auditor with account 1's view key sees exactly its notes, spent or not: the 20
  // received, then the unshielding's two outputs (both its own: nothing paid, the
  // change); none of account 0's.
  Json seen1 = ok({"audit", "--view-key", k1["view_key"]});
  ASSERT_EQ(seen1["notes"].size(), 3u) << seen1.dump();
  EXPECT_EQ(big(seen1["notes"][0]["value_lux"]), 20 * kLux);
  EXPECT_EQ(big(seen1["notes"][1]["value_lux"]), 0u);
  EXPECT_EQ(big(seen1["notes"][2]["value_lux"]), 10 * kLux - fee1);
  Json seen0 = ok({"audit", "--view-key", k0["view_key"]});
  ASSERT_EQ(seen0["notes"].size(), 2u) << seen0.dump();
  EXPECT_EQ(big(seen0["notes"][0]["value_lux"]), 50 * kLux);
  EXPECT_EQ(big(seen0["notes"][1]["value_lux"]), 30 * kLux - fee1);
  const Json all = Json::parse(dusk::test::http_get(node_->port(), "/v1/phoenix").body);
  EXPECT_EQ(all["notes"], 5u);  // the shield, two outputs of each spend
  EXPECT_EQ(big(all["pool"]), 50 * kLux - 2 * fee1 - 10 * kLux);
  // A key that is no view key is refused as a usage error.
  DuskRun bad = dusk({"audit", "--view-key", std::string(128, 'f')});
  EXPECT_EQ(bad.status, 2) << bad.err;
}

TEST_F(WalletE2e, Failures) {
  // Wrong password: exit status 3, and nothing is sent.
  std::ofstream(dir_ / "wrong") << "not it\n";
  DuskRun wrong = dusk({"transfer", "--to", address(1)["duskds"], "--amount", "1", "--password-file",
                    (dir_ / "wrong").string(), "--node", url_, "--wallet", wallet()},
                   false);
  EXPECT_EQ(wrong.status, 3) << wrong.err;
  EXPECT_NE(wrong.err.find("wrong password"), std::string::npos) << wrong.err;
  EXPECT_EQ(balance(0)["duskds"]["nonce"], 0);

  // No wallet in the directory: 3.
  DuskRun none = dusk({"balance", "--wallet", (dir_ / "nowhere").string(), "--node", url_}, false);
  EXPECT_EQ(none.status, 3) << none.err;
  EXPECT_NE(none.err.find("no wallet in"), std::string::npos) << none.err;
  // A second restore into the same directory: 3.
  DuskRun twice = dusk({"restore", "--phrase", kDevPhrase, "--kdf", "minimum"});
  EXPECT_EQ(twice.status, 3) << twice.err;
  // A bad phrase: 2.
  DuskRun bad_phrase = dusk({"restore", "--phrase", "test test test", "--wallet", (dir_ / "w2").string(),
                         "--password-file", (dir_ / "password").string()},
                        false);
  EXPECT_EQ(bad_phrase.status, 2) << bad_phrase.err;
  // No password and no terminal: 3, with the ways to give one.
  DuskRun no_password = dusk({"export-phrase", "--wallet", wallet()}, false);
  EXPECT_EQ(no_password.status, 3) << no_password.err;
  EXPECT_NE(no_password.err.find("--password-file"), std::string::npos) << no_password.err;
  EXPECT_EQ(ok({"export-phrase"})["phrase"], kDevPhrase);
  // The Phoenix keys: asks the password too; one per account, the same every time, and
  // the view key's B is the public key's B (its second half).
  DuskRun vk_no_password = dusk({"view-key", "--wallet", wallet()}, false);
  EXPECT_EQ(vk_no_password.status, 3) << vk_no_password.err;
  const Json vk0 = ok({"view-key"}), vk1 = ok({"view-key", "--index", "1"});
  EXPECT_EQ(ok({"view-key"}), vk0);
  EXPECT_NE(vk0["view_key"], vk1["view_key"]);
  const std::string pk0 = vk0["phoenix_public_key"], key0 = vk0["view_key"];
  ASSERT_EQ(pk0.size(), 128u);
  ASSERT_EQ(key0.size(), 128u);
  EXPECT_EQ(key0.substr(64), pk0.substr(64));

  // More than the balance: the node refuses, 1, with its reason.
  DuskRun broke = dusk({"transfer", "--to", address(1)["duskds"], "--amount", "2000000"});
  EXPECT_EQ(broke.status, 1) << broke.err;
  EXPECT_NE(broke.err.find("the node refused"), std::string::npos) << broke.err;
  // A key that is not one: 2.
  DuskRun bad_key = dusk({"transfer", "--to", "abcd", "--amount", "1"});
  EXPECT_EQ(bad_key.status, 2) << bad_key.err;

  // The node gone: 4.
  node_->kill();
  DuskRun gone = dusk({"balance"});
  EXPECT_EQ(gone.status, 4) << gone.err;
  EXPECT_NE(gone.err.find("cannot reach the node at " + url_), std::string::npos) << gone.err;
}

}  // namespace
