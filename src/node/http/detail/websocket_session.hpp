// One WebSocket client: completes the handshake, hands every frame it reads to the
// path's WebSocketHandler, and writes the frames queued by send() through a bounded queue
// (websocket_handler.hpp describes the policy).
//
// Threads: the socket is used only on the session's strand; send() is called from any
// thread and touches only the queue, under mutex_.
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

#include "node/http/detail/server_context.hpp"
#include "node/http/websocket_handler.hpp"

namespace dusk::http::detail {

class WebSocketSession final : public WebSocketClient, public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<WebSocketHandler> handler, const void* owner,
                   ConnectionSlot slot, std::chrono::milliseconds handshake_timeout);

  // Answers the upgrade `request` and serves the client until it disconnects.
  void run(boost::beast::http::request<boost::beast::http::string_body> request);

  using WebSocketClient::send;
  bool send(std::shared_ptr<const std::string> frame) override;
  const void* owner() const override { return owner_; }

 private:
  void on_accept(boost::beast::error_code ec);
  void read_frame();
  void on_read(boost::beast::error_code ec);
  // Under mutex_: appends to the queue and starts writing, or closes when it is full.
  void enqueue_locked(std::shared_ptr<const std::string> frame);
  void write_next();
  void close_for_policy();
  void abort();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer read_buffer_;
  boost::asio::steady_timer close_timer_;
  std::shared_ptr<WebSocketHandler> handler_;
  const void* owner_;
  ConnectionSlot slot_;
  const WebSocketHandler::Options options_;

  std::mutex mutex_;  // guards what follows
  std::deque<std::shared_ptr<const std::string>> queue_;  // front() is being written
  size_t queued_bytes_ = 0;
  bool accepted_ = false;
  bool closed_ = false;  // on_close was called
  bool writing_ = false;
  bool closing_ = false;
};

}  // namespace dusk::http::detail
