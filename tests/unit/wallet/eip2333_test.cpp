// EIP-2333 against the test cases published in the EIP (seed, master_SK, child_index,
// child_SK; keys in decimal), EIP-2334 path parsing, and the DuskDS key of a path: the
// public key (min-sig, G2) verifies signatures made with the derived secret key.
#include "wallet/eip2333.hpp"

#include <gtest/gtest.h>

#include "crypto/bls/scheme.hpp"
#include "wallet/bip39.hpp"

namespace dusk::wallet {
namespace {

using crypto::bls::SecretKey;

Bytes hex(std::string_view h) {
  auto r = from_hex(h);
  EXPECT_TRUE(r.ok()) << h;
  return r.ok() ? *r : Bytes{};
}

// A decimal integer (as EIP-2333 prints keys) to 32 big-endian bytes.
std::array<u8, 32> decimal_to_be32(std::string_view dec) {
  std::array<u8, 32> out{};
  for (char c : dec) {
    unsigned carry = static_cast<unsigned>(c - '0');
    for (size_t i = out.size(); i-- > 0;) {
      const unsigned v = out[i] * 10u + carry;
      out[i] = static_cast<u8>(v & 0xff);
      carry = v >> 8;
    }
    EXPECT_EQ(carry, 0u);
  }
  return out;
}

TEST(Eip2333, PublishedTestCases) {
  struct Case {
    const char* seed;
    const char* master_sk;
    u32 child_index;
    const char* child_sk;
  };
  const Case cases[] = {
      {"c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f0"
       "01698e7463b04",
       "6083874454709270928345386274498605044986640685124978867557563392430687146096", 0,
       "20397789859736650942317412262472558107875392172444076792671091975210932703118"},
      {"3141592653589793238462643383279502884197169399375105820974944592",
       "29757020647961307431480504535336562678282505419141012933316116377660817309383", 3141592653u,
       "25457201688850691947727629385191704516744796114925897962676248250929345014287"},
      {"0099FF991111002299DD7744EE3355BBDD8844115566CC55663355668888CC00",
       "27580842291869792442942448775674722299803720648445448686099262467207037398656", 4294967295u,
       "29358610794459428860402234341874281240803786294062035874021252734817515685787"},
  };
  for (const auto& c : cases) {
    auto master = eip2333_master(hex(c.seed));
    ASSERT_TRUE(master.ok()) << master.error().message;
    EXPECT_EQ(master->to_bytes(), decimal_to_be32(c.master_sk)) << c.seed;
    const SecretKey child = eip2333_child(*master, c.child_index);
    EXPECT_EQ(child.to_bytes(), decimal_to_be32(c.child_sk)) << c.seed;
  }
}

TEST(Eip2333, MasterNeedsA32ByteSeed) {
  auto r = eip2333_master(Bytes(31, 1));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, WalletError::kBadSeed);
  EXPECT_TRUE(eip2333_master(Bytes(32, 1)).ok());
}

TEST(Eip2333, DeriveFollowsThePath) {
  const Bytes seed = hex("3141592653589793238462643383279502884197169399375105820974944592");
  auto master = eip2333_master(seed);
  ASSERT_TRUE(master.ok());
  SecretKey expected = *master;
  for (u32 i : {12381u, 3600u, 5u, 0u, 0u}) expected = eip2333_child(expected, i);
  auto k = eip2333_derive(seed, duskds_path(5));
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_EQ(k->to_bytes(), expected.to_bytes());
  auto m = eip2333_derive(seed, "m");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->to_bytes(), master->to_bytes());
  EXPECT_EQ(duskds_path(5), "m/12381/3600/5/0/0");
  // Siblings and children differ; the Lamport key depends on the index.
  EXPECT_NE(eip2333_child(*master, 0).to_bytes(), eip2333_child(*master, 1).to_bytes());
  EXPECT_NE(eip2333_lamport_public_key(*master, 0), eip2333_lamport_public_key(*master, 1));
}

TEST(Eip2333, PathParsing) {
  auto p = parse_eip2334_path("m/12381/3600/4294967295/0/0");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, (std::vector<u32>{12381, 3600, 4294967295u, 0, 0}));
  for (const char* bad : {"", "x", "m/", "m//1", "m/1/", "m/4294967296", "m/12381'/3600", "m/01", "m/-1", "m/1 ", "12381/3600"}) {
    auto r = parse_eip2334_path(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, WalletError::kBadPath) << bad;
  }
}

TEST(Eip2333, DuskDsKeySignsAndVerifies) {
  auto s = seed("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "");
  ASSERT_TRUE(s.ok());
  auto sk = eip2333_derive(ByteView(s->data(), s->size()), duskds_path(0));
  ASSERT_TRUE(sk.ok());
  using Bls = crypto::bls::BlsMinSig;
  const auto pk = Bls::sk_to_pk(*sk);
  EXPECT_EQ(pk.to_bytes().size(), 96u);
  const auto sig = Bls::sign(*sk, as_bytes("dusk"));
  EXPECT_TRUE(Bls::verify(pk.to_bytes(), as_bytes("dusk"), sig.to_bytes()).ok());
}

}  // namespace
}  // namespace dusk::wallet
