// Error codes of Groth16 decoding and verification (Error::code), one enum for the
// JSON reader (snarkjs files), the binary form and the verifier.
//
// A proof that decodes but does not satisfy the verification equation is not an error:
// verify() returns false. Errors are for inputs that are malformed or inconsistent.
#pragma once

namespace dusk::crypto::groth16 {

enum class Groth16Error : int {
  kBadJson = 1,            // not JSON, or a member is missing or has the wrong type/shape
  kWrongProtocol = 2,      // "protocol" is not "groth16"
  kWrongCurve = 3,         // "curve" names another curve than the engine's
  kBadNumber = 4,          // a number is not a canonical decimal string (digits only,
                           // no sign, no leading zero, at most 160 digits)
  kNotCanonical = 5,       // a coordinate is >= p
  kNotOnCurve = 6,         // a point does not satisfy the curve equation
  kNotInSubgroup = 7,      // a point is on the curve but not in the order-r subgroup
  kScalarOutOfRange = 8,   // a public input is >= r
  kCountMismatch = 9,      // nPublic, the number of IC points and the number of public
                           // inputs disagree
  kBadLength = 10,         // binary form: wrong size
  kBadEncoding = 11,       // binary form: bad flag bits or infinity encoding
  kTooManyInputs = 12,     // more public inputs than kMaxPublicInputs
};

// A bound on public inputs, so that a hostile key cannot make us allocate or compute
// without limit (snarkjs circuits have a few to a few hundred).
inline constexpr unsigned kMaxPublicInputs = 1u << 16;

}  // namespace dusk::crypto::groth16
