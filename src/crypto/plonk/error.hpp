// The failures of our PLONK (everything in crypto/plonk but the snarkjs verifier): the
// shared encoding codes for points and field elements (crypto/encoding_error.hpp, under
// the same numbers), then PLONK's own.
//
// A proof that decodes but does not satisfy the verification equations is not a
// failure: verify() returns false. Failures are for malformed or inconsistent inputs and
// for a prover asked to prove something false.
#pragma once

#include "base/result.hpp"
#include "crypto/encoding_error.hpp"

namespace dusk::crypto::plonk {

enum class PlonkError : u8 {
  DUSK_ENCODING_ERROR_VALUES,  // a point or scalar of an SRS, key or proof; kBadLength
                               // also: a proof or key of the wrong size
  kBadSrs = kEncodingErrorEnd,  // SRS file: bad magic, version, count or length, or powers
                                // that are not [x^i]_1 of one x matching [x]_2
  kSrsTooSmall,       // the circuit needs more powers than the SRS holds
  kCircuitTooLarge,   // the circuit's domain would exceed the field's 2-adicity or
                      // kMaxCircuitLog
  kUnsatisfied,       // the prover's witness violates a gate or a copy constraint
  kShapeMismatch,     // the circuit built for proving differs from the keyed one
  kInputCountMismatch,  // a verifier given another number of public inputs than the key's
  kBadKey,            // a serialized key that is malformed or inconsistent
  kRandomnessUnavailable,  // the operating system gave no randomness for blinding
};
using PlonkFailure = Failure<PlonkError>;
template <typename T>
using PlonkResult = Result<T, PlonkFailure>;

}  // namespace dusk::crypto::plonk

DUSK_WIDENS_ENCODING_ERROR(dusk::crypto::plonk::PlonkError)
