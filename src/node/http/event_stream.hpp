// EventStream: server-to-client events over WebSocket, filtered per client.
//
// Mounted on a path with HttpServer::serve_websocket(). A client connects with a WebSocket
// upgrade and sends JSON text frames:
//   {"subscribe":   {"topics": ["blocks", ...], "filter": {"field": value, ...}}}
//   {"unsubscribe": {"topics": ["blocks", ...]}}   (or {"unsubscribe": {}} for all)
// and the server answers each with {"subscribed": <subscription>} or
// {"unsubscribed": {"topics": [...]}}, so a client knows from when it receives events.
// A client may hold several subscriptions (subscription.hpp says what a filter is); an
// event is sent once to every client one of whose subscriptions accepts it, as
//   {"topic": "blocks", "event": <event>}
// A frame that is not such a message gets {"error": {"code": "bad_message", "message":
// ..}} and the connection stays open.
//
// Memory stays bounded: each client has a queue of at most max_queued_messages outgoing
// frames; a client too slow to drain it is disconnected with close code 1008 (policy
// violation) rather than publish() blocking or the queue growing. Incoming frames are
// limited to max_frame_bytes (a larger one closes the connection, code 1009).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "node/http/subscription.hpp"
#include "node/http/websocket_handler.hpp"

namespace dusk::http {

class EventStream final : public WebSocketHandler {
 public:
  struct Options {
    size_t max_queued_messages = 1024;  // per client, replies included
    size_t max_queued_bytes = 64u << 20;  // per client
    size_t max_frame_bytes = 16 * 1024;  // largest frame a client may send
    size_t max_subscriptions = 64;      // per client
    // A client from which nothing (not even a pong to our pings, sent at half this
    // interval) arrives for this long is dropped: it vanished without closing.
    std::chrono::seconds idle_timeout{60};
  };

  explicit EventStream(Options options);
  EventStream() : EventStream(Options{}) {}
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;
  ~EventStream() override;

  // Sends `event` under `topic` to every connected client whose subscription accepts it.
  // Thread-safe and callable from any thread; never blocks on a client (it only queues
  // the frame, serialized once for all clients).
  void publish(std::string_view topic, const nlohmann::json& event);

  // Clients connected now (including those still closing).
  size_t session_count() const;
  const Options& options() const { return options_; }

  // ---- WebSocketHandler ----
  WebSocketHandler::Options socket_options() const override;
  void on_open(const std::shared_ptr<WebSocketClient>& client) override;
  void on_message(const std::shared_ptr<WebSocketClient>& client, std::string_view frame, bool text) override;
  void on_close(const WebSocketClient& client) override;
  void detach(const void* owner) override;

 private:
  struct Entry {
    const WebSocketClient* id;
    const void* owner;  // the server whose I/O threads run the client
    std::weak_ptr<WebSocketClient> client;
    std::vector<Subscription> subscriptions;
  };
  // The reply to a subscribe or unsubscribe frame, updating the client's subscriptions.
  nlohmann::json handle(const WebSocketClient& client, const nlohmann::json& message);
  Entry* find_locked(const WebSocketClient& client);

  Options options_;
  // Held during a whole publish(): detach() waits for a publish in progress. A client's
  // destructor (which may run in publish when it drops the last reference) never takes it.
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace dusk::http
