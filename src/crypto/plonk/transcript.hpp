// The Fiat-Shamir transcript of our PLONK: a hash chain over BLAKE2b-512
// (crypto/hash/blake2b.hpp), in the spirit of Merlin (which dusk-plonk uses) but with a
// plain hash instead of STROBE.
//
// The state is 64 bytes. With LE64(n) the 8-byte little-endian length:
//   start(label):          s = BLAKE2b-512("dusk-plonk transcript v1" || LE64(|label|) || label)
//   append(label, data):   s = BLAKE2b-512(s || 0x01 || LE64(|label|) || label || LE64(|data|) || data)
//   challenge(label):      s = BLAKE2b-512(s || 0x02 || LE64(|label|) || label);
//                          the challenge is s read as a 512-bit big-endian integer mod r
//                          (bias below 2^-256).
// Every message is length-prefixed and labelled, and the 0x01/0x02 tags keep appends and
// challenges apart, so distinct transcripts never hash the same bytes. Scalars are
// appended as 32 bytes big-endian, G1 points in the 48-byte compressed form.
//
// Not thread safe (one transcript per proof); constant time in the data's content.
#pragma once

#include <array>
#include <string_view>

#include "base/bytes.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bls12_381/g1.hpp"

namespace dusk::crypto::plonk {

class Transcript {
 public:
  explicit Transcript(std::string_view label);

  void append(std::string_view label, ByteView data);
  void append_scalar(std::string_view label, const bls12_381::Fr& s);
  void append_point(std::string_view label, const bls12_381::G1Affine& p);
  bls12_381::Fr challenge(std::string_view label);

 private:
  std::array<u8, 64> state_;
};

}  // namespace dusk::crypto::plonk
