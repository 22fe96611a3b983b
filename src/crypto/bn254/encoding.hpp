// The EIP-196/197 encodings of BN254 points (Ethereum's alt_bn128 precompiles).
//
//   G1: 64 bytes, x || y, each a 32-byte big-endian integer.
//   G2: 128 bytes, x || y with each Fp2 coordinate c0 + c1 u written imaginary part
//       first: x.c1 || x.c0 || y.c1 || y.c0.
// All-zero coordinates, (0, 0), encode the point at infinity. Decoding rejects a
// coordinate >= p (kNotCanonical), a point off the curve (kNotOnCurve) and, for G2, a
// point outside the order-r subgroup (kNotInSubgroup, by g2_in_subgroup); G1 has
// cofactor 1, so every curve point is in G1. A wrong length is kBadLength (the
// precompiles pad or reject before decoding). Decoding is variable time: these points
// are public.
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/encoding_error.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/bn254/g2.hpp"

namespace dusk::crypto::bn254 {

// Error codes of point decoding (Error::code).

inline constexpr size_t kG1Bytes = 64;
inline constexpr size_t kG2Bytes = 128;

EncodingResult<G1Affine> decode_g1(ByteView bytes);
EncodingResult<G2Affine> decode_g2(ByteView bytes);
std::array<u8, kG1Bytes> encode_g1(const G1Affine& p);
std::array<u8, kG2Bytes> encode_g2(const G2Affine& q);

}  // namespace dusk::crypto::bn254
