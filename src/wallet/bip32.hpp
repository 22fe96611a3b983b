// BIP-32 hierarchical deterministic keys on secp256k1 (private derivation only), and the
// EVM account key of BIP-44 at m/44'/60'/0'/0/i: the key MetaMask, ethers and most
// Ethereum wallets give for the same BIP-39 phrase.
//
//   master:           I = HMAC-SHA512(key = "Bitcoin seed", seed); k = IL, c = IR
//   child i (< 2^31): I = HMAC-SHA512(c, serP(K) || ser32(i))    (K = k*G, compressed)
//   hardened i':      I = HMAC-SHA512(c, 0x00 || ser256(k) || ser32(i + 2^31))
//                     k_i = IL + k mod n, c_i = IR
// A master or child whose IL is >= n, or whose key is 0, is invalid (kInvalidChild; the
// chance is below 2^-127 and no test vector reaches it); BIP-32 would skip to the next
// index, but a wallet that silently moved an account elsewhere would be worse.
//
// Secrets wipe themselves (secret.hpp). Thread safety: pure functions.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "wallet/secret.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

inline constexpr u32 kBip32Hardened = 0x80000000u;

struct Bip32Key {
  SecretArray<32> secret_key;  // big-endian scalar in [1, n - 1]
  SecretArray<32> chain_code;
};

// The master key of a 16..64-byte seed (BIP-32's bounds). Errors: kBadSeed, kInvalidChild.
WalletResult<Bip32Key> bip32_master(ByteView seed);
// Child `index` of `parent`; indices >= kBip32Hardened are hardened. Errors: kInvalidChild.
WalletResult<Bip32Key> bip32_child(const Bip32Key& parent, u32 index);

// "m/44'/60'/0'/0/0" to its indices: "m" then components of decimal digits below 2^31 (no
// sign, no leading zeros), each optionally marked hardened by ' or h. Errors: kBadPath.
WalletResult<std::vector<u32>> parse_bip32_path(std::string_view path);
// The key at `path` below the master key of `seed`. Errors: kBadPath, kBadSeed, kInvalidChild.
WalletResult<Bip32Key> bip32_derive(ByteView seed, std::string_view path);

// "m/44'/60'/0'/0/<index>", BIP-44's path of Ethereum's external account `index`.
std::string evm_path(u32 index);

struct EvmKey {
  SecretArray<32> secret_key;
  std::array<u8, 64> public_key{};  // uncompressed x || y (without the 0x04 prefix)
  std::array<u8, 20> address{};     // keccak256(public_key)[12..32]
};

// The EVM key of account `index` (< 2^31) of a BIP-39 seed. Errors: kBadPath (index),
// kBadSeed, kInvalidChild.
WalletResult<EvmKey> evm_key(ByteView seed, u32 index);

// "0x" and the EIP-55 mixed-case hex of an address (a letter is uppercase when the
// matching nibble of keccak256(lowercase hex) is >= 8).
std::string eip55_address(const std::array<u8, 20>& address);

}  // namespace dusk::wallet
