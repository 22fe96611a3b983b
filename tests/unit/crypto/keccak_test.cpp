#include "crypto/hash/keccak.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

constexpr const char* k448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr const char* k896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
    "rsmnopqrstnopqrstu";

std::string sha3_hex(std::string_view s) { return hex(sha3_256(as_bytes(s))); }
std::string keccak_hex(std::string_view s) { return hex(keccak256(as_bytes(s))); }

// Keccak-f[1600] applied to the all-zero state: the "F1600 on all-zero input" result of the
// Keccak team's KeccakF-1600-IntermediateValues.txt, lanes in x + 5y order. Also
// reproduced by an independent from-the-spec Python model of FIPS 202.
TEST(KeccakF1600, ZeroState) {
  const std::array<u64, 25> expected = {
      0xf1258f7940e1dde7, 0x84d5ccf933c0478a, 0xd598261ea65aa9ee, 0xbd1547306f80494d,
      0x8b284e056253d057, 0xff97a42d7f8e6fd4, 0x90fee5a0a44647c4, 0x8c5bda0cd6192e76,
      0xad30a6f71b19059c, 0x30935ab7d08ffc64, 0xeb5aa93f2317d635, 0xa9a6e6260d712103,
      0x81a57c16dbcf555f, 0x43b831cd0347c826, 0x01f22f1a11a5569f, 0x05e5635a21d9ae61,
      0x64befef28cc970f2, 0x613670957bc46611, 0xb87c5a554fd00ecb, 0x8c3ee88a1ccf32c8,
      0x940c7922ae3a2614, 0x1841f924a2c509e4, 0x16f53526e70465c2, 0x75f644e97f30a13b,
      0xeaf1ff7b5ceca249,
  };
  std::array<u64, 25> s{};
  keccak_f1600(s);
  EXPECT_EQ(s, expected);
}

// "", "abc", 448-bit, 896-bit and one million 'a': the table "Test vectors for SHA-1,
// SHA-2 and SHA-3", https://www.di-mgt.com.au/sha_testvectors.html ("" is also NIST's
// SHA3-256_Msg0 example). All checked against Python's hashlib.sha3_256.
TEST(Sha3_256, FipsVectors) {
  EXPECT_EQ(sha3_hex(""), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
  EXPECT_EQ(sha3_hex("abc"), "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  EXPECT_EQ(sha3_hex(k448), "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376");
  EXPECT_EQ(sha3_hex(k896), "916f6061fe879741ca6469b43971dfdb28b1a32dc36cb3254e812be27aad1d18");
}

TEST(Sha3_256, OneMillionAIncremental) {
  Sha3_256 h;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(as_bytes(chunk));
  EXPECT_EQ(hex(h.final()), "5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1");
}

// Every length 0..300 of the counting message, so every padding position within the
// 136-byte rate (including the last byte, where 0x06 and 0x80 share a byte) is hit.
// Expected value computed with Python's hashlib.sha3_256.
TEST(Sha3_256, LengthSweep) {
  auto d = test::length_sweep([](ByteView m) { return sha3_256(m); });
  EXPECT_EQ(hex(d), "89e5b197acab176c0843ed7b73f52c4fb9352ed869f2fb1bc10130383da527c4");
}

// Keccak-256 as Ethereum uses it. "": the empty code hash / empty-string hash of the
// Ethereum Yellow Paper (KEC("")). The ERC-20 Transfer event topic and the transfer()
// selector preimage are ubiquitous in Ethereum logs and calldata. "abc" and the two
// signatures were also checked with an independent from-the-spec Python model of the
// sponge that reproduces hashlib.sha3_256 when given the 0x06 pad.
TEST(Keccak256, EthereumVectors) {
  EXPECT_EQ(keccak_hex(""), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(keccak_hex("abc"), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  EXPECT_EQ(keccak_hex("Transfer(address,address,uint256)"),
            "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
  EXPECT_EQ(keccak_hex("transfer(address,uint256)"),
            "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b");
}

TEST(Keccak256, DiffersFromSha3OnlyByPadding) {
  EXPECT_NE(keccak256(as_bytes("abc")), sha3_256(as_bytes("abc")));
}

template <class Hasher, class OneShot>
void check_chunked(OneShot one_shot) {
  test::Rng rng(2);
  Hasher h;
  for (size_t len : {0, 1, 134, 135, 136, 137, 271, 272, 273, 1000, 5000}) {
    Bytes m = rng.bytes(len);
    for (size_t max_chunk : {1, 7, 136, 150, 400}) {
      h.init();
      EXPECT_EQ(test::final_in_chunks(h, m, rng, max_chunk), one_shot(m)) << len << " " << max_chunk;
    }
  }
}

TEST(Keccak256, ChunkedEqualsOneShot) { check_chunked<Keccak256>([](ByteView m) { return keccak256(m); }); }
TEST(Sha3_256, ChunkedEqualsOneShot) { check_chunked<Sha3_256>([](ByteView m) { return sha3_256(m); }); }

}  // namespace
}  // namespace dusk::crypto
