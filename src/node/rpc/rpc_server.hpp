// The Ethereum JSON-RPC server of a node: HTTP POST and WebSocket on one port
// (127.0.0.1:8545 by default), batches, eth_subscribe over WebSocket, CORS for browser
// wallets, and limits so that no client can exhaust the node:
//   - a body above max_body_bytes: HTTP 413; a WebSocket frame above it closes the
//     connection (1009);
//   - a batch above limits.max_batch requests, or responses above
//     limits.max_response_bytes: JSON-RPC errors (json_rpc.hpp);
//   - eth_call and eth_estimateGas: at most eth.gas_cap gas; eth_getLogs: at most
//     eth.max_log_blocks blocks and eth.max_logs results;
//   - per connection, at most requests_per_second over WebSocket and
//     http_requests_per_second over kept-alive HTTP (token buckets of one second's worth,
//     a batch spending one token per request; rate_limiter.hpp): beyond it, error -32005
//     "rate limit exceeded" and nothing done. HTTP's default is higher because clients
//     multiplex many requests on few kept-alive connections (ethers, viem, the benchmark's
//     16 in flight reach about 1,100 a second each); max_connections bounds the total;
//   - the HTTP server's own limits (read timeouts, connection count: http_server.hpp).
//
//   RpcServer rpc(node, {});
//   rpc.start();          // throws std::system_error when the port is taken
//   ... rpc.port() ...
//   rpc.stop();           // or the destructor
#pragma once

#include <memory>

#include "node/http/http_server.hpp"
#include "node/node.hpp"
#include "node/rpc/debug_api.hpp"
#include "node/rpc/eth_api.hpp"
#include "node/rpc/eth_filters.hpp"
#include "node/rpc/json_rpc.hpp"
#include "node/rpc/rate_limiter.hpp"

namespace dusk::rpc {

struct RpcServerOptions {
  http::HttpServer::Options http = default_http();
  RpcLimits limits;
  EthApiOptions eth;
  EthFilters::Options filters;
  double requests_per_second = 1'000;       // per WebSocket connection
  double http_requests_per_second = 5'000;  // per HTTP connection

  static http::HttpServer::Options default_http() {
    http::HttpServer::Options o;
    o.port = 8545;
    o.max_body_bytes = 5 * 1024 * 1024;  // geth's
    o.threads = 2;
    o.allowed_origin = "*";
    return o;
  }
};

class RpcServer {
 public:
  RpcServer(node::Node& node, RpcServerOptions options);
  ~RpcServer();
  RpcServer(const RpcServer&) = delete;
  RpcServer& operator=(const RpcServer&) = delete;

  void start();
  void stop();
  uint16_t port() const { return server_.port(); }
  const RpcMethods& methods() const { return methods_; }
  const EthFilters& filters() const { return filters_; }

 private:
  class Socket;
  node::Node& node_;
  const RpcServerOptions options_;
  RpcMethods methods_;
  EvmReader reader_;
  EthFilters filters_;
  EthApi eth_;
  DebugApi debug_;
  std::shared_ptr<Socket> socket_;
  RateLimiter http_limits_{options_.http_requests_per_second};  // by Request::connection
  http::HttpServer server_;
  u64 listener_ = 0;
};

}  // namespace dusk::rpc
