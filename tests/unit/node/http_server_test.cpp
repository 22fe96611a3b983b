// Router, Request and Response: routing, decoding and JSON errors, without a network.
#include "node/http/router.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace dusk::http {
namespace {

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

}  // namespace
}  // namespace dusk::http
