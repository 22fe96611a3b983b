// Router: maps (method, path pattern) to a handler.
//
// Patterns are absolute paths whose segments are literals or parameters in braces:
// "/v1/blocks/{id}/transactions". A parameter matches one whole non-empty segment
// (decoded: "%2F" in a segment does not split it). When several patterns match, the one
// with a literal in the first differing segment wins, so "/v1/blocks/latest" beats
// "/v1/blocks/{id}" whatever the registration order.
//
// Errors are JSON (see http_error.hpp): no pattern matches -> 404 "not_found"; a pattern
// matches but not for this method -> 405 "method_not_allowed" with an Allow header;
// a handler throwing HttpError -> that error; a handler throwing anything else -> 500
// "internal" with a generic message, the exception logged.
//
// THREADS: register every route before HttpServer::start(); the table is then read-only.
// Handlers run on the server's I/O threads, several at once when the server has more
// than one thread, so they must be thread-safe. They should also be quick: a handler
// blocks its thread's other connections while it runs.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "node/http/request.hpp"
#include "node/http/response.hpp"

namespace dusk::http {

using Handler = std::function<Response(const Request&)>;

class Router {
 public:
  // Registers `handler` for `method` ("GET", "POST", ... upper-case) on `pattern`.
  // Throws std::invalid_argument on a malformed pattern (not starting with '/', an empty
  // or unclosed "{}", a parameter named twice) or when (method, pattern) is taken.
  void add(std::string_view method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler handler) { add("GET", pattern, std::move(handler)); }
  void post(std::string_view pattern, Handler handler) { add("POST", pattern, std::move(handler)); }

  // Routes `request` by its method and path, filling request.path_params, and returns the
  // handler's response or the JSON error described above. Never throws.
  Response dispatch(Request& request) const;

  // The methods registered for `path` (sorted), or nullopt when no pattern matches it.
  // Used for the Allow header and CORS preflight.
  std::optional<std::vector<std::string>> methods_for(std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::vector<Segment> segments;
    Handler handler;
  };
  // Indices of the routes whose pattern matches `segments`, best pattern first
  // (all routes sharing that best pattern).
  std::vector<size_t> best_matches(const std::vector<std::string>& segments) const;

  std::vector<Route> routes_;
};

// Splits a decoded-on-the-fly path "/a/b%20c" into segments {"a", "b c"}. Returns nullopt
// when the path does not start with '/' or has a malformed escape. "/" is no segment.
std::optional<std::vector<std::string>> split_path(std::string_view path);

}  // namespace dusk::http
