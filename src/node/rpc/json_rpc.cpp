#include "node/rpc/json_rpc.hpp"

#include "base/json_depth.hpp"
#include "base/log.hpp"

namespace dusk::rpc {

namespace {

constexpr size_t kMaxJsonDepth = 64;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

bool valid_id(const json& id) { return id.is_null() || id.is_string() || id.is_number(); }

}  // namespace

const json& RpcParams::at(size_t i) const {
  if (i >= params_.size() || params_[i].is_null())
    throw RpcError(kInvalidParams, "missing value for required argument " + std::to_string(i));
  return params_[i];
}

const json& RpcParams::get(size_t i) const {
  static const json kNull;
  return i < params_.size() ? params_[i] : kNull;
}

void RpcParams::check_count(size_t max) const {
  if (params_.size() > max)
    throw RpcError(kInvalidParams, "too many arguments, want at most " + std::to_string(max));
}

void RpcParams::invalid(size_t i, const std::string& what) {
  throw RpcError(kInvalidParams, "invalid argument " + std::to_string(i) + ": " + what);
}

json error_response(const json& id, int code, const std::string& message, const std::optional<json>& data) {
  json error = {{"code", code}, {"message", message}};
  if (data) error["data"] = *data;
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

void RpcMethods::add(std::string name, RpcMethod method) {
  if (!methods_.emplace(std::move(name), std::move(method)).second) throw std::logic_error("RPC method added twice");
}

bool RpcMethods::has(std::string_view name) const { return methods_.find(name) != methods_.end(); }

std::optional<json> RpcMethods::handle_one(const json& request, const RpcCall& call) const {
  if (!request.is_object()) return error_response(nullptr, kInvalidRequest, "invalid request");
  auto id_it = request.find("id");
  const bool notification = id_it == request.end();
  const json id = notification ? json(nullptr) : *id_it;
  if (!valid_id(id)) return error_response(nullptr, kInvalidRequest, "invalid request");
  auto version = request.find("jsonrpc");
  auto method = request.find("method");
  if (version == request.end() || *version != "2.0" || method == request.end() || !method->is_string())
    return error_response(id, kInvalidRequest, "invalid request");
  static const json kNoParams = json::array();
  auto params_it = request.find("params");
  const json& params = params_it == request.end() || params_it->is_null() ? kNoParams : *params_it;
  if (!params.is_array()) {
    if (notification) return std::nullopt;
    return error_response(id, kInvalidParams, "non-array args");
  }
  const std::string& name = method->get_ref<const std::string&>();
  auto found = methods_.find(name);
  if (found == methods_.end()) {
    if (notification) return std::nullopt;
    return error_response(id, kMethodNotFound, "the method " + name + " does not exist/is not available");
  }
  json result;
  try {
    result = found->second(RpcParams(params), call);
  } catch (const RpcError& e) {
    if (notification) return std::nullopt;
    return error_response(id, e.code(), e.what(), e.data());
  } catch (const std::exception& e) {
    DUSK_LOG(kError, "rpc", name << " failed: " << e.what());
    if (notification) return std::nullopt;
    return error_response(id, kInternalError, "internal error");
  }
  if (notification) return std::nullopt;
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

std::optional<std::string> RpcMethods::handle(std::string_view body, const RpcCall& call,
                                              const RpcLimits& limits) const {
  json parsed;
  if (check_json_depth(body, kMaxJsonDepth).ok()) parsed = json::parse(body, nullptr, false);
  else parsed = json::value_t::discarded;
  const size_t requests = parsed.is_array() && !parsed.empty() ? parsed.size() : 1;
  if (call.admit && !call.admit(requests)) return dump(error_response(nullptr, kLimitExceeded, "rate limit exceeded"));
  if (parsed.is_discarded()) return dump(error_response(nullptr, kParseError, "parse error"));
  if (!parsed.is_array()) {
    auto answer = handle_one(parsed, call);
    if (!answer) return std::nullopt;
    std::string text = dump(*answer);
    if (text.size() > limits.max_response_bytes) {
      return dump(error_response(answer->value("id", json(nullptr)), kLimitExceeded,
                                 "response too large"));
    }
    return text;
  }
  if (parsed.empty()) return dump(error_response(nullptr, kInvalidRequest, "empty batch"));
  if (parsed.size() > limits.max_batch) {
    return dump(error_response(nullptr, kInvalidRequest,
                               "batch too large (at most " + std::to_string(limits.max_batch) + " requests)"));
  }
  std::string answers = "[";
  for (const json& request : parsed) {
    std::optional<json> answer;
    if (answers.size() > limits.max_response_bytes) {
      // Past the limit, the rest of the batch is answered with this error, as geth does.
      const json id = request.is_object() ? request.value("id", json(nullptr)) : json(nullptr);
      answer = error_response(id, kLimitExceeded, "response too large");
    } else {
      answer = handle_one(request, call);
    }
    if (!answer) continue;
    if (answers.size() > 1) answers += ',';
    answers += dump(*answer);
  }
  if (answers.size() == 1) return std::nullopt;
  answers += ']';
  return answers;
}

}  // namespace dusk::rpc
