// The BN254 (alt_bn128) precompiles of Ethereum, at their Istanbul prices (EIP-1108):
//
//   kBn254Add      (0x06, EIP-196): P + Q.  Input x1 y1 x2 y2 (4 x 32 bytes); 150 gas.
//   kBn254Mul      (0x07, EIP-196): [k]P.   Input x y k (3 x 32 bytes), k any 256-bit
//                                           big-endian integer; 6000 gas.
//   kBn254Pairing  (0x08, EIP-197): whether prod e(P_i, Q_i) = 1. Input k pairs of a G1
//                  point (64 bytes) and a G2 point (128 bytes, imaginary parts first);
//                  output a 32-byte 1 or 0; 45000 + 34000 k gas.
//
// Add and mul read their input as if zero-padded to 128 and 96 bytes (shorter input is
// padded, bytes beyond are ignored); the pairing input length must be a multiple of
// 192 (empty input: the empty product, 1). Points use the encodings of
// crypto/bn254/encoding.hpp: a coordinate >= p, a point off its curve or a G2 point
// outside the subgroup fails the call. The scalar of mul is public (variable-time
// multiplication).
#pragma once

#include "duskevm/precompiles/precompile.hpp"

namespace dusk::evm {

extern const Precompile kBn254Add;
extern const Precompile kBn254Mul;
extern const Precompile kBn254Pairing;

}  // namespace dusk::evm
