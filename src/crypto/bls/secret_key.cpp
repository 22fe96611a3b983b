#include "crypto/bls/secret_key.hpp"

#include <algorithm>
#include <span>
#include <string>

#include "crypto/hash/hkdf_sha256.hpp"
#include "crypto/hash/sha256.hpp"

namespace dusk::crypto::bls {

using bls12_381::Fr;

namespace {

// L = ceil(3 ceil(log2 r) / 16) = 48 (draft, section 2.3).
constexpr size_t kOkmSize = 48;

BlsFailure error(BlsError code, const std::string& what) {
  return BlsFailure(code, "bls secret key: " + what);
}

void wipe(std::span<u8> bytes) {
  volatile u8* p = bytes.data();
  for (size_t i = 0; i < bytes.size(); ++i) p[i] = 0;
}

}  // namespace

BlsResult<SecretKey> SecretKey::key_gen(ByteView ikm, ByteView key_info) {
  if (ikm.size() < kMinIkmSize)
    return error(BlsError::kShortIkm, "KeyGen needs at least 32 bytes of IKM, got " +
                                          std::to_string(ikm.size()));
  // IKM || I2OSP(0, 1) and key_info || I2OSP(L, 2).
  // Reserved up front so no reallocation leaves a copy of the IKM behind.
  Bytes ikm0;
  ikm0.reserve(ikm.size() + 1);
  ikm0.assign(ikm.begin(), ikm.end());
  ikm0.push_back(0);
  Bytes info(key_info.begin(), key_info.end());
  info.push_back(static_cast<u8>(kOkmSize >> 8));
  info.push_back(static_cast<u8>(kOkmSize & 0xff));

  std::array<u8, 32> salt = sha256(as_bytes("BLS-SIG-KEYGEN-SALT-"));
  Fr sk;
  for (;;) {
    auto prk = hkdf_sha256_extract(salt, ikm0);
    // OS2IP(OKM) mod r: the 48 bytes right-aligned in the 64-byte big-endian input of
    // the wide reduction.
    std::array<u8, 64> wide{};
    const bool ok = hkdf_sha256_expand(std::span<u8>(wide).last(kOkmSize), prk, info);
    (void)ok;  // 48 bytes is far below HKDF's limit
    sk = Fr::from_uniform_bytes(wide);
    wipe(wide);
    wipe(prk);
    // Zero has probability about 2^-255; the loop is the draft's, for completeness.
    if (!sk.is_zero()) break;
    salt = sha256(salt);
  }
  wipe(ikm0);
  return SecretKey(sk);
}

BlsResult<SecretKey> SecretKey::from_bytes(ByteView bytes) {
  if (bytes.size() != kSize)
    return error(BlsError::kBadSecretKey,
                 "expected 32 bytes, got " + std::to_string(bytes.size()));
  auto s = Fr::from_bytes_be(bytes);
  if (!s) return error(BlsError::kBadSecretKey, "not below the group order r");
  if (s->is_zero()) return error(BlsError::kBadSecretKey, "zero is not a secret key");
  return SecretKey(*s);
}

BlsResult<SecretKey> SecretKey::from_scalar(const Fr& s) {
  if (s.is_zero()) return error(BlsError::kBadSecretKey, "zero is not a secret key");
  return SecretKey(s);
}

SecretKey::~SecretKey() {
  auto* p = reinterpret_cast<volatile u8*>(&s_);
  for (size_t i = 0; i < sizeof(s_); ++i) p[i] = 0;
}

}  // namespace dusk::crypto::bls
