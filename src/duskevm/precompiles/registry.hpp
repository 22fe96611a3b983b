// Which precompiled contract lives at which address under which fork.
//
//   0x01 ecrecover   0x02 sha256   0x03 ripemd160   0x04 identity   0x05 modexp
//   0x06 bn254 add   0x07 bn254 mul   0x08 bn254 pairing   0x09 blake2f
//   0x0a point evaluation (EIP-4844)   0x0b..0x11 BLS12-381 (EIP-2537, Prague only)
//   0x100 P256VERIFY (EIP-7951), only when asked for (BlockEnv::p256verify)
//
// Every address of Cancun (0x01-0x0a) and Prague (0x01-0x11) has its implementation.
// PrecompileError::kNotImplemented remains the failure a precompile of a future fork
// would return while unwritten; the EVM reports it and the state-test runner fails the
// case naming the precompile, rather than passing it off as an ordinary failure.
#pragma once

#include <vector>

#include "base/address.hpp"
#include "duskevm/fork.hpp"
#include "duskevm/precompiles/precompile.hpp"

namespace dusk::evm {

// 0x00..0100, P256VERIFY's address.
inline constexpr Address kP256VerifyAddress = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};

// The precompile at `a` under `fork`, or null; with `p256verify`, P256VERIFY at 0x100.
const Precompile* find_precompile(const Address& a, Fork fork, bool p256verify = false);
// The highest precompile address of a fork (0x0a for Cancun, 0x11 for Prague).
u8 last_precompile(Fork fork);
// Every address find_precompile maps under these rules, in order (EIP-2929 warms them
// all at a transaction's start).
std::vector<Address> precompile_addresses(Fork fork, bool p256verify);

// One declaration per implemented precompile (each defined in its own file).
extern const Precompile kEcrecover;
extern const Precompile kSha256;
extern const Precompile kRipemd160;
extern const Precompile kIdentity;
extern const Precompile kModexp;
extern const Precompile kBlake2f;
// EIP-2537 (bls12_381.cpp).
extern const Precompile kBlsG1Add;
extern const Precompile kBlsG1Msm;
extern const Precompile kBlsG2Add;
extern const Precompile kBlsG2Msm;
extern const Precompile kBlsPairing;
extern const Precompile kBlsMapFpToG1;
extern const Precompile kBlsMapFp2ToG2;
// 0x100 (EIP-7951, Osaka's on Ethereum; see kP256VerifyAddress).
extern const Precompile kP256Verify;
extern const Precompile kPointEvaluation;  // point_evaluation.hpp
extern const Precompile kBn254Add;         // bn254.hpp (EIP-196/197)
extern const Precompile kBn254Mul;
extern const Precompile kBn254Pairing;

}  // namespace dusk::evm
