// Request: what a route handler sees of one HTTP request.
//
// Everything is already decoded: path parameters and query parameters are
// percent-decoded (and '+' is a space in the query), header names are lower-case. The body
// is at most HttpServer::Options::max_body_bytes long; larger requests never reach a
// handler.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/int.hpp"

#include <nlohmann/json.hpp>

namespace dusk::http {

struct Request {
  std::string method;  // upper-case as sent: "GET", "POST", ...
  std::string path;    // the path as sent, without the query: "/v1/blocks/12"
  // Values of the route pattern's {name} segments: "/v1/blocks/{id}" -> {"id": "12"}.
  std::map<std::string, std::string> path_params;
  // The query string; for a repeated key the first value wins.
  std::map<std::string, std::string> query;
  // Header names lower-cased; a repeated header's values are joined with ", ".
  std::map<std::string, std::string> headers;
  std::string body;
  // The connection it came on: a number unique within the server's run (1, 2, ...), for
  // per-connection limits and logs.
  u64 connection = 0;

  // The path parameter `name`. Throws std::out_of_range if the route has no such
  // parameter (a programming error: the route pattern names its parameters).
  const std::string& param(const std::string& name) const;
  // The query parameter `name`, or nullopt when absent.
  std::optional<std::string> query_param(const std::string& name) const;
  // The header `name` (any case), or nullopt when absent.
  std::optional<std::string> header(std::string_view name) const;

  // The body parsed as JSON. Throws HttpError 400 "bad_json" when it is empty, malformed
  // or nested deeper than base/json_depth.hpp allows (which would overflow the stack of
  // whoever walks the value), so a handler can call it without checking.
  nlohmann::json json() const;
};

// Percent-decodes `text` ("%2F" -> "/"); with `plus_is_space` a '+' becomes ' ' (query
// strings). Returns nullopt on a malformed escape ("%G1", a trailing "%").
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// Splits a query string "a=1&b=x%20y" into decoded pairs (first value of a key wins;
// a key without '=' has an empty value). Returns nullopt on a malformed escape.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view query);

}  // namespace dusk::http
