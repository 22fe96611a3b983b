#include "crypto/kzg/blob.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace dusk::crypto::kzg {

Result<Fr> bytes_to_bls_field(ByteView bytes, const char* what) {
  if (bytes.size() != kBytesPerFieldElement) {
    return Error(std::string(what) + ": expected 32 bytes, got " + std::to_string(bytes.size()),
                 static_cast<int>(KzgError::kBadLength));
  }
  auto f = Fr::from_bytes_be(bytes);
  if (!f) {
    return Error(std::string(what) + ": not a canonical field element (>= BLS_MODULUS)",
                 static_cast<int>(KzgError::kNotCanonical));
  }
  return *f;
}

Bytes32 bls_field_to_bytes(const Fr& x) { return x.to_bytes_be(); }

Result<Blob> Blob::from_bytes(ByteView bytes) {
  if (bytes.size() != kBytesPerBlob) {
    return Error("blob: expected " + std::to_string(kBytesPerBlob) + " bytes, got " +
                     std::to_string(bytes.size()),
                 static_cast<int>(KzgError::kBadLength));
  }
  Blob b;
  b.bytes_.assign(bytes.begin(), bytes.end());
  b.polynomial_.resize(kFieldElementsPerBlob);
  for (size_t i = 0; i < kFieldElementsPerBlob; ++i) {
    auto f = Fr::from_bytes_be(bytes.subspan(i * kBytesPerFieldElement, kBytesPerFieldElement));
    if (!f) {
      return Error("blob: element " + std::to_string(i) +
                       " is not a canonical field element (>= BLS_MODULUS)",
                   static_cast<int>(KzgError::kNotCanonical));
    }
    b.polynomial_[i] = *f;
  }
  return b;
}

Result<Blob> Blob::from_polynomial(std::vector<Fr> polynomial) {
  if (polynomial.size() != kFieldElementsPerBlob) {
    return Error("blob: expected " + std::to_string(kFieldElementsPerBlob) + " elements, got " +
                     std::to_string(polynomial.size()),
                 static_cast<int>(KzgError::kBadLength));
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
