// The c-kzg-4844 test cases (../shared/testdata/crypto/kzg/tests/<function>/kzg-mainnet/
// <case>/data.yaml), read by a small strict reader.
//
// Why not yaml-cpp: every file of the suite has the same three-level shape, checked here
// line by line,
//   input:
//     <name>: '0x<hex>'        (one line per input)
//   output: '0x<hex>' | true | false | null
// so a 60-line reader that rejects anything else is enough, adds no dependency, and fails
// loudly (ADD_FAILURE) if a future version of the suite changes shape.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/bytes.hpp"

namespace dusk::crypto::test {

struct KzgCase {
  std::string name;                    // the case directory's name
  std::map<std::string, Bytes> input;  // each '0x...' input, decoded
  bool output_null = false;            // output: null (the call must fail)
  std::string output;                  // "true", "false" or the hex digits (no 0x)
};

inline bool parse_kzg_case(const std::string& text, KzgCase& c, std::string& why) {
  std::istringstream in(text);
  std::string line;
  int state = 0;  // 0: expect "input:", 1: inputs or "output:", 2: only blank lines
  auto unquote_hex = [](const std::string& v, std::string& hex) {
    if (v.size() < 4 || v.front() != '\'' || v.back() != '\'' || v.compare(1, 2, "0x") != 0)
      return false;
    hex = v.substr(3, v.size() - 4);
    return true;
  };
  while (std::getline(in, line)) {
    if (state == 0) {
      if (line != "input:") return why = "expected 'input:', got " + line.substr(0, 40), false;
      state = 1;
    } else if (state == 1 && line.starts_with("  ")) {
      size_t colon = line.find(": ");
      std::string hex;
      if (colon == std::string::npos || !unquote_hex(line.substr(colon + 2), hex))
        return why = "bad input line " + line.substr(0, 40), false;
      auto bytes = from_hex(hex);
      if (!bytes) return why = "bad hex in " + line.substr(0, 40), false;
      c.input[line.substr(2, colon - 2)] = *bytes;
    } else if (state == 1 && line.starts_with("output: ")) {
      std::string v = line.substr(8), hex;
      if (v == "null") {
        c.output_null = true;
      } else if (v == "true" || v == "false") {
        c.output = v;
      } else if (unquote_hex(v, hex)) {
        c.output = hex;
      } else {
        return why = "bad output " + v.substr(0, 40), false;
      }
      state = 2;
    } else if (!line.empty()) {
      return why = "unexpected line " + line.substr(0, 40), false;
    }
  }
  if (state != 2) return why = "no output", false;
  return true;
}

// Every case of one function, sorted by name. Fails the test if the directory is missing,
// empty, or a file does not parse.
inline std::vector<KzgCase> read_kzg_cases(const std::string& function) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(DUSK_TESTDATA) / "crypto/kzg/tests" / function / "kzg-mainnet";
  std::vector<KzgCase> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::ifstream f(entry.path() / "data.yaml");
    std::stringstream text;
    text << f.rdbuf();
    KzgCase c;
    c.name = entry.path().filename().string();
    std::string why;
    if (!parse_kzg_case(text.str(), c, why)) {
      ADD_FAILURE() << c.name << ": " << why;
      continue;
    }
    cases.push_back(std::move(c));
  }
  EXPECT_FALSE(ec) << dir << ": " << ec.message();
  EXPECT_FALSE(cases.empty()) << dir;
  std::sort(cases.begin(), cases.end(),
            [](const KzgCase& a, const KzgCase& b) { return a.name < b.name; });
  return cases;
}

}  // namespace dusk::crypto::test
