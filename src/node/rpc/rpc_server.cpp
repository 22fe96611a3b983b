#include "node/rpc/rpc_server.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

#include "base/log.hpp"

namespace dusk::rpc {

using nlohmann::json;

namespace {

// The deposits DuskDS credited to the EVM lane in its block at `height`, in block order.
std::vector<lane::Deposit> evm_deposits(node::Node& node, u64 height) {
  auto block = node.chain().block(height);
  if (!block) throw RpcError(kServerError, "reading DuskDS block " + std::to_string(height) + ": " + block.error().message);
  std::vector<lane::Deposit> out;
  if (!*block) return out;
  for (const ds::Transaction& tx : (*block)->transactions) {
    if (tx.kind != ds::TxKind::kDeposit || tx.lane != ds::kDepositLaneEvm) continue;
    out.push_back({ds::transaction_id(tx), Bytes(tx.sender.begin(), tx.sender.end()), tx.target, tx.amount});
  }
  return out;
}

}  // namespace

// JSON-RPC over WebSocket: each text frame is a request or a batch, answered in order.
class RpcServer::Socket final : public http::WebSocketHandler {
 public:
  Socket(const RpcMethods& methods, EthFilters& filters, const RpcServerOptions& options)
      : methods_(methods), filters_(filters), options_(options) {}

  Options socket_options() const override {
    return {.max_queued_messages = 4096,
            .max_queued_bytes = 64u << 20,
            .max_frame_bytes = options_.http.max_body_bytes,
            .idle_timeout = std::chrono::seconds(120)};
  }

  void on_message(const std::shared_ptr<http::WebSocketClient>& client, std::string_view frame, bool text) override {
    if (!text) {
      client->send(error_response(nullptr, kInvalidRequest, "binary frames are not JSON-RPC").dump());
      return;
    }
    const RpcCall call{client, [this, &client](size_t requests) { return take_tokens(*client, requests); }};
    auto answer = methods_.handle(frame, call, options_.limits);
    if (answer) client->send(std::move(*answer));
    filters_.activate(*client);
  }

  // The server stops: its connections' subscriptions and buckets go (they are keyed by
  // the sessions' addresses, which later sessions may reuse).
  void detach(const void* owner) override {
    filters_.detach(owner);
    limits_.clear();  // one server per RpcServer: every bucket is that server's
  }

  void on_close(const http::WebSocketClient& client) override {
    filters_.on_close(client);
    limits_.forget(key(client));
  }

 private:
  static u64 key(const http::WebSocketClient& client) { return reinterpret_cast<std::uintptr_t>(&client); }
  bool take_tokens(const http::WebSocketClient& client, size_t requests) { return limits_.take(key(client), requests); }

  const RpcMethods& methods_;
  EthFilters& filters_;
  const RpcServerOptions& options_;
  RateLimiter limits_{options_.requests_per_second};
};

RpcServer::RpcServer(node::Node& node, RpcServerOptions options)
    : node_(node),
      options_(std::move(options)),
      reader_(node.evm()),
      filters_(reader_, options_.filters),
      eth_(node.evm(), reader_, filters_, [&node] { node.wake(); }, options_.eth),
      debug_(node.evm(), reader_, [&node](u64 height) { return evm_deposits(node, height); }, options_.eth.gas_cap) {
  eth_.register_methods(methods_);
  debug_.register_methods(methods_);
  filters_.register_methods(methods_);
  socket_ = std::make_shared<Socket>(methods_, filters_, options_);
  server_.serve_websocket("/", socket_);
  server_.router().post("/", [this](const http::Request& request) {
    const RpcCall call{nullptr, [this, &request](size_t requests) {
                         return http_limits_.take(request.connection, requests);
                       }};
    auto answer = methods_.handle(request.body, call, options_.limits);
    http::Response r;
    if (answer) r.body = std::move(*answer);
    else r.status = 200;
    return r;
  });
  listener_ = node_.add_block_listener([this](const node::BlockEvent& event) {
    try {
      filters_.on_block(event.block.header.height);
    } catch (const std::exception& e) {
      DUSK_LOG(kWarn, "rpc", "notifying subscribers of block " << event.block.header.height << ": " << e.what());
    }
  });
}

RpcServer::~RpcServer() {
  node_.remove_block_listener(listener_);
  stop();
}

void RpcServer::start() {
  server_.start(options_.http);
  DUSK_LOG(kInfo, "rpc", "JSON-RPC on " << options_.http.host << ":" << server_.port() << " (HTTP and WebSocket)");
}

void RpcServer::stop() {
  server_.stop();
  http_limits_.clear();  // connection ids start again with the next run
}

}  // namespace dusk::rpc
