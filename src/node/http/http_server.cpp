#include "node/http/http_server.hpp"

#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "base/log.hpp"
#include "node/http/detail/http_session.hpp"
#include "node/http/detail/server_context.hpp"

namespace dusk::http {

namespace asio = boost::asio;
using asio::ip::tcp;

struct HttpServer::Runtime {
  explicit Runtime(std::shared_ptr<detail::ServerContext> ctx)
      : context(std::move(ctx)), acceptor(io), retry_timer(io) {}

  void accept() {
    // Each connection gets its own strand: its handlers never run concurrently, while
    // different connections run in parallel on the I/O threads.
    acceptor.async_accept(asio::make_strand(io), [this](boost::system::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        // Out of file descriptors, typically: wait instead of spinning on the error.
        DUSK_LOG(kWarn, "http", "accept failed: " << ec.message());
        retry_timer.expires_after(std::chrono::milliseconds(100));
        retry_timer.async_wait([this](boost::system::error_code wait_ec) {
          if (!wait_ec) accept();
        });
        return;
      }
      // Requests and events are small: send them now rather than wait for Nagle.
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      serve(std::move(socket));
      accept();
    });
  }

  void serve(tcp::socket socket) {
    const size_t max = context->options.max_connections;
    if (context->connections.load() < max) {
      detail::ConnectionSlot slot(context, &context->connections);
      std::make_shared<detail::HttpSession>(std::move(socket), context, std::move(slot))->run();
    } else if (context->rejecting.load() < max) {
      detail::ConnectionSlot slot(context, &context->rejecting);
      std::make_shared<detail::HttpSession>(std::move(socket), context, std::move(slot))->reject();
    }
    // Beyond that even the 503s would cost unbounded memory: the socket just closes.
  }

  std::shared_ptr<detail::ServerContext> context;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer retry_timer;
  std::vector<std::thread> threads;
};

HttpServer::HttpServer() : context_(std::make_shared<detail::ServerContext>()) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::serve_websocket(std::string path, std::shared_ptr<WebSocketHandler> handler) {
  if (runtime_) throw std::logic_error("HttpServer::serve_websocket after start()");
  if (!handler) throw std::invalid_argument("HttpServer::serve_websocket: null handler");
  context_->websockets[std::move(path)] = std::move(handler);
}

void HttpServer::start(Options options) {
  if (runtime_) throw std::logic_error("HttpServer::start: already running");
  if (options.threads == 0) options.threads = 1;
  if (options.max_connections == 0) options.max_connections = 1;
  auto context = std::make_shared<detail::ServerContext>();
  context->options = std::move(options);
  context->router = &router_;
  context->websockets = context_->websockets;
  context->owner = this;
  context_ = context;

  auto runtime = std::make_unique<Runtime>(context);
  boost::system::error_code ec;
  asio::ip::address address = asio::ip::make_address(context->options.host, ec);
  if (ec) throw std::system_error(ec, "HttpServer: bad host address '" + context->options.host + "'");
  tcp::endpoint endpoint(address, context->options.port);
  auto check = [&](const char* step) {
    // Boost 1.74's system_error is not a std::system_error: convert, for one error type.
    if (ec) {
      throw std::system_error(std::error_code(ec.value(), std::system_category()),
                              std::string("HttpServer: ") + step + " " + context->options.host + ":" +
                                  std::to_string(context->options.port));
    }
  };
  runtime->acceptor.open(endpoint.protocol(), ec);
  check("open");
  runtime->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  check("set_option");
  runtime->acceptor.bind(endpoint, ec);
  check("bind");
  runtime->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  check("listen");
  port_ = runtime->acceptor.local_endpoint().port();
  runtime->accept();
  for (size_t i = 0; i < context->options.threads; ++i) {
    runtime->threads.emplace_back([io = &runtime->io] {
      // A throw here would be a bug of ours; log it and keep the thread serving.
      for (;;) {
        try {
          io->run();
          return;
        } catch (const std::exception& e) {
          DUSK_LOG(kError, "http", "I/O thread caught: " << e.what());
        }
      }
    });
  }
  runtime_ = std::move(runtime);
  DUSK_LOG(kInfo, "http", "listening on " << context->options.host << ":" << port_);
}

void HttpServer::stop() {
  if (!runtime_) return;
  // Stopping the context abandons every pending operation at once: no client can delay
  // it. Then the WebSocket handlers forget our sessions (so none posts to a dead
  // context), and destroying the context destroys the abandoned handlers, which own the
  // sessions and so close their sockets.
  runtime_->io.stop();
  for (std::thread& t : runtime_->threads) t.join();
  for (auto& [path, handler] : context_->websockets) handler->detach(this);
  runtime_.reset();
  port_ = 0;
}

bool HttpServer::running() const { return runtime_ != nullptr; }

size_t HttpServer::connection_count() const { return context_->connections.load(); }

}  // namespace dusk::http
