// For end-to-end tests: one HTTP/1.1 request to 127.0.0.1 with Boost.Beast, with a
// timeout; the status (0 when the connection failed) and the body.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <string>

namespace dusk::test {

struct HttpReply {
  int status = 0;
  std::string body;
};

inline HttpReply http_request(uint16_t port, const std::string& method, const std::string& target,
                              const std::string& body = {}, std::chrono::seconds timeout = std::chrono::seconds(30)) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  using tcp = boost::asio::ip::tcp;
  HttpReply reply;
  try {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    http::request<http::string_body> req{method == "POST" ? http::verb::post : http::verb::get, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (method == "POST") {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
      req.prepare_payload();
    }
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    reply.status = static_cast<int>(parser.get().result_int());
    reply.body = parser.get().body();
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  } catch (const std::exception&) {
    reply.status = 0;
  }
  return reply;
}

inline HttpReply http_get(uint16_t port, const std::string& target) { return http_request(port, "GET", target); }
inline HttpReply http_post(uint16_t port, const std::string& target, const std::string& body) {
  return http_request(port, "POST", target, body);
}

}  // namespace dusk::test
