// The key of a Moonlight account and of a provisioner: a BLS public key of the min-sig
// variant (DuskDS's: keys in G2, signatures in G1), held as its 96-byte compressed
// encoding. Ledger maps are ordered by these bytes. Bytes become a key only after strict
// decoding (transaction_codec.hpp, Ledger::create), so every stored key is a valid point
// of the G2 subgroup other than the identity.
#pragma once

#include <array>

#include "base/int.hpp"
#include "crypto/bls/scheme.hpp"

namespace dusk::ds {

using AccountKey = std::array<u8, crypto::bls::MinSig::kPublicKeySize>;
using TxSignature = std::array<u8, crypto::bls::MinSig::kSignatureSize>;
static_assert(sizeof(AccountKey) == 96 && sizeof(TxSignature) == 48);

}  // namespace dusk::ds
