#include "crypto/hash/hmac_sha256.hpp"

#include <gtest/gtest.h>

#include <string>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

Bytes repeat(u8 byte, size_t n) { return Bytes(n, byte); }

// RFC 4231, section 4 (test cases 1-4, 6, 7; HMAC-SHA-256 rows). Also checked against
// Python's hmac module.
TEST(HmacSha256, Rfc4231) {
  EXPECT_EQ(hex(hmac_sha256(repeat(0x0b, 20), as_bytes("Hi There"))),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(hex(hmac_sha256(as_bytes("Jefe"), as_bytes("what do ya want for nothing?"))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hex(hmac_sha256(repeat(0xaa, 20), repeat(0xdd, 50))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  Bytes key4;
  for (u8 i = 1; i <= 25; ++i) key4.push_back(i);
  EXPECT_EQ(hex(hmac_sha256(key4, repeat(0xcd, 50))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Keys longer than the block size are hashed first.
  EXPECT_EQ(hex(hmac_sha256(repeat(0xaa, 131),
                            as_bytes("Test Using Larger Than Block-Size Key - Hash Key First"))),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(hex(hmac_sha256(repeat(0xaa, 131),
                            as_bytes("This is a test using a larger than block-size key and a "
                                     "larger than block-size data. The key needs to be hashed "
                                     "before being used by the HMAC algorithm."))),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

// RFC 4231 test case 5 checks truncation to 128 bits.
TEST(HmacSha256, Rfc4231Truncated) {
  const auto mac = hmac_sha256(repeat(0x0c, 20), as_bytes("Test With Truncation"));
  EXPECT_EQ(to_hex(ByteView(mac).first(16)), "a3b6167473100ee06e0c796c2955552b");
}

TEST(HmacSha256, IncrementalEqualsOneShot) {
  test::Rng rng(7);
  for (size_t key_len : {0, 1, 32, 64, 65, 200}) {
    const Bytes key = rng.bytes(key_len);
    const Bytes msg = rng.bytes(300);
    HmacSha256 h(key);
    h.update(ByteView(msg).first(100));
    h.update(ByteView(msg).subspan(100));
    EXPECT_EQ(h.final(), hmac_sha256(key, msg)) << key_len;
  }
}

}  // namespace
}  // namespace dusk::crypto
