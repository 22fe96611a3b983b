#include "crypto/kzg/blob.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace dusk::crypto::kzg {

KzgResult<Fr> bytes_to_bls_field(ByteView bytes, const char* what) {
  if (bytes.size() != kBytesPerFieldElement) {
    return KzgFailure(KzgError::kBadLength, std::string(what) + ": expected 32 bytes, got " + std::to_string(bytes.size()));
  }
  auto f = Fr::from_bytes_be(bytes);
  if (!f) {
    return KzgFailure(KzgError::kNotCanonical, std::string(what) + ": not a canonical field element (>= BLS_MODULUS)");
  }
  return *f;
}

Bytes32 bls_field_to_bytes(const Fr& x) { return x.to_bytes_be(); }

KzgResult<Blob> Blob::from_bytes(ByteView bytes) {
  if (bytes.size() != kBytesPerBlob) {
    return KzgFailure(KzgError::kBadLength, "blob: expected " + std::to_string(kBytesPerBlob) + " bytes, got " +
                     std::to_string(bytes.size()));
  }
  Blob b;
  b.bytes_.assign(bytes.begin(), bytes.end());
  b.polynomial_.resize(kFieldElementsPerBlob);
  for (size_t i = 0; i < kFieldElementsPerBlob; ++i) {
    auto f = Fr::from_bytes_be(bytes.subspan(i * kBytesPerFieldElement, kBytesPerFieldElement));
    if (!f) {
      return KzgFailure(KzgError::kNotCanonical, "blob: element " + std::to_string(i) +
                       " is not a canonical field element (>= BLS_MODULUS)");
    }
    b.polynomial_[i] = *f;
  }
  return b;
}

KzgResult<Blob> Blob::from_polynomial(std::vector<Fr> polynomial) {
  if (polynomial.size() != kFieldElementsPerBlob) {
    return KzgFailure(KzgError::kBadLength, "blob: expected " + std::to_string(kFieldElementsPerBlob) + " elements, got " +
                     std::to_string(polynomial.size()));
  }
  Blob b;
  b.bytes_.resize(kBytesPerBlob);
  for (size_t i = 0; i < kFieldElementsPerBlob; ++i) {
    Bytes32 e = polynomial[i].to_bytes_be();
    std::copy(e.begin(), e.end(), b.bytes_.begin() + i * kBytesPerFieldElement);
  }
  b.polynomial_ = std::move(polynomial);
  return b;
}

}  // namespace dusk::crypto::kzg
