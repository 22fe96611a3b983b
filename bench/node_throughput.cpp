// Sustained Moonlight transfers through a running duskd, into final blocks: the node is
// started on its own genesis with many funded senders, transfers are signed beforehand
// and submitted over the HTTP API (batches, at a target rate), and every transfer's time
// from submission to the block that made it final is measured.
//
//   node_throughput [--senders 4000] [--per-sender 5] [--rate 6000] [--batch 250]
//                   [--clients 2] [--block-time 0.5] [--duskd PATH]
//
// Prints the rate reached (transfers in final blocks per second, from the first
// submission to the last finalization), latency percentiles, and the node's block build
// times. The node runs on the same machine as this client (both cores shared).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "crypto/bls/scheme.hpp"
#include "duskds/gas_schedule.hpp"
#include "duskds/transaction_codec.hpp"
#include "support/duskd_process.hpp"
#include "support/http_client.hpp"

namespace {

using namespace dusk;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using crypto::bls::BlsMinSig;
using crypto::bls::SecretKey;
namespace fs = std::filesystem;

struct Options {
  size_t senders = 4'000;
  size_t per_sender = 5;
  double rate = 6'000;  // transfers per second submitted (0: as fast as possible)
  size_t batch = 250;
  size_t clients = 2;
  std::string block_time = "0.5";
  std::string duskd = DUSKD_BINARY;
};

double ms_since(Clock::time_point t0, Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(t - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--senders") o.senders = std::stoul(v);
    else if (k == "--per-sender") o.per_sender = std::stoul(v);
    else if (k == "--rate") o.rate = std::stod(v);
    else if (k == "--batch") o.batch = std::stoul(v);
    else if (k == "--clients") o.clients = std::stoul(v);
    else if (k == "--block-time") o.block_time = v;
    else if (k == "--duskd") o.duskd = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  const u64 chain_id = 7;
  const fs::path dir = fs::temp_directory_path() / ("node_throughput_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);

  // Keys and genesis: every sender funded; sender 0 the provisioner.
  std::fprintf(stderr, "keys for %zu senders...\n", o.senders);
  std::vector<SecretKey> sks;
  std::vector<ds::AccountKey> keys;
  for (size_t i = 0; i < o.senders; ++i) {
    Bytes ikm(32, 0x42);
    store_le<u64>(ikm.data(), i);
    auto sk = SecretKey::key_gen(ikm);
    sks.push_back(*sk);
    keys.push_back(BlsMinSig::sk_to_pk(*sk).to_bytes());
  }
  {
    std::ofstream g(dir / "genesis.toml");
    g << "chain_id = " << chain_id << "\nblock_time_ms = 500\n[staking]\nepoch_length = 10\n"
      << "minimum_stake = 1000000000000\ngenerator_share_bps = 7000\n";
    for (size_t i = 0; i < o.senders; ++i)
      g << "[[moonlight]]\nkey = \"" << to_hex(keys[i]) << "\"\nbalance = 1000000000000000\n";
    g << "[[stake]]\nkey = \"" << to_hex(keys[0]) << "\"\namount = 1000000000000\n";
    std::ofstream(dir / "provisioner.key") << to_hex(sks[0].to_bytes()) << "\n";
  }

  // Transfers, signed beforehand, in submission order: every sender's nonce 0, then 1...
  const size_t total = o.senders * o.per_sender;
  std::fprintf(stderr, "signing %zu transfers...\n", total);
  std::vector<std::string> txs(total);
  std::vector<Hash256> ids(total);
  {
    std::vector<std::thread> signers;
    const size_t threads = 2;
    for (size_t t = 0; t < threads; ++t)
      signers.emplace_back([&, t] {
        for (size_t k = t; k < total; k += threads) {
          const size_t nonce = k / o.senders, from = k % o.senders;
          ds::Transaction tx;
          tx.kind = ds::TxKind::kTransfer;
          tx.chain_id = chain_id;
          tx.sender = keys[from];
          tx.receiver = keys[(from + 1) % o.senders];
          tx.nonce = nonce;
          tx.gas_price = 1;
          tx.amount = 1;
          tx.gas_limit = ds::transaction_gas(tx);
          ds::sign_transaction(tx, sks[from]);
          txs[k] = to_hex(ds::encode_transaction(tx));
          ids[k] = ds::transaction_id(tx);
        }
      });
    for (auto& t : signers) t.join();
  }
  std::map<std::string, size_t> index_of;
  for (size_t k = 0; k < total; ++k) index_of[to_hex(ids[k])] = k;

  test::DuskdProcess node(o.duskd,
                          {"--genesis", (dir / "genesis.toml").string(), "--datadir", (dir / "data").string(),
                           "--provisioner-key", (dir / "provisioner.key").string(), "--api", "127.0.0.1:0",
                           "--block-time", o.block_time, "--log-level", "warn"},
                          dir / "logs", std::chrono::seconds(120));
  if (!node.ok()) {
    std::fprintf(stderr, "duskd did not start:\n%s\n", node.log().c_str());
    return 1;
  }
  const u16 port = node.port();

  // Submission at the target rate, by `clients` threads taking batches in order.
  std::vector<Clock::time_point> submitted(total);
  std::atomic<size_t> next{0}, refused{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> clients;
  for (size_t c = 0; c < o.clients; ++c)
    clients.emplace_back([&] {
      while (true) {
        const size_t first = next.fetch_add(o.batch);
        if (first >= total) return;
        const size_t last = std::min(total, first + o.batch);
        if (o.rate > 0) std::this_thread::sleep_until(t0 + std::chrono::duration<double>(first / o.rate));
        Json list = Json::array();
        for (size_t k = first; k < last; ++k) list.push_back(txs[k]);
        const auto at = Clock::now();
        for (size_t k = first; k < last; ++k) submitted[k] = at;
        auto r = test::http_post(port, "/v1/transactions/batch", Json{{"layer", "duskds"}, {"txs", list}}.dump());
        if (r.status != 200) {
          refused += last - first;
          continue;
        }
        for (const auto& res : Json::parse(r.body)["results"])
          if (res.contains("error")) ++refused;
      }
    });

  // Finality: follow the finalized height and read each final block's transactions.
  std::vector<double> latency_ms;
  latency_ms.reserve(total);
  size_t included = 0;
  u64 seen_final = test::http_get(port, "/v1/info").status == 200
                       ? Json::parse(test::http_get(port, "/v1/info").body)["finalized_height"].get<u64>()
                       : 0;
  Clock::time_point last_final = t0;
  const auto deadline = t0 + std::chrono::seconds(30) + std::chrono::duration<double>(total / std::max(o.rate, 1000.0) * 3);
  while (included + refused < total && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto r = test::http_get(port, "/v1/info");
    if (r.status != 200) continue;
    const u64 fin = Json::parse(r.body)["finalized_height"];
    const auto now = Clock::now();
    for (u64 h = seen_final + 1; h <= fin; ++h) {
      auto b = test::http_get(port, "/v1/blocks/" + std::to_string(h) + "?transactions=ids");
      const Json block = Json::parse(b.body, nullptr, false);
      if (!block.is_object()) {
        std::fprintf(stderr, "block %llu: status %d %s\n", static_cast<unsigned long long>(h), b.status, b.body.substr(0, 200).c_str());
        continue;
      }
      for (const auto& tx : block["transactions"]) {
        auto it = index_of.find(tx.get<std::string>());
        if (it == index_of.end()) continue;
        ++included;
        latency_ms.push_back(ms_since(submitted[it->second], now));
        last_final = now;
      }
    }
    seen_final = fin;
  }
  for (auto& c : clients) c.join();
  const Json metrics = Json::parse(test::http_get(port, "/v1/metrics").body);
  if (included < total) std::fprintf(stderr, "metrics: %s\n", metrics.dump().c_str());
  node.terminate();
  fs::remove_all(dir);

  std::sort(latency_ms.begin(), latency_ms.end());
  auto pct = [&](double p) {
    return latency_ms.empty() ? 0.0 : latency_ms[std::min(latency_ms.size() - 1, static_cast<size_t>(p * latency_ms.size()))];
  };
  const double seconds = ms_since(t0, last_final) / 1000;
  std::printf("senders %zu, transfers %zu, target rate %.0f/s, block time %s s, %zu clients x batches of %zu\n",
              o.senders, total, o.rate, o.block_time.c_str(), o.clients, o.batch);
  std::printf("final: %zu transfers in %.2f s = %.0f transfers/s (refused %zu)\n", included, seconds,
              seconds > 0 ? included / seconds : 0.0, refused.load());
  std::printf("submission to final: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms\n", pct(0.5), pct(0.9),
              pct(0.99), latency_ms.empty() ? 0.0 : latency_ms.back());
  std::printf("node: %s blocks, block build us: average %s, max %s\n", metrics["blocks_produced"].dump().c_str(),
              metrics["block_time_us"]["average"].dump().c_str(), metrics["block_time_us"]["max"].dump().c_str());
  return included == total ? 0 : 1;
}
