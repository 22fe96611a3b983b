// Fp2 = Fp[u] / (u^2 + 1) over the BN254 base field: the field of G2's coordinates.
// See ff/fp2.hpp for the operations. EIP-197 encodes an element imaginary part first
// (c1, then c0); see encoding.hpp.
#pragma once

#include "crypto/bn254/fp.hpp"
#include "crypto/ff/fp2.hpp"

namespace dusk::crypto::bn254 {

using Fp2 = ff::Fp2T<Fp>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ff::Fp2T<dusk::crypto::bn254::Fp>;
