#include "duskvm/phoenix/value_encryption.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string_view>

#include <openssl/evp.h>

#include "crypto/hash/hkdf_sha256.hpp"

namespace dusk::duskvm::phoenix {

namespace {

constexpr size_t kNonce = 12, kPlain = 40, kTag = 16;

std::array<u8, 32> derive_key(const crypto::jubjub::Point& secret, const std::array<u8, 64>& salt) {
  constexpr std::string_view kInfo = "Phoenix-Dusk";
  const auto ikm = secret.encode();
  const auto prk = crypto::hkdf_sha256_extract(ByteView(salt), ByteView(ikm));
  std::array<u8, 32> key{};
  (void)crypto::hkdf_sha256_expand(key, ByteView(prk), as_bytes(kInfo));  // 32 <= the limit
  return key;
}

struct CipherContext {
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx{EVP_CIPHER_CTX_new(),
                                                                      &EVP_CIPHER_CTX_free};
};

}  // namespace

ValueEncryption encrypt_value(const crypto::jubjub::Point& shared_secret,
                              const std::array<u8, 64>& stealth_address, const ValueOpening& opening,
                              const std::array<u8, 12>& nonce) {
  const auto key = derive_key(shared_secret, stealth_address);
  std::array<u8, kPlain> plain{};
  store_le<u64>(plain.data(), opening.value);
  const auto blinder = opening.blinder.to_bytes_le();
  std::copy(blinder.begin(), blinder.end(), plain.begin() + 8);

  ValueEncryption out{};
  std::copy(nonce.begin(), nonce.end(), out.begin());
  CipherContext c;
  int len = 0;
  // AES-256-GCM with a 12-byte nonce on 40 bytes cannot fail once the context exists;
  // an allocation failure of OpenSSL's context aborts like any other.
  if (!c.ctx || EVP_EncryptInit_ex(c.ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1 ||
      EVP_EncryptUpdate(c.ctx.get(), out.data() + kNonce, &len, plain.data(), kPlain) != 1 ||
      EVP_EncryptFinal_ex(c.ctx.get(), out.data() + kNonce + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, out.data() + kNonce + kPlain) != 1)
    std::abort();
  return out;
}

std::optional<ValueOpening> decrypt_value(const crypto::jubjub::Point& shared_secret,
                                          const std::array<u8, 64>& stealth_address,
                                          const ValueEncryption& encrypted) {
  const auto key = derive_key(shared_secret, stealth_address);
  std::array<u8, kTag> tag;
  std::copy_n(encrypted.begin() + kNonce + kPlain, kTag, tag.begin());
  std::array<u8, kPlain> plain{};
  CipherContext c;
  int len = 0;
  if (!c.ctx || EVP_DecryptInit_ex(c.ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), encrypted.data()) != 1 ||
      EVP_DecryptUpdate(c.ctx.get(), plain.data(), &len, encrypted.data() + kNonce, kPlain) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(c.ctx.get(), plain.data() + len, &len) != 1)
    return std::nullopt;  // not for this key, or tampered with
  const u64 value = load_le<u64>(plain.data());
  auto blinder = crypto::jubjub::Scalar::from_bytes_le(ByteView(plain).subspan(8, 32));
  if (!blinder.ok()) return std::nullopt;
  return ValueOpening{value, *blinder};
}

}  // namespace dusk::duskvm::phoenix
