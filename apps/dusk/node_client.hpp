// A small synchronous HTTP/1.1 client for the node's JSON API (docs/API.md), on
// Boost.Beast: one connection per request, a deadline over the whole exchange, JSON in
// and out. Only http:// URLs (the node serves no TLS; put a proxy in front of a remote
// node).
//
// Failures are values, told apart as the wallet reports them:
//   - transport (NodeReply never made): the node cannot be reached, did not answer in
//     time, or answered something that is not HTTP or not JSON; the message names the URL;
//   - an answer with a status of 400 or above: NodeReply with that status and the API's
//     {"error": {"code", "message"}} body (error_code()/error_message() read it).
#pragma once

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "base/result.hpp"

namespace dusk::wallet_cli {

using Json = nlohmann::json;

struct NodeReply {
  int status = 0;
  Json body;

  bool ok() const { return status >= 200 && status < 300; }
  // The API's error code and message ("" and the raw status when the body has none).
  std::string error_code() const;
  std::string error_message() const;
};

class NodeClient {
 public:
  // `url`: http://HOST[:PORT][/PREFIX] (port 80 by default). Errors: another scheme, no
  // host, a port that is not a number from 1 to 65535.
  static Result<NodeClient> create(const std::string& url,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

  Result<NodeReply> get(const std::string& path) const;
  Result<NodeReply> post(const std::string& path, const Json& body) const;

  const std::string& url() const { return url_; }

 private:
  NodeClient() = default;
  Result<NodeReply> request(bool post, const std::string& path, const std::string* body) const;

  std::string url_;     // as given, for messages
  std::string host_;
  std::string port_;
  std::string prefix_;  // a path before /v1/..., without a trailing slash
  std::chrono::milliseconds timeout_{};
};

}  // namespace dusk::wallet_cli
