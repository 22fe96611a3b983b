// The base field Fp of BLS12-381: 381-bit p, six 64-bit limbs.
//
// p = (x - 1)^2 (x^4 - x^2 + 1) / 3 + x with the curve parameter x = -0xd201000000010000;
// p = 3 mod 4, so square roots are one exponentiation. Elements encode to 48 bytes.
// See ff/field.hpp for the operations and their constant-time contract.
#pragma once

#include "crypto/ff/field.hpp"

namespace dusk::crypto::bls12_381 {

struct FpParams {
  static constexpr auto kModulus = ff::from_hex<6>(
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf"
      "6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab");
};
using Fp = ff::Field<FpParams>;

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ff::Field<dusk::crypto::bls12_381::FpParams>;
