#include "crypto/hash/hkdf_sha256.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "hash_test_util.hpp"

namespace dusk::crypto {
namespace {

using test::hex;

// RFC 5869, appendix A.1: the basic SHA-256 case.
TEST(HkdfSha256, Rfc5869Case1) {
  const Bytes ikm(22, 0x0b);
  Bytes salt, info;
  for (u8 i = 0x00; i <= 0x0c; ++i) salt.push_back(i);
  for (u8 i = 0xf0; i <= 0xf9; ++i) info.push_back(i);
  const auto prk = hkdf_sha256_extract(salt, ikm);
  EXPECT_EQ(hex(prk), "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  Bytes okm(42);
  ASSERT_TRUE(hkdf_sha256_expand(okm, prk, info));
  EXPECT_EQ(to_hex(okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
}

// RFC 5869, appendix A.3: zero-length salt and info.
TEST(HkdfSha256, Rfc5869Case3EmptySaltAndInfo) {
  const Bytes ikm(22, 0x0b);
  const auto prk = hkdf_sha256_extract({}, ikm);
  EXPECT_EQ(hex(prk), "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  Bytes okm(42);
  ASSERT_TRUE(hkdf_sha256_expand(okm, prk, {}));
  EXPECT_EQ(to_hex(okm),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

// Output is a prefix of longer output, and the RFC's length limit is enforced.
TEST(HkdfSha256, PrefixAndLimit) {
  const auto prk = hkdf_sha256_extract(as_bytes("salt"), as_bytes("ikm"));
  Bytes long_okm(kHkdfSha256MaxOutput), short_okm(33);
  ASSERT_TRUE(hkdf_sha256_expand(long_okm, prk, as_bytes("info")));
  ASSERT_TRUE(hkdf_sha256_expand(short_okm, prk, as_bytes("info")));
  EXPECT_TRUE(std::equal(short_okm.begin(), short_okm.end(), long_okm.begin()));
  Bytes too_long(kHkdfSha256MaxOutput + 1, 0xee);
  EXPECT_FALSE(hkdf_sha256_expand(too_long, prk, as_bytes("info")));
  EXPECT_EQ(too_long, Bytes(kHkdfSha256MaxOutput + 1, 0xee));
  Bytes empty;
  EXPECT_TRUE(hkdf_sha256_expand(empty, prk, as_bytes("info")));
}

}  // namespace
}  // namespace dusk::crypto
