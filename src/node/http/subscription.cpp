#include "node/http/subscription.hpp"

#include <stdexcept>

namespace dusk::http {

bool Subscription::accepts(std::string_view topic, const nlohmann::json& event) const {
  if (topics.find(std::string(topic)) == topics.end()) return false;
  if (filter.empty()) return true;
  if (!event.is_object()) return false;
  for (const auto& [field, value] : filter) {
    auto it = event.find(field);
    if (it == event.end() || *it != value) return false;
  }
  return true;
}

Subscription Subscription::parse(const nlohmann::json& spec) {
  if (!spec.is_object()) throw std::invalid_argument("a subscription must be an object");
  Subscription sub;
  for (const auto& [key, value] : spec.items()) {
    if (key == "topics") {
      if (!value.is_array() || value.empty()) {
        throw std::invalid_argument("\"topics\" must be a non-empty array of strings");
      }
      if (value.size() > kMaxTopics) throw std::invalid_argument("too many topics in one subscription");
      for (const auto& topic : value) {
        if (!topic.is_string()) throw std::invalid_argument("\"topics\" must be a non-empty array of strings");
        sub.topics.insert(topic.get<std::string>());
      }
    } else if (key == "filter") {
      if (!value.is_object()) throw std::invalid_argument("\"filter\" must be an object of field: value");
      if (value.size() > kMaxFilterFields) throw std::invalid_argument("too many fields in one filter");
      for (const auto& [field, expected] : value.items()) sub.filter.emplace(field, expected);
    } else {
      throw std::invalid_argument("unknown subscription field \"" + key + "\"");
    }
  }
  if (sub.topics.empty()) throw std::invalid_argument("\"topics\" must be a non-empty array of strings");
  return sub;
}

nlohmann::json Subscription::to_json() const {
  nlohmann::json out = {{"topics", topics}};
  if (!filter.empty()) out["filter"] = filter;
  return out;
}

}  // namespace dusk::http
