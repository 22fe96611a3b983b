// snarkjs's Fiat-Shamir transcript for PLONK (Keccak256Transcript): elements are
// appended, then a challenge is Keccak-256 of their concatenation read as a big-endian
// integer and reduced mod r. A G1 point is 64 bytes, x then y big-endian (the identity
// all zeros, as the EIP-196 encoding); a scalar is 32 bytes big-endian. After a
// challenge the transcript is empty again: each round starts over from the previous
// challenge, which the caller appends.
//
// The sponge can start from a saved state (the verifier absorbs the key's commitments
// once, in prepare(), and starts every proof's first round from there).
#pragma once

#include "crypto/bn254/fr.hpp"
#include "crypto/bn254/g1.hpp"
#include "crypto/hash/keccak.hpp"

namespace dusk::crypto::plonk::snarkjs {

class Transcript {
 public:
  Transcript() = default;
  explicit Transcript(const Keccak256& absorbed) : sponge_(absorbed) {}

  void add_point(const bn254::G1Affine& p);
  void add_scalar(const bn254::Fr& s);
  // The challenge of everything added since the last one; empties the transcript.
  bn254::Fr challenge();

  // The sponge so far (to save it as a starting state).
  const Keccak256& sponge() const { return sponge_; }

 private:
  Keccak256 sponge_;
};

}  // namespace dusk::crypto::plonk::snarkjs
