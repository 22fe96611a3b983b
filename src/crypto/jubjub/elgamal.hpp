// ElGamal encryption of Jubjub points (as Phoenix encrypts a note's sender to its
// receivers): to a public key pk = sk * G with randomness r, the ciphertext is
// (r * G, m + r * pk); the secret key recovers m = delta - sk * gamma. Both sides run in
// time independent of r and sk. A ciphertext is malleable (adding to delta shifts m):
// what needs integrity is bound by a proof or a signature around it.
//
//   auto c = jubjub::elgamal_encrypt(pk, message, r);
//   jubjub::Point m = jubjub::elgamal_decrypt(sk, c);
#pragma once

#include "crypto/jubjub/jubjub.hpp"

namespace dusk::crypto::jubjub {

struct ElGamalCiphertext {
  Point gamma;  // r * G
  Point delta;  // m + r * pk
  bool operator==(const ElGamalCiphertext&) const = default;
};

inline ElGamalCiphertext elgamal_encrypt(const Point& public_key, const Point& message,
                                         const Scalar& r) {
  return {generator() * r, message + public_key * r};
}

inline Point elgamal_decrypt(const Scalar& secret_key, const ElGamalCiphertext& c) {
  return c.delta + -(c.gamma * secret_key);
}

}  // namespace dusk::crypto::jubjub
