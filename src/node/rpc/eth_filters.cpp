#include "node/rpc/eth_filters.hpp"

#include <algorithm>
#include <vector>

namespace dusk::rpc {

using nlohmann::json;

namespace {

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

const RpcError& filter_not_found() {
  static const RpcError kError(kServerError, "filter not found");
  return kError;
}

}  // namespace

EthFilters::EthFilters(const EvmReader& reader, Options options)
    : reader_(reader), options_(options), random_(std::random_device{}()) {}

std::string EthFilters::new_id() {
  std::string id = "0x";
  static const char* const kDigits = "0123456789abcdef";
  for (int i = 0; i < 2; ++i) {
    u64 r = random_();
    for (int j = 0; j < 16; ++j, r >>= 4) id += kDigits[r & 15];
  }
  return id;
}

void EthFilters::expire_locked(std::chrono::steady_clock::time_point now) {
  for (auto it = filters_.begin(); it != filters_.end();) {
    if (now - it->second.last_poll > options_.timeout) it = filters_.erase(it);
    else ++it;
  }
}

std::string EthFilters::install(Filter filter) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  expire_locked(now);
  if (filters_.size() >= options_.max_filters)
    throw RpcError(kLimitExceeded, "too many filters (at most " + std::to_string(options_.max_filters) + ")");
  filter.last_poll = now;
  std::string id = new_id();
  filters_.emplace(id, std::move(filter));
  return id;
}

size_t EthFilters::filter_count() const {
  std::lock_guard lock(mu_);
  return filters_.size();
}

size_t EthFilters::subscription_count() const {
  std::lock_guard lock(mu_);
  return subscriptions_.size();
}

json EthFilters::changes(const std::string& id) {
  Filter snapshot;
  {
    std::lock_guard lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    expire_locked(now);
    auto it = filters_.find(id);
    if (it == filters_.end()) throw filter_not_found();
    it->second.last_poll = now;
    snapshot = it->second;
  }
  const u64 head = reader_.head();
  json out = json::array();
  u64 next = snapshot.next_block;
  if (snapshot.kind == Kind::kBlocks) {
    for (u64 n = snapshot.next_block; n <= head; ++n) {
      auto b = reader_.block(n);
      if (b) out.push_back(hash(evm::block_hash(b->header)));
    }
    next = head + 1;
  } else if (snapshot.kind == Kind::kLogs) {
    // The filter's own range still bounds what it reports.
    u64 from = snapshot.next_block;
    u64 to = head;
    if (snapshot.log.from.kind == BlockRef::Kind::kNumber) from = std::max(from, snapshot.log.from.number);
    if (snapshot.log.to.kind == BlockRef::Kind::kNumber) to = std::min(to, snapshot.log.to.number);
    next = head + 1;
    if (snapshot.log.block_hash) {
      from = 1;  // a filter for one block hash reports nothing new
      to = 0;
    }
    if (from <= to) {
      try {
        out = reader_.logs(snapshot.log, from, to, options_.max_logs);
      } catch (const RpcError&) {
        // Too many results: the range is skipped, so that the filter is not stuck on it
        // for good; the client hears why once.
        std::lock_guard lock(mu_);
        auto it = filters_.find(id);
        if (it != filters_.end()) it->second.next_block = std::max(it->second.next_block, next);
        throw;
      }
    }
  } else {
    std::set<Hash256> pooled;
    for (const Hash256& h : reader_.lane().pooled_hashes()) {
      pooled.insert(h);
      if (snapshot.seen.count(h) == 0) out.push_back(hash(h));
    }
    snapshot.seen = std::move(pooled);  // bounded by the pool
  }
  std::lock_guard lock(mu_);
  auto it = filters_.find(id);
  if (it != filters_.end()) {
    it->second.next_block = std::max(it->second.next_block, next);
    if (snapshot.kind == Kind::kPending) it->second.seen = std::move(snapshot.seen);
  }
  return out;
}

json EthFilters::filter_logs(const std::string& id) {
  LogFilter log;
  {
    std::lock_guard lock(mu_);
    auto it = filters_.find(id);
    if (it == filters_.end() || it->second.kind != Kind::kLogs) throw filter_not_found();
    it->second.last_poll = std::chrono::steady_clock::now();
    log = it->second.log;
  }
  if (log.block_hash) {
    auto n = reader_.resolve({BlockRef::Kind::kHash, 0, *log.block_hash});
    if (!n) throw RpcError(kServerError, "unknown block");
    return reader_.logs(log, *n, *n, options_.max_logs);
  }
  const auto start = reader_.resolve(log.from);
  if (!start) return json::array();  // from beyond the head: nothing (as geth)
  const u64 from = *start;
  const u64 to = reader_.resolve(log.to).value_or(reader_.head());
  if (from > to) throw RpcError(kInvalidParams, "invalid block range params");
  if (to - from >= options_.max_block_range)
    throw RpcError(kLimitExceeded, "block range too large (at most " + std::to_string(options_.max_block_range) + ")");
  return reader_.logs(log, from, to, options_.max_logs);
}

json EthFilters::subscribe(const RpcParams& params, const RpcCall& call) {
  if (!call.client) throw RpcError(-32601, "notifications not supported");  // geth's answer over HTTP
  params.check_count(2);
  const json& kind = params.at(0);
  if (!kind.is_string()) RpcParams::invalid(0, "expected a subscription name");
  Subscription s;
  const std::string& name = kind.get_ref<const std::string&>();
  if (name == "newHeads") {
    s.kind = Kind::kBlocks;
  } else if (name == "logs") {
    s.kind = Kind::kLogs;
    if (params.has(1)) s.log = LogFilter::parse(params.at(1), 1);
  } else if (name == "newPendingTransactions") {
    s.kind = Kind::kPending;
  } else {
    throw RpcError(kInvalidParams, "no \"" + name + "\" subscription in eth namespace");
  }
  s.owner = call.client.get();
  s.server = call.client->owner();
  s.client = call.client;
  std::lock_guard lock(mu_);
  const size_t mine = static_cast<size_t>(std::count_if(subscriptions_.begin(), subscriptions_.end(),
                                                        [&](const auto& e) { return e.second.owner == s.owner; }));
  if (mine >= options_.max_subscriptions)
    throw RpcError(kLimitExceeded,
                   "too many subscriptions (at most " + std::to_string(options_.max_subscriptions) + " per connection)");
  std::string id = new_id();
  subscriptions_.emplace(id, std::move(s));
  return id;
}

bool EthFilters::unsubscribe(const std::string& id, const RpcCall& call) {
  std::lock_guard lock(mu_);
  auto it = subscriptions_.find(id);
  if (it == subscriptions_.end() || it->second.owner != call.client.get()) return false;
  subscriptions_.erase(it);
  return true;
}

void EthFilters::activate(const http::WebSocketClient& client) {
  std::lock_guard lock(mu_);
  for (auto& [id, s] : subscriptions_)
    if (s.owner == &client) s.active = true;
}

void EthFilters::detach(const void* server) {
  std::lock_guard lock(mu_);
  for (auto it = subscriptions_.begin(); it != subscriptions_.end();) {
    if (it->second.server == server) it = subscriptions_.erase(it);
    else ++it;
  }
}

void EthFilters::on_close(const http::WebSocketClient& client) {
  std::lock_guard lock(mu_);
  for (auto it = subscriptions_.begin(); it != subscriptions_.end();) {
    if (it->second.owner == &client) it = subscriptions_.erase(it);
    else ++it;
  }
}

void EthFilters::notify(const Subscription& s, const std::string& id, const json& result) const {
  auto client = s.client.lock();
  if (!client) return;
  client->send(dump({{"jsonrpc", "2.0"},
                     {"method", "eth_subscription"},
                     {"params", {{"subscription", id}, {"result", result}}}}));
}

void EthFilters::on_block(u64 number) {
  std::vector<std::pair<std::string, Subscription>> targets;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, s] : subscriptions_)
      if (s.active && s.kind != Kind::kPending) targets.emplace_back(id, s);
  }
  if (targets.empty()) return;
  // The block's header and logs are read once for every subscriber.
  std::optional<json> header;
  std::optional<std::vector<std::pair<evm::Log, json>>> logs;
  for (const auto& [id, s] : targets) {
    if (s.kind == Kind::kBlocks) {
      if (!header) header = reader_.header_json(number);
      notify(s, id, *header);
    } else {
      if (s.log.block_hash) continue;  // a subscription for one block hash sees no new blocks
      if (!logs) logs = reader_.all_logs(number);
      for (const auto& [log, j] : *logs)
        if (s.log.matches(log)) notify(s, id, j);
    }
  }
}

void EthFilters::on_pending(const Hash256& transaction_hash) {
  std::vector<std::pair<std::string, Subscription>> targets;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, s] : subscriptions_)
      if (s.active && s.kind == Kind::kPending) targets.emplace_back(id, s);
  }
  for (const auto& [id, s] : targets) notify(s, id, hash(transaction_hash));
}

void EthFilters::register_methods(RpcMethods& methods) {
  methods.add("eth_newFilter", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    Filter f;
    f.kind = Kind::kLogs;
    f.log = LogFilter::parse(p.at(0), 0);
    f.next_block = reader_.head() + 1;
    return install(std::move(f));
  });
  methods.add("eth_newBlockFilter", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    Filter f;
    f.kind = Kind::kBlocks;
    f.next_block = reader_.head() + 1;
    return install(std::move(f));
  });
  methods.add("eth_newPendingTransactionFilter", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);  // geth takes an optional fullTx flag; hashes are what it returns by default
    Filter f;
    f.kind = Kind::kPending;
    for (const Hash256& h : reader_.lane().pooled_hashes()) f.seen.insert(h);
    return install(std::move(f));
  });
  auto id_param = [](const RpcParams& p) -> std::string {
    p.check_count(1);
    const json& v = p.at(0);
    if (!v.is_string()) RpcParams::invalid(0, "expected a filter id");
    return v.get<std::string>();
  };
  methods.add("eth_getFilterChanges", [this, id_param](const RpcParams& p, const RpcCall&) -> json {
    return changes(id_param(p));
  });
  methods.add("eth_getFilterLogs", [this, id_param](const RpcParams& p, const RpcCall&) -> json {
    return filter_logs(id_param(p));
  });
  methods.add("eth_uninstallFilter", [this, id_param](const RpcParams& p, const RpcCall&) -> json {
    const std::string id = id_param(p);
    std::lock_guard lock(mu_);
    return filters_.erase(id) > 0;
  });
  methods.add("eth_subscribe", [this](const RpcParams& p, const RpcCall& call) -> json { return subscribe(p, call); });
  methods.add("eth_unsubscribe", [this](const RpcParams& p, const RpcCall& call) -> json {
    if (!call.client) throw RpcError(-32601, "notifications not supported");
    p.check_count(1);
    const json& v = p.at(0);
    if (!v.is_string()) RpcParams::invalid(0, "expected a subscription id");
    return unsubscribe(v.get<std::string>(), call);
  });
}

}  // namespace dusk::rpc
