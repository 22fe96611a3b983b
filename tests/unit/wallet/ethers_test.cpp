// Differential test against ethers (npm, pinned in package-lock.json): for 20 entropies
// of each length (16..32 bytes) with and without passphrase, our phrase, seed, EVM secret
// key at index 0 and addresses at indices 0 and 3 must equal those of ethers'
// Mnemonic.fromEntropy, computeSeed and HDNodeWallet.fromPhrase; and BIP-32 keys and
// chain codes at paths mixing hardened and normal steps must equal HDNodeWallet.fromSeed's.
// Cases come from wallet_ethers_oracle.mjs; DUSK_NOBLE_SCALE multiplies their number.
#include <string>

#include <gtest/gtest.h>

#include "support/node_oracle.hpp"
#include "wallet/bip32.hpp"
#include "wallet/bip39.hpp"

namespace dusk::wallet {
namespace {

using dusk::testing::NodeOracle;
using dusk::testing::oracle_hex;
using dusk::testing::parse_oracle_case;

std::string hex32(const SecretArray<32>& s) { return to_hex(ByteView(s.data(), 32)); }

// entropy pass | words seed sk0 address0 address3
void check_mnemonic(const dusk::testing::OracleCase& c) {
  ASSERT_EQ(c.in.size(), 2u);
  ASSERT_EQ(c.out.size(), 5u);
  const Bytes entropy = oracle_hex(c.in[0]);
  const Bytes pass_bytes = oracle_hex(c.in[1]);
  const std::string pass(pass_bytes.begin(), pass_bytes.end());
  std::string phrase = c.out[0];
  for (char& ch : phrase) if (ch == ',') ch = ' ';

  auto m = Mnemonic::from_entropy(entropy);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->phrase(), phrase) << c.in[0];
  auto parsed = Mnemonic::parse(phrase);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->entropy(), entropy);

  auto s = m->seed(pass);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(to_hex(ByteView(s->data(), s->size())), c.out[1]) << phrase << " / " << pass;
  const ByteView seed(s->data(), s->size());
  auto k0 = evm_key(seed, 0), k3 = evm_key(seed, 3);
  ASSERT_TRUE(k0.ok() && k3.ok());
  EXPECT_EQ(hex32(k0->secret_key), c.out[2]) << phrase;
  EXPECT_EQ(eip55_address(k0->address), c.out[3]) << phrase;
  EXPECT_EQ(eip55_address(k3->address), c.out[4]) << phrase;
}

// seed path | key chain
void check_bip32(const dusk::testing::OracleCase& c) {
  ASSERT_EQ(c.in.size(), 2u);
  ASSERT_EQ(c.out.size(), 2u);
  auto k = bip32_derive(oracle_hex(c.in[0]), c.in[1]);
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_EQ(hex32(k->secret_key), c.out[0]) << c.in[0] << " " << c.in[1];
  EXPECT_EQ(hex32(k->chain_code), c.out[1]) << c.in[0] << " " << c.in[1];
}

TEST(WalletEthers, PhrasesSeedsAndKeysMatchEthers) {
  if (!dusk::testing::node_available())
    GTEST_SKIP() << "node not found on PATH (scripts/install-deps.sh installs it)";
  const int n = 20 * dusk::testing::oracle_scale(1);
  NodeOracle oracle(DUSK_WALLET_ETHERS_ORACLE, std::to_string(n));
  ASSERT_TRUE(oracle.started());
  size_t mnemonics = 0, bip32 = 0;
  std::string line;
  while (oracle.next_line(line)) {
    const auto c = parse_oracle_case(line);
    if (c.op == "mnemonic") {
      check_mnemonic(c);
      ++mnemonics;
    } else if (c.op == "bip32") {
      check_bip32(c);
      ++bip32;
    } else {
      FAIL() << "unknown case: " << line;
    }
    if (HasFailure()) break;  // one mismatch is enough to read
  }
  EXPECT_EQ(oracle.finish(), 0) << "the oracle did not run to the end (is node_modules installed?)";
  EXPECT_EQ(mnemonics, static_cast<size_t>(5 * n));
  EXPECT_EQ(bip32, static_cast<size_t>(8 * n));
}

}  // namespace
}  // namespace dusk::wallet
