// HMAC-SHA256 (RFC 2104, FIPS 198-1): the keyed MAC that HKDF (hkdf_sha256.hpp) and the
// BLS KeyGen build on.
//
// Keys longer than the 64-byte block are first hashed, shorter ones zero-padded
// (RFC 2104, section 2). Constant time in the key and the message contents; time depends
// only on their lengths. Objects are not thread safe; distinct objects are independent.
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/hash/sha256.hpp"

namespace dusk::crypto {

// Incremental HMAC-SHA256: construct with the key, update() any number of times, then
// final(). After final() the object must not be reused.
class HmacSha256 {
 public:
  static constexpr size_t kMacSize = Sha256::kDigestSize;

  explicit HmacSha256(ByteView key);
  ~HmacSha256();
  HmacSha256(const HmacSha256&) = delete;
  HmacSha256& operator=(const HmacSha256&) = delete;

  void update(ByteView data) { inner_.update(data); }
  std::array<u8, kMacSize> final();

 private:
  Sha256 inner_;
  // K xor opad, kept for final(); wiped by the destructor.
  std::array<u8, Sha256::kBlockSize> outer_key_{};
};

// One-shot form.
std::array<u8, HmacSha256::kMacSize> hmac_sha256(ByteView key, ByteView data);

}  // namespace dusk::crypto
