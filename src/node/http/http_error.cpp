#include "node/http/http_error.hpp"

#include <nlohmann/json.hpp>

namespace dusk::http {

HttpError::HttpError(int status, std::string code, const std::string& message)
    : std::runtime_error(message), status_(status), code_(std::move(code)) {}

std::string error_body(std::string_view code, std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dusk::http
