// WebSocketHandler: what serves the clients of one WebSocket path. HttpServer completes
// the upgrade, reads frames and writes queued ones; the handler decides what frames mean
// (EventStream: event subscriptions; the JSON-RPC server: requests and eth_subscribe).
//
//   server.serve_websocket("/", handler);   // a std::shared_ptr<WebSocketHandler>
//
// Each connected client is a WebSocketClient. Its outgoing queue is bounded by the
// handler's Options (messages and bytes): a client too slow to drain it is closed with code 1008 (policy
// violation) rather than send() blocking or the queue growing. Incoming frames are limited
// to max_frame_bytes (a larger one closes the connection, code 1009); a client from which
// nothing (not even a pong to our pings, sent at half the interval) arrives for
// idle_timeout is dropped.
//
// THREADS: on_message runs on the server's I/O threads (one client's frames one at a time,
// in order; different clients' concurrently when the server has several threads).
// WebSocketClient::send may be called from any thread and never blocks.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace dusk::http {

class WebSocketClient {
 public:
  virtual ~WebSocketClient() = default;
  // Queues a text frame; when the queue is full, closes the client (1008) instead.
  // False when the client is closed or closing (the frame is dropped).
  virtual bool send(std::shared_ptr<const std::string> frame) = 0;
  bool send(std::string frame) { return send(std::make_shared<const std::string>(std::move(frame))); }
  // The server whose I/O threads run this client (see WebSocketHandler::detach).
  virtual const void* owner() const = 0;
};

class WebSocketHandler {
 public:
  struct Options {
    size_t max_queued_messages = 1024;   // per client, replies included
    size_t max_queued_bytes = 64u << 20;  // per client: a client that does not read is closed
    size_t max_frame_bytes = 16 * 1024;  // largest frame a client may send
    std::chrono::seconds idle_timeout{60};
  };

  virtual ~WebSocketHandler() = default;
  virtual Options socket_options() const = 0;
  // A client completed the handshake.
  virtual void on_open(const std::shared_ptr<WebSocketClient>& client) { (void)client; }
  // A frame from the client; `text` false for a binary frame.
  virtual void on_message(const std::shared_ptr<WebSocketClient>& client, std::string_view frame, bool text) = 0;
  // The client is gone (called once, on an I/O thread).
  virtual void on_close(const WebSocketClient& client) { (void)client; }
  // The server `owner` stops: after this returns, the handler must not touch the clients
  // of that server any more (their I/O context is about to be destroyed).
  virtual void detach(const void* owner) { (void)owner; }
};

}  // namespace dusk::http
