// A one-time address for one note (keys.hpp says how it is made and recognised): the
// sender's R = r G and the note's public key note_pk, a Schnorr public key whose secret
// only the receiver can compute. Encoding: R || note_pk, 64 bytes, both ZIP-216 points of
// prime order (decoding refuses anything else).
#pragma once

#include <array>
#include <optional>
#include <span>

#include "crypto/jubjub/jubjub.hpp"

namespace dusk::duskvm::phoenix {

struct StealthAddress {
  crypto::jubjub::Point r;        // R = r G
  crypto::jubjub::Point note_pk;  // H(r A) G + B

  static std::optional<StealthAddress> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;
  bool operator==(const StealthAddress& o) const { return r == o.r && note_pk == o.note_pk; }
};

}  // namespace dusk::duskvm::phoenix
