// EventStream over real WebSocket connections, and Subscription on its own.
#include "node/http/event_stream.hpp"

#include <future>

#include <gtest/gtest.h>

#include "node/http/http_server.hpp"
#include "node/http/subscription.hpp"
#include "unit/node/http_test_client.hpp"

namespace dusk::http {
namespace {

using test::Json;
using test::WsClient;

TEST(SubscriptionTest, TopicsAndFieldFilter) {
  Subscription s = Subscription::parse({{"topics", {"events"}}, {"filter", {{"contract", "ab12"}, {"kind", 3}}}});
  EXPECT_TRUE(s.accepts("events", {{"contract", "ab12"}, {"kind", 3}, {"data", "x"}}));
  EXPECT_FALSE(s.accepts("blocks", {{"contract", "ab12"}, {"kind", 3}}));
  EXPECT_FALSE(s.accepts("events", {{"contract", "ab12"}, {"kind", "3"}}));  // types must agree
  EXPECT_FALSE(s.accepts("events", {{"contract", "ab12"}}));
  EXPECT_FALSE(s.accepts("events", Json::array({1, 2})));
  EXPECT_TRUE(Subscription::parse({{"topics", {"a"}}}).accepts("a", 5));

  EXPECT_THROW(Subscription::parse(Json::array()), std::invalid_argument);
  EXPECT_THROW(Subscription::parse({{"topics", Json::array()}}), std::invalid_argument);
  EXPECT_THROW(Subscription::parse({{"topics", {1}}}), std::invalid_argument);
  EXPECT_THROW(Subscription::parse({{"topics", {"a"}}, {"filter", 1}}), std::invalid_argument);
  EXPECT_THROW(Subscription::parse({{"topics", {"a"}}, {"other", 1}}), std::invalid_argument);
}

class EventStreamTest : public ::testing::Test {
 protected:
  void start(EventStream::Options options = {}) {
    events_ = std::make_shared<EventStream>(options);
    server_.serve_websocket("/v1/events", events_);
    server_.router().get("/v1/ping", [](const Request&) { return Response::json("pong"); });
    server_.start({});
  }

  // Connects and subscribes; returns once the server has acknowledged.
  std::unique_ptr<WsClient> subscriber(const Json& subscription) {
    auto client = std::make_unique<WsClient>(server_.port(), "/v1/events");
    client->send(Json{{"subscribe", subscription}});
    auto ack = client->read();
    EXPECT_TRUE(ack);
    if (ack) {
      EXPECT_EQ(*ack, (Json{{"subscribed", subscription}}));
    }
    return client;
  }

  std::shared_ptr<EventStream> events_;  // declared first: outlives the server
  HttpServer server_;
};

TEST_F(EventStreamTest, SubscribersReceiveTheirTopicsInOrder) {
  start();
  auto blocks = subscriber({{"topics", {"blocks"}}});
  auto both = subscriber({{"topics", {"blocks", "txs"}}});
  events_->publish("blocks", {{"height", 1}});
  events_->publish("txs", {{"hash", "aa"}});
  events_->publish("blocks", {{"height", 2}});

  EXPECT_EQ(blocks->read(), (Json{{"topic", "blocks"}, {"event", {{"height", 1}}}}));
  EXPECT_EQ(blocks->read(), (Json{{"topic", "blocks"}, {"event", {{"height", 2}}}}));
  EXPECT_EQ(both->read(), (Json{{"topic", "blocks"}, {"event", {{"height", 1}}}}));
  EXPECT_EQ(both->read(), (Json{{"topic", "txs"}, {"event", {{"hash", "aa"}}}}));
  EXPECT_EQ(both->read(), (Json{{"topic", "blocks"}, {"event", {{"height", 2}}}}));
  EXPECT_EQ(events_->session_count(), 2u);
}

TEST_F(EventStreamTest, FilterOnTopLevelFields) {
  start();
  auto client = subscriber({{"topics", {"contract_events"}}, {"filter", {{"contract", "ab12"}}}});
  events_->publish("contract_events", {{"contract", "cd34"}, {"n", 1}});
  events_->publish("contract_events", {{"n", 2}});
  events_->publish("contract_events", {{"contract", "ab12"}, {"n", 3}});
  auto got = client->read();
  ASSERT_TRUE(got);
  EXPECT_EQ((*got)["event"]["n"], 3);
}

TEST_F(EventStreamTest, Unsubscribe) {
  start();
  auto client = subscriber({{"topics", {"blocks", "txs"}}});
  client->send(Json{{"unsubscribe", {{"topics", {"blocks"}}}}});
  EXPECT_EQ(client->read(), (Json{{"unsubscribed", {{"topics", {"blocks"}}}}}));
  events_->publish("blocks", {{"height", 1}});
  events_->publish("txs", {{"hash", "aa"}});
  EXPECT_EQ(client->read(), (Json{{"topic", "txs"}, {"event", {{"hash", "aa"}}}}));

  client->send(Json{{"unsubscribe", Json::object()}});
  EXPECT_EQ(client->read(), (Json{{"unsubscribed", Json::object()}}));
  events_->publish("txs", {{"hash", "bb"}});
  client->send(Json{{"subscribe", {{"topics", {"blocks"}}}}});  // the next frame is this ack
  EXPECT_EQ(client->read(), (Json{{"subscribed", {{"topics", {"blocks"}}}}}));
}

TEST_F(EventStreamTest, MalformedFramesGetErrorFrames) {
  start();
  WsClient client(server_.port(), "/v1/events");
  auto expect_error = [&](const std::string& code) {
    auto got = client.read();
    ASSERT_TRUE(got);
    EXPECT_EQ((*got)["error"]["code"], code) << got->dump();
    EXPECT_TRUE((*got)["error"]["message"].is_string());
  };
  client.send(std::string("not json"));
  expect_error("bad_message");
  client.send(std::string("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"));
  expect_error("bad_message");
  client.send(Json{{"subscribe", {{"topics", 5}}}});
  expect_error("bad_subscription");
  client.send(Json{{"subscribe", {{"topics", {"a"}}}}, {"unsubscribe", Json::object()}});
  expect_error("bad_message");
  client.send(Json{{"unsubscribe", {{"topics", {1}}}}});
  expect_error("bad_message");
  client.send(std::string("{\"subscribe\": {\"topics\": [\"a\"]}}"), /*binary=*/true);
  expect_error("bad_message");
  // Still served.
  client.send(Json{{"subscribe", {{"topics", {"a"}}}}});
  EXPECT_EQ(client.read(), (Json{{"subscribed", {{"topics", {"a"}}}}}));
}

TEST_F(EventStreamTest, OversizedFrameClosesWithTooBig) {
  start({.max_frame_bytes = 1024});
  WsClient client(server_.port(), "/v1/events");
  client.send(std::string(4096, ' '));
  EXPECT_FALSE(client.read());
  EXPECT_EQ(client.close_reason().code, test::websocket::close_code::too_big);
}

TEST_F(EventStreamTest, SlowConsumerIsClosedWhenItsQueueIsFull) {
  start({.max_queued_messages = 4});
  auto slow = subscriber({{"topics", {"blocks"}}});
  auto fast = subscriber({{"topics", {"other"}}});
  // The slow client reads nothing while far more than the socket buffers can hold is
  // published: its queue fills and it is dropped. publish() itself never waits.
  const std::string padding(64 * 1024, 'x');
  constexpr int kEvents = 1000;
  auto published = std::async(std::launch::async, [&] {
    for (int i = 0; i < kEvents; ++i) events_->publish("blocks", {{"height", i}, {"padding", padding}});
  });
  ASSERT_EQ(published.wait_for(test::kTimeout), std::future_status::ready);

  int received = 0;
  while (auto got = slow->read()) {
    EXPECT_EQ((*got)["event"]["height"], received);  // a prefix, in order
    ++received;
  }
  EXPECT_LT(received, kEvents);
  EXPECT_EQ(slow->error(), test::websocket::error::closed) << slow->error().message();
  EXPECT_EQ(slow->close_reason().code, test::websocket::close_code::policy_error);

  // The other client is unaffected.
  events_->publish("other", {{"n", 1}});
  EXPECT_EQ(fast->read(), (Json{{"topic", "other"}, {"event", {{"n", 1}}}}));
  EXPECT_TRUE(test::eventually([&] { return events_->session_count() == 1; }));
}

TEST_F(EventStreamTest, SlowConsumerIsClosedWhenItsQueuedBytesPassTheLimit) {
  // Few messages, but large ones: the byte bound closes the client long before the count.
  start({.max_queued_messages = 100'000, .max_queued_bytes = 1u << 20});
  auto slow = subscriber({{"topics", {"blocks"}}});
  const std::string padding(256 * 1024, 'x');
  constexpr int kEvents = 200;  // 50 MiB offered
  auto published = std::async(std::launch::async, [&] {
    for (int i = 0; i < kEvents; ++i) events_->publish("blocks", {{"height", i}, {"padding", padding}});
  });
  ASSERT_EQ(published.wait_for(test::kTimeout), std::future_status::ready);
  int received = 0;
  while (auto got = slow->read()) ++received;
  EXPECT_LT(received, kEvents);
  EXPECT_EQ(slow->close_reason().code, test::websocket::close_code::policy_error);
}

TEST_F(EventStreamTest, PublishFromManyThreadsKeepsEachThreadsOrder) {
  start();
  auto client = subscriber({{"topics", {"blocks"}}});
  constexpr int kThreads = 4;
  constexpr int kEach = 100;
  std::vector<std::future<void>> publishers;
  for (int t = 0; t < kThreads; ++t) {
    publishers.push_back(std::async(std::launch::async, [&, t] {
      for (int i = 0; i < kEach; ++i) events_->publish("blocks", {{"thread", t}, {"i", i}});
    }));
  }
  std::vector<int> next(kThreads, 0);
  for (int n = 0; n < kThreads * kEach; ++n) {
    auto got = client->read();
    ASSERT_TRUE(got);
    int t = (*got)["event"]["thread"];
    EXPECT_EQ((*got)["event"]["i"], next[t]++);
  }
  for (auto& p : publishers) p.get();
}

TEST_F(EventStreamTest, UpgradeOnlyOnTheEventPathAndPlainHttpStillWorks) {
  start();
  test::HttpClient http(server_.port());
  auto r = http.request(test::bhttp::verb::get, "/v1/ping");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body(), "\"pong\"");
  r = http.request(test::bhttp::verb::get, "/v1/events");  // not an upgrade: no route
  ASSERT_TRUE(r);
  EXPECT_EQ(r->result_int(), 404u);
}

TEST_F(EventStreamTest, StopClosesSubscribersPromptlyAndPublishStaysSafe) {
  start();
  auto client = subscriber({{"topics", {"blocks"}}});
  EXPECT_EQ(server_.connection_count(), 1u);
  auto stopped = std::async(std::launch::async, [&] { server_.stop(); });
  ASSERT_EQ(stopped.wait_for(test::kTimeout), std::future_status::ready);
  events_->publish("blocks", {{"height", 1}});  // no session left to touch
  EXPECT_EQ(events_->session_count(), 0u);
  EXPECT_FALSE(client->read());
}

}  // namespace
}  // namespace dusk::http
