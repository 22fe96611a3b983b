// Running a Node.js oracle script from a differential test.
//
// The oracles (tests/unit/**/*_oracle.mjs) print one case per line; a test reads them with
// NodeOracle and checks each against our implementation. The npm packages they import
// (@noble/curves, ...) are pinned in package-lock.json and installed into node_modules/
// by scripts/install-deps.sh, which `make test` runs first.
#pragma once

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

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

}  // namespace dusk::testing
