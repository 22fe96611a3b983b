// The node client without a node: URLs it takes and refuses, and the one-line errors
// for a node that is not there or does not answer.
#include "dusk/node_client.hpp"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dusk::wallet_cli {
namespace {

TEST(NodeClient, Urls) {
  EXPECT_TRUE(NodeClient::create("http://127.0.0.1:8080").ok());
  EXPECT_TRUE(NodeClient::create("http://localhost").ok());
  EXPECT_TRUE(NodeClient::create("http://[::1]:8080/").ok());
  EXPECT_TRUE(NodeClient::create("http://node.example:80/prefix/").ok());
  for (const char* bad : {"127.0.0.1:8080", "https://x:1", "ftp://x", "http://", "http://:80", "http://x:0",
                          "http://x:65536", "http://x:port", "http://[::1"}) {
    auto c = NodeClient::create(bad);
    EXPECT_FALSE(c.ok()) << bad;
  }
  auto https = NodeClient::create("https://x");
  ASSERT_FALSE(https.ok());
  EXPECT_NE(https.error().message.find("https is not supported"), std::string::npos);
}

// A port nothing listens on: bound, then closed.
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

TEST(NodeClient, UnreachableNode) {
  const std::string url = "http://127.0.0.1:" + std::to_string(free_port());
  auto c = NodeClient::create(url);
  ASSERT_TRUE(c.ok());
  auto r = c->get("/v1/info");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("cannot reach the node at " + url), std::string::npos) << r.error().message;
}

TEST(NodeClient, SilentNodeTimesOut) {
  // Listens but never answers.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(::listen(fd, 4), 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  auto c = NodeClient::create("http://127.0.0.1:" + std::to_string(ntohs(a.sin_port)), std::chrono::milliseconds(300));
  ASSERT_TRUE(c.ok());
  auto r = c->post("/v1/transactions", Json{{"tx", "00"}});
  ::close(fd);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("did not answer within 300 ms"), std::string::npos) << r.error().message;
}

TEST(NodeClient, ErrorBodies) {
  NodeReply r;
  r.status = 400;
  r.body = Json{{"error", {{"code", "rejected"}, {"message", "nonce too low"}}}};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error_code(), "rejected");
  EXPECT_EQ(r.error_message(), "nonce too low");
  r.body = Json::array();
  EXPECT_EQ(r.error_code(), "");
  EXPECT_EQ(r.error_message(), "HTTP status 400");
}

}  // namespace
}  // namespace dusk::wallet_cli
