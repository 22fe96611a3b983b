#include "crypto/hash/ripemd160.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

std::string ripemd_hex(std::string_view s) { return hex(ripemd160(as_bytes(s))); }

// The test vectors published with RIPEMD-160 (Dobbertin, Bosselaers, Preneel; listed on
// https://homes.esat.kuleuven.be/~bosselae/ripemd160.html and in the paper's appendix).
// All checked against Python's hashlib.new("ripemd160").
TEST(Ripemd160, PublishedVectors) {
  EXPECT_EQ(ripemd_hex(""), "9c1185a5c5e9fc54612808977ee8f548b2258d31");
  EXPECT_EQ(ripemd_hex("a"), "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe");
  EXPECT_EQ(ripemd_hex("abc"), "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  EXPECT_EQ(ripemd_hex("message digest"), "5d0689ef49d2fae572b881b123a85ffa21595f36");
  EXPECT_EQ(ripemd_hex("abcdefghijklmnopqrstuvwxyz"), "f71c27109c692c1b56bbdceb5b9d2865b3708dbc");
  EXPECT_EQ(ripemd_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "12a053384a9c0c88e405a06c27dcf49ada62eb2b");
  EXPECT_EQ(ripemd_hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "b0e20b6e3116640286ed3a87a5713079b21f5189");
  std::string eight;
  for (int i = 0; i < 8; ++i) eight += "1234567890";
  EXPECT_EQ(ripemd_hex(eight), "9b752e45573d4b39f4dbd3323cab82bf63326bfb");
}

TEST(Ripemd160, OneMillionAIncremental) {
  Ripemd160 h;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(as_bytes(chunk));
  EXPECT_EQ(hex(h.final()), "52783243c1697bdbe16d37f97f68f08325dc1528");
}

// Every length 0..300 of the counting message; expected value computed with Python's
// hashlib.new("ripemd160").
TEST(Ripemd160, LengthSweep) {
  auto d = test::length_sweep([](ByteView m) { return ripemd160(m); });
  EXPECT_EQ(hex(d), "cd46fb3ebb3d6df47dc586fa53dcf377769ac13a");
}

TEST(Ripemd160, ChunkedEqualsOneShot) {
  test::Rng rng(3);
  Ripemd160 h;
  for (size_t len : {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4099}) {
    Bytes m = rng.bytes(len);
    for (size_t max_chunk : {1, 3, 64, 70, 200}) {
      h.init();
      EXPECT_EQ(test::final_in_chunks(h, m, rng, max_chunk), ripemd160(m)) << len << " " << max_chunk;
    }
  }
}

}  // namespace
}  // namespace dusk::crypto
