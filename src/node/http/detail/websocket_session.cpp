#include "node/http/detail/websocket_session.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "base/json_depth.hpp"
#include "base/log.hpp"

namespace dusk::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

namespace {

// How long a slow consumer gets to take our close frame before the socket is cut: it is
// not reading, so the close handshake may never complete.
constexpr std::chrono::seconds kCloseTimeout{2};

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json error_frame(std::string_view code, std::string_view message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace

WebSocketSession::WebSocketSession(asio::ip::tcp::socket socket, std::shared_ptr<EventStream> stream,
                                   const void* owner, ConnectionSlot slot,
                                   std::chrono::milliseconds handshake_timeout)
    : ws_(std::move(socket)),
      close_timer_(ws_.get_executor()),
      stream_(std::move(stream)),
      owner_(owner),
      slot_(std::move(slot)),
      options_(stream_->options()) {
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
  stream_->attach(owner_, weak_from_this());
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
  std::string text = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  if (!ws_.got_text()) {
    reply(error_frame("bad_message", "frames must be JSON text"));
  } else {
    handle_message(text);
  }
  read_frame();
}

void WebSocketSession::handle_message(std::string_view text) {
  nlohmann::json message;
  if (check_json_depth(text, 32).ok()) message = nlohmann::json::parse(text, nullptr, false);
  if (!message.is_object() || message.size() != 1) {
    reply(error_frame("bad_message", R"(expected {"subscribe": {...}} or {"unsubscribe": {...}})"));
    return;
  }
  auto subscribe = message.find("subscribe");
  if (subscribe != message.end()) {
    Subscription subscription;
    try {
      subscription = Subscription::parse(*subscribe);
    } catch (const std::invalid_argument& e) {
      reply(error_frame("bad_subscription", e.what()));
      return;
    }
    nlohmann::json ack = {{"subscribed", subscription.to_json()}};
    {
      std::lock_guard lock(mutex_);
      if (subscriptions_.size() >= options_.max_subscriptions) {
        ack = error_frame("too_many_subscriptions",
                          "at most " + std::to_string(options_.max_subscriptions) + " subscriptions per connection");
      } else {
        subscriptions_.push_back(std::move(subscription));
      }
    }
    reply(ack);
    return;
  }
  auto unsubscribe = message.find("unsubscribe");
  if (unsubscribe == message.end() || !unsubscribe->is_object() ||
      (unsubscribe->size() > 0 && !(unsubscribe->size() == 1 && unsubscribe->contains("topics") &&
                                    (*unsubscribe)["topics"].is_array()))) {
    reply(error_frame("bad_message", R"(expected {"unsubscribe": {"topics": [...]}} or {"unsubscribe": {}})"));
    return;
  }
  if (unsubscribe->empty()) {
    std::lock_guard lock(mutex_);
    subscriptions_.clear();
  } else {
    for (const auto& topic : (*unsubscribe)["topics"]) {
      if (!topic.is_string()) {
        reply(error_frame("bad_message", "\"topics\" must be an array of strings"));
        return;
      }
    }
    std::lock_guard lock(mutex_);
    for (const auto& topic : (*unsubscribe)["topics"]) {
      for (Subscription& s : subscriptions_) s.topics.erase(topic.get<std::string>());
    }
    subscriptions_.erase(std::remove_if(subscriptions_.begin(), subscriptions_.end(),
                                        [](const Subscription& s) { return s.topics.empty(); }),
                         subscriptions_.end());
  }
  reply({{"unsubscribed", *unsubscribe}});
}

void WebSocketSession::reply(const nlohmann::json& message) {
  auto frame = std::make_shared<const std::string>(dump(message));
  std::lock_guard lock(mutex_);
  if (!closing_) enqueue_locked(std::move(frame));
}

void WebSocketSession::offer(std::string_view topic, const nlohmann::json& event,
                             std::shared_ptr<const std::string>& frame) {
  std::lock_guard lock(mutex_);
  if (!accepted_ || closing_) return;
  bool wanted = std::any_of(subscriptions_.begin(), subscriptions_.end(),
                            [&](const Subscription& s) { return s.accepts(topic, event); });
  if (!wanted) return;
  if (!frame) frame = std::make_shared<const std::string>(dump({{"topic", topic}, {"event", event}}));
  enqueue_locked(frame);
}

void WebSocketSession::enqueue_locked(std::shared_ptr<const std::string> frame) {
  if (queue_.size() >= options_.max_queued_messages) {
    closing_ = true;
    asio::post(ws_.get_executor(), [self = shared_from_this()] { self->close_for_policy(); });
    return;
  }
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
      self->queue_.pop_front();
    }
    self->write_next();
  });
}

void WebSocketSession::close_for_policy() {
  DUSK_LOG(kInfo, "http", "closing a slow event-stream client: " << options_.max_queued_messages
                              << " messages queued");
  close_timer_.expires_after(kCloseTimeout);
  close_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) beast::get_lowest_layer(self->ws_).close();
  });
  // Sent once the frame being written (if any) is out: Beast queues the close behind it.
  ws_.async_close(websocket::close_reason(websocket::close_code::policy_error, "event queue full"),
                  [self = shared_from_this()](beast::error_code) { self->abort(); });
}

void WebSocketSession::abort() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  close_timer_.cancel();
  beast::get_lowest_layer(ws_).close();
}

}  // namespace dusk::http::detail
