// Response: what a route handler returns.
//
// Usually JSON (Response::json) or an error (Response::error, or an HttpError, which
// converts); raw bytes with their own content type (Response::bytes) for binary
// payloads. The server adds Content-Length, Connection and, when configured, CORS
// headers itself.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "node/http/http_error.hpp"

namespace dusk::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers (name, value), sent as given.
  std::vector<std::pair<std::string, std::string>> headers;

  Response() = default;
  // The JSON error body of `error` with its status, so a handler may `return HttpError(..)`.
  Response(const HttpError& error);  // NOLINT: implicit on purpose

  // `body` serialized as JSON. Invalid UTF-8 in strings is replaced (U+FFFD) rather than
  // thrown on, so a handler cannot fail while answering.
  static Response json(const nlohmann::json& body, int status = 200);
  // `body` sent as it is with `content_type` ("application/octet-stream", ...).
  static Response bytes(std::string body, std::string content_type, int status = 200);
  // {"error":{"code":code,"message":message}} with `status`.
  static Response error(int status, std::string_view code, std::string_view message);
};

}  // namespace dusk::http
