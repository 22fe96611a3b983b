// The dusk command line: which command and options come out, and which arguments are
// refused with status 2 (before anything is read or sent).
#include "dusk/command_line.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "dusk/exit_codes.hpp"
#include "support/quiet_parse.hpp"

namespace dusk::wallet_cli {
namespace {

std::variant<Options, int> parse(std::vector<const char*> args) {
  return testing::parse_quietly(parse_command_line, "dusk", std::move(args));
}

Options parsed(std::vector<const char*> args) {
  auto r = parse(args);
  if (const int* status = std::get_if<int>(&r)) {
    ADD_FAILURE() << "status " << *status;
    return {};
  }
  return std::get<Options>(r);
}

int status(std::vector<const char*> args) {
  auto r = parse(args);
  if (const int* s = std::get_if<int>(&r)) return *s;
  return -1;
}

TEST(WalletCommandLine, Defaults) {
  ::setenv("DUSK_WALLET", "/tmp/dusk-wallet-test", 1);
  const Options o = parsed({"balance"});
  EXPECT_EQ(o.command, Command::kBalance);
  EXPECT_EQ(o.node, "http://127.0.0.1:8080");
  EXPECT_EQ(o.wallet, "/tmp/dusk-wallet-test");
  EXPECT_FALSE(o.json);
  EXPECT_EQ(o.index, 0u);
  ::unsetenv("DUSK_WALLET");
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(parsed({"address"}).wallet, "/home/someone/.dusk");
  EXPECT_EQ(parsed({"address", "--wallet", "w"}).wallet, "w");
}

TEST(WalletCommandLine, AmountsAndCommonOptions) {
  const Options o = parsed({"transfer", "--to", "ab", "--amount", "12.5", "--memo", "hi", "--node",
                            "http://10.0.0.1:9000", "--json", "--wait", "final", "--timeout", "30", "--index", "2",
                            "--password-file", "pw"});
  EXPECT_EQ(o.command, Command::kTransfer);
  EXPECT_EQ(o.amount, 12'500'000'000u);
  EXPECT_EQ(o.to, "ab");
  EXPECT_EQ(o.memo, "hi");
  EXPECT_EQ(o.node, "http://10.0.0.1:9000");
  EXPECT_TRUE(o.json);
  EXPECT_EQ(o.wait, WaitFor::kFinal);
  EXPECT_EQ(o.wait_timeout_s, 30u);
  EXPECT_EQ(o.index, 2u);
  EXPECT_EQ(o.password_file, "pw");
  EXPECT_EQ(o.gas_price, 1u);
}

TEST(WalletCommandLine, NestedCommands) {
  Options d = parsed({"bridge", "deposit", "--to-evm", "0x01", "--amount", "1"});
  EXPECT_EQ(d.command, Command::kBridgeDeposit);
  EXPECT_EQ(d.to_evm, "0x01");
  Options w = parsed({"bridge", "withdraw", "--from", "evm", "--amount", "0.5", "--max-fee-gwei", "3"});
  EXPECT_EQ(w.command, Command::kBridgeWithdraw);
  EXPECT_EQ(w.from, "evm");
  EXPECT_EQ(w.amount, 500'000'000u);
  EXPECT_EQ(w.max_fee_gwei, 3u);
  Options c = parsed({"contract", "call", "--contract", "aa", "--function", "f", "--args", "{\"x\": 1}", "--gas", "5"});
  EXPECT_EQ(c.command, Command::kContractCall);
  ASSERT_TRUE(c.args_json.has_value());
  EXPECT_EQ(*c.args_json, "{\"x\": 1}");
  EXPECT_EQ(c.gas, 5u);
  Options h = parsed({"contract", "query", "--contract", "aa", "--function", "f", "--arg-hex", "0x0102"});
  ASSERT_TRUE(h.arg_hex.has_value());
  EXPECT_EQ(*h.arg_hex, (Bytes{1, 2}));
  Options dep = parsed({"contract", "deploy", "--wasm", "t.wasm", "--init-hex", "ff"});
  EXPECT_EQ(dep.command, Command::kContractDeploy);
  EXPECT_EQ(dep.init, Bytes{0xff});
  EXPECT_EQ(parsed({"tx", "--id", "ab", "--wait", "included"}).wait, WaitFor::kIncluded);
  EXPECT_EQ(parsed({"withdraw-stake", "--amount", "1"}).command, Command::kWithdrawStake);
  EXPECT_EQ(parsed({"create", "--words", "12"}).words, 12u);
}

TEST(WalletCommandLine, UsageErrors) {
  EXPECT_EQ(status({}), kExitUsage);
  EXPECT_EQ(status({"frobnicate"}), kExitUsage);
  EXPECT_EQ(status({"transfer", "--to", "ab"}), kExitUsage);                      // no amount
  EXPECT_EQ(status({"transfer", "--to", "ab", "--amount", "1.5.1"}), kExitUsage);
  EXPECT_EQ(status({"transfer", "--to", "ab", "--amount", "-1"}), kExitUsage);
  EXPECT_EQ(status({"transfer", "--to", "ab", "--amount", "0.0000000001"}), kExitUsage);
  EXPECT_EQ(status({"stake", "--amount", "1", "--wait", "soon"}), kExitUsage);
  EXPECT_EQ(status({"balance", "--index", "-1"}), kExitUsage);
  EXPECT_EQ(status({"balance", "--index", "2147483648"}), kExitUsage);
  EXPECT_EQ(status({"balance", "--bogus"}), kExitUsage);
  EXPECT_EQ(status({"create", "--words", "13"}), kExitUsage);
  EXPECT_EQ(status({"bridge"}), kExitUsage);
  EXPECT_EQ(status({"bridge", "deposit", "--amount", "1", "--bogus"}), kExitUsage);
  EXPECT_EQ(status({"bridge", "deposit", "--amount", "1", "--to-evm", "a", "--to-duskvm", "b"}), kExitUsage);
  EXPECT_EQ(status({"bridge", "withdraw", "--from", "moon", "--amount", "1"}), kExitUsage);
  EXPECT_EQ(status({"contract", "call", "--contract", "a", "--function", "f", "--args", "{}", "--arg-hex", "00"}),
            kExitUsage);
  EXPECT_EQ(status({"contract", "deploy", "--wasm", "x", "--init-hex", "zz"}), kExitUsage);
  EXPECT_EQ(status({"restore", "--phrase", "a", "--phrase-file", "f"}), kExitUsage);
  EXPECT_EQ(status({"tx"}), kExitUsage);
  EXPECT_EQ(status({"balance", "--node-timeout", "0"}), kExitUsage);
}

TEST(WalletCommandLine, HelpExitsZero) {
  EXPECT_EQ(status({"--help"}), 0);
  EXPECT_EQ(status({"transfer", "--help"}), 0);
  EXPECT_EQ(status({"bridge", "withdraw", "--help"}), 0);
  EXPECT_EQ(status({"help", "contract"}), 0);
}

}  // namespace
}  // namespace dusk::wallet_cli
