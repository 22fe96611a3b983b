// AccountKeys: both keys of an account come from one phrase at their documented paths,
// and the public halves are what DuskDS and Ethereum tools expect.
#include "wallet/account_keys.hpp"

#include <gtest/gtest.h>

#include "crypto/bls/scheme.hpp"
#include "wallet/bip32.hpp"
#include "wallet/eip2333.hpp"

namespace dusk::wallet {
namespace {

const char* const kPhrase = "test test test test test test test test test test test junk";

TEST(AccountKeys, BothKeysFromOnePhrase) {
  auto m = Mnemonic::parse(kPhrase);
  ASSERT_TRUE(m.ok());
  auto keys = derive(*m, "", 1);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  EXPECT_EQ(keys->index, 1u);
  EXPECT_EQ(eip55_address(keys->evm_address), "0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  auto s = m->seed("");
  ASSERT_TRUE(s.ok());
  auto bls = eip2333_derive(ByteView(s->data(), s->size()), "m/12381/3600/1/0/0");
  ASSERT_TRUE(bls.ok());
  EXPECT_EQ(keys->bls_secret_key.bytes, bls->to_bytes());
  EXPECT_EQ(keys->bls_public_key, crypto::bls::BlsMinSig::sk_to_pk(*bls).to_bytes());
  // The public key decodes as DuskDS decodes account keys.
  EXPECT_TRUE(crypto::bls::PublicKey<crypto::bls::MinSig>::from_bytes(keys->bls_public_key).ok());

  auto evm = evm_key(ByteView(s->data(), s->size()), 1);
  ASSERT_TRUE(evm.ok());
  EXPECT_EQ(keys->evm_secret_key.bytes, evm->secret_key.bytes);

  auto same = derive(*s, 1);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->bls_public_key, keys->bls_public_key);
  EXPECT_EQ(same->evm_address, keys->evm_address);
}

TEST(AccountKeys, AccountsAndPassphrasesDiffer) {
  auto m = Mnemonic::parse(kPhrase);
  ASSERT_TRUE(m.ok());
  auto a = derive(*m, "", 0), b = derive(*m, "", 1), c = derive(*m, "x", 0);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a->bls_public_key, b->bls_public_key);
  EXPECT_NE(a->evm_address, b->evm_address);
  EXPECT_NE(a->bls_public_key, c->bls_public_key);
  EXPECT_NE(a->evm_address, c->evm_address);
}

TEST(AccountKeys, Errors) {
  auto m = Mnemonic::parse(kPhrase);
  ASSERT_TRUE(m.ok());
  auto big = derive(*m, "", kBip32Hardened);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, WalletError::kBadPath);
  auto non_ascii = derive(*m, "\xe2\x82\xac", 0);
  ASSERT_FALSE(non_ascii.ok());
  EXPECT_EQ(non_ascii.error().code, WalletError::kNonAscii);
}

}  // namespace
}  // namespace dusk::wallet
