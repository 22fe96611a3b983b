// The JSON-RPC protocol layer (node/rpc/json_rpc.hpp) without a server: the limits a
// body meets before any method runs (batch size, response size, the rate limit's count),
// and the errors of malformed requests.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "node/rpc/json_rpc.hpp"

namespace dusk::rpc {
namespace {

using nlohmann::json;

RpcMethods methods() {
  RpcMethods m;
  m.add("echo", [](const RpcParams& p, const RpcCall&) -> json { return p.at(0); });
  m.add("fail", [](const RpcParams&, const RpcCall&) -> json { throw RpcError(kServerError, "no"); });
  return m;
}

json answer(const RpcMethods& m, const std::string& body, const RpcCall& call = {}, RpcLimits limits = {}) {
  auto a = m.handle(body, call, limits);
  return a ? json::parse(*a) : json();
}

std::string request(int id, const std::string& method, const json& params = json::array()) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump();
}

TEST(JsonRpc, TheRateLimitCountsEachRequestOfABatch) {
  const RpcMethods m = methods();
  std::vector<size_t> asked;
  size_t budget = 3;
  RpcCall call;
  call.admit = [&](size_t n) {
    asked.push_back(n);
    if (n > budget) return false;
    budget -= n;
    return true;
  };
  EXPECT_EQ(answer(m, request(1, "echo", {7}), call)["result"], 7);
  const std::string batch = "[" + request(1, "echo", {1}) + "," + request(2, "echo", {2}) + "," +
                            request(3, "echo", {3}) + "]";
  const json refused = answer(m, batch, call);  // 3 requests, 2 tokens left
  EXPECT_EQ(refused["error"]["code"], kLimitExceeded);
  EXPECT_EQ(refused["error"]["message"], "rate limit exceeded");
  EXPECT_EQ(answer(m, "{not json", call)["error"]["code"], kParseError);  // counts 1
  EXPECT_EQ(asked, (std::vector<size_t>{1, 3, 1}));
  EXPECT_EQ(budget, 1u);
}

TEST(JsonRpc, BatchAndResponseLimits) {
  const RpcMethods m = methods();
  RpcLimits limits;
  limits.max_batch = 2;
  const std::string three = "[" + request(1, "echo", {1}) + "," + request(2, "echo", {2}) + "," +
                            request(3, "echo", {3}) + "]";
  EXPECT_EQ(answer(m, three, {}, limits)["error"]["code"], kInvalidRequest);
  // Past max_response_bytes the rest of a batch is answered with -32005.
  limits.max_batch = 10;
  limits.max_response_bytes = 100;
  const std::string big(80, 'x');
  const json answers =
      answer(m, "[" + request(1, "echo", {big}) + "," + request(2, "echo", {big}) + "]", {}, limits);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0]["result"], big);
  EXPECT_EQ(answers[1]["error"]["code"], kLimitExceeded);
  EXPECT_EQ(answers[1]["id"], 2);
  // A single response above the limit.
  const json single = answer(m, request(5, "echo", {std::string(200, 'y')}), {}, limits);
  EXPECT_EQ(single["error"]["code"], kLimitExceeded);
  EXPECT_EQ(single["id"], 5);
}

TEST(JsonRpc, MalformedRequestsAndNotifications) {
  const RpcMethods m = methods();
  EXPECT_EQ(answer(m, "[]")["error"]["message"], "empty batch");
  EXPECT_EQ(answer(m, R"({"jsonrpc":"2.0","id":{},"method":"echo"})")["error"]["code"], kInvalidRequest);
  EXPECT_EQ(answer(m, R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{}})")["error"]["code"], kInvalidParams);
  EXPECT_EQ(answer(m, request(1, "echo"))["error"]["message"], "missing value for required argument 0");
  EXPECT_EQ(answer(m, request(1, "fail"))["error"], (json{{"code", kServerError}, {"message", "no"}}));
  EXPECT_FALSE(m.handle(R"({"jsonrpc":"2.0","method":"echo","params":[1]})", {}, {}).has_value());
  EXPECT_EQ(answer(m, std::string(100, '[') + std::string(100, ']'))["error"]["code"], kParseError);
}

}  // namespace
}  // namespace dusk::rpc
