// The node's HTTP API and event stream (docs/API.md has every route, its answers and
// its errors). Routes answer JSON; amounts are decimal strings (LUX on DuskDS and
// DuskVM, wei on DuskEVM) so that no client loses digits; heights and counts are
// numbers. Errors: {"error": {"code": "...", "message": "..."}} with a 4xx status for
// what the client sent and 5xx for the node's own failures.
//
//   NodeApi api(node);
//   api.start({.host = "127.0.0.1", .port = 8080});
//   ... api.port() ...
//   api.stop();
#pragma once
#include <memory>

#include "node/http/event_stream.hpp"
#include "node/http/http_server.hpp"
#include "node/node.hpp"

namespace dusk::node {

class NodeApi {
 public:
  explicit NodeApi(Node& node);
  ~NodeApi();
  void start(http::HttpServer::Options options);
  void stop();
  uint16_t port() const { return server_.port(); }
  // The stream the node's blocks are published on (topics: blocks, finalized,
  // transactions, contract_events).
  http::EventStream& events() { return *events_; }

 private:
  void routes();
  void publish(const BlockEvent& event);

  Node& node_;
  http::HttpServer server_;
  std::shared_ptr<http::EventStream> events_;
  u64 listener_ = 0;  // the node's block listener id
  u64 published_final_ = 0;
};

}  // namespace dusk::node
