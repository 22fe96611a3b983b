// Fp12 = Fp6[w] / (w^2 - v) for BN254: the field of the pairing's target group GT.
// See ff/fp12.hpp; Miller loops use mul_by_034 (BN254 has a D-type twist).
#pragma once

#include "crypto/bn254/fp6.hpp"
#include "crypto/ff/fp12.hpp"

namespace dusk::crypto::bn254 {

using Fp12 = ff::Fp12T<TowerParams>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ff::Fp12T<dusk::crypto::bn254::TowerParams>;
