// Fp2 = Fp[u] / (u^2 + 1) over the BLS12-381 base field: the field of G2's coordinates.
// See ff/fp2.hpp for the operations.
#pragma once

#include "crypto/bls12_381/fp.hpp"
#include "crypto/ff/fp2.hpp"

namespace dusk::crypto::bls12_381 {

using Fp2 = ff::Fp2T<Fp>;

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ff::Fp2T<dusk::crypto::bls12_381::Fp>;
