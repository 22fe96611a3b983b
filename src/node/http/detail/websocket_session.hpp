// One event-stream client: completes the WebSocket handshake, reads its subscribe and
// unsubscribe frames, and writes the events EventStream::publish offers it through a
// bounded queue (event_stream.hpp describes the protocol).
//
// Threads: the socket is used only on the session's strand; offer() is called from any
// thread and touches only the queue and subscriptions, under mutex_.
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include "node/http/detail/server_context.hpp"
#include "node/http/event_stream.hpp"
#include "node/http/subscription.hpp"

namespace dusk::http::detail {

class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<EventStream> stream, const void* owner,
                   ConnectionSlot slot, std::chrono::milliseconds handshake_timeout);

  // Answers the upgrade `request` and serves the client until it disconnects.
  void run(boost::beast::http::request<boost::beast::http::string_body> request);

  // Queues the frame {"topic":..,"event":..} if a subscription accepts the event; `frame`
  // is that frame's text, built here by the first session that needs it and shared by the
  // rest. Closes the session (1008) instead when its queue is full. Any thread.
  void offer(std::string_view topic, const nlohmann::json& event, std::shared_ptr<const std::string>& frame);

 private:
  void on_accept(boost::beast::error_code ec);
  void read_frame();
  void on_read(boost::beast::error_code ec);
  void handle_message(std::string_view text);
  void reply(const nlohmann::json& message);
  // Under mutex_: appends to the queue and starts writing, or closes when it is full.
  void enqueue_locked(std::shared_ptr<const std::string> frame);
  void write_next();
  void close_for_policy();
  void abort();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer read_buffer_;
  boost::asio::steady_timer close_timer_;
  std::shared_ptr<EventStream> stream_;
  const void* owner_;
  ConnectionSlot slot_;
  const EventStream::Options options_;

  std::mutex mutex_;  // guards what follows
  std::deque<std::shared_ptr<const std::string>> queue_;  // front() is being written
  std::vector<Subscription> subscriptions_;
  bool accepted_ = false;
  bool writing_ = false;
  bool closing_ = false;
};

}  // namespace dusk::http::detail
