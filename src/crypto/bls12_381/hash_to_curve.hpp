// Hashing to BLS12-381 (RFC 9380): expand_message_xmd with SHA-256 (section 5.3.1) and
// hash_to_field for Fp and Fp2 with L = 64 (section 5.2, 5.3).
//
// Constant time in the message and the DST contents; time depends only on their
// lengths and on the requested output length (all public).
#pragma once

#include <span>

#include "base/bytes.hpp"
#include "base/int.hpp"
#include "crypto/bls12_381/fp.hpp"
#include "crypto/bls12_381/fp2.hpp"

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

}  // namespace dusk::crypto::bls12_381
