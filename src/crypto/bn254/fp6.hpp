// Fp6 = Fp2[v] / (v^3 - (9 + u)) for BN254. See ff/fp6.hpp.
#pragma once

#include "crypto/bn254/fp2.hpp"
#include "crypto/ff/fp6.hpp"

namespace dusk::crypto::bn254 {

// The tower of BN254 (as in EIP-197 implementations): xi = 9 + u is neither a square
// nor a cube in Fp2, and Fp12 = Fp6[w] / (w^2 - v).
struct TowerParams {
  using Fp = bn254::Fp;
  static constexpr u64 kXi = 9;
};

using Fp6 = ff::Fp6T<TowerParams>;

}  // namespace dusk::crypto::bn254

extern template class dusk::crypto::ff::Fp6T<dusk::crypto::bn254::TowerParams>;
