#include "wallet/bip32.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <secp256k1.h>

#include <algorithm>

#include "crypto/hash/keccak.hpp"
#include "crypto/secp256k1.hpp"
#include "wallet/derivation_path.hpp"

namespace dusk::wallet {

namespace {

constexpr std::string_view kMasterKey = "Bitcoin seed";

WalletFailure invalid_child(std::string_view what) {
  return WalletFailure(WalletError::kInvalidChild,
                       "BIP-32: " + std::string(what) + " is not a valid secp256k1 key (probability below 2^-127)");
}

// HMAC-SHA512(key, data) into `out` (64 bytes).
void hmac_sha512(ByteView key, ByteView data, SecretArray<64>& out) {
  unsigned int len = 0;
  HMAC(EVP_sha512(), key.data(), static_cast<int>(key.size()), data.data(), data.size(), out.data(), &len);
}

// Splits I into IL (the key, which must be in [1, n - 1]) and IR (the chain code).
bool split(const SecretArray<64>& i, Bip32Key& out) {
  std::copy(i.bytes.begin(), i.bytes.begin() + 32, out.secret_key.bytes.begin());
  std::copy(i.bytes.begin() + 32, i.bytes.end(), out.chain_code.bytes.begin());
  return secp256k1_ec_seckey_verify(secp256k1_context_static, out.secret_key.data()) == 1;
}

}  // namespace

WalletResult<Bip32Key> bip32_master(ByteView seed) {
  if (seed.size() < 16 || seed.size() > 64) {
    return WalletFailure(WalletError::kBadSeed,
                         "BIP-32: a seed is 16 to 64 bytes, not " + std::to_string(seed.size()));
  }
  SecretArray<64> i;
  hmac_sha512(as_bytes(kMasterKey), seed, i);
  Bip32Key key;
  if (!split(i, key)) return invalid_child("the master key");
  return key;
}

WalletResult<Bip32Key> bip32_child(const Bip32Key& parent, u32 index) {
  SecretArray<37> data;
  if (index >= kBip32Hardened) {
    data.bytes[0] = 0;
    std::copy(parent.secret_key.bytes.begin(), parent.secret_key.bytes.end(), data.bytes.begin() + 1);
  } else {
    const auto pub = crypto::secp256k1_public_key(parent.secret_key.bytes);
    if (!pub) return invalid_child("the parent key");
    data.bytes[0] = static_cast<u8>(0x02 | ((*pub)[63] & 1));  // SEC1 compressed: parity of y
    std::copy(pub->begin(), pub->begin() + 32, data.bytes.begin() + 1);
  }
  for (int b = 0; b < 4; ++b) data.bytes[33 + b] = static_cast<u8>(index >> (24 - 8 * b));
  SecretArray<64> i;
  hmac_sha512(ByteView(parent.chain_code.data(), 32), ByteView(data.data(), data.size()), i);
  Bip32Key child;
  const std::string what = "child " + std::to_string(index & ~kBip32Hardened) + (index >= kBip32Hardened ? "'" : "");
  if (!split(i, child)) return invalid_child(what);
  // k_i = IL + k_par mod n; fails when the sum is 0.
  if (secp256k1_ec_seckey_tweak_add(secp256k1_context_static, child.secret_key.data(),
                                    parent.secret_key.data()) != 1) {
    return invalid_child(what);
  }
  return child;
}

WalletResult<std::vector<u32>> parse_bip32_path(std::string_view path) {
  return parse_derivation_path(path, PathForm::kBip32);
}

WalletResult<Bip32Key> bip32_derive(ByteView seed, std::string_view path) {
  DUSK_ASSIGN(const auto indices, parse_bip32_path(path));
  DUSK_ASSIGN(Bip32Key key, bip32_master(seed));
  for (u32 index : indices) {
    DUSK_ASSIGN(key, bip32_child(key, index));
  }
  return key;
}

std::string evm_path(u32 index) { return "m/44'/60'/0'/0/" + std::to_string(index); }

WalletResult<EvmKey> evm_key(ByteView seed, u32 index) {
  if (index >= kBip32Hardened) {
    return WalletFailure(WalletError::kBadPath, "an account index is below 2^31, not " + std::to_string(index));
  }
  DUSK_ASSIGN(const Bip32Key key, bip32_derive(seed, evm_path(index)));
  const auto pub = crypto::secp256k1_public_key(key.secret_key.bytes);
  if (!pub) return invalid_child("the account key");
  EvmKey out;
  out.secret_key = key.secret_key;
  out.public_key = *pub;
  out.address = crypto::public_key_address(*pub);
  return out;
}

std::string eip55_address(const std::array<u8, 20>& address) {
  const std::string lower = to_hex(address);
  const auto hash = crypto::keccak256(as_bytes(lower));
  std::string out = "0x";
  for (size_t i = 0; i < lower.size(); ++i) {
    const u8 nibble = static_cast<u8>(i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0f);
    const char c = lower[i];
    out.push_back(c >= 'a' && c <= 'f' && nibble >= 8 ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

}  // namespace dusk::wallet
