// Fp12 = Fp6[w] / (w^2 - v) for BLS12-381: the field of the pairing's target group GT.
// See ff/fp12.hpp; Miller loops use mul_by_014 (BLS12-381 has an M-type twist).
#pragma once

#include "crypto/bls12_381/fp6.hpp"
#include "crypto/ff/fp12.hpp"

namespace dusk::crypto::bls12_381 {

using Fp12 = ff::Fp12T<TowerParams>;

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ff::Fp12T<dusk::crypto::bls12_381::TowerParams>;
