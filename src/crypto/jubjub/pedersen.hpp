// Pedersen commitments on Jubjub: commit(v, b) = v * G + b * G' with Dusk's two
// generators (generator(), generator_nums()). Hiding (b uniform hides v) and binding
// (opening one commitment two ways yields log_G(G'), which nobody knows); additively
// homomorphic: commit(v1, b1) + commit(v2, b2) = commit(v1 + v2, b1 + b2), which is
// how Phoenix balances inputs against outputs, fee and deposit. Constant time in v and b.
//
//   jubjub::Point c = jubjub::pedersen_commit(Scalar::from_u64(value), blinder);
#pragma once

#include "crypto/jubjub/jubjub.hpp"

namespace dusk::crypto::jubjub {

inline Point pedersen_commit(const Scalar& value, const Scalar& blinder) {
  return generator() * value + generator_nums() * blinder;
}

}  // namespace dusk::crypto::jubjub
