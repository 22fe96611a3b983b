// The shared precompile vectors of ../shared/testdata/crypto/precompiles (go-ethereum's
// {Input, Expected, Gas, Name} files, and fail-*.json with {Input, ExpectedError, Name})
// run through a Precompile.
#pragma once

#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "duskevm/precompiles/precompile.hpp"

namespace dusk::evm::test {

inline nlohmann::json load_vectors(const std::string& name) {
  std::ifstream in(std::string(DUSK_TESTDATA) + "/crypto/precompiles/" + name);
  EXPECT_TRUE(in.good()) << name;
  return nlohmann::json::parse(in);
}

// Every case gives its Expected output (and, with check_gas, its Gas). Returns the count.
inline size_t check_vectors(const Precompile& p, const std::string& file, bool check_gas) {
  const auto cases = load_vectors(file);
  EXPECT_FALSE(cases.empty()) << file;
  for (const auto& c : cases) {
    const Bytes input = *from_hex(c.at("Input").get<std::string>());
    auto out = p.run(input);
    EXPECT_TRUE(out.ok()) << file << " " << c.at("Name") << ": " << (out.ok() ? "" : out.error().message);
    if (!out.ok()) continue;
    EXPECT_EQ(to_hex(*out), c.at("Expected").get<std::string>()) << file << " " << c.at("Name");
    if (check_gas) {
      const auto& g = c.at("Gas");  // a string in some files, a number in others
      const u64 want = g.is_string() ? std::stoull(g.get<std::string>()) : g.get<u64>();
      EXPECT_EQ(p.gas(input), want) << file << " " << c.at("Name");
    }
  }
  return cases.size();
}

// Every case fails with exactly its ExpectedError. Returns the count.
inline size_t check_failures(const Precompile& p, const std::string& file) {
  const auto cases = load_vectors(file);
  EXPECT_FALSE(cases.empty()) << file;
  for (const auto& c : cases) {
    auto r = p.run(*from_hex(c.at("Input").get<std::string>()));
    EXPECT_FALSE(r.ok()) << file << " " << c.at("Name");
    if (r.ok()) continue;
    EXPECT_EQ(r.error().message, c.at("ExpectedError").get<std::string>()) << file << " " << c.at("Name");
  }
  return cases.size();
}

}  // namespace dusk::evm::test
