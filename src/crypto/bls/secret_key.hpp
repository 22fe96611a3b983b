// A BLS secret key: a scalar SK in [1, r - 1] of BLS12-381, shared by both signature
// variants (scheme.hpp).
//
// KeyGen follows draft-irtf-cfrg-bls-signature-05, section 2.3 (the same procedure as
// EIP-2333's HKDF_mod_r, whose master-key vectors the tests use):
//   salt = "BLS-SIG-KEYGEN-SALT-"; repeat { salt = SHA-256(salt);
//   PRK = HKDF-Extract(salt, IKM || 0x00); OKM = HKDF-Expand(PRK, key_info || I2OSP(48, 2), 48);
//   SK = OS2IP(OKM) mod r } while SK == 0.
// 48 bytes of output reduced mod r leave a bias below 2^-128.
//
// Serialization: 32 bytes, big-endian (the draft and Ethereum's keystores); decoding
// rejects 0 and values >= r instead of reducing them, so each key has one encoding.
//
// Constant time: KeyGen, decoding (apart from its error result), encoding and the scalar
// arithmetic that uses the key do not branch on it. The destructor overwrites the
// scalar. Copies are allowed (they are wiped in turn); thread safety: a plain value.
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/bls/error.hpp"
#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::bls {

class SecretKey {
 public:
  static constexpr size_t kSize = 32;
  // The draft requires IKM of at least 32 bytes.
  static constexpr size_t kMinIkmSize = 32;

  // KeyGen(IKM, key_info). Errors: kShortIkm.
  static BlsResult<SecretKey> key_gen(ByteView ikm, ByteView key_info = {});
  // 32 big-endian bytes. Errors: kBadSecretKey (length, zero, >= r).
  static BlsResult<SecretKey> from_bytes(ByteView bytes);
  // For keys computed elsewhere (tests, derivation schemes). Errors: kBadSecretKey for 0.
  static BlsResult<SecretKey> from_scalar(const bls12_381::Fr& s);

  std::array<u8, kSize> to_bytes() const { return s_.to_bytes_be(); }
  const bls12_381::Fr& scalar() const { return s_; }

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

 private:
  explicit SecretKey(const bls12_381::Fr& s) : s_(s) {}
  bls12_381::Fr s_;
};

}  // namespace dusk::crypto::bls
