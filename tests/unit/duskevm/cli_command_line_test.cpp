// dusk-evm's command line (apps/dusk-evm/command_line.hpp): what each command is given.
#include "dusk-evm/command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/quiet_parse.hpp"

#include "cli/exit_status.hpp"

namespace dusk::evm_cli {
namespace {

CommandLine parse(std::vector<const char*> args) {
  return dusk::testing::parse_quietly(parse_command_line, "dusk-evm", std::move(args));
}

int status(std::vector<const char*> args) {
  const CommandLine c = parse(args);
  return std::holds_alternative<int>(c) ? std::get<int>(c) : -1;
}

TEST(EvmCliCommandLine, RunDefaults) {
  const CommandLine c = parse({"run", "--code", "0x6000"});
  ASSERT_TRUE(std::holds_alternative<RunOptions>(c));
  const RunOptions& o = std::get<RunOptions>(c);
  EXPECT_EQ(o.code, (Bytes{0x60, 0x00}));
  EXPECT_TRUE(o.input.empty());
  EXPECT_EQ(o.gas, 10'000'000u);
  EXPECT_EQ(o.fork, evm::Fork::kPrague);
  EXPECT_FALSE(o.json || o.trace || o.p256verify);
}

TEST(EvmCliCommandLine, RunOptions) {
  const CommandLine c = parse({"run", "--code=00", "--input", "ff01", "--gas", "0x100", "--fork", "Cancun", "--json",
                               "--trace", "--p256verify"});
  ASSERT_TRUE(std::holds_alternative<RunOptions>(c));
  const RunOptions& o = std::get<RunOptions>(c);
  EXPECT_EQ(o.input, (Bytes{0xff, 0x01}));
  EXPECT_EQ(o.gas, 256u);
  EXPECT_EQ(o.fork, evm::Fork::kCancun);
  EXPECT_TRUE(o.json && o.trace && o.p256verify);
}

TEST(EvmCliCommandLine, GasUpToTheEvmsCap) {
  const CommandLine c = parse({"run", "--code", "00", "--gas", "9223372036854775807"});
  ASSERT_TRUE(std::holds_alternative<RunOptions>(c));
  EXPECT_EQ(std::get<RunOptions>(c).gas, kMaxRunGas);
  EXPECT_EQ(kMaxRunGas, (u64{1} << 63) - 1);
  EXPECT_EQ(status({"run", "--code", "00", "--gas", "9223372036854775808"}), cli::kExitUsage);
  EXPECT_EQ(status({"run", "--code", "00", "--gas", "-1"}), cli::kExitUsage);
  EXPECT_EQ(status({"run", "--code", "00", "--gas", "ten"}), cli::kExitUsage);
}

TEST(EvmCliCommandLine, RunUsageErrors) {
  for (const std::vector<const char*>& args : std::vector<std::vector<const char*>>{
           {"run"},
           {"run", "--code", "6"},
           {"run", "--code", "zz"},
           {"run", "--code", "00", "--input", "0xg0"},
           {"run", "--code", "00", "--fork", "Osaka"},
           {"run", "--code", "00", "--fast"},
           {"run", "--code", "00", "stray"},
       }) {
    EXPECT_EQ(status(args), cli::kExitUsage) << args.back();
  }
}

TEST(EvmCliCommandLine, StateTest) {
  const CommandLine c = parse({"statetest", "--fork", "Prague", "--test", "add", "--known-failures", "k.txt", "-v",
                               "a.json", "dir"});
  ASSERT_TRUE(std::holds_alternative<StateTestOptions>(c));
  const StateTestOptions& o = std::get<StateTestOptions>(c);
  EXPECT_EQ(o.fork, evm::Fork::kPrague);
  EXPECT_EQ(o.test_filter, "add");
  EXPECT_EQ(o.known_failures, "k.txt");
  EXPECT_TRUE(o.verbose);
  EXPECT_EQ(o.paths, (std::vector<std::string>{"a.json", "dir"}));
  EXPECT_EQ(std::get<StateTestOptions>(parse({"statetest", "x.json"})).fork, std::nullopt);
  EXPECT_EQ(status({"statetest"}), cli::kExitUsage);
  EXPECT_EQ(status({"statetest", "--fork", "Osaka", "x.json"}), cli::kExitUsage);
}

TEST(EvmCliCommandLine, HelpEverywhere) {
  for (const std::vector<const char*>& args : std::vector<std::vector<const char*>>{
           {"--help"}, {"help"}, {"run", "--help"}, {"statetest", "-h"}, {"help", "run"}}) {
    EXPECT_EQ(status(args), 0) << args[0];
  }
}

}  // namespace
}  // namespace dusk::evm_cli
