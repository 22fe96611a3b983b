#include "node/http/event_stream.hpp"

#include <algorithm>

#include "node/http/detail/websocket_session.hpp"

namespace dusk::http {

EventStream::EventStream(Options options) : options_(options) {
  if (options_.max_queued_messages == 0) options_.max_queued_messages = 1;
}

EventStream::~EventStream() = default;

void EventStream::publish(std::string_view topic, const nlohmann::json& event) {
  std::shared_ptr<const std::string> frame;  // serialized on the first client that wants it
  std::lock_guard lock(mutex_);
  auto expired = [](const Entry& e) { return e.session.expired(); };
  sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), expired), sessions_.end());
  for (const Entry& entry : sessions_) {
    std::shared_ptr<detail::WebSocketSession> session = entry.session.lock();
    if (session) session->offer(topic, event, frame);
  }
}

size_t EventStream::session_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<size_t>(std::count_if(sessions_.begin(), sessions_.end(),
                                           [](const Entry& e) { return !e.session.expired(); }));
}

void EventStream::attach(const void* owner, std::weak_ptr<detail::WebSocketSession> session) {
  std::lock_guard lock(mutex_);
  // Pruned here too, so a stream nobody publishes on does not collect dead entries.
  auto expired = [](const Entry& e) { return e.session.expired(); };
  sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), expired), sessions_.end());
  sessions_.push_back({owner, std::move(session)});
}

void EventStream::detach(const void* owner) {
  std::lock_guard lock(mutex_);
  auto owned = [owner](const Entry& e) { return e.owner == owner; };
  sessions_.erase(std::remove_if(sessions_.begin(), sessions_.end(), owned), sessions_.end());
}

}  // namespace dusk::http
