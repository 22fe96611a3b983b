// duskd end to end, through its HTTP API: the development chain comes up and produces
// final blocks; malformed and oversized bodies, bad signatures, wrong nonces and wrong
// chain ids are refused with clear errors and change nothing; a transfer is included and
// becomes final; a stopped (SIGTERM) or killed (SIGKILL) node resumes its chain; and, under
// load, 50 SIGKILLs at random moments (DUSK_CRASH_ROUNDS for more) each restart to a
// verified tip that still holds every block the API had shown, and whose Phoenix ledger
// (shields run in the load) holds exactly the notes of the shields included; an EIP-4844 blob
// transaction is included and its blobs served.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <filesystem>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "duskds/gas_schedule.hpp"
#include "duskds/transaction_codec.hpp"
#include "crypto/hash/keccak.hpp"
#include "duskvm/phoenix/keys.hpp"
#include "duskvm/phoenix/stealth_address.hpp"
#include "node/dev_network.hpp"
#include "support/blob_tx.hpp"
#include "support/duskd_process.hpp"
#include "support/http_client.hpp"
#include "support/kill_at_random.hpp"
#include "unit/node/http_test_client.hpp"

namespace dusk::node {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using test::DuskdProcess;
using test::http_get;
using test::http_post;

class DuskdTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto a = dev_accounts(kDevAccounts);
    ASSERT_TRUE(a.ok());
    accounts_ = new std::vector<DevAccount>(std::move(*a));
  }
  static void TearDownTestSuite() { delete accounts_; }
  static const DevAccount& who(size_t i) { return (*accounts_)[i]; }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("duskd_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    node_.reset();
    fs::remove_all(dir_);
  }
  void start(const std::string& block_time) {
    node_.reset();
    node_ = std::make_unique<DuskdProcess>(
        DUSKD_BINARY,
        std::vector<std::string>{"--dev", "--datadir", (dir_ / "data").string(), "--api", "127.0.0.1:0",
                                 "--block-time", block_time, "--log-level", "warn"},
        dir_ / "logs");
    ASSERT_TRUE(node_->ok()) << node_->log();
  }
  Json get(const std::string& target, int expect = 200) {
    auto r = http_get(node_->port(), target);
    EXPECT_EQ(r.status, expect) << target << ": " << r.body;
    return Json::parse(r.body, nullptr, false);
  }
  // Waits until `done(info)` holds for GET /v1/info.
  template <typename F>
  Json wait_info(F done, std::chrono::seconds timeout = std::chrono::seconds(30)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Json info;
    while (std::chrono::steady_clock::now() < deadline) {
      info = get("/v1/info");
      if (info.is_object() && done(info)) return info;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "timed out; last info " << info.dump() << "\n" << node_->log();
    return info;
  }
  u64 ds_nonce(size_t i) { return get("/v1/accounts/" + to_hex(who(i).ds_key))["nonce"]; }
  std::string ds_balance(size_t i) { return get("/v1/accounts/" + to_hex(who(i).ds_key))["balance"]; }
  static Bytes transfer(size_t from, size_t to, u64 nonce, u64 amount, u64 chain_id = kDevChainId) {
    ds::Transaction tx;
    tx.kind = ds::TxKind::kTransfer;
    tx.chain_id = chain_id;
    tx.sender = who(from).ds_key;
    tx.receiver = who(to).ds_key;
    tx.nonce = nonce;
    tx.gas_price = 1;
    tx.amount = amount;
    tx.gas_limit = ds::transaction_gas(tx);
    ds::sign_transaction(tx, who(from).ds_secret);
    return ds::encode_transaction(tx);
  }
  u64 vm_nonce(size_t i) { return get("/v1/duskvm/accounts/" + to_hex(who(i).ds_key))["nonce"]; }
  // A shield of `amount` LUX from account `from`'s DuskVM balance to a Phoenix key.
  static Bytes shield(size_t from, u64 nonce, u64 amount) {
    static const duskvm::phoenix::PublicKey to = [] {
      const std::array<u8, 1> seed{7};
      return duskvm::phoenix::SecretKey::derive(seed, 0).public_key();
    }();
    vm::VmTransaction t;
    t.kind = vm::VmTxKind::kShield;
    t.chain_id = kDevChainId;
    t.sender = who(from).ds_key;
    t.nonce = nonce;
    t.gas_limit = vm::kVmShieldGas;
    t.gas_price = 1;
    t.stealth = to.stealth_address(duskvm::phoenix::Scalar::from_u64(nonce + 1)).encode();
    t.amount = amount;
    vm::sign_vm_transaction(t, who(from).ds_secret);
    return vm::encode_vm_transaction(t);
  }
  static std::string submit_body(const Bytes& tx) { return Json{{"layer", "duskds"}, {"tx", to_hex(tx)}}.dump(); }

  static inline std::vector<DevAccount>* accounts_ = nullptr;
  fs::path dir_;
  std::unique_ptr<DuskdProcess> node_;
};

TEST_F(DuskdTest, RefusesBadInputAndChangesNothing) {
  start("0");  // blocks only when a transaction waits
  const Json info = get("/v1/info");
  EXPECT_EQ(info["chain_id"], kDevChainId);
  const u64 height = info["height"];
  const std::string balance1 = ds_balance(1);
  const u16 port = node_->port();
  auto refused = [&](const std::string& target, const std::string& body, int status,
                     const std::string& code) -> std::string {
    auto r = http_post(port, target, body);
    EXPECT_EQ(r.status, status) << body.substr(0, 200) << " -> " << r.body;
    const Json j = Json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("error")) {
      ADD_FAILURE() << "no error object: " << r.body;
      return {};
    }
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
    return j["error"]["message"].get<std::string>();
  };
  refused("/v1/transactions", "{\"tx\": ", 400, "bad_json");
  refused("/v1/transactions", "[1, 2]", 400, "bad_body");
  refused("/v1/transactions", "{\"tx\": \"zz\"}", 400, "bad_tx");
  refused("/v1/transactions", "{\"tx\": \"00\", \"layer\": \"bitcoin\"}", 400, "bad_layer");
  EXPECT_EQ(http_post(port, "/v1/transactions", std::string(2'700'000, ' ')).status, 413);  // above 2 x 1.31 MB + 64 KiB
  EXPECT_EQ(http_get(port, "/v1/nothing").status, 404);
  EXPECT_EQ(http_get(port, "/v1/accounts/1234").status, 400);
  EXPECT_EQ(http_get(port, "/v1/blocks/99999").status, 404);

  Bytes forged = transfer(1, 2, 0, 1'000);
  forged[131] ^= 1;  // a byte of the amount: the signature no longer matches
  EXPECT_NE(refused("/v1/transactions", submit_body(forged), 400, "rejected").find("signature"), std::string::npos);
  EXPECT_NE(refused("/v1/transactions", submit_body(transfer(1, 2, 1'000, 1'000)), 400, "rejected").find("nonce"),
            std::string::npos);
  EXPECT_NE(refused("/v1/transactions", submit_body(transfer(1, 2, 0, 1'000, kDevChainId + 1)), 400, "rejected")
                .find("chain"),
            std::string::npos);
  Bytes garbage = transfer(1, 2, 0, 1'000);
  garbage.resize(100);
  refused("/v1/transactions", submit_body(garbage), 400, "rejected");

  // Nothing of that changed anything: no block, no balance.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(get("/v1/info")["height"], height);
  EXPECT_EQ(ds_balance(1), balance1);
  EXPECT_EQ(get("/v1/metrics")["mempool"]["duskds"], 0);

  // A good transfer is included and becomes final (the next block confirms it).
  auto ok = http_post(port, "/v1/transactions", submit_body(transfer(1, 2, 0, 1'000)));
  ASSERT_EQ(ok.status, 200) << ok.body;
  const std::string id = Json::parse(ok.body)["id"];
  wait_info([&](const Json& i) { return i["height"].get<u64>() > height; });
  Json tx = get("/v1/transactions/" + id);
  EXPECT_EQ(tx["status"], "included");
  const Json ids = get("/v1/blocks/" + std::to_string(tx["height"].get<u64>()) + "?transactions=ids");
  ASSERT_EQ(ids["transactions"].size(), 1u);
  EXPECT_EQ(ids["transactions"][0], id);
  EXPECT_EQ(ds_nonce(1), 1u);
  // Another one makes the first final.
  ASSERT_EQ(http_post(port, "/v1/transactions", submit_body(transfer(1, 2, 1, 1))).status, 200);
  const u64 included_at = tx["height"];
  wait_info([&](const Json& i) { return i["finalized_height"].get<u64>() >= included_at; });
  EXPECT_EQ(get("/v1/transactions/" + id)["finality"], "final");
  EXPECT_TRUE(get("/v1/supply")["consistent"].get<bool>());
  EXPECT_EQ(http_post(port, "/v1/transactions", submit_body(transfer(1, 2, 0, 1'000))).status, 400);  // a replay
}

// An EIP-4844 blob transaction through the API: refused bare, accepted in its network
// form (the id is the bare form's hash), included, and its blobs served by versioned
// hash and by EVM block (whose number is the DuskDS height).
TEST_F(DuskdTest, BlobTransactionAndItsBlobs) {
  start("0");
  const int port = node_->port();
  test::BlobTx t;
  t.chain_id = kDevChainId;
  t.hashes = test::hashes_of({0, 1});
  t.to[19] = 0x42;
  const Bytes bare = test::sign_blob_tx(who(1).keys.evm_secret_key.bytes, t);
  auto body = [](const Bytes& tx) { return Json{{"layer", "duskevm"}, {"tx", to_hex(tx)}}.dump(); };
  auto bare_refused = http_post(port, "/v1/transactions", body(bare));
  EXPECT_EQ(bare_refused.status, 400);
  EXPECT_NE(bare_refused.body.find("missing sidecar in blob transaction"), std::string::npos) << bare_refused.body;
  auto ok = http_post(port, "/v1/transactions", body(test::network_form(bare, test::sidecar_of({0, 1}))));
  ASSERT_EQ(ok.status, 200) << ok.body;
  const std::string id = Json::parse(ok.body)["id"];
  EXPECT_EQ(id, to_hex(crypto::keccak256(bare)));
  Json tx;
  for (int i = 0; i < 1500; ++i) {
    tx = get("/v1/transactions/" + id);
    if (tx["status"] == "included") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(tx["status"], "included") << tx.dump();
  EXPECT_TRUE(tx["success"].get<bool>());
  const u64 height = tx["height"];

  const Json block = get("/v1/duskevm/blocks/" + std::to_string(height) + "/blobs");
  EXPECT_EQ(block["block_number"], height);
  ASSERT_EQ(block["blobs"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Json& b = block["blobs"][i];
    EXPECT_EQ(b["versioned_hash"], "0x" + to_hex(test::test_blob(i).versioned_hash));
    EXPECT_EQ(b["commitment"], "0x" + to_hex(test::test_blob(i).commitment));
    EXPECT_EQ(b["proof"], "0x" + to_hex(test::test_blob(i).proof));
    EXPECT_EQ(b["blob"], "0x" + to_hex(test::test_blob(i).blob));
    EXPECT_EQ(b["transaction_hash"], "0x" + id);
    EXPECT_EQ(b["index"], i);
  }
  const Json one = get("/v1/duskevm/blobs/" + to_hex(test::test_blob(1).versioned_hash));
  EXPECT_EQ(one, block["blobs"][1]);
  get("/v1/duskevm/blobs/" + to_hex(test::test_blob(2).versioned_hash), 404);
  get("/v1/duskevm/blocks/" + std::to_string(height + 1000) + "/blobs", 404);
  get("/v1/duskevm/blocks/x/blobs", 400);
  get("/v1/duskevm/blobs/1234", 400);
  EXPECT_TRUE(get("/v1/supply")["consistent"].get<bool>());
}

// The WebSocket stream: a subscriber sees its transaction included, the block, and the
// block becoming final; a filter keeps other transactions away.
TEST_F(DuskdTest, StreamsBlocksTransactionsAndFinality) {
  start("0");
  http::test::WsClient ws(node_->port(), "/v1/events");
  ws.send(Json{{"subscribe", {{"topics", {"blocks", "transactions", "finalized"}}}}});
  auto ack = ws.read();
  ASSERT_TRUE(ack && ack->contains("subscribed")) << (ack ? ack->dump() : "nothing");
  http::test::WsClient filtered(node_->port(), "/v1/events");
  filtered.send(Json{{"subscribe", {{"topics", {"transactions"}}, {"filter", {{"layer", "duskvm"}}}}}});
  ASSERT_TRUE(filtered.read());

  auto r = http_post(node_->port(), "/v1/transactions", submit_body(transfer(3, 4, 0, 77)));
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string id = Json::parse(r.body)["id"];
  std::optional<u64> included_at;
  std::map<u64, u64> blocks;  // height -> DuskDS transactions, as the blocks topic said
  bool final_seen = false;
  for (int i = 0; i < 50 && !final_seen; ++i) {
    auto m = ws.read();
    ASSERT_TRUE(m) << "stream ended";
    const std::string topic = (*m)["topic"];
    const Json& e = (*m)["event"];
    if (topic == "transactions" && e["id"] == id) {
      EXPECT_EQ(e["layer"], "duskds");
      included_at = e["height"].get<u64>();
    }
    if (topic == "blocks") blocks[e["height"].get<u64>()] = e["transactions"]["duskds"].get<u64>();
    if (topic == "finalized" && included_at && e["height"].get<u64>() >= *included_at) final_seen = true;
  }
  ASSERT_TRUE(included_at.has_value());
  EXPECT_EQ(blocks[*included_at], 1u) << "the block event of the transaction's block";
  EXPECT_TRUE(final_seen);
  // The DuskVM-only subscriber got none of that: its next frame is a later DuskVM
  // transaction, not the DuskDS one.
  vm::VmTransaction t;
  t.kind = vm::VmTxKind::kTransfer;
  t.chain_id = kDevChainId;
  t.sender = who(3).ds_key;
  t.gas_limit = vm::kVmTransferGas;
  t.gas_price = 1;
  t.to_address = who(4).vm_address;
  t.amount = 5;
  vm::sign_vm_transaction(t, who(3).ds_secret);
  r = http_post(node_->port(), "/v1/transactions",
                Json{{"layer", "duskvm"}, {"tx", to_hex(vm::encode_vm_transaction(t))}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  auto m = filtered.read();
  ASSERT_TRUE(m);
  EXPECT_EQ((*m)["event"]["layer"], "duskvm");
  EXPECT_EQ((*m)["event"]["id"], Json::parse(r.body)["id"]);
}

TEST_F(DuskdTest, ResumesAfterStopAndKill) {
  start("0.05");
  Json info = wait_info([](const Json& i) { return i["height"].get<u64>() >= 5; });
  EXPECT_EQ(node_->terminate(), 0) << node_->log();
  start("0.05");
  const Json again = get("/v1/info");
  EXPECT_GE(again["height"].get<u64>(), info["height"].get<u64>());
  const u64 seen = again["height"];
  const std::string seen_hash = get("/v1/blocks/" + std::to_string(seen))["hash"];
  node_->kill();
  start("0.05");
  EXPECT_EQ(get("/v1/blocks/" + std::to_string(seen))["hash"], seen_hash);
  EXPECT_TRUE(get("/v1/supply")["consistent"].get<bool>());
}

TEST_F(DuskdTest, SurvivesKillsUnderLoad) {
  const int rounds = test::crash_rounds(50);
  std::mt19937_64 rng(0xd05c);
  u64 last_height = 0;
  std::string last_hash;
  u64 total_sent = 0;
  for (int round = 0; round < rounds; ++round) {
    start("0.02");
    const u16 port = node_->port();
    // Every block the API showed before the kill is still there, byte for byte (its hash).
    if (!last_hash.empty()) {
      Json b = get("/v1/blocks/" + std::to_string(last_height));
      ASSERT_EQ(b["hash"], last_hash) << "round " << round << ": block " << last_height << " changed\n" << node_->log();
    }
    Json supply = get("/v1/supply");
    ASSERT_TRUE(supply["consistent"].get<bool>()) << supply.dump();
    // Phoenix: one note of 1 LUX for every shield included (account 1's only DuskVM
    // transactions), kept across every kill.
    const u64 shields = vm_nonce(1);
    Json phoenix = get("/v1/phoenix");
    ASSERT_EQ(phoenix["notes"].get<u64>(), shields) << "round " << round << ": " << phoenix.dump();
    ASSERT_EQ(phoenix["pool"], std::to_string(shields));
    // Load: transfers from every account and shields from account 1, in batches, until
    // the kill.
    std::atomic<bool> stop{false};
    std::atomic<u64> sent{0};
    std::vector<u64> nonces;
    for (size_t i = 0; i < kDevAccounts; ++i) nonces.push_back(ds_nonce(i));
    std::thread load([&, nonces, vm_next = shields]() mutable {
      while (!stop) {
        Json txs = Json::array(), vm_txs = Json::array();
        for (size_t i = 0; i < kDevAccounts; ++i)
          for (int k = 0; k < 4; ++k) txs.push_back(to_hex(transfer(i, (i + 1) % kDevAccounts, nonces[i]++, 1)));
        for (int k = 0; k < 4; ++k) vm_txs.push_back(to_hex(shield(1, vm_next++, 1)));
        auto r = test::http_request(port, "POST", "/v1/transactions/batch",
                                    Json{{"layer", "duskds"}, {"txs", txs}}.dump(), std::chrono::seconds(2));
        if (r.status != 200) return;  // the node is gone
        r = test::http_request(port, "POST", "/v1/transactions/batch",
                               Json{{"layer", "duskvm"}, {"txs", vm_txs}}.dump(), std::chrono::seconds(2));
        if (r.status != 200) return;
        sent += txs.size() + vm_txs.size();
      }
    });
    // The kill comes at a random moment once the load is flowing (the first batch
    // acknowledged), with more batches in flight.
    const auto flowing = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (sent == 0 && std::chrono::steady_clock::now() < flowing)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 450));
    // What the API shows now must survive the kill that follows.
    Json info = get("/v1/info");
    if (info.is_object()) {
      last_height = info["height"];
      last_hash = get("/v1/blocks/" + std::to_string(last_height))["hash"];
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 100));
    node_->kill();
    stop = true;
    load.join();
    total_sent += sent;
  }
  // A last start verifies the final state once more and the chain moves on.
  start("0.02");
  Json b = get("/v1/blocks/" + std::to_string(last_height));
  EXPECT_EQ(b["hash"], last_hash);
  wait_info([&](const Json& i) { return i["height"].get<u64>() > last_height; });
  EXPECT_TRUE(get("/v1/supply")["consistent"].get<bool>());
  EXPECT_GT(total_sent, 0u);
  u64 included = 0;
  for (size_t i = 0; i < kDevAccounts; ++i) included += ds_nonce(i);
  EXPECT_GT(included, 0u) << "the load never reached a block";
  EXPECT_GT(vm_nonce(1), 0u) << "no shield reached a block";
  EXPECT_EQ(get("/v1/phoenix")["notes"].get<u64>(), vm_nonce(1));
  std::printf("%d kills, %llu transactions submitted, %llu transfers and %llu shields included, final height %llu\n",
              rounds, static_cast<unsigned long long>(total_sent), static_cast<unsigned long long>(included),
              static_cast<unsigned long long>(vm_nonce(1)),
              static_cast<unsigned long long>(get("/v1/info")["finalized_height"].get<u64>()));
  RecordProperty("kills", rounds);
  RecordProperty("transactions_submitted", static_cast<int>(total_sent));
}

}  // namespace
}  // namespace dusk::node
