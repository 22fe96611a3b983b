// duskd: the DuskDS node. `duskd --dev` runs a single-validator development chain with
// prefunded accounts on every layer (node/dev_network.hpp); `duskd --genesis FILE
// --datadir DIR --provisioner-key FILE` runs a chain from a genesis file. Stops cleanly
// on SIGINT or SIGTERM (the last block written is whole either way: see
// duskds/chain.hpp).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/bytes.hpp"
#include "base/log.hpp"
#include "crypto/bls/scheme.hpp"
#include "duskevm/blob_sidecar.hpp"
#include "duskvm/lane/vm_transaction.hpp"
#include "node/dev_network.hpp"
#include "node/node.hpp"
#include "node/node_api.hpp"
#include "node/rpc/rpc_server.hpp"
#include "node/node_settings.hpp"
#include "wallet/bip32.hpp"

namespace {

using namespace dusk;
using namespace dusk::node;

std::string dusk_amount(u64 lux) {
  std::string s = std::to_string(lux / kLuxPerDusk);
  if (u64 frac = lux % kLuxPerDusk; frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(f.begin(), 9 - f.size(), '0');
    while (f.back() == '0') f.pop_back();
    s += "." + f;
  }
  return s + " DUSK";
}

void print_dev_accounts(const std::vector<DevAccount>& accounts) {
  std::printf("Development accounts (phrase \"%s\"; insecure: everyone knows these keys)\n\n",
              std::string(kDevPhrase).c_str());
  for (size_t i = 0; i < accounts.size(); ++i) {
    const DevAccount& a = accounts[i];
    std::printf("(%zu) DuskDS  %s\n", i, to_hex(a.ds_key).c_str());
    std::printf("    DuskEVM %s\n", wallet::eip55_address(a.keys.evm_address).c_str());
    std::printf("    DuskVM  %s\n", to_hex(a.vm_address).c_str());
    std::printf("    keys    DuskDS 0x%s  EVM 0x%s\n", to_hex(ByteView(a.keys.bls_secret_key.data(), 32)).c_str(),
                to_hex(ByteView(a.keys.evm_secret_key.data(), 32)).c_str());
  }
  std::printf("\nEach holds %s on DuskDS, %s on DuskEVM and %s on DuskVM; (0) stakes %s and produces the blocks.\n\n",
              dusk_amount(1'000'000 * kLuxPerDusk).c_str(), dusk_amount(10'000 * kLuxPerDusk).c_str(),
              dusk_amount(10'000 * kLuxPerDusk).c_str(), dusk_amount(1'000 * kLuxPerDusk).c_str());
}

Result<crypto::bls::SecretKey> read_key_file(const std::string& path) {
  std::ifstream f(path);
  if (!f) return Error("cannot read the provisioner key " + path);
  std::string text;
  f >> text;
  auto bytes = from_hex(text);
  if (!bytes.ok()) return Error(path + ": " + bytes.error().message);
  auto sk = crypto::bls::SecretKey::from_bytes(*bytes);
  if (!sk.ok()) return Error(path + ": " + sk.error().message);
  return *sk;
}

int run(NodeSettings s) {
  log::Level level;
  if (!log::parse_level(s.log_level, &level)) {
    std::fprintf(stderr, "duskd: unknown log level \"%s\" (trace, debug, info, warn, error, off)\n", s.log_level.c_str());
    return 2;
  }
  log::set_level(level);

  NodeConfig config;
  std::vector<DevAccount> dev;
  std::filesystem::path temporary;
  if (s.dev) {
    auto accounts = dev_accounts();
    if (!accounts.ok()) {
      std::fprintf(stderr, "duskd: %s\n", accounts.error().message.c_str());
      return 1;
    }
    dev = std::move(*accounts);
    config.genesis = dev_genesis(dev);
    config.provisioner = dev[0].ds_secret;
    if (s.datadir.empty()) {
      temporary = std::filesystem::temp_directory_path() / ("duskd-dev-" + std::to_string(::getpid()));
      s.datadir = temporary.string();
    }
  } else {
    if (s.genesis_file.empty() || s.datadir.empty()) {
      std::fprintf(stderr, "duskd: without --dev, give --genesis FILE and --datadir DIR (or --config FILE)\n");
      return 2;
    }
    auto g = ds::load_genesis(s.genesis_file);
    if (!g.ok()) {
      std::fprintf(stderr, "duskd: %s\n", g.error().message.c_str());
      return 1;
    }
    config.genesis = std::move(*g);
    if (!s.provisioner_key_file.empty()) {
      auto sk = read_key_file(s.provisioner_key_file);
      if (!sk.ok()) {
        std::fprintf(stderr, "duskd: %s\n", sk.error().message.c_str());
        return 1;
      }
      config.provisioner = *sk;
    }
  }
  config.datadir = s.datadir;
  config.block_time_ms = s.block_time_ms.value_or(s.dev ? 1'000 : config.genesis.block_time_ms);

  // Signals are taken by this thread alone (sigwait below), not by the node's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto opened = Node::open(config);
  if (!opened.ok()) {
    std::fprintf(stderr, "duskd: %s\n", opened.error().message.c_str());
    return 1;
  }
  std::unique_ptr<Node> node = std::move(*opened);
  auto api_owner = std::make_unique<NodeApi>(*node);  // goes before the node it serves
  NodeApi& api = *api_owner;
  try {
    http::HttpServer::Options o;
    o.host = s.api_host;
    o.port = s.api_port;
    o.threads = 2;
    // The largest transaction any layer takes (a DuskVM deploy, 512 KiB, or an EVM blob
    // transaction with its nine blobs, about 1.3 MB) in hex, with its JSON around it.
    o.max_body_bytes = 2 * std::max(vm::kMaxVmTransactionBytes, evm::kMaxBlobTxNetworkBytes) + 64 * 1024;
    api.start(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "duskd: cannot serve the API on %s:%u: %s\n", s.api_host.c_str(), s.api_port, e.what());
    return 1;
  }
  std::unique_ptr<rpc::RpcServer> rpc_server;
  if (s.rpc) {
    rpc::RpcServerOptions o;
    o.http.host = s.rpc_host;
    o.http.port = s.rpc_port;
    o.requests_per_second = static_cast<double>(s.rpc_ws_requests_per_second);
    o.http_requests_per_second = static_cast<double>(s.rpc_http_requests_per_second);
    rpc_server = std::make_unique<rpc::RpcServer>(*node, o);
    try {
      rpc_server->start();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "duskd: cannot serve the JSON-RPC on %s:%u: %s\n", s.rpc_host.c_str(), s.rpc_port,
                   e.what());
      return 1;
    }
  }
  if (s.dev) print_dev_accounts(dev);
  auto bracket = [](const std::string& h) { return h.find(':') != std::string::npos ? "[" + h + "]" : h; };
  const std::string host = bracket(s.api_host);
  std::printf("Chain %llu, height %llu (final %llu), data in %s%s\n",
              static_cast<unsigned long long>(node->chain().chain_id()),
              static_cast<unsigned long long>(node->chain().height()),
              static_cast<unsigned long long>(node->chain().final_height()), s.datadir.c_str(),
              temporary.empty() ? "" : " (temporary: removed at exit)");
  std::printf("Block time: %s\n", config.block_time_ms == 0 ? "on demand (a block as soon as a transaction waits)"
                                                            : (std::to_string(config.block_time_ms) + " ms").c_str());
  std::printf("HTTP API: http://%s:%u/v1  events: ws://%s:%u/v1/events\n", host.c_str(), api.port(), host.c_str(),
              api.port());
  std::string ready = "duskd ready: api " + host + ":" + std::to_string(api.port());
  if (rpc_server) {
    const std::string rpc_host = bracket(s.rpc_host);
    const std::string at = rpc_host + ":" + std::to_string(rpc_server->port());
    std::printf("JSON-RPC (Ethereum): http://%s  ws://%s  chain id %llu\n", at.c_str(), at.c_str(),
                static_cast<unsigned long long>(node->evm().config().chain_id));
    ready += " rpc " + at;
  }
  std::printf("%s\n", ready.c_str());
  std::fflush(stdout);
  if (!config.provisioner)
    DUSK_LOG(kWarn, "duskd", "no provisioner key: this node serves the chain but produces no blocks");
  node->start();

  int signal = 0;
  sigwait(&signals, &signal);
  DUSK_LOG(kInfo, "duskd", "signal " << signal << ": stopping");
  node->stop();
  if (rpc_server) rpc_server->stop();
  rpc_server.reset();
  api.stop();
  api_owner.reset();
  node.reset();
  if (!temporary.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(temporary, ec);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "duskd: the DuskDS node (settlement, DuskEVM and DuskVM in one process)\n\n"
      "  duskd --dev                       a development chain, fresh, in a temporary directory\n"
      "  duskd --dev --datadir DIR         the same, kept in DIR (resumed when DIR holds one)\n"
      "  duskd --genesis FILE --datadir DIR --provisioner-key KEYFILE\n"
      "  duskd --config FILE               the settings in a TOML file (docs/duskd.md)"};
  NodeSettings s;
  std::string config_file, block_time, api, rpc;
  bool no_rpc = false;
  app.add_option("--config", config_file, "settings file (TOML); flags override it");
  app.add_flag("--dev", s.dev, "run the single-validator development chain with prefunded accounts");
  app.add_option("--datadir", s.datadir, "where the chain is kept");
  app.add_option("--genesis", s.genesis_file, "the genesis file (TOML; docs/duskds.md)");
  app.add_option("--provisioner-key", s.provisioner_key_file, "file holding the hex BLS secret key that produces blocks");
  app.add_option("--block-time", block_time, "seconds between blocks (2, 0.5; 0: a block as soon as a transaction waits)");
  app.add_option("--api", api, "HOST:PORT of the HTTP API (default 127.0.0.1:8080; port 0: any free one)");
  app.add_option("--port", s.api_port, "the HTTP API's port (shorthand for --api 127.0.0.1:PORT)");
  app.add_option("--rpc", rpc, "HOST:PORT of the Ethereum JSON-RPC, HTTP and WebSocket (default 127.0.0.1:8545)");
  app.add_option("--rpc-port", s.rpc_port, "the JSON-RPC's port (shorthand for --rpc 127.0.0.1:PORT)");
  app.add_flag("--no-rpc", no_rpc, "serve no Ethereum JSON-RPC");
  app.add_option("--log-level", s.log_level, "trace, debug, info, warn, error or off");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!config_file.empty()) {
    NodeSettings from_file;
    if (auto r = read_settings_file(config_file, from_file); !r.ok()) {
      std::fprintf(stderr, "duskd: %s\n", r.error().message.c_str());
      return 2;
    }
    // The command line wins: start from the file and apply what was given.
    NodeSettings merged = from_file;
    if (app.count("--dev")) merged.dev = s.dev;
    if (app.count("--datadir")) merged.datadir = s.datadir;
    if (app.count("--genesis")) merged.genesis_file = s.genesis_file;
    if (app.count("--provisioner-key")) merged.provisioner_key_file = s.provisioner_key_file;
    if (app.count("--port")) merged.api_port = s.api_port;
    if (app.count("--rpc-port")) merged.rpc_port = s.rpc_port;
    if (app.count("--log-level")) merged.log_level = s.log_level;
    s = merged;
  }
  if (!block_time.empty()) {
    auto ms = parse_block_time(block_time);
    if (!ms.ok()) {
      std::fprintf(stderr, "duskd: %s\n", ms.error().message.c_str());
      return 2;
    }
    s.block_time_ms = *ms;
  }
  if (!api.empty()) {
    if (auto r = parse_host_port(api, "api", s.api_host, s.api_port); !r.ok()) {
      std::fprintf(stderr, "duskd: %s\n", r.error().message.c_str());
      return 2;
    }
  }
  if (!rpc.empty()) {
    if (auto r = parse_host_port(rpc, "rpc", s.rpc_host, s.rpc_port); !r.ok()) {
      std::fprintf(stderr, "duskd: %s\n", r.error().message.c_str());
      return 2;
    }
  }
  if (no_rpc) s.rpc = false;
  return run(std::move(s));
}
