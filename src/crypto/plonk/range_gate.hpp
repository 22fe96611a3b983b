// The range gate's digit check, shared by the composer (its witness check), the prover
// (the quotient) and the verifier (the linearisation): D(y) = y (y - 1) (y - 2) (y - 3),
// zero exactly when y is a base-4 digit 0..3. See composer.hpp for the gate.
#pragma once

#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::plonk {

inline bls12_381::Fr range_digit_check(const bls12_381::Fr& y) {
  using bls12_381::Fr;
  return y * (y - Fr::one()) * (y - Fr::from_u64(2)) * (y - Fr::from_u64(3));
}

}  // namespace dusk::crypto::plonk
