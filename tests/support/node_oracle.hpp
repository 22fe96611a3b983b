// Running a Node.js oracle script from a differential test.
//
// The oracles (tests/unit/**/*_oracle.mjs) print one case per line; a test reads them with
// NodeOracle and checks each against our implementation. The npm packages they import
// (@noble/curves, ...) are pinned in package-lock.json and installed into node_modules/
// by scripts/install-deps.sh, which `make test` runs first.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/bytes.hpp"

namespace dusk::testing {

// Whether `node` is on PATH.
inline bool node_available() {
  FILE* p = popen("command -v node >/dev/null 2>&1 && echo yes", "r");
  if (p == nullptr) return false;
  char buf[8] = {};
  const bool found = std::fgets(buf, sizeof buf, p) != nullptr;
  pclose(p);
  return found;
}

// `node SCRIPT ARGS` as a child process whose standard output is read line by line.
class NodeOracle {
 public:
  NodeOracle(const std::string& script, const std::string& args) {
    const std::string cmd = "node " + script + " " + args;
    pipe_ = popen(cmd.c_str(), "r");
  }
  ~NodeOracle() {
    if (pipe_ != nullptr) pclose(pipe_);
  }
  NodeOracle(const NodeOracle&) = delete;
  NodeOracle& operator=(const NodeOracle&) = delete;

  bool started() const { return pipe_ != nullptr; }

  // The next line without its newline; false at the end of the output.
  bool next_line(std::string& line) {
    line.clear();
    char buf[8192];
    while (std::fgets(buf, sizeof buf, pipe_) != nullptr) {
      line += buf;
      if (!line.empty() && line.back() == '\n') {
        line.pop_back();
        return true;
      }
    }
    return !line.empty();
  }

  // Waits for the process; its exit status (0 when the oracle ran to the end).
  int finish() {
    const int status = pclose(pipe_);
    pipe_ = nullptr;
    return status;
  }

 private:
  FILE* pipe_ = nullptr;
};

// The whitespace-separated fields of a line.
inline std::vector<std::string> split_fields(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

// The case-count multiplier of an oracle run: DUSK_NOBLE_SCALE when set and positive
// (for longer soak runs), else `fallback`.
inline int oracle_scale(int fallback) {
  const char* env = std::getenv("DUSK_NOBLE_SCALE");
  const int n = env != nullptr ? std::atoi(env) : 0;
  return n > 0 ? n : fallback;
}

// A hex field of an oracle line; "-" stands for the empty string. A malformed field
// fails the test.
inline Bytes oracle_hex(const std::string& s) {
  if (s == "-") return {};
  auto r = from_hex(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : Bytes{};
}

// One oracle line `op inputs... | outputs...`.
struct OracleCase {
  std::string op;
  std::vector<std::string> in, out;
};
inline OracleCase parse_oracle_case(const std::string& line) {
  OracleCase c;
  const auto f = split_fields(line);
  if (f.empty()) return c;
  c.op = f[0];
  bool after_bar = false;
  for (size_t i = 1; i < f.size(); ++i) {
    if (f[i] == "|") after_bar = true;
    else (after_bar ? c.out : c.in).push_back(f[i]);
  }
  return c;
}

}  // namespace dusk::testing
