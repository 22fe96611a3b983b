// The scalar field Fr of BLS12-381: the 255-bit prime order r of G1, G2 and GT, four
// 64-bit limbs.
//
// r = x^4 - x^2 + 1 with x = -0xd201000000010000. r - 1 = 2^32 * T with T odd, which
// gives the 2^32-th roots of unity that FFTs (KZG) use, and means square roots need
// Tonelli-Shanks. Elements encode to 32 bytes.
#pragma once

#include "crypto/ff/field.hpp"

namespace dusk::crypto::bls12_381 {

struct FrParams {
  static constexpr auto kModulus =
      ff::from_hex<4>("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
};
using Fr = ff::Field<FrParams>;

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ff::Field<dusk::crypto::bls12_381::FrParams>;
