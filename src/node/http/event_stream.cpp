#include "node/http/event_stream.hpp"

#include <algorithm>
#include <stdexcept>

#include "base/json_depth.hpp"

namespace dusk::http {

namespace {

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json error_frame(std::string_view code, std::string_view message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace

EventStream::EventStream(Options options) : options_(options) {
  if (options_.max_queued_messages == 0) options_.max_queued_messages = 1;
}

EventStream::~EventStream() = default;

WebSocketHandler::Options EventStream::socket_options() const {
  return {.max_queued_messages = options_.max_queued_messages,
          .max_queued_bytes = options_.max_queued_bytes,
          .max_frame_bytes = options_.max_frame_bytes,
          .idle_timeout = options_.idle_timeout};
}

void EventStream::publish(std::string_view topic, const nlohmann::json& event) {
  std::shared_ptr<const std::string> frame;  // serialized on the first client that wants it
  std::lock_guard lock(mutex_);
  auto expired = [](const Entry& e) { return e.client.expired(); };
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), expired), entries_.end());
  for (const Entry& entry : entries_) {
    bool wanted = std::any_of(entry.subscriptions.begin(), entry.subscriptions.end(),
                              [&](const Subscription& s) { return s.accepts(topic, event); });
    if (!wanted) continue;
    std::shared_ptr<WebSocketClient> client = entry.client.lock();
    if (!client) continue;
    if (!frame) frame = std::make_shared<const std::string>(dump({{"topic", topic}, {"event", event}}));
    client->send(frame);
  }
}

size_t EventStream::session_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<size_t>(std::count_if(entries_.begin(), entries_.end(),
                                           [](const Entry& e) { return !e.client.expired(); }));
}

void EventStream::on_open(const std::shared_ptr<WebSocketClient>& client) {
  std::lock_guard lock(mutex_);
  // Pruned here too, so a stream nobody publishes on does not collect dead entries.
  auto expired = [](const Entry& e) { return e.client.expired(); };
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), expired), entries_.end());
  entries_.push_back({client.get(), client->owner(), client, {}});
}

void EventStream::on_close(const WebSocketClient& client) {
  std::lock_guard lock(mutex_);
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == &client; }),
                 entries_.end());
}

void EventStream::detach(const void* owner) {
  std::lock_guard lock(mutex_);
  auto owned = [owner](const Entry& e) { return e.owner == owner; };
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), owned), entries_.end());
}

EventStream::Entry* EventStream::find_locked(const WebSocketClient& client) {
  for (Entry& e : entries_) {
    if (e.id == &client) return &e;
  }
  return nullptr;
}

void EventStream::on_message(const std::shared_ptr<WebSocketClient>& client, std::string_view frame, bool text) {
  nlohmann::json reply;
  if (!text) {
    reply = error_frame("bad_message", "frames must be JSON text");
  } else {
    nlohmann::json message;
    if (check_json_depth(frame, 32).ok()) message = nlohmann::json::parse(frame, nullptr, false);
    reply = handle(*client, message);
  }
  client->send(dump(reply));
}

nlohmann::json EventStream::handle(const WebSocketClient& client, const nlohmann::json& message) {
  if (!message.is_object() || message.size() != 1) {
    return error_frame("bad_message", R"(expected {"subscribe": {...}} or {"unsubscribe": {...}})");
  }
  auto subscribe = message.find("subscribe");
  if (subscribe != message.end()) {
    Subscription subscription;
    try {
      subscription = Subscription::parse(*subscribe);
    } catch (const std::invalid_argument& e) {
      return error_frame("bad_subscription", e.what());
    }
    nlohmann::json ack = {{"subscribed", subscription.to_json()}};
    std::lock_guard lock(mutex_);
    Entry* entry = find_locked(client);
    if (entry == nullptr) return error_frame("closed", "the connection is closing");
    if (entry->subscriptions.size() >= options_.max_subscriptions) {
      return error_frame("too_many_subscriptions",
                         "at most " + std::to_string(options_.max_subscriptions) + " subscriptions per connection");
    }
    entry->subscriptions.push_back(std::move(subscription));
    return ack;
  }
  auto unsubscribe = message.find("unsubscribe");
  if (unsubscribe == message.end() || !unsubscribe->is_object() ||
      (unsubscribe->size() > 0 && !(unsubscribe->size() == 1 && unsubscribe->contains("topics") &&
                                    (*unsubscribe)["topics"].is_array()))) {
    return error_frame("bad_message", R"(expected {"unsubscribe": {"topics": [...]}} or {"unsubscribe": {}})");
  }
  if (!unsubscribe->empty()) {
    for (const auto& topic : (*unsubscribe)["topics"]) {
      if (!topic.is_string()) return error_frame("bad_message", "\"topics\" must be an array of strings");
    }
  }
  std::lock_guard lock(mutex_);
  Entry* entry = find_locked(client);
  if (entry == nullptr) return error_frame("closed", "the connection is closing");
  std::vector<Subscription>& subscriptions = entry->subscriptions;
  if (unsubscribe->empty()) {
    subscriptions.clear();
  } else {
    for (const auto& topic : (*unsubscribe)["topics"]) {
      for (Subscription& s : subscriptions) s.topics.erase(topic.get<std::string>());
    }
    subscriptions.erase(std::remove_if(subscriptions.begin(), subscriptions.end(),
                                       [](const Subscription& s) { return s.topics.empty(); }),
                        subscriptions.end());
  }
  return {{"unsubscribed", *unsubscribe}};
}

}  // namespace dusk::http
