// One vocabulary for decoding field elements and curve points, shared by every curve
// (BLS12-381 in the ZCash and EIP-2537 forms, BN254 in the EIP-196/197 form) and the
// readers built on them (KZG, the proof readers), which keep these numbers in their
// own codes (kFailureWidens), so that a bad point is the same failure wherever it is read.
#pragma once

#include "base/int.hpp"
#include "base/result.hpp"

namespace dusk::crypto {

enum class EncodingError : u8 {
  kBadLength = 1,       // not the size of the form being decoded
  kBadFlags = 2,        // ZCash form: compression flag wrong for the form, or the sort
                        // flag set in the uncompressed form
  kBadInfinity = 3,     // infinity flag set with any other bit (sort flag, coordinates)
  kNotCanonical = 4,    // a field element or coordinate encodes an integer >= the modulus
  kNotOnCurve = 5,      // compressed: x^3 + b has no square root; otherwise (x, y) does
                        // not satisfy the curve equation
  kNotInSubgroup = 6,   // on the curve but not in the order-r subgroup
  kBadPadding = 7,      // EIP-2537: a 64-byte field element with a non-zero byte in its
                        // top 16
};
// Codes that widen EncodingError list its values first, under the same numbers, with
// DUSK_ENCODING_ERROR_VALUES, and number their own from kEncodingErrorEnd; then, at
// global scope, DUSK_WIDENS_ENCODING_ERROR(their enum) lets every EncodingFailure pass
// into their Results unchanged.
inline constexpr u8 kEncodingErrorEnd = 16;
#define DUSK_ENCODING_ERROR_VALUES                                                      \
  kBadLength = 1, kBadFlags = 2, kBadInfinity = 3, kNotCanonical = 4, kNotOnCurve = 5, \
  kNotInSubgroup = 6, kBadPadding = 7
#define DUSK_WIDENS_ENCODING_ERROR(Code)                                                          \
  static_assert(static_cast<int>(Code::kBadPadding) == 7 && static_cast<int>(Code::kBadLength) == 1); \
  template <>                                                                                     \
  inline constexpr bool dusk::kFailureWidens<dusk::crypto::EncodingError, Code> = true;

using EncodingFailure = Failure<EncodingError>;
template <typename T>
using EncodingResult = Result<T, EncodingFailure>;

inline const char* encoding_error_name(EncodingError e) {
  switch (e) {
    case EncodingError::kBadLength: return "bad length";
    case EncodingError::kBadFlags: return "bad flags";
    case EncodingError::kBadInfinity: return "bad infinity encoding";
    case EncodingError::kNotCanonical: return "not canonical";
    case EncodingError::kNotOnCurve: return "not on the curve";
    case EncodingError::kNotInSubgroup: return "not in the subgroup";
    case EncodingError::kBadPadding: return "bad padding";
  }
  return "unknown encoding error";
}

}  // namespace dusk::crypto
