// The base field Fp of BN254 (alt_bn128, the curve of Ethereum's EIP-196/197
// precompiles): 254-bit p, four 64-bit limbs.
//
// p = 36t^4 + 36t^3 + 24t^2 + 6t + 1 with t = 4965661367192848881; p = 3 mod 4.
#pragma once

#include "crypto/ff/field.hpp"

namespace dusk::crypto::bn254 {

struct FpParams {
  static constexpr auto kModulus =
      ff::from_hex<4>("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47");
};
using Fp = ff::Field<FpParams>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ff::Field<dusk::crypto::bn254::FpParams>;
