// Differential test of Uint256 against JavaScript BigInt (uint256_oracle.mjs, run with
// node). Every line of the oracle's output is one case checked on every operation.
// The special-limb values make algorithm D take its rare add-back step (D6): about 655
// times in 200,000 cases, measured with a counter while writing this test.
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/uint256.hpp"
#include "support/node_oracle.hpp"

namespace dusk {
namespace {

// Cases per run; DUSK_UINT256_ORACLE_CASES overrides it for longer soak runs.
int case_count() {
  const char* env = std::getenv("DUSK_UINT256_ORACLE_CASES");
  const int n = env != nullptr ? std::atoi(env) : 0;
  return n > 0 ? n : 6000;
}
const char* const kOps[] = {"add", "sub", "mul", "div", "mod", "sdiv", "smod", "addmod", "mulmod",
                            "exp", "exps", "shl", "shr", "sar", "byte", "signextend", "lt", "gt",
                            "slt", "sgt", "eq", "iszero", "and", "or", "xor", "not", "clz"};

Uint256 parse(const std::string& s) {
  auto r = Uint256::from_hex(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : Uint256{};
}

std::vector<Uint256> compute(const Uint256& a, const Uint256& b, const Uint256& m, const Uint256& s) {
  const u64 sh = shift_amount(s);
  const auto flag = [](bool v) { return Uint256{v ? u64{1} : u64{0}}; };
  return {a + b, a - b, a * b, evm_div(a, b), evm_mod(a, b), evm_sdiv(a, b), evm_smod(a, b),
          evm_addmod(a, b, m), evm_mulmod(a, b, m), exp(a, b), exp(a, s), shl(a, sh), shr(a, sh),
          sar(a, sh), byte(s, a), signextend(s, a), flag(a < b), flag(a > b), flag(slt(a, b)),
          flag(sgt(a, b)), flag(a == b), flag(a.is_zero()), a & b, a | b, a ^ b, ~a,
          Uint256{clz(a)}};
}

TEST(Uint256Oracle, MatchesBigInt) {
  ASSERT_TRUE(dusk::testing::node_available())
      << "node not found on PATH: run scripts/install-deps.sh (it installs Node.js)";
  const int expected_cases = case_count();
  dusk::testing::NodeOracle oracle(DUSK_UINT256_ORACLE, std::to_string(expected_cases));
  ASSERT_TRUE(oracle.started());
  std::string line;
  int cases = 0, failures = 0;
  while (oracle.next_line(line)) {
    std::istringstream in(line);
    std::string a, b, m, s, bar;
    in >> a >> b >> m >> s >> bar;
    ASSERT_EQ(bar, "|") << line;
    const auto got = compute(parse(a), parse(b), parse(m), parse(s));
    for (size_t i = 0; i < got.size(); ++i) {
      std::string want;
      ASSERT_TRUE(static_cast<bool>(in >> want)) << "short line: " << line;
      if (got[i].to_hex() != want && ++failures <= 20)
        ADD_FAILURE() << kOps[i] << "(a=" << a << ", b=" << b << ", m=" << m << ", s=" << s
                      << "): got " << got[i].to_hex() << ", want " << want;
    }
    ++cases;
  }
  EXPECT_EQ(oracle.finish(), 0) << "oracle exited with an error";
  EXPECT_EQ(cases, expected_cases);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace dusk
