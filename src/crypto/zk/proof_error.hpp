// Error codes of the zero-knowledge proof verifiers (Error::code): one enum for
// Groth16 (crypto/groth16) and PLONK (crypto/plonk), their snarkjs JSON readers
// (snarkjs_values.hpp) and Groth16's binary form, so that a caller handles a bad key or
// proof the same way whichever proof system it uses.
//
// A proof that decodes but does not satisfy the verification equation is not an error:
// verify() returns false. Errors are for inputs that are malformed or inconsistent.
#pragma once

#include <cstddef>

namespace dusk::crypto::zk {

enum class ProofError : int {
  kBadJson = 1,            // not JSON, or a member is missing or has the wrong type/shape
  kWrongProtocol = 2,      // "protocol" is not the verifier's ("groth16", "plonk")
  kWrongCurve = 3,         // "curve" names another curve than the verifier's
  kBadNumber = 4,          // a number is not a canonical decimal string (digits only,
                           // no sign, no leading zero, at most 160 digits)
  kNotCanonical = 5,       // a coordinate is >= p
  kNotOnCurve = 6,         // a point does not satisfy the curve equation
  kNotInSubgroup = 7,      // a point is on the curve but not in the order-r subgroup
  kScalarOutOfRange = 8,   // a public input, evaluation or key scalar is >= r
  kCountMismatch = 9,      // nPublic, the number of IC points and the number of public
                           // inputs disagree
  kBadLength = 10,         // binary form: wrong size
  kBadEncoding = 11,       // binary form: bad flag bits or infinity encoding
  kTooManyInputs = 12,     // more public inputs than kMaxPublicInputs
  kBadDomain = 13,         // PLONK: the evaluation domain (power, w) is impossible or
                           // inconsistent, or has fewer points than public inputs
};

// A bound on public inputs, so that a hostile key cannot make us allocate or compute
// without limit (snarkjs circuits have a few to a few hundred).
inline constexpr unsigned kMaxPublicInputs = 1u << 16;

// A bound on the size of a JSON document (key, proof, public inputs) before parsing.
inline constexpr std::size_t kMaxJsonSize = 64u << 20;

}  // namespace dusk::crypto::zk
