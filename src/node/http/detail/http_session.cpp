#include "node/http/detail/http_session.hpp"

#include <algorithm>
#include <cctype>
#include <exception>

#include <boost/asio/dispatch.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "base/log.hpp"
#include "node/http/detail/websocket_session.hpp"

namespace dusk::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

// How long and how much a closing connection's leftover input is discarded.
constexpr std::chrono::milliseconds kMaxLinger{2000};
constexpr size_t kMaxLingerBytes = 1024 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

}  // namespace

HttpSession::HttpSession(asio::ip::tcp::socket socket, std::shared_ptr<ServerContext> context,
                         ConnectionSlot slot)
    : stream_(std::move(socket)),
      context_(std::move(context)),
      slot_(std::move(slot)),
      connection_id_(context_->next_connection.fetch_add(1)) {}

void HttpSession::run() {
  // The socket's executor is this connection's strand; start there.
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::reject() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->send(Response::error(503, "overloaded", "too many connections, try again later"), false);
  });
}

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<size_t>(context_->options.max_header_bytes, UINT32_MAX)));
  parser_->body_limit(context_->options.max_body_bytes);
  // One deadline for the whole request, idle wait included: a client trickling bytes
  // cannot keep the connection open longer than one that sends nothing.
  stream_.expires_after(context_->options.read_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
}

void HttpSession::on_header(beast::error_code ec) {
  // A Content-Length over the limit has failed already (body_limit): nothing of the body
  // is read. Otherwise read the body, first telling a client that waits for it (curl
  // does, for bodies over 1 KiB) to go on.
  if (ec) {
    on_read(ec);
    return;
  }
  auto read_body = [self = shared_from_this()] {
    bhttp::async_read(self->stream_, self->buffer_, *self->parser_,
                      [self](beast::error_code read_ec, size_t) { self->on_read(read_ec); });
  };
  const auto& header = parser_->get();
  if (!parser_->is_done() && beast::iequals(header[bhttp::field::expect], "100-continue")) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                      [self = shared_from_this(), read_body](beast::error_code write_ec, size_t) {
                        if (write_ec) {
                          self->stream_.close();
                          return;
                        }
                        read_body();
                      });
    return;
  }
  read_body();
}

void HttpSession::on_read(beast::error_code ec) {
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();
    return;
  }
  if (ec == bhttp::error::body_limit) {
    send(Response::error(413, "body_too_large",
                         "request body exceeds " + std::to_string(context_->options.max_body_bytes) + " bytes"),
         false);
    return;
  }
  if (ec == bhttp::error::header_limit) {
    send(Response::error(431, "headers_too_large", "request headers are too large"), false);
    return;
  }
  if (is_parse_error(ec)) {
    send(Response::error(400, "bad_request", "malformed HTTP request: " + ec.message()), false);
    return;
  }
  if (ec) {  // the connection failed (reset, ...): nobody to answer
    stream_.close();
    return;
  }

  Parser::value_type& message = parser_->get();
  if (beast::websocket::is_upgrade(message)) {
    auto it = context_->websockets.find(std::string(message.target().substr(0, message.target().find('?'))));
    if (it != context_->websockets.end()) {
      upgrade(it->second);
      return;
    }
  }
  bool keep_alive = message.keep_alive() && context_->options.keep_alive;
  Response response;
  try {
    response = respond(message);
  } catch (const std::exception& e) {  // not a handler's (the router catches those): ours
    DUSK_LOG(kError, "http", "failed to answer a request: " << e.what());
    response = Response::error(500, "internal", "internal server error");
  }
  send(std::move(response), keep_alive);
}

Response HttpSession::respond(Parser::value_type& message) {
  Request request;
  request.method = std::string(message.method_string());
  std::string_view target = message.target();
  size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) {
    auto query = parse_query(target.substr(question + 1));
    if (!query) return Response::error(400, "bad_request", "malformed query string");
    request.query = std::move(*query);
  }
  for (const auto& field : message) {
    std::string& value = request.headers[lower(field.name_string())];
    if (!value.empty()) value += ", ";
    value += std::string(field.value());
  }
  request.body = std::move(message.body());
  request.connection = connection_id_;

  const HttpServer::Options& options = context_->options;
  if (options.allowed_origin && request.method == "OPTIONS") {
    auto methods = context_->router->methods_for(request.path);
    if (!methods) return Response::error(404, "not_found", "no route for " + request.path);
    std::string allow;
    for (const std::string& m : *methods) allow += m + ", ";
    allow += "OPTIONS";
    Response preflight;
    preflight.status = 204;
    preflight.content_type.clear();
    preflight.headers.emplace_back("Access-Control-Allow-Methods", allow);
    preflight.headers.emplace_back("Access-Control-Allow-Headers",
                                   request.header("access-control-request-headers").value_or("Content-Type"));
    preflight.headers.emplace_back("Access-Control-Max-Age", "600");
    return preflight;
  }
  return context_->router->dispatch(request);
}

void HttpSession::upgrade(const std::shared_ptr<WebSocketHandler>& handler) {
  // The WebSocket session takes over the socket, the deadline policy and the slot.
  stream_.expires_never();
  auto session = std::make_shared<WebSocketSession>(stream_.release_socket(), handler, context_->owner,
                                                    std::move(slot_), context_->options.read_timeout);
  session->run(parser_->release());
}

void HttpSession::send(Response response, bool keep_alive) {
  const HttpServer::Options& options = context_->options;
  response_ = {};
  int status = response.status >= 100 && response.status <= 599 ? response.status : 500;
  response_.result(static_cast<unsigned>(status));
  response_.version(11);
  response_.set(bhttp::field::server, "dusk");
  if (!response.content_type.empty()) response_.set(bhttp::field::content_type, response.content_type);
  if (options.allowed_origin) {
    response_.set(bhttp::field::access_control_allow_origin, *options.allowed_origin);
    if (*options.allowed_origin != "*") response_.set(bhttp::field::vary, "Origin");
  }
  for (auto& [name, value] : response.headers) response_.insert(name, value);
  response_.body() = std::move(response.body);
  response_.keep_alive(keep_alive);
  response_.prepare_payload();
  stream_.expires_after(options.read_timeout);
  bhttp::async_write(stream_, response_, [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
    self->on_write(keep_alive, ec);
  });
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec) {
  if (ec) {
    stream_.close();
    return;
  }
  if (keep_alive) {
    read_request();
  } else {
    linger_and_close();
  }
}

void HttpSession::linger_and_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(std::min<std::chrono::steady_clock::duration>(kMaxLinger, context_->options.read_timeout));
  drain();
}

void HttpSession::drain() {
  stream_.async_read_some(asio::buffer(drain_buffer_), [self = shared_from_this()](beast::error_code ec, size_t n) {
    self->drained_ += n;
    if (ec || self->drained_ > kMaxLingerBytes) {
      self->stream_.close();
      return;
    }
    self->drain();
  });
}

}  // namespace dusk::http::detail
