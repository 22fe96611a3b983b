#include "node/http/router.hpp"

#include <algorithm>
#include <exception>
#include <set>
#include <stdexcept>

#include "base/log.hpp"

namespace dusk::http {

std::optional<std::vector<std::string>> split_path(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> out;
  if (path == "/") return out;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    auto segment = percent_decode(path.substr(0, slash), false);
    if (!segment) return std::nullopt;
    out.push_back(std::move(*segment));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

void Router::add(std::string_view method, std::string_view pattern, Handler handler) {
  if (method.empty()) throw std::invalid_argument("route method is empty");
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  Route route{std::string(method), {}, std::move(handler)};
  std::set<std::string> names;
  std::string_view rest = pattern.substr(1);
  while (pattern != "/") {
    size_t slash = rest.find('/');
    std::string_view text = rest.substr(0, slash);
    Segment segment;
    if (!text.empty() && text.front() == '{') {
      if (text.size() < 3 || text.back() != '}') {
        throw std::invalid_argument("malformed parameter in route pattern: " + std::string(pattern));
      }
      segment.text = std::string(text.substr(1, text.size() - 2));
      segment.is_param = true;
      if (!names.insert(segment.text).second) {
        throw std::invalid_argument("parameter named twice in route pattern: " + std::string(pattern));
      }
    } else {
      if (text.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("malformed parameter in route pattern: " + std::string(pattern));
      }
      segment.text = std::string(text);
    }
    route.segments.push_back(std::move(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  auto same_shape = [&](const Route& other) {
    if (other.method != route.method || other.segments.size() != route.segments.size()) return false;
    for (size_t i = 0; i < other.segments.size(); ++i) {
      const Segment& a = other.segments[i];
      const Segment& b = route.segments[i];
      if (a.is_param != b.is_param || (!a.is_param && a.text != b.text)) return false;
    }
    return true;
  };
  if (std::any_of(routes_.begin(), routes_.end(), same_shape)) {
    throw std::invalid_argument("route registered twice: " + std::string(method) + " " + std::string(pattern));
  }
  routes_.push_back(std::move(route));
}

std::vector<size_t> Router::best_matches(const std::vector<std::string>& segments) const {
  // A pattern's rank is its sequence of "is literal" flags: comparing those
  // lexicographically prefers a literal at the first segment where two patterns differ.
  std::vector<size_t> best;
  std::vector<bool> best_rank;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    if (route.segments.size() != segments.size()) continue;
    std::vector<bool> rank;
    bool match = true;
    for (size_t s = 0; s < segments.size() && match; ++s) {
      const Segment& seg = route.segments[s];
      match = seg.is_param ? !segments[s].empty() : seg.text == segments[s];
      rank.push_back(!seg.is_param);
    }
    if (!match) continue;
    if (best.empty() || rank > best_rank) {
      best.assign(1, i);
      best_rank = std::move(rank);
    } else if (rank == best_rank) {
      best.push_back(i);
    }
  }
  return best;
}

std::optional<std::vector<std::string>> Router::methods_for(std::string_view path) const {
  auto segments = split_path(path);
  if (!segments) return std::nullopt;
  std::vector<size_t> matches = best_matches(*segments);
  if (matches.empty()) return std::nullopt;
  std::vector<std::string> methods;
  for (size_t i : matches) methods.push_back(routes_[i].method);
  std::sort(methods.begin(), methods.end());
  return methods;
}

Response Router::dispatch(Request& request) const {
  auto segments = split_path(request.path);
  if (!segments) return Response::error(400, "bad_request", "malformed request path");
  std::vector<size_t> matches = best_matches(*segments);
  if (matches.empty()) return Response::error(404, "not_found", "no route for " + request.path);
  const Route* route = nullptr;
  std::vector<std::string> methods;
  for (size_t i : matches) {
    methods.push_back(routes_[i].method);
    if (routes_[i].method == request.method) route = &routes_[i];
  }
  if (route == nullptr) {
    std::sort(methods.begin(), methods.end());
    std::string allow;
    for (const std::string& m : methods) allow += (allow.empty() ? "" : ", ") + m;
    Response r = Response::error(405, "method_not_allowed",
                                 request.method + " is not allowed on " + request.path + " (allowed: " + allow + ")");
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  request.path_params.clear();
  for (size_t s = 0; s < segments->size(); ++s) {
    if (route->segments[s].is_param) request.path_params[route->segments[s].text] = (*segments)[s];
  }
  try {
    return route->handler(request);
  } catch (const HttpError& e) {
    return Response(e);
  } catch (const std::exception& e) {
    DUSK_LOG(kError, "http", "handler for " << request.method << " " << request.path << " threw: " << e.what());
  } catch (...) {
    DUSK_LOG(kError, "http", "handler for " << request.method << " " << request.path << " threw a non-exception");
  }
  return Response::error(500, "internal", "internal server error");
}

}  // namespace dusk::http
