// HttpServer: the node's HTTP/1.1 + WebSocket API server (Boost.Beast).
//
//   dusk::http::HttpServer server;
//   server.router().get("/v1/blocks/{id}", [&](const Request& r) { ... });
//   server.serve_websocket("/v1/events", events);   // an EventStream, or any WebSocketHandler
//   server.start({.host = "127.0.0.1", .port = 8080});
//   ... server.port() ...
//   server.stop();                                  // or let the destructor do it
//
// It knows nothing about blockchains. Routes, errors and thread-safety rules are in
// router.hpp; events in event_stream.hpp. What the server enforces by itself, so that no
// client can exhaust it:
//   - a body larger than max_body_bytes gets 413 "body_too_large" as soon as its
//     Content-Length is read (the body is never read), and the connection closes;
//     headers beyond max_header_bytes get 431 "headers_too_large";
//   - a request not fully received within read_timeout of its first byte (or of the
//     previous response, on a kept-alive connection) closes the connection silently;
//     read_timeout also bounds writing a response to a client that does not read;
//   - past max_connections open connections (WebSocket ones included) a new one gets
//     503 "overloaded" and is closed;
//   - a malformed request gets 400 "bad_request" and the connection closes.
// With allowed_origin set, every response carries Access-Control-Allow-Origin and an
// OPTIONS request on a known path is answered as a CORS preflight (204).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "node/http/event_stream.hpp"
#include "node/http/websocket_handler.hpp"
#include "node/http/router.hpp"

namespace dusk::http {

namespace detail {
struct ServerContext;
}

class HttpServer {
 public:
  struct Options {
    std::string host = "127.0.0.1";  // an IP address to bind; "0.0.0.0" for all
    uint16_t port = 0;               // 0: an ephemeral port, see port()
    size_t threads = 1;              // I/O threads running handlers (at least 1)
    size_t max_body_bytes = 1024 * 1024;
    size_t max_header_bytes = 16 * 1024;
    std::chrono::milliseconds read_timeout{10'000};
    size_t max_connections = 256;
    bool keep_alive = true;  // false: every response closes its connection
    // CORS: "*" or one origin ("https://wallet.example"); none by default.
    std::optional<std::string> allowed_origin = std::nullopt;
  };

  HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;
  // Stops the server (see stop()).
  ~HttpServer();

  // The route table. Register routes before start(); it must not change while running.
  Router& router() { return router_; }

  // Accepts WebSocket upgrades on `path` (exact match, GET) for `handler`. Before start().
  // The handler may outlive the server and be shared by several servers. A plain
  // request on the same path still goes to the router.
  void serve_websocket(std::string path, std::shared_ptr<WebSocketHandler> handler);

  // Binds, listens and starts the I/O threads; returns once the port is open. Throws
  // std::system_error when the address cannot be bound, std::logic_error when running.
  void start(Options options);

  // Closes the listener and every connection (WebSocket ones included, without a close
  // handshake), and joins the I/O threads. Returns promptly whatever the clients do.
  // Idempotent; the server can be started again afterwards. Not from a handler.
  void stop();

  bool running() const;
  // The bound port (the ephemeral one when Options::port was 0); 0 when not running.
  uint16_t port() const { return port_; }
  // Open connections (HTTP and WebSocket), for monitoring and tests.
  size_t connection_count() const;

 private:
  struct Runtime;  // the io_context, acceptor and threads of one start()..stop()
  Router router_;
  std::shared_ptr<detail::ServerContext> context_;
  std::unique_ptr<Runtime> runtime_;
  uint16_t port_ = 0;
};

}  // namespace dusk::http
