#include "node/node_api.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "base/bytes.hpp"
#include "base/decimal.hpp"
#include "duskds/transaction_codec.hpp"
#include "duskevm/bridge_contract.hpp"
#include "duskvm/runtime/abi.hpp"
#include "node/http/http_error.hpp"

namespace dusk::node {
namespace {

using http::HttpError;
using http::Request;
using http::Response;
using Json = nlohmann::json;

// A query runs under the chain's lock (the DuskVM lane is not thread-safe): at 1,000 gas
// a microsecond, 10^8 gas holds block production up for at most about 0.1 s.
constexpr u64 kMaxQueryGas = 100'000'000;
constexpr size_t kMaxBatch = 4'096;

std::string hex(ByteView b) { return to_hex(b); }
template <size_t N>
std::string hex(const std::array<u8, N>& a) {
  return to_hex(ByteView(a.data(), N));
}

std::string dec(u128 v) { return to_decimal(v); }

// Wei amounts: decimal below 2^128 (every balance the supply allows), hex above.
std::string dec(const Uint256& v) {
  std::string h = v.to_hex();
  if (h.rfind("0x", 0) == 0) h = h.substr(2);
  while (h.size() > 1 && h[0] == '0') h.erase(h.begin());
  if (h.size() > 32) return "0x" + h;
  u128 x = 0;
  for (char c : h) x = x * 16 + static_cast<u128>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return dec(x);
}

HttpError bad_request(const std::string& code, const std::string& message) { return HttpError(400, code, message); }

Bytes hex_param(const std::string& text, const std::string& what, size_t size = 0) {
  auto b = from_hex(text);
  if (!b.ok()) throw bad_request("bad_" + what, what + ": " + b.error().message);
  if (size != 0 && b->size() != size)
    throw bad_request("bad_" + what, what + " of " + std::to_string(b->size()) + " bytes, expected " +
                                         std::to_string(size));
  return std::move(*b);
}

template <size_t N>
std::array<u8, N> fixed_param(const std::string& text, const std::string& what) {
  Bytes b = hex_param(text, what, N);
  std::array<u8, N> a;
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

Json header_json(const ds::Header& h, const Hash256& hash) {
  Json lanes = Json::object();
  for (size_t i = 0; i < ds::kLaneCount; ++i) {
    lanes[std::string(lane::name(static_cast<lane::LaneId>(i + 1)))] = {
        {"payload_hash", hex(h.lanes[i].payload_hash)},
        {"state_root", hex(h.lanes[i].state_root)},
        {"withdrawals_root", hex(h.lanes[i].withdrawals_root)}};
  }
  return {{"hash", hex(hash)},
          {"height", h.height},
          {"timestamp_ms", h.timestamp_ms},
          {"parent", hex(h.parent)},
          {"seed", hex(h.seed)},
          {"generator", hex(h.generator)},
          {"state_root", hex(h.state_root)},
          {"transactions_root", hex(h.transactions_root)},
          {"lanes", lanes},
          {"parent_attestation",
           {{"voters", h.parent_attestation.voters}, {"signature", hex(h.parent_attestation.signature)}}}};
}

std::string_view kind_name(ds::TxKind k) {
  switch (k) {
    case ds::TxKind::kTransfer: return "transfer";
    case ds::TxKind::kStake: return "stake";
    case ds::TxKind::kUnstake: return "unstake";
    case ds::TxKind::kWithdraw: return "withdraw";
    case ds::TxKind::kDeposit: return "deposit";
  }
  return "unknown";
}

Json ds_tx_json(const ds::Transaction& tx) {
  Json j{{"id", hex(ds::transaction_id(tx))},
         {"kind", std::string(kind_name(tx.kind))},
         {"sender", hex(tx.sender)},
         {"nonce", tx.nonce},
         {"gas_limit", tx.gas_limit},
         {"gas_price", dec(tx.gas_price)},
         {"amount", dec(tx.amount)}};
  if (tx.kind == ds::TxKind::kTransfer) {
    j["receiver"] = hex(tx.receiver);
    j["memo"] = hex(tx.memo);
  }
  if (tx.kind == ds::TxKind::kDeposit) {
    j["lane"] = std::string(lane::name(static_cast<lane::LaneId>(tx.lane)));
    j["target"] = hex(tx.target);
  }
  return j;
}

std::string layer_of(const Json& body) {
  if (!body.contains("layer")) return "duskds";
  if (!body["layer"].is_string()) throw bad_request("bad_layer", "layer: expected \"duskds\", \"duskvm\" or \"duskevm\"");
  std::string l = body["layer"];
  if (l != "duskds" && l != "duskvm" && l != "duskevm")
    throw bad_request("bad_layer", "layer \"" + l + "\": expected \"duskds\", \"duskvm\" or \"duskevm\"");
  return l;
}

u64 u64_field(const Json& body, const char* name, u64 fallback, u64 max) {
  if (!body.contains(name)) return fallback;
  if (!body[name].is_number_unsigned()) throw bad_request("bad_" + std::string(name), std::string(name) + ": expected a non-negative integer");
  const u64 v = body[name];
  if (v > max) throw bad_request("bad_" + std::string(name), std::string(name) + " above " + std::to_string(max));
  return v;
}

}  // namespace

NodeApi::NodeApi(Node& node) : node_(node), events_(std::make_shared<http::EventStream>()) {
  routes();
  server_.serve_websocket("/v1/events", events_);
  listener_ = node_.add_block_listener([this](const BlockEvent& e) { publish(e); });
}

NodeApi::~NodeApi() {
  node_.remove_block_listener(listener_);
  stop();
}

void NodeApi::start(http::HttpServer::Options options) { server_.start(std::move(options)); }

void NodeApi::stop() { server_.stop(); }

void NodeApi::publish(const BlockEvent& e) {
  const auto& b = e.block;
  events_->publish("blocks", {{"height", b.header.height},
                              {"hash", hex(b.hash)},
                              {"timestamp_ms", b.header.timestamp_ms},
                              {"transactions",
                               {{"duskds", b.transactions.size()},
                                {"duskevm", e.evm_transactions.size()},
                                {"duskvm", e.vm_transactions.size()}}}});
  auto tx_event = [&](const std::string& layer, const Hash256& id) {
    events_->publish("transactions", {{"id", hex(id)}, {"layer", layer}, {"height", b.header.height}});
  };
  for (const auto& id : b.transactions) tx_event("duskds", id);
  for (const auto& id : e.evm_transactions) tx_event("duskevm", id);
  for (const auto& id : e.vm_transactions) {
    tx_event("duskvm", id);
    auto lock = node_.chain().lock();
    auto r = node_.vm().receipt(id);
    if (!r.ok() || !*r) continue;
    Json receipt = Json::parse(**r, nullptr, false);
    if (!receipt.is_object() || !receipt.contains("events")) continue;
    for (const auto& ev : receipt["events"])
      events_->publish("contract_events", {{"contract", ev["source"]},
                                           {"topic", ev["topic"]},
                                           {"data", ev["data"]},
                                           {"transaction", hex(id)},
                                           {"height", b.header.height}});
  }
  for (u64 h = published_final_ + 1; h <= b.final_height; ++h) events_->publish("finalized", {{"height", h}});
  if (b.final_height > published_final_) published_final_ = b.final_height;
}

void NodeApi::routes() {
  auto& r = server_.router();
  ds::Chain& chain = node_.chain();

  r.get("/v1/info", [this, &chain](const Request&) {
    u64 vm_height = 0;
    {
      auto lock = chain.lock();
      vm_height = node_.vm().height();
    }
    const ds::ChainStatus status = chain.status();  // one consistent view
    const ds::Header& tip = status.tip;
    Json j{{"chain_id", chain.chain_id()},
           {"height", tip.height},
           {"finalized_height", status.final_height},
           {"tip", hex(status.tip_hash)},
           {"timestamp_ms", tip.timestamp_ms},
           {"block_time_ms", node_.config().block_time_ms},
           {"finality_depth", chain.config().finality_depth},
           {"halted", node_.halted()},
           {"lanes",
            {{"duskevm", {{"height", node_.evm().height()}, {"state_root", hex(node_.evm().state_root())},
                          {"chain_id", chain.chain_id()}, {"bridge", "0x" + hex(evm::kBridgeAddress)},
                          {"base_fee_wei", dec(node_.evm().next_base_fee())}}},
             {"duskvm", {{"height", vm_height}, {"state_root", hex(tip.lanes[1].state_root)}}}}}};
    if (node_.halted()) j["halt_reason"] = node_.halt_reason();
    return Response::json(j);
  });

  r.get("/v1/metrics", [this, &chain](const Request&) {
    const Metrics m = node_.metrics();
    size_t vm_pool = 0;
    {
      auto lock = chain.lock();
      vm_pool = node_.vm().pool_size();
    }
    return Response::json({{"height", chain.height()},
                           {"finalized_height", chain.final_height()},
                           {"mempool", {{"duskds", chain.mempool_size()},
                                        {"duskevm", node_.evm().pool_size()},
                                        {"duskvm", vm_pool}}},
                           {"blocks_produced", m.blocks_produced},
                           {"block_time_us", {{"last", m.last_block_us}, {"average", m.average_block_us},
                                              {"max", m.max_block_us}}},
                           {"build_failures", m.build_failures},
                           {"transactions_included",
                            {{"duskds", m.transactions[0]}, {"duskevm", m.transactions[1]}, {"duskvm", m.transactions[2]}}},
                           {"uptime_ms", node_.now_ms() - m.started_ms}});
  });

  r.get("/v1/supply", [&chain](const Request&) {
    const ds::Supply s = chain.supply();
    u128 lanes = 0;
    for (u128 l : s.lanes) lanes += l;
    const u128 held = static_cast<u128>(s.ds_holdings_lux + s.in_flight_lux) * lane::kWeiPerLux + lanes + s.burned;
    const u128 expected = static_cast<u128>(s.total_lux) * lane::kWeiPerLux;
    return Response::json({{"total_lux", dec(s.total_lux)},
                           {"emitted_lux", dec(s.emitted_lux)},
                           {"duskds_lux", dec(s.ds_holdings_lux)},
                           {"bridged_lux", dec(s.bridged_lux)},
                           {"in_flight_lux", dec(s.in_flight_lux)},
                           {"duskevm_wei", dec(s.lanes[0])},
                           {"duskvm_wei", dec(s.lanes[1])},
                           {"burned_wei", dec(s.burned)},
                           {"consistent", held == expected}});
  });

  r.get("/v1/blocks/{id}", [&chain](const Request& req) {
    const std::string& id = req.param("id");
    u64 height = 0;
    if (id == "latest") {
      height = chain.height();
    } else if (id == "final" || id == "finalized") {
      height = chain.final_height();
    } else if (id.size() == 64 || id.size() == 66) {
      auto h = chain.height_of(fixed_param<32>(id, "block_hash"));
      if (!h.ok()) throw HttpError(500, "storage", h.error().message);
      if (!*h) throw HttpError(404, "not_found", "no block with hash " + id);
      height = **h;
    } else {
      try {
        size_t used = 0;
        height = std::stoull(id, &used, 10);
        if (used != id.size()) throw std::invalid_argument(id);
      } catch (const std::exception&) {
        throw bad_request("bad_block_id", "block id \"" + id + "\": a height, a 32-byte hash, \"latest\" or \"final\"");
      }
    }
    auto b = chain.block(height);
    if (!b.ok()) throw HttpError(500, "storage", b.error().message);
    if (!*b) throw HttpError(404, "not_found", "no block at height " + std::to_string(height));
    const ds::Block& block = **b;
    Json j = header_json(block.header, ds::block_hash(block.header));
    j["finality"] = std::string(ds::finality_name(chain.finality(height)));
    // ?transactions=ids lists their ids only (a block of thousands stays small).
    const bool ids_only = req.query_param("transactions") == std::optional<std::string>("ids");
    Json txs = Json::array();
    for (const auto& tx : block.transactions)
      txs.push_back(ids_only ? Json(hex(ds::transaction_id(tx))) : ds_tx_json(tx));
    j["transactions"] = txs;
    j["lane_payload_bytes"] = {{"duskevm", block.lane_bodies[0].size()}, {"duskvm", block.lane_bodies[1].size()}};
    if (auto a = chain.attestation(height); a.ok() && *a)
      j["attestation"] = {{"voters", (*a)->voters}, {"signature", hex((*a)->signature)}};
    return Response::json(j);
  });

  r.get("/v1/transactions/{id}", [this, &chain](const Request& req) {
    const Hash256 id = fixed_param<32>(req.param("id"), "transaction_id");
    auto loc = chain.transaction(id);
    if (!loc.ok()) throw HttpError(500, "storage", loc.error().message);
    if (*loc) {
      const auto& l = **loc;
      return Response::json({{"id", hex(id)},
                             {"layer", "duskds"},
                             {"status", "included"},
                             {"height", l.height},
                             {"index", l.index},
                             {"gas_used", l.gas_used},
                             {"fee", dec(l.fee)},
                             {"finality", std::string(ds::finality_name(chain.finality(l.height)))}});
    }
    if (chain.pooled(id)) return Response::json({{"id", hex(id)}, {"layer", "duskds"}, {"status", "pending"}});
    {
      auto lock = chain.lock();
      auto receipt = node_.vm().receipt(id);
      if (!receipt.ok()) throw HttpError(500, "storage", receipt.error().message);
      if (*receipt) {
        Json j = Json::parse(**receipt);
        j["layer"] = "duskvm";
        j["status"] = "included";
        lock.unlock();
        j["finality"] = std::string(ds::finality_name(chain.finality(j["height"].get<u64>())));
        return Response::json(j);
      }
      if (node_.vm().pooled(id)) return Response::json({{"id", hex(id)}, {"layer", "duskvm"}, {"status", "pending"}});
    }
    auto evm = node_.evm().receipt(id);
    if (!evm.ok()) throw HttpError(500, "storage", evm.error().message);
    if (*evm) {
      const auto& info = **evm;
      return Response::json({{"id", hex(id)},
                             {"layer", "duskevm"},
                             {"status", "included"},
                             {"height", info.block_number},
                             {"index", info.index},
                             {"success", info.receipt.success},
                             {"gas_used", info.receipt.gas_used},
                             {"finality", std::string(ds::finality_name(chain.finality(info.block_number)))}});
    }
    if (node_.evm().pooled(id)) return Response::json({{"id", hex(id)}, {"layer", "duskevm"}, {"status", "pending"}});
    throw HttpError(404, "not_found", "no transaction " + hex(id) + " on any layer");
  });

  auto submit_one = [this, &chain](const std::string& layer, const Bytes& tx) -> Result<Hash256> {
    if (layer == "duskds") {
      auto r = chain.submit(tx, node_.now_ms() / 1000);
      if (!r.ok()) return Error(r.error().message);
      return *r;
    }
    if (layer == "duskvm") {
      // A Phoenix transaction's proof is verified (its key made or read the first time:
      // seconds) before the chain's lock is taken, so that neither holds blocks up.
      if (vm::phoenix_input_count(tx) && node_.vm().phoenix_enabled()) {
        DUSK_ASSIGN(auto verified, node_.vm().verify_phoenix(tx));
        auto lock = chain.lock();
        return node_.vm().submit_verified(verified);
      }
      auto lock = chain.lock();
      return node_.vm().submit(tx);
    }
    return node_.evm().submit(tx);
  };

  r.post("/v1/transactions", [this, submit_one](const Request& req) {
    const Json body = req.json();
    if (!body.is_object() || !body.contains("tx") || !body["tx"].is_string())
      throw bad_request("bad_body", "expected {\"tx\": \"<hex>\", \"layer\": \"duskds\" | \"duskvm\" | \"duskevm\"}");
    const std::string layer = layer_of(body);
    const Bytes tx = hex_param(body["tx"], "tx");
    auto id = submit_one(layer, tx);
    if (!id.ok()) throw HttpError(400, "rejected", id.error().message);
    node_.wake();
    return Response::json({{"id", hex(*id)}, {"layer", layer}});
  });

  r.post("/v1/transactions/batch", [this, &chain, submit_one](const Request& req) {
    const Json body = req.json();
    if (!body.is_object() || !body.contains("txs") || !body["txs"].is_array())
      throw bad_request("bad_body", "expected {\"txs\": [\"<hex>\", ...], \"layer\": ...}");
    const std::string layer = layer_of(body);
    if (body["txs"].size() > kMaxBatch)
      throw bad_request("batch_too_large", std::to_string(body["txs"].size()) + " transactions, at most " +
                                               std::to_string(kMaxBatch) + " a batch");
    std::vector<Bytes> txs;
    for (const auto& t : body["txs"]) {
      if (!t.is_string()) throw bad_request("bad_body", "txs: expected hex strings");
      txs.push_back(hex_param(t, "tx"));
    }
    Json results = Json::array();
    if (layer == "duskds") {
      std::vector<ByteView> views(txs.begin(), txs.end());
      for (auto& r : chain.submit_batch(views, node_.now_ms() / 1000))
        results.push_back(r.ok() ? Json{{"id", hex(*r)}} : Json{{"error", r.error().message}});
    } else {
      for (const Bytes& t : txs) {
        auto r = submit_one(layer, t);
        results.push_back(r.ok() ? Json{{"id", hex(*r)}} : Json{{"error", r.error().message}});
      }
    }
    node_.wake();
    return Response::json({{"results", results}});
  });

  r.get("/v1/accounts/{key}", [&chain](const Request& req) {
    const auto key = fixed_param<96>(req.param("key"), "key");
    const ds::Account a = chain.account(key);
    Json j{{"key", hex(key)}, {"balance", dec(a.balance)}, {"nonce", a.nonce}, {"stake", nullptr}};
    if (auto s = chain.stake(key))
      j["stake"] = {{"value", dec(s->value)}, {"eligibility_height", s->eligibility_height}, {"pending", dec(s->pending)}};
    return Response::json(j);
  });

  r.get("/v1/provisioners", [&chain](const Request&) {
    Json list = Json::array();
    for (const auto& [key, stake] : chain.provisioners()) list.push_back({{"key", hex(key)}, {"stake", dec(stake)}});
    return Response::json({{"provisioners", list}});
  });

  r.get("/v1/duskvm/accounts/{address}", [this, &chain](const Request& req) {
    const std::string& text = req.param("address");
    vm::VmAddress address{};
    const Bytes b = hex_param(text, "address");
    if (b.size() == 96) {
      vm::DsKey key;
      std::copy(b.begin(), b.end(), key.begin());
      address = vm::vm_address(key);
    } else if (b.size() == 32) {
      std::copy(b.begin(), b.end(), address.begin());
    } else {
      throw bad_request("bad_address", "a DuskVM address has 32 bytes (or give the 96-byte DuskDS key)");
    }
    auto lock = chain.lock();
    const vm::VmAccount a = node_.vm().account(address);
    return Response::json({{"address", hex(address)}, {"balance", dec(a.balance)}, {"nonce", a.nonce},
                           {"contract", node_.vm().has_contract(address)}});
  });

  r.get("/v1/duskvm/contracts/{id}", [this, &chain](const Request& req) {
    const auto id = fixed_param<32>(req.param("id"), "contract");
    auto lock = chain.lock();
    if (!node_.vm().has_contract(id)) throw HttpError(404, "not_found", "no contract " + hex(id));
    auto abi = node_.vm().contract_abi(id);
    if (!abi.ok()) throw HttpError(500, "internal", abi.error().message);
    const vm::VmAccount a = node_.vm().account(id);
    Json j{{"id", hex(id)}, {"balance", dec(a.balance)}, {"abi", nullptr}};
    if (*abi) j["abi"] = Json::parse(vm::abi::to_json(**abi).dump());
    return Response::json(j);
  });

  // Encodes a function's arguments from JSON with the contract's description: what a
  // wallet puts in a call transaction.
  auto encode_args = [](const vm::abi::ContractAbi* abi, const Json& body, std::string* function) -> Bytes {
    if (!body.is_object() || !body.contains("function") || !body["function"].is_string())
      throw bad_request("bad_body", "expected {\"function\": \"name\", \"args\": {...}} or {\"function\", \"arg\": \"<hex>\"}");
    *function = body["function"];
    if (body.contains("arg")) {
      if (!body["arg"].is_string()) throw bad_request("bad_arg", "arg: expected hex");
      return hex_param(body["arg"], "arg");
    }
    if (!abi) throw bad_request("no_abi", "the contract carries no ABI description: give \"arg\" as hex");
    const auto* f = abi->function(*function);
    if (!f) throw bad_request("unknown_function", "the contract's description has no function \"" + *function + "\"");
    auto arg = vm::abi::encode(f->inputs, vm::abi::Json::parse(body.value("args", Json::object()).dump()));
    if (!arg.ok()) throw bad_request("bad_args", arg.error().message);
    return std::move(*arg);
  };

  r.post("/v1/duskvm/contracts/{id}/encode", [this, &chain, encode_args](const Request& req) {
    const auto id = fixed_param<32>(req.param("id"), "contract");
    const Json body = req.json();
    auto lock = chain.lock();
    if (!node_.vm().has_contract(id)) throw HttpError(404, "not_found", "no contract " + hex(id));
    auto abi = node_.vm().contract_abi(id);
    if (!abi.ok()) throw HttpError(500, "internal", abi.error().message);
    std::string function;
    const Bytes arg = encode_args(*abi ? &**abi : nullptr, body, &function);
    return Response::json({{"function", function}, {"arg", hex(arg)}});
  });

  r.post("/v1/duskvm/contracts/{id}/query", [this, &chain, encode_args](const Request& req) {
    const auto id = fixed_param<32>(req.param("id"), "contract");
    const Json body = req.json();
    const u64 gas = u64_field(body, "gas", kMaxQueryGas, kMaxQueryGas);
    auto lock = chain.lock();
    if (!node_.vm().has_contract(id)) throw HttpError(404, "not_found", "no contract " + hex(id));
    auto abi = node_.vm().contract_abi(id);
    if (!abi.ok()) throw HttpError(500, "internal", abi.error().message);
    std::string function;
    const Bytes arg = encode_args(*abi ? &**abi : nullptr, body, &function);
    auto r = node_.vm().query(id, function, arg, gas);
    if (!r.ok()) throw HttpError(500, "internal", r.error().message);
    Json j{{"ok", r->ok}, {"gas_spent", r->gas_spent}, {"result", hex(r->result)}};
    if (!r->ok) j["error"] = r->error;
    if (r->ok && *abi)
      if (const auto* f = (*abi)->function(function))
        if (auto decoded = vm::abi::decode(f->outputs, r->result); decoded.ok())
          j["value"] = Json::parse(decoded->dump());
    return Response::json(j);
  });

  r.get("/v1/duskevm/accounts/{address}", [this](const Request& req) {
    const Address a = fixed_param<20>(req.param("address"), "address");
    auto balance = node_.evm().balance(a);
    auto nonce = node_.evm().nonce(a);
    auto code = node_.evm().code(a);
    if (!balance.ok() || !nonce.ok() || !code.ok()) throw HttpError(500, "storage", "reading the EVM state failed");
    return Response::json({{"address", "0x" + hex(a)},
                           {"balance_wei", dec(*balance)},
                           {"nonce", *nonce},
                           {"code_bytes", code->size()},
                           {"base_fee_wei", dec(node_.evm().next_base_fee())}});
  });

  // EIP-4844 blobs kept for the lane's retention window (EvmLaneConfig::blob_retention_blocks).
  auto blob_json = [](const evm::BlobRecord& b) {
    return Json{{"versioned_hash", "0x" + hex(b.versioned_hash)}, {"block_number", b.block_number},
                {"transaction_hash", "0x" + hex(b.transaction_hash)}, {"index", b.index},
                {"commitment", "0x" + hex(b.commitment)}, {"proof", "0x" + hex(b.proof)},
                {"blob", "0x" + hex(b.blob)}};
  };
  r.get("/v1/duskevm/blobs/{versioned_hash}", [this, blob_json](const Request& req) {
    const auto vh = fixed_param<32>(req.param("versioned_hash"), "versioned_hash");
    auto b = node_.evm().blob_sidecar(vh);
    if (!b.ok()) throw HttpError(500, "storage", b.error().message);
    if (!*b) throw HttpError(404, "not_found", "no blob 0x" + hex(vh) + " (never included, or pruned)");
    return Response::json(blob_json(**b));
  });
  r.get("/v1/duskevm/blocks/{number}/blobs", [this, blob_json](const Request& req) {
    const std::string& text = req.param("number");
    u64 number = 0;
    try {
      size_t used = 0;
      number = std::stoull(text, &used, 10);
      if (used != text.size() || text[0] == '-') throw std::invalid_argument(text);
    } catch (const std::exception&) {
      throw bad_request("bad_block_number", "block number \"" + text + "\": expected a decimal EVM block number");
    }
    auto blobs = node_.evm().blob_sidecars(number);
    if (!blobs.ok()) throw HttpError(500, "storage", blobs.error().message);
    if (!*blobs)
      throw HttpError(404, "not_found", "no blobs of EVM block " + text + " (above the head, or out of the retention window)");
    Json list = Json::array();
    for (const auto& b : **blobs) list.push_back(blob_json(b));
    return Response::json({{"block_number", number}, {"blobs", list}});
  });

  // Phoenix (duskvm/phoenix): the shielded pool's state, its notes for wallets to sync
  // and auditors to read, which nullifiers are spent, and the verifier keys made ahead.
  auto decimal_query = [](const Request& req, const std::string& name, u64 fallback) -> u64 {
    auto text = req.query_param(name);
    if (!text) return fallback;
    try {
      size_t used = 0;
      const u64 v = std::stoull(*text, &used, 10);
      if (used != text->size() || (*text)[0] == '-') throw std::invalid_argument(*text);
      return v;
    } catch (const std::exception&) {
      throw bad_request("bad_" + name, name + " \"" + *text + "\": expected a decimal number");
    }
  };
  r.get("/v1/phoenix", [this, &chain](const Request&) {
    auto lock = chain.lock();
    const vm::VmLane& vm = node_.vm();
    const auto& ledger = vm.phoenix();
    Json j{{"enabled", vm.phoenix_enabled()},
           {"height", vm.height()},
           {"notes", ledger.notes().size()},
           {"root", hex(ledger.tree().root().to_bytes_le())},
           {"pool", dec(ledger.pool())},
           {"pooled_transactions", vm.phoenix_pool_size()},
           {"min_gas_price", node_.vm().min_gas_price()}};
    if (const vm::PhoenixKeys* keys = vm.phoenix_keys()) {
      const auto& setup = keys->setup();
      j["setup"] = {{"srs", setup.srs}, {"insecure", setup.insecure()}, {"description", setup.describe()}};
      j["max_inputs"] = setup.max_inputs;
      Json gas = Json::object(), ready = Json::object();
      for (size_t n = 1; n <= setup.max_inputs; ++n) {
        gas[std::to_string(n)] = vm::phoenix_gas(n);
        ready[std::to_string(n)] = keys->ready(n);
      }
      j["gas"] = gas;
      j["keys_ready"] = ready;
      j["shield_gas"] = vm::kVmShieldGas;
    }
    return Response::json(j);
  });
  r.get("/v1/phoenix/notes", [this, &chain, decimal_query](const Request& req) {
    constexpr u64 kMaxPage = 1'000;
    const u64 from = decimal_query(req, "from", 0);
    const u64 limit = std::min(decimal_query(req, "limit", kMaxPage), kMaxPage);
    auto lock = chain.lock();
    const auto& ledger = node_.vm().phoenix();
    const auto& notes = ledger.notes();
    Json list = Json::array();
    for (u64 pos = from; pos < notes.size() && pos - from < limit; ++pos) list.push_back(hex(notes[pos].encode()));
    // The count and root of the same block, so that a wallet knows when it has all.
    return Response::json({{"from", from},
                           {"notes", list},
                           {"total", notes.size()},
                           {"root", hex(ledger.tree().root().to_bytes_le())},
                           {"height", node_.vm().height()}});
  });
  r.post("/v1/phoenix/spent", [this, &chain](const Request& req) {
    constexpr size_t kMaxNullifiers = 1'024;
    const Json body = req.json();
    if (!body.is_object() || !body.contains("nullifiers") || !body["nullifiers"].is_array())
      throw bad_request("bad_body", "expected {\"nullifiers\": [\"<64 hex digits>\", ...]}");
    if (body["nullifiers"].size() > kMaxNullifiers)
      throw bad_request("too_many", "at most " + std::to_string(kMaxNullifiers) + " nullifiers a request");
    std::vector<duskvm::phoenix::Fr> asked;
    for (const auto& n : body["nullifiers"]) {
      if (!n.is_string()) throw bad_request("bad_nullifier", "nullifiers: expected hex strings");
      const Bytes b = hex_param(n.get<std::string>(), "nullifier", 32);
      auto f = duskvm::phoenix::Fr::from_bytes_le(b);
      if (!f.ok()) throw bad_request("bad_nullifier", "a nullifier is a scalar below the field's modulus");
      asked.push_back(*f);
    }
    Json spent = Json::array();
    auto lock = chain.lock();
    for (const auto& f : asked) spent.push_back(node_.vm().phoenix().is_spent(f));
    return Response::json({{"spent", spent}, {"height", node_.vm().height()}});
  });
  r.post("/v1/phoenix/prepare", [this](const Request&) {
    vm::PhoenixKeys* keys = node_.vm().phoenix_keys();
    if (!keys) throw HttpError(409, "phoenix_off", "Phoenix is not enabled on this chain");
    keys->prepare_all();  // returns at once
    bool ready = true;
    for (size_t n = 1; n <= keys->setup().max_inputs; ++n) ready = ready && keys->ready(n);
    return Response::json({{"ready", ready}});
  });

  r.get("/v1/bridge", [&chain](const Request&) {
    const ds::Supply s = chain.supply();
    return Response::json({{"evm_bridge_address", "0x" + hex(evm::kBridgeAddress)},
                           {"bridged_lux", dec(s.bridged_lux)},
                           {"in_flight_lux", dec(s.in_flight_lux)},
                           {"finalized_height", chain.final_height()},
                           {"withdrawals_credit_after_blocks", chain.config().finality_depth + 1}});
  });
}

}  // namespace dusk::node
