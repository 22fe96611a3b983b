// BLS12-381 key derivation of EIP-2333 and the paths of EIP-2334: how the DuskDS key
// (min-sig: public key in G2, crypto/bls/variant.hpp) comes from a BIP-39 seed.
//
//   HKDF_mod_r(IKM)            = KeyGen of draft-irtf-cfrg-bls-signature-05 with an empty
//                                key_info (the salt hashed again until SK != 0):
//                                crypto::bls::SecretKey::key_gen
//   derive_master_SK(seed)     = HKDF_mod_r(seed), seed of 32 bytes at least
//   IKM_to_lamport_SK(IKM, s)  = HKDF-Expand(HKDF-Extract(s, IKM), "", 255 * 32) in 32-byte chunks
//   parent_SK_to_lamport_PK(SK, i):
//       IKM = I2OSP(SK, 32); salt = I2OSP(i, 4)
//       L0 = IKM_to_lamport_SK(IKM, salt); L1 = IKM_to_lamport_SK(NOT IKM, salt)
//       return SHA-256(SHA-256(L0[0]) || ... || SHA-256(L0[254]) || SHA-256(L1[0]) || ...)
//   derive_child_SK(SK, i)     = HKDF_mod_r(parent_SK_to_lamport_PK(SK, i))
//
// EIP-2334 paths are "m/<purpose>/<coin_type>/<account>/<use>..." with no hardened marks
// (every EIP-2333 child is hardened in BIP-32's sense: it needs the parent's secret).
// The DuskDS key of account i is at m/12381/3600/i/0/0: EIP-2334's signing-key path with
// coin type 3600 (the one Ethereum's validators use), chosen so that tools which derive
// Ethereum validator keys from a phrase compute the same BLS key for it.
//
// Secrets: the Lamport intermediate keys are wiped; SecretKey wipes itself.
// Thread safety: pure functions.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/bls/secret_key.hpp"
#include "wallet/wallet_error.hpp"

namespace dusk::wallet {

// derive_master_SK. Errors: kBadSeed (shorter than 32 bytes).
WalletResult<crypto::bls::SecretKey> eip2333_master(ByteView seed);
// derive_child_SK (any index 0..2^32-1).
crypto::bls::SecretKey eip2333_child(const crypto::bls::SecretKey& parent, u32 index);
// parent_SK_to_lamport_PK, exposed for tests: the 32-byte compressed Lamport public key.
std::array<u8, 32> eip2333_lamport_public_key(const crypto::bls::SecretKey& parent, u32 index);

// "m/12381/3600/0/0/0" to its indices: "m" then decimal components below 2^32 (no
// sign, no leading zeros, no hardened marks). Errors: kBadPath.
WalletResult<std::vector<u32>> parse_eip2334_path(std::string_view path);
// The key at `path` below the master key of `seed`. Errors: kBadPath, kBadSeed.
WalletResult<crypto::bls::SecretKey> eip2333_derive(ByteView seed, std::string_view path);

// "m/12381/3600/<index>/0/0", the DuskDS key of account `index`.
std::string duskds_path(u32 index);

}  // namespace dusk::wallet
