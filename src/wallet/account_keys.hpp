// The two keys of one account of a `dusk` wallet, both from one BIP-39 phrase:
//   DuskDS: BLS12-381 min-sig key at EIP-2334 path m/12381/3600/<index>/0/0 (eip2333.hpp),
//           the public key as DuskDS names accounts and provisioners (96 bytes, G2 compressed)
//   EVM:    secp256k1 key at BIP-44 path m/44'/60'/0'/0/<index> (bip32.hpp), the address
//           MetaMask and ethers show for the same phrase and passphrase.
// Both start from the same BIP-39 seed (phrase + optional passphrase). Secrets wipe
// themselves; the public halves are plain values.
#pragma once

#include <array>
#include <string_view>

#include "base/int.hpp"
#include "crypto/bls/variant.hpp"
#include "wallet/bip39.hpp"
#include "wallet/secret.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

struct AccountKeys {
  u32 index = 0;
  SecretArray<32> bls_secret_key;  // big-endian scalar (crypto::bls::SecretKey::from_bytes)
  std::array<u8, crypto::bls::MinSig::kPublicKeySize> bls_public_key{};  // DuskDS account key
  SecretArray<32> evm_secret_key;  // big-endian scalar
  std::array<u8, 20> evm_address{};
};

// The keys of account `index` (< 2^31). Errors: kNonAscii (passphrase), kBadPath (index).
WalletResult<AccountKeys> derive(const Mnemonic& mnemonic, std::string_view passphrase, u32 index);
// The same from a seed already computed (Mnemonic::seed), for several accounts of one seed.
WalletResult<AccountKeys> derive(const Bip39Seed& seed, u32 index);

}  // namespace dusk::wallet
