#include "cli/command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dusk::cli {
namespace {

// A tool with one command, `go [--fast] [--level N] [FILE]`, parsed from `args` (the
// tool's name first); stdout and stderr are captured.
struct Outcome {
  std::optional<int> status;
  std::string out;
  std::string err;
  bool go = false;
  bool fast = false;
  int level = 0;
  std::string file;
};

Outcome parse_args(std::vector<const char*> args) {
  Outcome o;
  Tool tool("tool", "A tool for tests.", "footer of the tool");
  CLI::App* go = tool.add_command("go", "go somewhere\n\nThe long description of go.", "footer of go");
  go->add_flag("--fast", o.fast, "go fast");
  go->add_option("--level", o.level, "how far")->type_name("N");
  go->add_option("FILE", o.file, "where");
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  o.status = tool.parse(static_cast<int>(args.size()), args.data());
  o.out = testing::internal::GetCapturedStdout();
  o.err = testing::internal::GetCapturedStderr();
  o.go = go->parsed();
  return o;
}

TEST(CommandLine, ParsesACommand) {
  const Outcome o = parse_args({"tool", "go", "--fast", "--level=3", "here"});
  EXPECT_EQ(o.status, std::nullopt);
  EXPECT_TRUE(o.go);
  EXPECT_TRUE(o.fast);
  EXPECT_EQ(o.level, 3);
  EXPECT_EQ(o.file, "here");
  EXPECT_EQ(o.out + o.err, "");
}

TEST(CommandLine, ToolHelp) {
  for (const char* help : {"--help", "-h", "help"}) {
    const Outcome o = parse_args({"tool", help});
    EXPECT_EQ(o.status, 0) << help;
    EXPECT_EQ(o.out,
              "usage: tool COMMAND [OPTIONS]\n\nA tool for tests.\n\noptions:\n  -h,--help             show this help\n"
              "\ncommands:\n  help                  show this help, or a command's: help [COMMAND]\n"
              "  go                    go somewhere\n\nfooter of the tool\n")
        << help;
  }
}

TEST(CommandLine, CommandHelp) {
  const std::string expected =
      "usage: tool go [OPTIONS] [FILE]\n\ngo somewhere\n\nThe long description of go.\n\narguments:\n"
      "  FILE                  where\n\noptions:\n  -h,--help             show this help\n"
      "  --fast                go fast\n  --level N             how far\n\nfooter of go\n";
  EXPECT_EQ(parse_args({"tool", "go", "--help"}).out, expected);
  EXPECT_EQ(parse_args({"tool", "go", "--fast", "-h"}).out, expected);
  EXPECT_EQ(parse_args({"tool", "help", "go"}).out, expected);
  EXPECT_EQ(parse_args({"tool", "help", "go"}).status, 0);
}

TEST(CommandLine, UsageErrorsExitWithTwo) {
  struct Case {
    std::vector<const char*> args;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"tool", "stop"}, "tool: unknown command 'stop'\nTry 'tool --help'.\n"},
      {{"tool", "--slow"}, "tool: unknown option '--slow'\nTry 'tool --help'.\n"},
      {{"tool", "go", "--slow"}, "tool: unknown option '--slow'\nTry 'tool go --help'.\n"},
      {{"tool", "go", "a", "b"}, "tool: unexpected argument 'b'\nTry 'tool go --help'.\n"},
      {{"tool", "go", "--level", "x"}, "tool: Could not convert: --level = x\nTry 'tool go --help'.\n"},
      {{"tool", "go", "--level"}, "tool: --level: 1 required N missing\nTry 'tool go --help'.\n"},
      {{"tool", "help", "stop"}, "tool: unknown command 'stop'\nTry 'tool --help'.\n"},
      {{"tool", "help", "go", "now"}, "tool: unexpected argument 'now'\nTry 'tool --help'.\n"},
      {{"tool", "--"}, "tool: no command given\nTry 'tool --help'.\n"},
  };
  for (const Case& c : cases) {
    const Outcome o = parse_args(c.args);
    EXPECT_EQ(o.status, kExitUsage) << c.err;
    EXPECT_EQ(o.err, c.err);
    EXPECT_EQ(o.out, "");
  }
}

TEST(CommandLine, NoArgumentsShowsTheHelpOnStderr) {
  const Outcome o = parse_args({"tool"});
  EXPECT_EQ(o.status, kExitUsage);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err.rfind("usage: tool COMMAND [OPTIONS]\n", 0), 0u) << o.err;
}

TEST(CommandLine, OneCommandAtATime) {
  // After a command, another command's name is an ordinary argument.
  const Outcome o = parse_args({"tool", "go", "help"});
  EXPECT_EQ(o.status, std::nullopt);
  EXPECT_EQ(o.file, "help");
}

}  // namespace
}  // namespace dusk::cli
