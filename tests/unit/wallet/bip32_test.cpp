// BIP-32: test vector 1 of the standard (seed 000102...0f), path parsing with its errors,
// the EVM key of well-known phrases (the addresses every Ethereum wallet shows for them),
// and EIP-55 checksums against the examples of EIP-55. ethers_test.cpp checks many more
// seeds and paths differentially.
#include "wallet/bip32.hpp"

#include <gtest/gtest.h>

#include "wallet/bip39.hpp"

namespace dusk::wallet {
namespace {

Bytes hex(std::string_view h) {
  auto r = from_hex(h);
  EXPECT_TRUE(r.ok()) << h;
  return r.ok() ? *r : Bytes{};
}

std::string hex32(const SecretArray<32>& s) { return to_hex(ByteView(s.data(), 32)); }

TEST(Bip32, TestVector1) {
  const Bytes seed = hex("000102030405060708090a0b0c0d0e0f");
  struct Case {
    const char* path;
    const char* key;
    const char* chain;
  };
  const Case cases[] = {
      {"m", "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35",
       "873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508"},
      {"m/0'", "edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea",
       "47fdacbd0f1097043b78c63c20c34ef4ed9a111d980047ad16282c7ae6236141"},
      {"m/0h/1", "3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368",
       "2a7857631386ba23dacac34180dd1983734e444fdbf774041578e9b6adb37c19"},
      {"m/0H/1/2'", "cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca",
       "04466b9cc8e161e966409ca52986c584f07e9dc81f735db683c3ff6ec7b1503f"},
  };
  for (const auto& c : cases) {
    auto k = bip32_derive(seed, c.path);
    ASSERT_TRUE(k.ok()) << k.error().message;
    EXPECT_EQ(hex32(k->secret_key), c.key) << c.path;
    EXPECT_EQ(hex32(k->chain_code), c.chain) << c.path;
  }
}

TEST(Bip32, PathParsing) {
  auto p = parse_bip32_path("m/44'/60'/0'/0/12");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, (std::vector<u32>{44 | kBip32Hardened, 60 | kBip32Hardened, kBip32Hardened, 0, 12}));
  auto m = parse_bip32_path("m");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->empty());
  auto top = parse_bip32_path("m/2147483647'/2147483647");
  ASSERT_TRUE(top.ok());
  EXPECT_EQ(*top, (std::vector<u32>{0xffffffffu, 0x7fffffffu}));
  for (const char* bad : {"", "M/0", "/0", "m/", "m//0", "m/0/", "m/x", "m/-1", "m/+1", "m/01", "m/2147483648",
                          "m/99999999999999999999", "m/0''", "m/0 ", " m/0", "m0", "m/0/1'x", "44'/60'"}) {
    auto r = parse_bip32_path(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, WalletError::kBadPath) << bad;
    EXPECT_NE(r.error().message.find(bad), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(evm_path(3), "m/44'/60'/0'/0/3");
}

TEST(Bip32, SeedLengths) {
  EXPECT_FALSE(bip32_master(Bytes(15, 1)).ok());
  EXPECT_TRUE(bip32_master(Bytes(16, 1)).ok());
  EXPECT_TRUE(bip32_master(Bytes(64, 1)).ok());
  auto r = bip32_master(Bytes(65, 1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, WalletError::kBadSeed);
}

TEST(Bip32, EvmAccountsOfWellKnownPhrases) {
  struct Case {
    const char* phrase;
    u32 index;
    const char* address;
  };
  const Case cases[] = {
      {"abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", 0,
       "0x9858EfFD232B4033E47d90003D41EC34EcaEda94"},
      // The development phrase of Hardhat, Foundry's anvil and ganache: their accounts 0 and 1.
      {"test test test test test test test test test test test junk", 0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"},
      {"test test test test test test test test test test test junk", 1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"},
  };
  for (const auto& c : cases) {
    auto s = seed(c.phrase, "");
    ASSERT_TRUE(s.ok());
    auto k = evm_key(ByteView(s->data(), s->size()), c.index);
    ASSERT_TRUE(k.ok()) << k.error().message;
    EXPECT_EQ(eip55_address(k->address), c.address);
  }
  // Anvil's published secret key of account 0.
  auto s = seed("test test test test test test test test test test test junk", "");
  ASSERT_TRUE(s.ok());
  auto k = evm_key(ByteView(s->data(), s->size()), 0);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(hex32(k->secret_key), "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  auto bad = evm_key(ByteView(s->data(), s->size()), kBip32Hardened);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, WalletError::kBadPath);
}

TEST(Bip32, Eip55Examples) {
  for (const char* a : {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"}) {
    const Bytes raw = hex(std::string_view(a).substr(2));
    std::array<u8, 20> addr{};
    std::copy(raw.begin(), raw.end(), addr.begin());
    EXPECT_EQ(eip55_address(addr), a);
  }
}

}  // namespace
}  // namespace dusk::wallet
