// dusk-wasm's command line (apps/dusk-wasm/command_line.hpp): what each command is given.
#include "dusk-wasm/command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/quiet_parse.hpp"

namespace dusk::wasm_cli {
namespace {

CommandLine parse(std::vector<const char*> args) {
  return dusk::testing::parse_quietly(parse_command_line, "dusk-wasm", std::move(args));
}

RunOptions run(std::vector<const char*> args) {
  args.insert(args.begin(), "run");
  const CommandLine c = parse(args);
  EXPECT_TRUE(std::holds_alternative<RunOptions>(c));
  return std::holds_alternative<RunOptions>(c) ? std::get<RunOptions>(c) : RunOptions{};
}

int status(std::vector<const char*> args) {
  const CommandLine c = parse(args);
  return std::holds_alternative<int>(c) ? std::get<int>(c) : -1;
}

TEST(CliCommandLine, RunDefaults) {
  const RunOptions o = run({"p.wasm"});
  EXPECT_EQ(o.file, "p.wasm");
  EXPECT_TRUE(o.args.empty());
  EXPECT_EQ(o.invoke, std::nullopt);
  EXPECT_EQ(o.gas, ~u64{0});
  EXPECT_TRUE(o.metering);
  EXPECT_FALSE(o.stats);
  EXPECT_TRUE(o.env.empty());
}

TEST(CliCommandLine, RunOptions) {
  const RunOptions o = run({"--gas", "0x10", "--stats", "--env", "A=1", "--env=B=2", "--invoke", "f", "p.wasm", "7"});
  EXPECT_EQ(o.gas, 16u);
  EXPECT_TRUE(o.stats);
  EXPECT_EQ(o.env, (std::vector<std::string>{"A=1", "B=2"}));
  EXPECT_EQ(o.invoke, "f");
  EXPECT_EQ(o.file, "p.wasm");
  EXPECT_EQ(o.args, std::vector<std::string>{"7"});
  EXPECT_FALSE(run({"--no-metering", "p.wasm"}).metering);
}

TEST(CliCommandLine, EverythingAfterTheModuleIsTheProgramsOwn) {
  const RunOptions o = run({"--gas", "5", "p.wasm", "-x", "--gas", "7", "--help", "--", "run", "-3", "--stats"});
  EXPECT_EQ(o.gas, 5u);
  EXPECT_FALSE(o.stats);
  EXPECT_EQ(o.args, (std::vector<std::string>{"-x", "--gas", "7", "--help", "--", "run", "-3", "--stats"}));
  // "--" ends dusk-wasm's options: a module whose name starts with '-'.
  const RunOptions dash = run({"--", "-p.wasm", "-v"});
  EXPECT_EQ(dash.file, "-p.wasm");
  EXPECT_EQ(dash.args, std::vector<std::string>{"-v"});
}

TEST(CliCommandLine, RunUsageErrors) {
  for (const std::vector<const char*>& args : std::vector<std::vector<const char*>>{
           {"run"},
           {"run", "--fast", "p.wasm"},
           {"run", "--gas", "lots", "p.wasm"},
           {"run", "--gas", "-1", "p.wasm"},
           {"run", "--gas", "18446744073709551616", "p.wasm"},
           {"run", "--gas", "1", "--no-metering", "p.wasm"},
           {"run", "--no-metering", "--gas=1", "p.wasm"},
           {"run", "--env", "=1", "p.wasm"},
           {"run", "--env", "A", "p.wasm"},
       }) {
    EXPECT_EQ(status(args), kExitUsage) << args[1];
  }
}

TEST(CliCommandLine, SpecTestAndDump) {
  const CommandLine s = parse({"spectest", "-v", "a.json", "b.json"});
  ASSERT_TRUE(std::holds_alternative<SpecTestOptions>(s));
  EXPECT_TRUE(std::get<SpecTestOptions>(s).verbose);
  EXPECT_EQ(std::get<SpecTestOptions>(s).files, (std::vector<std::string>{"a.json", "b.json"}));
  const CommandLine d = parse({"dump", "m.wasm", "3", "0x10", "4294967295"});
  ASSERT_TRUE(std::holds_alternative<DumpOptions>(d));
  EXPECT_EQ(std::get<DumpOptions>(d).file, "m.wasm");
  EXPECT_EQ(std::get<DumpOptions>(d).functions, (std::vector<unsigned>{3, 16, 4294967295u}));
  EXPECT_EQ(status({"dump", "m.wasm", "4294967296"}), kExitUsage);
  EXPECT_EQ(status({"spectest"}), kExitUsage);
}

TEST(CliCommandLine, HelpEverywhere) {
  for (const std::vector<const char*>& args : std::vector<std::vector<const char*>>{
           {"--help"}, {"-h"}, {"help"}, {"run", "--help"}, {"spectest", "--help"}, {"dump", "--help"},
           {"help", "dump"}}) {
    EXPECT_EQ(status(args), 0) << args[0];
  }
}

}  // namespace
}  // namespace dusk::wasm_cli
