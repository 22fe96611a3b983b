// Runs a tool's command-line parser with its output captured (help and usage errors
// would otherwise clutter the test log): parse_quietly(parse_command_line, "dusk-wasm",
// {"run", "--gas", "5", "x.wasm"}).
#pragma once

#include <gtest/gtest.h>

#include <vector>

namespace dusk::testing {

template <typename Parse>
auto parse_quietly(Parse parse, const char* tool, std::vector<const char*> args) {
  args.insert(args.begin(), tool);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  auto result = parse(static_cast<int>(args.size()), args.data());
  ::testing::internal::GetCapturedStdout();
  ::testing::internal::GetCapturedStderr();
  return result;
}

}  // namespace dusk::testing
