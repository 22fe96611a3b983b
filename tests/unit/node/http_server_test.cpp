// HttpServer and Router over real loopback connections (tests/unit/node/http_test_client.hpp).
#include "node/http/http_server.hpp"

#include <atomic>
#include <future>
#include <stdexcept>

#include <gtest/gtest.h>

#include "unit/node/http_test_client.hpp"

namespace dusk::http {
namespace {

using namespace std::chrono_literals;
using test::HttpClient;
using test::Json;
using test::bhttp::verb;

void add_routes(Router& router) {
  router.get("/v1/connection", [](const Request& r) { return Response::json({{"connection", r.connection}}); });
  router.get("/v1/blocks/{id}", [](const Request& r) {
    Json body = {{"id", r.param("id")}};
    if (auto v = r.query_param("verbose")) body["verbose"] = *v;
    if (auto q = r.query_param("q")) body["q"] = *q;
    return Response::json(body);
  });
  router.get("/v1/blocks/latest", [](const Request&) { return Response::json({{"latest", true}}); });
  router.post("/v1/blocks/{id}", [](const Request& r) { return Response::json({{"posted", r.param("id")}}); });
  router.post("/v1/echo", [](const Request& r) {
    return Response::json({{"got", r.json()}, {"content_type", r.header("Content-Type").value_or("")}});
  });
  router.get("/v1/boom", [](const Request&) -> Response { throw std::runtime_error("handler bug"); });
  router.get("/v1/teapot", [](const Request&) -> Response { throw HttpError(418, "teapot", "short and stout"); });
  router.get("/v1/gone", [](const Request&) -> Response { return HttpError(410, "gone", "pruned"); });
  router.get("/v1/raw", [](const Request&) { return Response::bytes(std::string("\x01\x00\x02", 3), "application/octet-stream"); });
}

class HttpServerTest : public ::testing::Test {
 protected:
  void start(HttpServer::Options options = {}) {
    add_routes(server_.router());
    server_.start(std::move(options));
    ASSERT_NE(server_.port(), 0);
  }
  HttpServer server_;
};

Json body_of(const test::bhttp::response<test::bhttp::string_body>& r) { return Json::parse(r.body()); }

void expect_error(const std::optional<test::bhttp::response<test::bhttp::string_body>>& r, unsigned status,
                  const std::string& code) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), status) << r->body();
  EXPECT_EQ((*r)[test::bhttp::field::content_type], "application/json");
  Json body = body_of(*r);
  EXPECT_EQ(body["error"]["code"], code) << r->body();
  EXPECT_TRUE(body["error"]["message"].is_string()) << r->body();
}

// --- routing and decoding, without a network ---

TEST(RouterTest, LiteralSegmentsBeatParametersWhateverTheOrder) {
  Router router;
  router.get("/a/{x}", [](const Request&) { return Response::json("param"); });
  router.get("/a/b", [](const Request&) { return Response::json("literal"); });
  Request r;
  r.method = "GET";
  r.path = "/a/b";
  EXPECT_EQ(router.dispatch(r).body, "\"literal\"");
  r.path = "/a/c";
  EXPECT_EQ(router.dispatch(r).body, "\"param\"");
  EXPECT_EQ(r.param("x"), "c");
}

TEST(RouterTest, RefusesMalformedAndDuplicatePatterns) {
  Router router;
  auto h = [](const Request&) { return Response(); };
  EXPECT_THROW(router.get("no/slash", h), std::invalid_argument);
  EXPECT_THROW(router.get("/a/{}", h), std::invalid_argument);
  EXPECT_THROW(router.get("/a/{x", h), std::invalid_argument);
  EXPECT_THROW(router.get("/a/{x}/{x}", h), std::invalid_argument);
  router.get("/a/{x}", h);
  EXPECT_THROW(router.get("/a/{y}", h), std::invalid_argument);
  router.post("/a/{y}", h);  // another method on the same shape is fine
}

TEST(RouterTest, PercentDecoding) {
  EXPECT_EQ(percent_decode("a%2Fb+c", false), "a/b+c");
  EXPECT_EQ(percent_decode("a%2fb+c", true), "a/b c");
  EXPECT_EQ(percent_decode("%G1", false), std::nullopt);
  EXPECT_EQ(percent_decode("abc%2", false), std::nullopt);
  auto query = parse_query("a=1&b=x%20y&a=2&flag&&c=");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->at("a"), "1");
  EXPECT_EQ(query->at("b"), "x y");
  EXPECT_EQ(query->at("flag"), "");
  EXPECT_EQ(query->at("c"), "");
  EXPECT_EQ(parse_query("a=%zz"), std::nullopt);
  EXPECT_EQ(split_path("/a/b%2Fc"), (std::vector<std::string>{"a", "b/c"}));
  EXPECT_EQ(split_path("relative"), std::nullopt);
}

TEST(RouterTest, ErrorsAreJsonWithStableCodes) {
  Router router;
  router.get("/v1/blocks/{id}", [](const Request& r) { return Response::json({{"id", r.param("id")}}); });
  router.post("/v1/blocks/{id}", [](const Request& r) { return Response::json(r.json()); });
  router.get("/v1/boom", [](const Request&) -> Response { throw std::runtime_error("handler bug"); });
  router.get("/v1/gone", [](const Request&) -> Response { return HttpError(410, "gone", "pruned"); });
  auto call = [&](const std::string& method, const std::string& path, const std::string& body = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    return router.dispatch(r);
  };
  auto code = [](const Response& r) { return nlohmann::json::parse(r.body)["error"]["code"]; };
  EXPECT_EQ(call("GET", "/v1/blocks/7").body, R"({"id":"7"})");
  Response r = call("GET", "/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(code(r), "not_found");
  r = call("DELETE", "/v1/blocks/7");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(code(r), "method_not_allowed");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>("Allow", "GET, POST")));
  r = call("POST", "/v1/blocks/7", "{nope");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code(r), "bad_json");
  r = call("GET", "/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(code(r), "internal");
  r = call("GET", "/v1/gone");
  EXPECT_EQ(r.status, 410);
  EXPECT_EQ(code(r), "gone");
  EXPECT_EQ(router.methods_for("/v1/blocks/9"), (std::vector<std::string>{"GET", "POST"}));
  EXPECT_EQ(router.methods_for("/v1/x"), std::nullopt);
}

// --- over the network ---

TEST_F(HttpServerTest, GetWithPathParameterAndQuery) {
  start();
  HttpClient client(server_.port());
  auto r = client.request(verb::get, "/v1/blocks/12?verbose=true&q=a%20b+c");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
  EXPECT_EQ(body_of(*r), (Json{{"id", "12"}, {"verbose", "true"}, {"q", "a b c"}}));

  r = client.request(verb::get, "/v1/blocks/a%2Fb");  // an encoded slash stays in the segment
  ASSERT_TRUE(r);
  EXPECT_EQ(body_of(*r)["id"], "a/b");
  r = client.request(verb::get, "/v1/blocks/latest");
  ASSERT_TRUE(r);
  EXPECT_EQ(body_of(*r), (Json{{"latest", true}}));
}

TEST_F(HttpServerTest, PostJsonAndRawBytes) {
  start();
  HttpClient client(server_.port());
  auto r = client.request(verb::post, "/v1/echo", R"({"amount": 5, "to": "ab"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
  EXPECT_EQ(body_of(*r), (Json{{"got", {{"amount", 5}, {"to", "ab"}}}, {"content_type", "application/json"}}));

  r = client.request(verb::get, "/v1/raw");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[test::bhttp::field::content_type], "application/octet-stream");
  EXPECT_EQ(r->body(), std::string("\x01\x00\x02", 3));
}

TEST_F(HttpServerTest, MalformedJsonIs400) {
  start();
  HttpClient client(server_.port());
  expect_error(client.request(verb::post, "/v1/echo", R"({"amount": )"), 400, "bad_json");
  expect_error(client.request(verb::post, "/v1/echo", std::string(10000, '[')), 400, "bad_json");
  expect_error(client.request(verb::post, "/v1/echo", ""), 400, "bad_json");
}

TEST_F(HttpServerTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  start();
  HttpClient client(server_.port());
  expect_error(client.request(verb::get, "/v1/nothing"), 404, "not_found");
  expect_error(client.request(verb::get, "/v1/blocks/"), 404, "not_found");
  auto r = client.request(verb::delete_, "/v1/blocks/7");
  expect_error(r, 405, "method_not_allowed");
  EXPECT_EQ((*r)[test::bhttp::field::allow], "GET, POST");
}

TEST_F(HttpServerTest, HandlerErrorsBecomeJsonAndTheServerKeepsServing) {
  start();
  HttpClient client(server_.port());
  auto r = client.request(verb::get, "/v1/boom");
  expect_error(r, 500, "internal");
  EXPECT_EQ(body_of(*r)["error"]["message"], "internal server error");  // nothing of the bug leaks
  expect_error(client.request(verb::get, "/v1/teapot"), 418, "teapot");
  expect_error(client.request(verb::get, "/v1/gone"), 410, "gone");
  r = client.request(verb::get, "/v1/blocks/1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
}

TEST_F(HttpServerTest, OversizedBodyIs413WithoutReadingIt) {
  start({.max_body_bytes = 1024});
  HttpClient client(server_.port());
  // Announce 50 MB and send none of it: the answer can only come from the headers.
  ASSERT_FALSE(client.write_raw("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                "Content-Length: 50000000\r\n\r\n{\"a\":"));
  auto r = client.read();
  expect_error(r, 413, "body_too_large");
  EXPECT_FALSE(r->keep_alive());
  EXPECT_TRUE(client.closed_by_server());

  HttpClient chunked(server_.port());  // no Content-Length: the limit applies as it streams
  ASSERT_FALSE(chunked.write_raw("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "800\r\n" + std::string(0x800, 'x') + "\r\n"));
  expect_error(chunked.read(), 413, "body_too_large");
}

TEST_F(HttpServerTest, ExpectContinueIsAnsweredBeforeTheBody) {
  start({.max_body_bytes = 1024});
  HttpClient client(server_.port());
  ASSERT_FALSE(client.write_raw("POST /v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                                "Content-Length: 7\r\n\r\n"));
  auto interim = client.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->result_int(), 100u);
  ASSERT_FALSE(client.write_raw("[1,2,3]"));
  auto r = client.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(body_of(*r)["got"], Json::array({1, 2, 3}));

  HttpClient big(server_.port());  // too large: refused at once, no 100
  ASSERT_FALSE(big.write_raw("POST /v1/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                             "Content-Length: 4096\r\n\r\n"));
  expect_error(big.read(), 413, "body_too_large");
}

TEST_F(HttpServerTest, OversizedHeadersAre431AndGarbageIs400) {
  start({.max_header_bytes = 1024});
  HttpClient client(server_.port());
  ASSERT_FALSE(client.write_raw("GET /v1/blocks/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n"));
  expect_error(client.read(), 431, "headers_too_large");

  HttpClient garbage(server_.port());
  ASSERT_FALSE(garbage.write_raw("NOT HTTP AT ALL\r\n\r\n"));
  expect_error(garbage.read(), 400, "bad_request");
}

TEST_F(HttpServerTest, SlowClientIsClosedAfterTheReadTimeout) {
  start({.read_timeout = 200ms});
  HttpClient half(server_.port());
  ASSERT_FALSE(half.write_raw("GET /v1/blocks/1 HTTP/1.1\r\nHost: x\r\n"));  // and nothing more
  HttpClient idle(server_.port());  // sends nothing at all
  EXPECT_TRUE(half.closed_by_server());
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(test::eventually([&] { return server_.connection_count() == 0; }));
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  HttpClient client(server_.port());
  for (int i = 0; i < 3; ++i) {
    auto r = client.request(verb::get, "/v1/blocks/" + std::to_string(i));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->keep_alive());
    EXPECT_EQ(body_of(*r)["id"], std::to_string(i));
  }
  EXPECT_EQ(server_.connection_count(), 1u);
}

TEST_F(HttpServerTest, RequestsKnowTheirConnection) {
  start();
  HttpClient first(server_.port()), second(server_.port());
  auto id = [](HttpClient& c) {
    auto r = c.request(verb::get, "/v1/connection");
    EXPECT_TRUE(r);
    return r ? body_of(*r)["connection"].get<u64>() : 0;
  };
  const u64 a = id(first), b = id(second);
  EXPECT_NE(a, 0u);
  EXPECT_NE(b, 0u);
  EXPECT_NE(a, b);
  EXPECT_EQ(id(first), a);  // kept alive: the same connection
  EXPECT_EQ(id(second), b);
}

TEST_F(HttpServerTest, KeepAliveOffClosesAfterEachResponse) {
  start({.keep_alive = false});
  HttpClient client(server_.port());
  auto r = client.request(verb::get, "/v1/blocks/1");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->keep_alive());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, ConnectionsBeyondTheLimitGet503) {
  start({.max_connections = 2});
  HttpClient a(server_.port());
  HttpClient b(server_.port());
  ASSERT_TRUE(a.request(verb::get, "/v1/blocks/1"));  // both are being served
  ASSERT_TRUE(b.request(verb::get, "/v1/blocks/1"));
  HttpClient c(server_.port());
  ASSERT_FALSE(c.write(test::bhttp::request<test::bhttp::string_body>(verb::get, "/v1/blocks/1", 11)));
  expect_error(c.read(), 503, "overloaded");
  EXPECT_TRUE(c.closed_by_server());

  a.close();
  ASSERT_TRUE(test::eventually([&] { return server_.connection_count() == 1; }));
  HttpClient d(server_.port());
  auto r = d.request(verb::get, "/v1/blocks/1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 200u);
}

TEST_F(HttpServerTest, CorsPreflightAndHeaders) {
  start({.allowed_origin = "https://wallet.example"});
  HttpClient client(server_.port());
  test::bhttp::request<test::bhttp::string_body> preflight(verb::options, "/v1/blocks/7", 11);
  preflight.set(test::bhttp::field::origin, "https://wallet.example");
  preflight.set(test::bhttp::field::access_control_request_method, "POST");
  preflight.set(test::bhttp::field::access_control_request_headers, "content-type");
  ASSERT_FALSE(client.write(preflight));
  auto r = client.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 204u);
  EXPECT_EQ((*r)[test::bhttp::field::access_control_allow_origin], "https://wallet.example");
  EXPECT_EQ((*r)[test::bhttp::field::access_control_allow_methods], "GET, POST, OPTIONS");
  EXPECT_EQ((*r)[test::bhttp::field::access_control_allow_headers], "content-type");

  r = client.request(verb::get, "/v1/blocks/7");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[test::bhttp::field::access_control_allow_origin], "https://wallet.example");
  expect_error(client.request(verb::options, "/v1/nothing"), 404, "not_found");
}

TEST_F(HttpServerTest, NoCorsUnlessConfigured) {
  start();
  HttpClient client(server_.port());
  auto r = client.request(verb::options, "/v1/blocks/7");
  expect_error(r, 405, "method_not_allowed");
  EXPECT_EQ(r->count(test::bhttp::field::access_control_allow_origin), 0u);
}

TEST_F(HttpServerTest, SeveralThreadsServeConcurrentClients) {
  start({.threads = 2});
  std::vector<std::future<bool>> clients;
  for (int c = 0; c < 4; ++c) {
    clients.push_back(std::async(std::launch::async, [port = server_.port(), c] {
      HttpClient client(port);
      for (int i = 0; i < 20; ++i) {
        auto r = client.request(verb::get, "/v1/blocks/" + std::to_string(c * 100 + i));
        if (!r || Json::parse(r->body())["id"] != std::to_string(c * 100 + i)) return false;
      }
      return true;
    }));
  }
  for (auto& c : clients) EXPECT_TRUE(c.get());
}

TEST_F(HttpServerTest, StopWithOpenConnectionsReturnsPromptly) {
  start();
  HttpClient idle(server_.port());
  HttpClient half(server_.port());
  ASSERT_FALSE(half.write_raw("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"));
  ASSERT_TRUE(idle.request(verb::get, "/v1/blocks/1"));
  auto stopped = std::async(std::launch::async, [&] { server_.stop(); });
  ASSERT_EQ(stopped.wait_for(test::kTimeout), std::future_status::ready);
  EXPECT_FALSE(server_.running());
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(half.closed_by_server());
  // And it starts again.
  server_.start({});
  HttpClient again(server_.port());
  EXPECT_TRUE(again.request(verb::get, "/v1/blocks/2"));
}

TEST(HttpServerStartTest, BadHostAndPortInUseThrow) {
  HttpServer a;
  EXPECT_THROW(a.start({.host = "not an address"}), std::system_error);
  a.start({});
  HttpServer b;
  EXPECT_THROW(b.start({.port = a.port()}), std::system_error);
  EXPECT_THROW(a.start({}), std::logic_error);
}

}  // namespace
}  // namespace dusk::http
