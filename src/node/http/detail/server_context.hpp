// What every connection of one HttpServer::start() shares: read-only configuration and
// the connection counters. Sessions hold it by shared_ptr, so it outlives them however
// they end.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "node/http/websocket_handler.hpp"
#include "node/http/http_server.hpp"
#include "node/http/router.hpp"

namespace dusk::http::detail {

struct ServerContext {
  HttpServer::Options options;
  const Router* router = nullptr;  // owned by the HttpServer, which outlives its sessions
  std::map<std::string, std::shared_ptr<WebSocketHandler>> websockets;  // by exact path
  const void* owner = nullptr;  // identifies this server to WebSocketHandler::detach
  std::atomic<size_t> connections{0};  // served connections, HTTP and WebSocket
  std::atomic<size_t> rejecting{0};    // connections being told 503
  std::atomic<u64> next_connection{1};  // the ids of Request::connection
};

// One unit of a counter, held by a session for as long as it lives and handed from the
// HTTP session to the WebSocket session on upgrade.
class ConnectionSlot {
 public:
  ConnectionSlot() = default;
  ConnectionSlot(std::shared_ptr<ServerContext> context, std::atomic<size_t>* counter)
      : context_(std::move(context)), counter_(counter) {
    counter_->fetch_add(1);
  }
  ConnectionSlot(ConnectionSlot&& other) noexcept
      : context_(std::move(other.context_)), counter_(std::exchange(other.counter_, nullptr)) {}
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ConnectionSlot(const ConnectionSlot&) = delete;
  ~ConnectionSlot() {
    if (counter_ != nullptr) counter_->fetch_sub(1);
  }

 private:
  std::shared_ptr<ServerContext> context_;  // keeps *counter_ alive
  std::atomic<size_t>* counter_ = nullptr;
};

}  // namespace dusk::http::detail
