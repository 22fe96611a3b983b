// JSON-RPC 2.0 (https://www.jsonrpc.org/specification) as Ethereum clients speak it:
// single requests and batches, notifications (no "id": no answer), and geth's error
// codes and messages:
//   -32700 "parse error"                  the body is not JSON
//   -32600 "invalid request"              not a request object; an empty or too large batch
//   -32601 "the method X does not exist/is not available"
//   -32602 "invalid argument N: ..."      a parameter of the wrong type or form
//   -32603 "internal error"               a bug of ours (logged)
//   -32000 ...                            the method's own refusal (nonce too low, ...)
//        3 "execution reverted: ..."      with the revert data in error.data
// Transport-free: the HTTP and WebSocket servers hand it bodies and frames.
//
//   RpcMethods methods;
//   methods.add("eth_chainId", [](const RpcParams& p, const RpcCall&) { return "0x1"; });
//   std::optional<std::string> answer = methods.handle(body, call, limits);
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dusk::http {
class WebSocketClient;
}

namespace dusk::rpc {

using json = nlohmann::json;

constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerError = -32000;   // geth's code for a refused transaction and the like
constexpr int kLimitExceeded = -32005; // EIP-1474: a request beyond a limit
constexpr int kExecutionReverted = 3;

// Thrown by a method to answer with an error.
class RpcError : public std::runtime_error {
 public:
  RpcError(int code, const std::string& message, std::optional<json> data = std::nullopt)
      : std::runtime_error(message), code_(code), data_(std::move(data)) {}
  int code() const { return code_; }
  const std::optional<json>& data() const { return data_; }

 private:
  int code_;
  std::optional<json> data_;
};

// A method's positional parameters. at(i) throws the -32602 error geth gives for a
// missing required argument; check_count for too many.
class RpcParams {
 public:
  explicit RpcParams(const json& params) : params_(params) {}
  size_t size() const { return params_.size(); }
  bool has(size_t i) const { return i < params_.size() && !params_[i].is_null(); }
  const json& at(size_t i) const;
  // null (absent or explicitly null) or the value.
  const json& get(size_t i) const;
  void check_count(size_t max) const;
  // An RpcError for argument `i`: "invalid argument i: what".
  [[noreturn]] static void invalid(size_t i, const std::string& what);

 private:
  const json& params_;
};

// Who is calling: the WebSocket client for subscriptions (null over HTTP), and a rate
// limit: `admit` (when set) is asked once per body with the number of requests it holds
// (a batch's size; 1 for anything else, unparsable bodies included), and a body it
// refuses is answered with -32005 "rate limit exceeded" and not run.
struct RpcCall {
  std::shared_ptr<http::WebSocketClient> client;
  std::function<bool(size_t requests)> admit;
};

struct RpcLimits {
  size_t max_batch = 1000;                      // geth's BatchRequestLimit
  size_t max_response_bytes = 25 * 1024 * 1024;  // geth's BatchResponseMaxSize
};

using RpcMethod = std::function<json(const RpcParams& params, const RpcCall& call)>;

class RpcMethods {
 public:
  // Registers `method`; replaces nothing (throws std::logic_error on a duplicate).
  void add(std::string name, RpcMethod method);
  bool has(std::string_view name) const;

  // The answer to `body` (a request or a batch), or nullopt when nothing is to be sent
  // (notifications only). Never throws.
  std::optional<std::string> handle(std::string_view body, const RpcCall& call, const RpcLimits& limits) const;

  // One request object's answer (an object), or nullopt for a notification.
  std::optional<json> handle_one(const json& request, const RpcCall& call) const;

 private:
  std::map<std::string, RpcMethod, std::less<>> methods_;
};

// {"jsonrpc": "2.0", "id": id, "error": {...}}
json error_response(const json& id, int code, const std::string& message,
                    const std::optional<json>& data = std::nullopt);

}  // namespace dusk::rpc
