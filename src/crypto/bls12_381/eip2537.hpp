// The EIP-2537 encoding of BLS12-381 values (Ethereum's BLS precompiles, Prague).
//
// An Fp element is 64 bytes big-endian whose top 16 bytes must be zero; an Fp2 element
// c0 + c1 u is c0 || c1 (128 bytes, the opposite order of the ZCash form); a G1 point is
// x || y (128 bytes), a G2 point x || y (256 bytes); the point at infinity is all zeros.
// A scalar is 32 bytes big-endian and may be any 256-bit integer (not reduced).
//
// Decoding checks, in this order: the top bytes of each coordinate, each coordinate
// < p, the curve equation, and (when asked: MSM and pairing inputs need it, additions
// do not) subgroup membership; the first failure is reported (EncodingError, kBadPadding for nonzero top bytes).
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/encoding_error.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"

namespace dusk::crypto::bls12_381 {


inline constexpr size_t kEip2537FpSize = 64;
inline constexpr size_t kEip2537Fp2Size = 128;
inline constexpr size_t kEip2537G1Size = 128;
inline constexpr size_t kEip2537G2Size = 256;
inline constexpr size_t kEip2537ScalarSize = 32;

// Preconditions: the views have exactly the sizes above.
EncodingResult<Fp> eip2537_decode_fp(ByteView bytes);
EncodingResult<Fp2> eip2537_decode_fp2(ByteView bytes);
EncodingResult<G1Affine> eip2537_decode_g1(ByteView bytes, bool check_subgroup);
EncodingResult<G2Affine> eip2537_decode_g2(ByteView bytes, bool check_subgroup);
// The scalar reduced mod r ([k]P = [k mod r]P for P in the subgroup).
Fr eip2537_decode_scalar(ByteView bytes);

std::array<u8, kEip2537G1Size> eip2537_encode_g1(const G1Affine& p);
std::array<u8, kEip2537G2Size> eip2537_encode_g2(const G2Affine& p);

}  // namespace dusk::crypto::bls12_381
