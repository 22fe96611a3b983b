// duskd's settings (node/node_settings.hpp): the TOML file's keys, the API and JSON-RPC
// addresses (HOST:PORT, bracketed IPv6, "off" for the JSON-RPC), and refusals that name
// the key.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "node/node_settings.hpp"

namespace dusk::node {
namespace {

std::string write_settings(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("dusk_settings_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(NodeSettings, ReadsEveryKeyFromAFile) {
  NodeSettings s;
  const std::string path = write_settings(
      "dev = true\ndatadir = \"/tmp/x\"\nblock_time = \"0.5\"\napi = \"[::1]:0\"\nrpc = \"127.0.0.1:9545\"\n"
      "rpc_ws_requests_per_second = 250\nrpc_http_requests_per_second = 7000\n"
      "log_level = \"warn\"\n");
  ASSERT_TRUE(read_settings_file(path, s).ok());
  EXPECT_TRUE(s.dev);
  EXPECT_EQ(s.datadir, "/tmp/x");
  EXPECT_EQ(s.block_time_ms, 500u);
  EXPECT_EQ(s.api_host, "::1");
  EXPECT_EQ(s.api_port, 0);
  EXPECT_TRUE(s.rpc);
  EXPECT_EQ(s.rpc_host, "127.0.0.1");
  EXPECT_EQ(s.rpc_port, 9545);
  EXPECT_EQ(s.rpc_ws_requests_per_second, 250u);
  EXPECT_EQ(s.rpc_http_requests_per_second, 7000u);
  EXPECT_EQ(s.log_level, "warn");
  std::filesystem::remove(path);
}

TEST(NodeSettings, RpcOffAndDefaults) {
  NodeSettings defaults;
  EXPECT_TRUE(defaults.rpc);
  EXPECT_EQ(defaults.rpc_port, 8545);
  EXPECT_EQ(defaults.rpc_ws_requests_per_second, 1000u);
  EXPECT_EQ(defaults.rpc_http_requests_per_second, 5000u);
  EXPECT_EQ(defaults.api_port, 8080);
  NodeSettings s;
  const std::string path = write_settings("rpc = \"off\"\n");
  ASSERT_TRUE(read_settings_file(path, s).ok());
  EXPECT_FALSE(s.rpc);
  std::filesystem::remove(path);
}

TEST(NodeSettings, RefusalsNameTheKey) {
  struct Case {
    const char* text;
    const char* says;
  };
  for (const Case& c : {Case{"rpc = \"8545\"\n", "rpc address"}, Case{"rpc = \"127.0.0.1:70000\"\n", "0..65535"},
                        Case{"api = \"localhost\"\n", "api address"}, Case{"block_time = \"fast\"\n", "block"},
                        Case{"colour = \"blue\"\n", "unknown setting \"colour\""}, Case{"dev = \"yes\"\n", "dev"},
                        Case{"rpc_ws_requests_per_second = 0\n", "rpc_ws_requests_per_second"},
                        Case{"rpc_http_requests_per_second = \"5000\"\n", "rpc_http_requests_per_second"},
                        Case{"rpc_http_requests_per_second = 2000000000\n", "1 to"}}) {
    NodeSettings s;
    const std::string path = write_settings(c.text);
    auto r = read_settings_file(path, s);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
    std::filesystem::remove(path);
  }
  std::string host;
  u16 port = 1;
  EXPECT_TRUE(parse_host_port("[::1]:8545", "rpc", host, port).ok());
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(port, 8545);
  EXPECT_FALSE(parse_host_port(":8545", "rpc", host, port).ok());
  EXPECT_FALSE(parse_host_port("h:-1", "rpc", host, port).ok());
}

}  // namespace
}  // namespace dusk::node
