// Fp6 = Fp2[v] / (v^3 - (u + 1)) for BLS12-381. See ff/fp6.hpp.
#pragma once

#include "crypto/bls12_381/fp2.hpp"
#include "crypto/ff/fp6.hpp"

namespace dusk::crypto::bls12_381 {

// The tower of BLS12-381: xi = u + 1 is neither a square nor a cube in Fp2, and
// Fp12 = Fp6[w] / (w^2 - v).
struct TowerParams {
  using Fp = bls12_381::Fp;
  static constexpr u64 kXi = 1;
};

using Fp6 = ff::Fp6T<TowerParams>;

}  // namespace dusk::crypto::bls12_381

extern template class dusk::crypto::ff::Fp6T<dusk::crypto::bls12_381::TowerParams>;
