#include "crypto/hash/hkdf_sha256.hpp"

#include <algorithm>

namespace dusk::crypto {

std::array<u8, HmacSha256::kMacSize> hkdf_sha256_extract(ByteView salt, ByteView ikm) {
  return hmac_sha256(salt, ikm);
}

bool hkdf_sha256_expand(std::span<u8> out, ByteView prk, ByteView info) {
  if (out.size() > kHkdfSha256MaxOutput) return false;
  std::array<u8, HmacSha256::kMacSize> t{};
  size_t done = 0;
  for (unsigned i = 1; done < out.size(); ++i) {
    HmacSha256 h(prk);
    if (i > 1) h.update(t);
    h.update(info);
    const u8 counter = static_cast<u8>(i);
    h.update(ByteView(&counter, 1));
    t = h.final();
    const size_t n = std::min(t.size(), out.size() - done);
    std::copy_n(t.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(done));
    done += n;
  }
  return true;
}

}  // namespace dusk::crypto
