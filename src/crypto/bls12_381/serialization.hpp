// The ZCash encodings of G1 and G2 points (zkcrypto bls12_381, the IETF BLS signature
// draft, Ethereum's consensus layer).
//
// Coordinates are big-endian 48-byte Fp elements; an Fp2 element c0 + c1 u is c1 || c0.
// The three top bits of the first byte are flags:
//   0x80  compression: set in the compressed form (x only), clear in the uncompressed
//         form (x || y);
//   0x40  infinity: the identity; every other bit of the encoding must then be zero;
//   0x20  sort (compressed only): y is the lexicographically largest of y and -y (for
//         Fp, y > (p - 1) / 2; for Fp2, compare c1 first and c0 when c1 is zero).
// Sizes: G1 48 compressed, 96 uncompressed; G2 96 and 192.
//
// Decoding validates at the boundary, in this order: length, flags, infinity encoding,
// canonical coordinates (< p), curve membership, subgroup membership (the fast checks
// of g1.hpp / g2.hpp). Anything that passes is a point of G1 or G2; there is exactly one
// accepted encoding of each point in each form, so decode-then-encode is the identity.
// Decoding is variable time (its input is public).
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/encoding_error.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"

namespace dusk::crypto::bls12_381 {

// Error codes of point decoding (Error::code).

inline constexpr size_t kG1CompressedSize = 48;
inline constexpr size_t kG1UncompressedSize = 96;
inline constexpr size_t kG2CompressedSize = 96;
inline constexpr size_t kG2UncompressedSize = 192;

std::array<u8, kG1CompressedSize> g1_to_compressed(const G1Affine& p);
std::array<u8, kG1UncompressedSize> g1_to_uncompressed(const G1Affine& p);
std::array<u8, kG2CompressedSize> g2_to_compressed(const G2Affine& p);
std::array<u8, kG2UncompressedSize> g2_to_uncompressed(const G2Affine& p);

EncodingResult<G1Affine> g1_from_compressed(ByteView bytes);
EncodingResult<G1Affine> g1_from_uncompressed(ByteView bytes);
EncodingResult<G2Affine> g2_from_compressed(ByteView bytes);
EncodingResult<G2Affine> g2_from_uncompressed(ByteView bytes);

// Whether y is the lexicographically largest of y and -y (the sort flag).
bool lexicographically_largest(const Fp& y);
bool lexicographically_largest(const Fp2& y);

}  // namespace dusk::crypto::bls12_381
