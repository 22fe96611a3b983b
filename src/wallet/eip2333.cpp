#include "wallet/eip2333.hpp"

#include <algorithm>

#include "crypto/hash/hkdf_sha256.hpp"
#include "crypto/hash/sha256.hpp"
#include "wallet/secret.hpp"
#include "wallet/derivation_path.hpp"

namespace dusk::wallet {

namespace {

using crypto::bls::SecretKey;

constexpr size_t kLamportChunks = 255;
constexpr size_t kChunk = 32;
using LamportKey = SecretArray<kLamportChunks * kChunk>;

// IKM_to_lamport_SK, hashing each chunk into `pk` as it goes (SHA-256 of each chunk).
void lamport_half(ByteView ikm, ByteView salt, crypto::Sha256& pk) {
  SecretArray<32> prk(crypto::hkdf_sha256_extract(salt, ikm));
  LamportKey sk;
  const bool ok = crypto::hkdf_sha256_expand(std::span<u8>(sk.data(), sk.size()), ByteView(prk.data(), 32), {});
  (void)ok;  // 255 * 32 bytes is exactly HKDF's limit: always ok
  for (size_t i = 0; i < kLamportChunks; ++i) {
    pk.update(crypto::sha256(ByteView(sk.data() + i * kChunk, kChunk)));
  }
}

}  // namespace

std::array<u8, 32> eip2333_lamport_public_key(const SecretKey& parent, u32 index) {
  const std::array<u8, 4> salt = {static_cast<u8>(index >> 24), static_cast<u8>(index >> 16),
                                  static_cast<u8>(index >> 8), static_cast<u8>(index)};
  SecretArray<32> ikm(parent.to_bytes());
  SecretArray<32> not_ikm;
  for (size_t i = 0; i < 32; ++i) not_ikm.bytes[i] = static_cast<u8>(~ikm.bytes[i]);
  crypto::Sha256 pk;
  lamport_half(ByteView(ikm.data(), 32), salt, pk);
  lamport_half(ByteView(not_ikm.data(), 32), salt, pk);
  return pk.final();
}

WalletResult<SecretKey> eip2333_master(ByteView seed) {
  if (seed.size() < SecretKey::kMinIkmSize) {
    return WalletFailure(WalletError::kBadSeed,
                         "EIP-2333: a seed is at least 32 bytes, not " + std::to_string(seed.size()));
  }
  auto sk = SecretKey::key_gen(seed);
  if (!sk.ok()) return WalletFailure(WalletError::kBadSeed, sk.error().message);
  return std::move(sk).value();
}

SecretKey eip2333_child(const SecretKey& parent, u32 index) {
  const auto lamport_pk = eip2333_lamport_public_key(parent, index);
  // 32 bytes of IKM: KeyGen's minimum, so it cannot fail.
  return std::move(SecretKey::key_gen(lamport_pk)).value();
}

WalletResult<std::vector<u32>> parse_eip2334_path(std::string_view path) {
  return parse_derivation_path(path, PathForm::kEip2334);
}

WalletResult<SecretKey> eip2333_derive(ByteView seed, std::string_view path) {
  DUSK_ASSIGN(const auto indices, parse_eip2334_path(path));
  DUSK_ASSIGN(SecretKey key, eip2333_master(seed));
  for (u32 index : indices) key = eip2333_child(key, index);
  return key;
}

std::string duskds_path(u32 index) { return "m/12381/3600/" + std::to_string(index) + "/0/0"; }

}  // namespace dusk::wallet
