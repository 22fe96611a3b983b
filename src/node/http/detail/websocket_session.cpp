#include "node/http/detail/websocket_session.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "base/log.hpp"

namespace dusk::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

namespace {

// How long a slow consumer gets to take our close frame before the socket is cut: it is
// not reading, so the close handshake may never complete.
constexpr std::chrono::seconds kCloseTimeout{2};

}  // namespace

WebSocketSession::WebSocketSession(asio::ip::tcp::socket socket, std::shared_ptr<WebSocketHandler> handler,
                                   const void* owner, ConnectionSlot slot,
                                   std::chrono::milliseconds handshake_timeout)
    : ws_(std::move(socket)),
      close_timer_(ws_.get_executor()),
      handler_(std::move(handler)),
      owner_(owner),
      slot_(std::move(slot)),
      options_(handler_->socket_options()) {
  websocket::stream_base::timeout timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeout.handshake_timeout = handshake_timeout;
  timeout.idle_timeout = options_.idle_timeout;
  timeout.keep_alive_pings = true;
  ws_.set_option(timeout);
  ws_.read_message_max(options_.max_frame_bytes);
}

void WebSocketSession::run(beast::http::request<beast::http::string_body> request) {
  // The request must outlive the handshake: the operation reads it to answer.
  auto held = std::make_shared<beast::http::request<beast::http::string_body>>(std::move(request));
  asio::dispatch(ws_.get_executor(), [self = shared_from_this(), held] {
    self->ws_.async_accept(*held, [self, held](beast::error_code ec) { self->on_accept(ec); });
  });
}

void WebSocketSession::on_accept(beast::error_code ec) {
  if (ec) return;  // the handshake failed; dropping the last reference closes the socket
  {
    std::lock_guard lock(mutex_);
    accepted_ = true;
  }
  handler_->on_open(shared_from_this());
  read_frame();
}

void WebSocketSession::read_frame() {
  ws_.async_read(read_buffer_, [self = shared_from_this()](beast::error_code ec, size_t) { self->on_read(ec); });
}

void WebSocketSession::on_read(beast::error_code ec) {
  if (ec) {
    // Closed by the client, too large a frame (Beast has sent 1009), a reset, or our own
    // close: in every case the session is over.
    abort();
    return;
  }
  std::string frame = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  handler_->on_message(shared_from_this(), frame, ws_.got_text());
  read_frame();
}

bool WebSocketSession::send(std::shared_ptr<const std::string> frame) {
  std::lock_guard lock(mutex_);
  if (!accepted_ || closing_) return false;
  enqueue_locked(std::move(frame));
  return !closing_;
}

void WebSocketSession::enqueue_locked(std::shared_ptr<const std::string> frame) {
  if (queue_.size() >= options_.max_queued_messages || queued_bytes_ + frame->size() > options_.max_queued_bytes) {
    closing_ = true;
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->close_for_policy(); });
    return;
  }
  queued_bytes_ += frame->size();
  queue_.push_back(std::move(frame));
  if (!writing_) {
    writing_ = true;
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->write_next(); });
  }
}

void WebSocketSession::write_next() {
  std::shared_ptr<const std::string> frame;
  {
    std::lock_guard lock(mutex_);
    if (closing_ || queue_.empty()) {
      writing_ = false;
      return;
    }
    frame = queue_.front();
  }
  ws_.text(true);
  ws_.async_write(asio::buffer(*frame), [self = shared_from_this(), frame](beast::error_code ec, size_t) {
    if (ec) {
      self->abort();
      return;
    }
    {
      std::lock_guard lock(self->mutex_);
      self->queued_bytes_ -= self->queue_.front()->size();
      self->queue_.pop_front();
    }
    self->write_next();
  });
}

void WebSocketSession::close_for_policy() {
  DUSK_LOG(kInfo, "http", "closing a slow WebSocket client: its queue reached "
                              << options_.max_queued_messages << " messages or " << options_.max_queued_bytes
                              << " bytes");
  close_timer_.expires_after(kCloseTimeout);
  close_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) beast::get_lowest_layer(self->ws_).close();
  });
  // Sent once the frame being written (if any) is out: Beast queues the close behind it.
  ws_.async_close(websocket::close_reason(websocket::close_code::policy_error, "outgoing queue full"),
                  [self = shared_from_this()](beast::error_code) { self->abort(); });
}

void WebSocketSession::abort() {
  bool notify = false;
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    notify = accepted_ && !closed_;
    closed_ = true;
  }
  close_timer_.cancel();
  beast::get_lowest_layer(ws_).close();
  if (notify) handler_->on_close(*this);
}

}  // namespace dusk::http::detail
