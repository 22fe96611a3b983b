#include "crypto/hash/hmac_sha256.hpp"

#include <algorithm>
#include <span>

namespace dusk::crypto {

namespace {
constexpr u8 kIpad = 0x36;
constexpr u8 kOpad = 0x5c;

// Volatile stores, so the wipe of key material is not removed as a dead store.
void wipe(std::span<u8> bytes) {
  volatile u8* p = bytes.data();
  for (size_t i = 0; i < bytes.size(); ++i) p[i] = 0;
}
}  // namespace

HmacSha256::HmacSha256(ByteView key) {
  // K0: the key itself, or its digest when longer than a block, zero-padded to a block.
  std::array<u8, Sha256::kBlockSize> k0{};
  if (key.size() > Sha256::kBlockSize) {
    const auto d = sha256(key);
    std::copy(d.begin(), d.end(), k0.begin());
  } else {
    std::copy(key.begin(), key.end(), k0.begin());
  }
  std::array<u8, Sha256::kBlockSize> inner_key{};
  for (size_t i = 0; i < k0.size(); ++i) {
    inner_key[i] = k0[i] ^ kIpad;
    outer_key_[i] = k0[i] ^ kOpad;
  }
  inner_.update(inner_key);
  wipe(k0);
  wipe(inner_key);
}

HmacSha256::~HmacSha256() { wipe(outer_key_); }

std::array<u8, HmacSha256::kMacSize> HmacSha256::final() {
  const auto inner = inner_.final();
  Sha256 outer;
  outer.update(outer_key_);
  outer.update(inner);
  return outer.final();
}

std::array<u8, HmacSha256::kMacSize> hmac_sha256(ByteView key, ByteView data) {
  HmacSha256 h(key);
  h.update(data);
  return h.final();
}

}  // namespace dusk::crypto
