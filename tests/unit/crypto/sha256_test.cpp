#include "crypto/hash/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

// The 448-bit and 896-bit test messages of FIPS 180 (the two-block examples of SHA-256
// and of SHA-512).
constexpr const char* k448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr const char* k896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopq"
    "rsmnopqrstnopqrstu";

std::string sha256_hex(std::string_view s) { return hex(sha256(as_bytes(s))); }

// "abc", the 448-bit message and one million 'a': FIPS 180-2 Appendix B.1-B.3 (now NIST's
// "Example Algorithms" SHA256.pdf). "" and the 896-bit message: the table "Test vectors
// for SHA-1, SHA-2 and SHA-3", https://www.di-mgt.com.au/sha_testvectors.html.
// All digests were also checked against Python's hashlib.sha256.
TEST(Sha256, FipsVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(k448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(k896), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST(Sha256, OneMillionAIncremental) {
  Sha256 h;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(as_bytes(chunk));
  EXPECT_EQ(hex(h.final()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Every length 0..300 of the counting message (see length_sweep); expected value
// computed with Python hashlib.sha256.
TEST(Sha256, LengthSweep) {
  auto d = test::length_sweep([](ByteView m) { return sha256(m); });
  EXPECT_EQ(hex(d), "ddbdb189f5834c274dbe603d6d2874adf7234fd8a075c3d1bfbadc2107a75676");
}

TEST(Sha256, ChunkedEqualsOneShot) {
  test::Rng rng(1);
  Sha256 h;
  for (size_t len : {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4099}) {
    Bytes m = rng.bytes(len);
    for (size_t max_chunk : {1, 3, 64, 70, 200}) {
      h.init();
      EXPECT_EQ(test::final_in_chunks(h, m, rng, max_chunk), sha256(m)) << len << " " << max_chunk;
    }
  }
}

TEST(Sha256, InitResets) {
  Sha256 h;
  h.update(as_bytes("garbage"));
  (void)h.final();
  h.init();
  h.update(as_bytes("abc"));
  EXPECT_EQ(h.final(), sha256(as_bytes("abc")));
}

}  // namespace
}  // namespace dusk::crypto
