// `dusk-evm statetest`: runs state-test files or folders and reports each failing case
// with its first difference, then "N passed, M failed".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "duskevm/fork.hpp"

namespace dusk::evm_cli {

struct StateTestOptions {
  std::optional<evm::Fork> fork;  // default: every fork DuskEVM implements
  std::string test_filter;        // run only tests whose name contains this
  bool verbose = false;           // list differing accounts on root mismatches
  std::string known_failures;     // file of tolerated failures (see known_failures.hpp)
  std::vector<std::string> paths;
};

// Exit status: 0 when every case passed or failed as the known-failures file allows,
// 1 otherwise, 2 when the known-failures file cannot be read.
int run_statetests(const StateTestOptions& opts);

}  // namespace dusk::evm_cli
