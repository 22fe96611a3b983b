#include "node/rpc/log_filter.hpp"

#include <algorithm>

#include "node/rpc/json_rpc.hpp"

namespace dusk::rpc {

LogFilter LogFilter::parse(const nlohmann::json& v, size_t arg) {
  if (!v.is_object()) RpcParams::invalid(arg, "expected a filter object");
  LogFilter f;
  auto field = [&](const char* name) -> const nlohmann::json* {
    auto it = v.find(name);
    return it == v.end() || it->is_null() ? nullptr : &*it;
  };
  if (const auto* h = field("blockHash")) {
    if (field("fromBlock") || field("toBlock"))
      RpcParams::invalid(arg, "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
    f.block_hash = parse_hash(*h, arg);
  }
  if (const auto* b = field("fromBlock")) f.from = parse_block_ref(*b, arg, false);
  if (const auto* b = field("toBlock")) f.to = parse_block_ref(*b, arg, false);
  if (const auto* a = field("address")) {
    if (a->is_string()) {
      f.addresses.push_back(parse_address(*a, arg));
    } else if (a->is_array()) {
      if (a->size() > kMaxAddresses) RpcParams::invalid(arg, "too many addresses in the filter");
      for (const auto& x : *a) f.addresses.push_back(parse_address(x, arg));
    } else {
      RpcParams::invalid(arg, "address must be a string or an array of strings");
    }
  }
  if (const auto* t = field("topics")) {
    if (!t->is_array()) RpcParams::invalid(arg, "topics must be an array");
    if (t->size() > 4) RpcParams::invalid(arg, "exceed max topics");
    size_t values = 0;
    for (const auto& position : *t) {
      std::vector<Hash256> any;
      if (position.is_string()) {
        any.push_back(parse_hash(position, arg));
      } else if (position.is_array()) {
        for (const auto& x : position) {
          if (x.is_null()) {  // null inside a position: that position matches anything
            any.clear();
            break;
          }
          any.push_back(parse_hash(x, arg));
        }
      } else if (!position.is_null()) {
        RpcParams::invalid(arg, "topics entries must be null, a hash or an array of hashes");
      }
      values += any.size();
      f.topics.push_back(std::move(any));
    }
    if (values > kMaxTopicValues) RpcParams::invalid(arg, "too many topics in the filter");
  }
  return f;
}

bool LogFilter::matches(const evm::Log& log) const {
  if (!addresses.empty() && std::find(addresses.begin(), addresses.end(), log.address) == addresses.end())
    return false;
  if (topics.size() > log.topics.size()) return false;
  for (size_t i = 0; i < topics.size(); ++i) {
    if (topics[i].empty()) continue;
    if (std::find(topics[i].begin(), topics[i].end(), log.topics[i]) == topics[i].end()) return false;
  }
  return true;
}

bool LogFilter::may_match(const evm::Bloom& bloom) const {
  if (!addresses.empty() && std::none_of(addresses.begin(), addresses.end(), [&](const Address& a) {
        return evm::bloom_may_contain(bloom, a);
      }))
    return false;
  for (const auto& any : topics) {
    if (any.empty()) continue;
    if (std::none_of(any.begin(), any.end(), [&](const Hash256& t) { return evm::bloom_may_contain(bloom, t); }))
      return false;
  }
  return true;
}

}  // namespace dusk::rpc
