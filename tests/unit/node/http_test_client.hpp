// Loopback clients for the HTTP server tests: a Boost.Beast HTTP client and a WebSocket
// client, each on its own io_context. Every operation is asynchronous and run until it
// completes or a generous timeout passes (a failed test, never a hung one).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dusk::http::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using asio::ip::tcp;
using Json = nlohmann::json;

inline constexpr std::chrono::seconds kTimeout{10};

// Runs `io` until `done` is set or kTimeout passes; returns `done`.
inline bool run_until(asio::io_context& io, const bool& done) {
  io.restart();
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (!done && std::chrono::steady_clock::now() < deadline) {
    if (io.run_one_until(deadline) == 0 && io.stopped()) break;
  }
  return done;
}

// Polls `condition` (state owned by another thread, with no event to wait on) until it
// holds or kTimeout passes.
template <typename F>
bool eventually(F condition) {
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : socket_(io_) {
    bool done = false;
    beast::error_code result;
    socket_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
      result = ec;
      done = true;
    });
    EXPECT_TRUE(finish(done)) << "connect timed out";
    EXPECT_FALSE(result) << result.message();
  }

  beast::error_code write_raw(const std::string& bytes) {
    bool done = false;
    beast::error_code result;
    asio::async_write(socket_, asio::buffer(bytes), [&](beast::error_code ec, size_t) {
      result = ec;
      done = true;
    });
    if (!finish(done)) return asio::error::timed_out;
    return result;
  }

  beast::error_code write(bhttp::request<bhttp::string_body> request) {
    request.version(11);
    request.set(bhttp::field::host, "127.0.0.1");
    request.prepare_payload();
    bool done = false;
    beast::error_code result;
    bhttp::async_write(socket_, request, [&](beast::error_code ec, size_t) {
      result = ec;
      done = true;
    });
    if (!finish(done)) return asio::error::timed_out;
    return result;
  }

  // Reads one response; nullopt (and a test failure unless `may_fail`) on error.
  std::optional<bhttp::response<bhttp::string_body>> read(bool may_fail = false) {
    bhttp::response<bhttp::string_body> response;
    bool done = false;
    beast::error_code result;
    bhttp::async_read(socket_, buffer_, response, [&](beast::error_code ec, size_t) {
      result = ec;
      done = true;
    });
    if (!finish(done)) {
      ADD_FAILURE() << "reading a response timed out";
      return std::nullopt;
    }
    if (result) {
      if (!may_fail) ADD_FAILURE() << "reading a response failed: " << result.message();
      return std::nullopt;
    }
    return response;
  }

  std::optional<bhttp::response<bhttp::string_body>> request(bhttp::verb verb, const std::string& target,
                                                             const std::string& body = "") {
    bhttp::request<bhttp::string_body> req(verb, target, 11);
    req.body() = body;
    if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
    if (beast::error_code ec = write(std::move(req))) {
      ADD_FAILURE() << "writing a request failed: " << ec.message();
      return std::nullopt;
    }
    return read();
  }

  // True when the server closes the connection (end of stream or reset) before kTimeout;
  // whatever it sends first is discarded.
  bool closed_by_server() {
    for (;;) {
      bool done = false;
      beast::error_code result;
      socket_.async_read_some(asio::buffer(scratch_), [&](beast::error_code ec, size_t) {
        result = ec;
        done = true;
      });
      if (!finish(done)) return false;
      if (result) return true;
    }
  }

  void close() {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

 private:
  // Runs until `done`; on timeout cancels the operation so no handler outlives its frame.
  bool finish(const bool& done) {
    if (run_until(io_, done)) return true;
    beast::error_code ignored;
    socket_.close(ignored);
    run_until(io_, done);
    return false;
  }

  asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  char scratch_[65536];
};

class WsClient {
 public:
  WsClient(uint16_t port, const std::string& path) : ws_(io_) {
    bool done = false;
    beast::error_code result;
    beast::get_lowest_layer(ws_).async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                                               [&](beast::error_code ec) {
                                                 result = ec;
                                                 done = true;
                                               });
    if (!finish(done) || result) {
      ADD_FAILURE() << "WebSocket connect failed";
      return;
    }
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    done = false;
    ws_.async_handshake("127.0.0.1", path, [&](beast::error_code ec) {
      result = ec;
      done = true;
    });
    if (!finish(done) || result) ADD_FAILURE() << "WebSocket handshake failed: " << result.message();
  }

  void send(const std::string& text, bool binary = false) {
    bool done = false;
    beast::error_code result;
    ws_.binary(binary);
    ws_.async_write(asio::buffer(text), [&](beast::error_code ec, size_t) {
      result = ec;
      done = true;
    });
    if (!finish(done) || result) ADD_FAILURE() << "WebSocket send failed: " << result.message();
  }
  void send(const Json& message) { send(message.dump()); }

  // The next text frame as JSON; nullopt when the connection ends (see error()).
  std::optional<Json> read() {
    bool done = false;
    beast::error_code result;
    buffer_.clear();
    ws_.async_read(buffer_, [&](beast::error_code ec, size_t) {
      result = ec;
      done = true;
    });
    if (!finish(done)) {
      ADD_FAILURE() << "WebSocket read timed out";
      return std::nullopt;
    }
    error_ = result;
    if (result) return std::nullopt;
    return Json::parse(beast::buffers_to_string(buffer_.data()));
  }

  beast::error_code error() const { return error_; }
  websocket::close_reason close_reason() const { return ws_.reason(); }

 private:
  bool finish(const bool& done) {
    if (run_until(io_, done)) return true;
    beast::get_lowest_layer(ws_).close();
    run_until(io_, done);
    return false;
  }

  asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  beast::error_code error_;
};

}  // namespace dusk::http::test
