// HttpError: an HTTP failure a handler reports, carried to the client as JSON.
//
// Every error the server sends has the same body,
//   {"error": {"code": "not_found", "message": "no block 0xab.."}}
// where `code` is a stable machine-readable string (clients branch on it) and `message`
// is for humans (it may change). A handler either throws an HttpError or returns one
// (Response converts from it); anything else it throws becomes 500 "internal".
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace dusk::http {

class HttpError : public std::runtime_error {
 public:
  // `status` is the HTTP status (400..599), `code` the stable machine code.
  HttpError(int status, std::string code, const std::string& message);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  // The human message (same as what()).
  std::string_view message() const { return what(); }

 private:
  int status_;
  std::string code_;
};

// The JSON text of an error body: {"error":{"code":..,"message":..}}. Invalid UTF-8 in
// either string is replaced, so this never throws on odd input echoed into a message.
std::string error_body(std::string_view code, std::string_view message);

}  // namespace dusk::http
