// Hashing to BLS12-381 (RFC 9380): expand_message_xmd with SHA-256 (section 5.3.1),
// hash_to_field for Fp and Fp2 with L = 64 (section 5.2, 5.3), and the suites
// BLS12381G1_XMD:SHA-256_SSWU_RO_/_NU_ and BLS12381G2_XMD:SHA-256_SSWU_RO_/_NU_
// (section 8.8): simplified SWU on an isogenous curve, the isogeny to E, cofactor
// clearing.
//
// Constant time in the message, the DST contents and the field elements: SSWU uses
// inv0, the constant-time Legendre/norm test and square root, and selects; time depends
// only on the lengths (public). Thread safety: pure functions, no shared state.
#pragma once

#include <span>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fp2.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"

namespace dusk::crypto::bls12_381 {

// L of RFC 9380 for BLS12-381: ceil((ceil(log2 p) + k) / 8) = ceil((381 + 128) / 8).
inline constexpr size_t kHashToFieldL = 64;

// expand_message_xmd(msg, DST, len_in_bytes = out.size()) with SHA-256. A DST longer
// than 255 bytes is replaced by SHA-256("H2C-OVERSIZE-DST-" || DST) (section 5.3.3).
// Returns false, leaving `out` unspecified, when the RFC aborts: out.size() is 0, above
// 65535, or needs more than 255 hash blocks (> 8160 bytes).
[[nodiscard]] bool expand_message_xmd(std::span<u8> out, ByteView msg, ByteView dst);

// hash_to_field(msg, count = out.size()) for Fp (m = 1) and Fp2 (m = 2): each element
// from 64 uniform bytes reduced mod p. Precondition: out.size() <= 2 (what hash_to_curve
// needs; larger counts are rejected by returning false).
[[nodiscard]] bool hash_to_field(std::span<Fp> out, ByteView msg, ByteView dst);
[[nodiscard]] bool hash_to_field(std::span<Fp2> out, ByteView msg, ByteView dst);

// map_to_curve of the suites: simplified SWU to E1' (Z = 11) then the 11-isogeny to
// E1, or SSWU to E2' (Z = -(2 + u)) then the 3-isogeny to E2. The result is on the
// curve but not yet in the subgroup (no cofactor clearing). An isogeny pole gives the
// identity (RFC 9380, section 6.6.3).
G1 map_to_g1(const Fp& u);
G2 map_to_g2(const Fp2& u);

// hash_to_curve (random oracle, "_RO_"): clear_cofactor(map(u0) + map(u1)) with
// (u0, u1) = hash_to_field(msg, 2). Any DST length is accepted (long ones are hashed).
G1 hash_to_g1(ByteView msg, ByteView dst);
G2 hash_to_g2(ByteView msg, ByteView dst);
// encode_to_curve (non-uniform, "_NU_"): clear_cofactor(map(u0)), u0 = hash_to_field(msg, 1).
G1 encode_to_g1(ByteView msg, ByteView dst);
G2 encode_to_g2(ByteView msg, ByteView dst);

}  // namespace dusk::crypto::bls12_381
