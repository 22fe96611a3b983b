#include "node_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace dusk::wallet_cli {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Answers larger than this are refused (the node's largest are blocks and receipts).
constexpr size_t kMaxAnswerBytes = 64 * 1024 * 1024;

std::string seconds_text(std::chrono::milliseconds ms) {
  const auto s = ms.count() / 1000;
  const auto rest = ms.count() % 1000;
  return rest == 0 ? std::to_string(s) + " s" : std::to_string(ms.count()) + " ms";
}

}  // namespace

std::string NodeReply::error_code() const {
  if (body.is_object() && body.contains("error") && body["error"].is_object() && body["error"].contains("code") &&
      body["error"]["code"].is_string())
    return body["error"]["code"];
  return "";
}

std::string NodeReply::error_message() const {
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("message") && body["error"]["message"].is_string())
    return body["error"]["message"];
  return "HTTP status " + std::to_string(status);
}

Result<NodeClient> NodeClient::create(const std::string& url, std::chrono::milliseconds timeout) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) {
    if (url.rfind("https://", 0) == 0) return Error("--node " + url + ": https is not supported (the node serves http)");
    return Error("--node " + url + ": expected http://HOST:PORT");
  }
  NodeClient c;
  c.url_ = url;
  c.timeout_ = timeout;
  std::string rest = url.substr(scheme.size());
  const size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) {
    c.prefix_ = rest.substr(slash);
    while (!c.prefix_.empty() && c.prefix_.back() == '/') c.prefix_.pop_back();
  }
  std::string port = "80";
  if (!authority.empty() && authority.front() == '[') {  // [IPv6]:port
    const size_t close = authority.find(']');
    if (close == std::string::npos) return Error("--node " + url + ": unclosed [ in the host");
    c.host_ = authority.substr(1, close - 1);
    const std::string after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return Error("--node " + url + ": expected :PORT after ]");
      port = after.substr(1);
    }
  } else {
    const size_t colon = authority.rfind(':');
    c.host_ = authority.substr(0, colon);
    if (colon != std::string::npos) port = authority.substr(colon + 1);
  }
  if (c.host_.empty()) return Error("--node " + url + ": no host");
  bool digits = !port.empty() && port.size() <= 5;
  for (char ch : port) digits = digits && ch >= '0' && ch <= '9';
  if (!digits || std::stoul(port) == 0 || std::stoul(port) > 65535)
    return Error("--node " + url + ": the port must be a number from 1 to 65535");
  c.port_ = port;
  return c;
}

Result<NodeReply> NodeClient::get(const std::string& path) const { return request(false, path, nullptr); }

Result<NodeReply> NodeClient::post(const std::string& path, const Json& body) const {
  const std::string text = body.dump();
  return request(true, path, &text);
}

Result<NodeReply> NodeClient::request(bool post, const std::string& path, const std::string* body) const {
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  bhttp::request<bhttp::string_body> req{post ? bhttp::verb::post : bhttp::verb::get, prefix_ + path, 11};
  const bool v6 = host_.find(':') != std::string::npos;
  req.set(bhttp::field::host, (v6 ? "[" + host_ + "]" : host_) + ":" + port_);
  req.set(bhttp::field::user_agent, "dusk-wallet");
  req.set(bhttp::field::accept, "application/json");
  req.set(bhttp::field::connection, "close");
  if (body) {
    req.set(bhttp::field::content_type, "application/json");
    req.body() = *body;
  }
  req.prepare_payload();
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);

  beast::error_code failure;
  std::string stage;
  bool done = false;
  auto fail = [&](const char* where, const beast::error_code& ec) {
    failure = ec;
    stage = where;
    done = true;
  };
  resolver.async_resolve(host_, port_, [&](const beast::error_code& ec, tcp::resolver::results_type results) {
    if (ec) return fail("resolving the host", ec);
    stream.expires_after(timeout_);
    stream.async_connect(results, [&](const beast::error_code& ec2, const tcp::endpoint&) {
      if (ec2) return fail("connecting", ec2);
      bhttp::async_write(stream, req, [&](const beast::error_code& ec3, size_t) {
        if (ec3) return fail("sending the request", ec3);
        bhttp::async_read(stream, buffer, parser, [&](const beast::error_code& ec4, size_t) {
          if (ec4) return fail("reading the answer", ec4);
          done = true;
        });
      });
    });
  });
  // The deadline covers resolution too (the stream's expiry starts after it).
  ioc.run_for(timeout_ + std::chrono::seconds(1));
  if (!done) return Error("the node at " + url_ + " did not answer within " + seconds_text(timeout_));
  if (failure) {
    if (failure == beast::error::timeout)
      return Error("the node at " + url_ + " did not answer within " + seconds_text(timeout_));
    return Error("cannot reach the node at " + url_ + " (" + stage + ": " + failure.message() +
                 "); is duskd running? (--node URL)");
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

  const auto& res = parser.get();
  NodeReply reply;
  reply.status = static_cast<int>(res.result_int());
  const std::string& text = res.body();
  reply.body = Json::parse(text, nullptr, false);
  if (reply.body.is_discarded()) {
    if (reply.status >= 400) {
      reply.body = Json{{"error", {{"code", "http_" + std::to_string(reply.status)},
                                   {"message", "HTTP status " + std::to_string(reply.status)}}}};
      return reply;
    }
    return Error("the node at " + url_ + " answered " + path + " with something that is not JSON");
  }
  return reply;
}

}  // namespace dusk::wallet_cli
