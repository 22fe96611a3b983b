// One HTTP connection: reads requests (bounded in size and time), routes them, writes the
// responses, keeps the connection alive between them, and hands a WebSocket upgrade on an
// event-stream path to a WebSocketSession.
#pragma once

#include <memory>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "node/http/detail/server_context.hpp"
#include "node/http/response.hpp"

namespace dusk::http::detail {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<ServerContext> context,
              ConnectionSlot slot);

  // Serves the connection until it closes (the session keeps itself alive meanwhile).
  void run();
  // Answers 503 "overloaded" without reading a request, then closes.
  void reject();

 private:
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void read_request();
  void on_header(boost::beast::error_code ec);
  void on_read(boost::beast::error_code ec);
  Response respond(Parser::value_type& message);
  void upgrade(const std::shared_ptr<WebSocketHandler>& handler);
  void send(Response response, bool keep_alive);
  void on_write(bool keep_alive, boost::beast::error_code ec);
  // Half-closes, then discards what the client still sends (bounded in time and bytes) so
  // that closing does not reset the connection under the response it has not read yet.
  void linger_and_close();
  void drain();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  std::shared_ptr<ServerContext> context_;
  ConnectionSlot slot_;
  u64 connection_id_;  // Request::connection
  size_t drained_ = 0;
  char drain_buffer_[4096];
};

}  // namespace dusk::http::detail
