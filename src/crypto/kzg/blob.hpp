// EIP-4844 blobs: 4096 elements of the BLS12-381 scalar field Fr, each encoded as 32
// big-endian bytes, read as a polynomial in evaluation form over the 4096-th roots of
// unity in bit-reversed order (consensus-specs deneb/polynomial-commitments.md).
//
// A Blob is validated when it is made: exactly kBytesPerBlob bytes, and every 32-byte
// element below r (bytes_to_bls_field of the spec; no reduction, one encoding per
// value). It keeps the bytes (the Fiat-Shamir transcript hashes them) beside the decoded
// field elements.
#pragma once

#include <array>
#include <vector>

#include "base/bytes.hpp"
#include "base/result.hpp"
#include "crypto/encoding_error.hpp"
#include "crypto/bls12_381/fr.hpp"

namespace dusk::crypto::kzg {

using bls12_381::Fr;

inline constexpr size_t kFieldElementsPerBlob = 4096;
inline constexpr size_t kBytesPerFieldElement = 32;
inline constexpr size_t kBytesPerBlob = kFieldElementsPerBlob * kBytesPerFieldElement;
inline constexpr size_t kBytesPerCommitment = 48;
inline constexpr size_t kBytesPerProof = 48;

// The KZG module's failures: the shared encoding codes (crypto/encoding_error.hpp) for
// field elements, and its own.
enum class KzgError : u8 {
  DUSK_ENCODING_ERROR_VALUES,  // kBadLength also: batch inputs of different counts
  kBadPoint = kEncodingErrorEnd,  // a commitment or proof that is not a valid G1 point
                                  // (ZCash compressed form, on the curve, in the subgroup)
  kBadTrustedSetup,               // the trusted setup file is missing, malformed or inconsistent
};
using KzgFailure = Failure<KzgError>;
template <typename T>
using KzgResult = Result<T, KzgFailure>;

using Bytes32 = std::array<u8, 32>;
using Bytes48 = std::array<u8, 48>;
using KzgCommitment = Bytes48;
using KzgProof = Bytes48;

// bytes_to_bls_field: 32 big-endian bytes, rejected when >= r (KzgError::kNotCanonical)
// or of another length (KzgError::kBadLength). `what` names the value in the message.
KzgResult<Fr> bytes_to_bls_field(ByteView bytes, const char* what = "field element");
// bls_field_to_bytes: 32 big-endian bytes.
Bytes32 bls_field_to_bytes(const Fr& x);

class Blob {
 public:
  // Validates length and every element (the message names the first bad element's index).
  static KzgResult<Blob> from_bytes(ByteView bytes);
  // The blob whose elements are these; there must be exactly kFieldElementsPerBlob.
  static KzgResult<Blob> from_polynomial(std::vector<Fr> polynomial);

  ByteView bytes() const { return bytes_; }
  // The elements, in blob order (the bit-reversed evaluation domain).
  const std::vector<Fr>& polynomial() const { return polynomial_; }

 private:
  Blob() = default;
  Bytes bytes_;
  std::vector<Fr> polynomial_;
};

}  // namespace dusk::crypto::kzg

DUSK_WIDENS_ENCODING_ERROR(dusk::crypto::kzg::KzgError)
