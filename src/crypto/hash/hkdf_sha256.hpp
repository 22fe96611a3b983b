// HKDF with HMAC-SHA256 (RFC 5869): Extract turns input keying material into a
// pseudorandom key, Expand stretches that key into output keying material bound to an
// `info` string. Used by the BLS KeyGen (crypto/bls/secret_key.hpp).
//
// Constant time in the contents of every input; time depends on lengths only.
#pragma once

#include <array>
#include <span>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/hash/hmac_sha256.hpp"

namespace dusk::crypto {

// The most HKDF-Expand can produce: 255 blocks of HashLen (RFC 5869, section 2.3).
inline constexpr size_t kHkdfSha256MaxOutput = 255 * HmacSha256::kMacSize;

// PRK = HMAC-SHA256(salt, IKM). An empty salt stands for HashLen zero bytes, which
// HMAC's zero padding makes the same key.
std::array<u8, HmacSha256::kMacSize> hkdf_sha256_extract(ByteView salt, ByteView ikm);

// OKM = T(1) || T(2) || ... truncated to out.size() bytes, T(i) = HMAC(PRK, T(i-1) ||
// info || i). Returns false (and writes nothing) when out.size() exceeds
// kHkdfSha256MaxOutput, the RFC's limit. `prk` is normally the output of extract.
[[nodiscard]] bool hkdf_sha256_expand(std::span<u8> out, ByteView prk, ByteView info);

}  // namespace dusk::crypto
