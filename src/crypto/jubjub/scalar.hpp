// The scalar field of Jubjub's prime-order subgroup: integers modulo
// r_J = 0x0e7db4ea6533afa906673b0101343b00a6682093ccc81082d0970e5ed6f72cb7 (252 bits), four
// 64-bit limbs. Secret keys, nonces, Pedersen blinders and Schnorr responses live here.
// Elements encode to 32 little-endian bytes (to_bytes_le; from_bytes_le rejects values
// >= r_J).
#pragma once

#include "crypto/ff/field.hpp"

namespace dusk::crypto::jubjub {

struct ScalarParams {
  static constexpr auto kModulus =
      ff::from_hex<4>("0e7db4ea6533afa906673b0101343b00a6682093ccc81082d0970e5ed6f72cb7");
};
using Scalar = ff::Field<ScalarParams>;

}  // namespace dusk::crypto::jubjub

extern template class dusk::crypto::ff::Field<dusk::crypto::jubjub::ScalarParams>;
