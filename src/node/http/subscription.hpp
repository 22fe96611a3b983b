// Subscription: which events one WebSocket client asked for.
//
// A set of topics plus an optional filter: a map of field -> value where each value must
// equal the event's top-level field of that name. Generic on purpose: the node decides
// what its events carry, e.g. {"topics": ["contract_events"], "filter": {"contract":
// "ab12.."}} receives only the events of that contract.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dusk::http {

struct Subscription {
  // Bounds on what one client may ask, so matching an event stays cheap.
  static constexpr size_t kMaxTopics = 64;
  static constexpr size_t kMaxFilterFields = 16;

  std::set<std::string> topics;
  std::map<std::string, nlohmann::json> filter;

  // True when `topic` is one of `topics` and every filter field equals `event`'s field of
  // that name (an event that is not an object, or lacks the field, is not accepted).
  bool accepts(std::string_view topic, const nlohmann::json& event) const;

  // Reads {"topics": ["a", ...], "filter": {"field": value, ...}} ("filter" optional).
  // Throws std::invalid_argument with a message for the client on any other shape,
  // an empty topic list, or more topics or filter fields than the bounds above.
  static Subscription parse(const nlohmann::json& spec);
  nlohmann::json to_json() const;
};

}  // namespace dusk::http
