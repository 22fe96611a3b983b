// Polled filters (eth_newFilter, eth_newBlockFilter, eth_newPendingTransactionFilter,
// eth_getFilterChanges, eth_getFilterLogs, eth_uninstallFilter) and WebSocket
// subscriptions (eth_subscribe "newHeads", "logs", "newPendingTransactions";
// eth_unsubscribe), as geth keeps them:
//   - a filter reports what arrived since its last poll: blocks committed after it (their
//     hashes, or their matching logs), or transactions that entered the pool; one not
//     polled for `timeout` is removed (geth: 5 minutes);
//   - a subscription belongs to its WebSocket connection and ends with it; it receives
//     {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":ID,"result":..}}
//     for every new block's header, every matching log of a new block, or the hash of every
//     transaction submitted through the JSON-RPC. Notifications start after the reply
//     to eth_subscribe has been queued (activate()).
// Filter and subscription ids are 16 random bytes in hex. Bounded: max_filters overall,
// max_subscriptions per connection.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <string>

#include "node/http/websocket_handler.hpp"
#include "node/rpc/evm_reader.hpp"
#include "node/rpc/json_rpc.hpp"
#include "node/rpc/log_filter.hpp"

namespace dusk::rpc {

class EthFilters {
 public:
  struct Options {
    std::chrono::seconds timeout{300};
    size_t max_filters = 10'000;
    size_t max_subscriptions = 128;  // per connection
    size_t max_logs = 10'000;        // per poll or query
    u64 max_block_range = 10'000;    // of eth_getFilterLogs
  };

  EthFilters(const EvmReader& reader, Options options);
  void register_methods(RpcMethods& methods);

  // A block was committed (the EVM lane's block `number`): notify subscribers.
  void on_block(u64 number);
  // A transaction entered the pool through the JSON-RPC.
  void on_pending(const Hash256& transaction_hash);
  // The connection is gone: its subscriptions end.
  void on_close(const http::WebSocketClient& client);
  // The server `server` stops: the subscriptions of its connections end.
  void detach(const void* server);
  // The reply to the connection's eth_subscribe calls is queued: start notifying.
  void activate(const http::WebSocketClient& client);

  size_t filter_count() const;
  size_t subscription_count() const;

 private:
  enum class Kind { kLogs, kBlocks, kPending };
  struct Filter {
    Kind kind = Kind::kLogs;
    LogFilter log;
    u64 next_block = 0;             // the first block not reported yet
    std::set<Hash256> seen;         // pending transactions already reported
    std::chrono::steady_clock::time_point last_poll;
  };
  struct Subscription {
    Kind kind = Kind::kLogs;
    LogFilter log;
    const http::WebSocketClient* owner = nullptr;
    const void* server = nullptr;  // the HTTP server running the connection
    std::weak_ptr<http::WebSocketClient> client;
    bool active = false;
  };

  std::string new_id();
  std::string install(Filter filter);
  void expire_locked(std::chrono::steady_clock::time_point now);
  nlohmann::json changes(const std::string& id);
  nlohmann::json filter_logs(const std::string& id);
  nlohmann::json subscribe(const RpcParams& params, const RpcCall& call);
  bool unsubscribe(const std::string& id, const RpcCall& call);
  void notify(const Subscription& s, const std::string& id, const nlohmann::json& result) const;

  const EvmReader& reader_;
  const Options options_;
  mutable std::mutex mu_;
  std::mt19937_64 random_;
  std::map<std::string, Filter> filters_;
  std::map<std::string, Subscription> subscriptions_;
};

}  // namespace dusk::rpc
