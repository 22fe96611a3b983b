#include "node/http/response.hpp"

namespace dusk::http {

Response::Response(const HttpError& error)
    : status(error.status()), body(error_body(error.code(), error.message())) {}

Response Response::json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::bytes(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response Response::error(int status, std::string_view code, std::string_view message) {
  Response r;
  r.status = status;
  r.body = error_body(code, message);
  return r;
}

}  // namespace dusk::http
