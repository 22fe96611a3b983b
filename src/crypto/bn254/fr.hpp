// The scalar field Fr of BN254: the 254-bit group order r, four 64-bit limbs.
//
// r = 36t^4 + 36t^3 + 18t^2 + 6t + 1 with t = 4965661367192848881; r - 1 = 2^28 * T.
// This is the field of circom/snarkjs circuits over bn128.
#pragma once

#include "crypto/ff/field.hpp"

namespace dusk::crypto::bn254 {

struct FrParams {
  static constexpr auto kModulus =
      ff::from_hex<4>("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001");
};
using Fr = ff::Field<FrParams>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ff::Field<dusk::crypto::bn254::FrParams>;
