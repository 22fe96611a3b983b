// Schnorr signatures on Jubjub with Poseidon challenges, after Dusk's jubjub-schnorr: the
// signatures Phoenix uses to authorise spends (the double form proves one secret key
// behind two public keys on two generators, so a note's owner can delegate proving
// without handing out the key).
//
// Keys: a secret key sk is a Jubjub scalar; its public key is pk = sk * G, its double
// public key (pk, pk') with pk' = sk * G' (G, G': jubjub::generator(),
// generator_nums()). Messages are BLS12-381 scalars (hash anything longer first).
//
// Single: nonce r, R = r * G, challenge c = truncate(Poseidon(R.u, R.v, pk.u, pk.v, m)),
// u = r - c * sk; valid iff R is of prime order and u * G + c * pk = R.
// Double: R = r * G, R' = r * G', c = truncate(Poseidon(t, R, R', pk, pk', m)) with
// t = the 8 ASCII bytes "JJSCHDBL" as a big-endian integer (a transcript of its own
// shape and tag); valid iff R, R' are of prime order, u * G + c * pk = R and
// u * G' + c * pk' = R'. "truncate" keeps a hash's low 250 bits (poseidon/hash.hpp);
// coordinates are affine (u, v).
//
// Nonces are hedged: r = BLAKE2b-512(tag || sk || m || entropy) mod r_J with the tag
// "dusk-schnorr-nonce-single" or "dusk-schnorr-nonce-double", so a broken entropy source
// alone cannot repeat a nonce across messages or across the two schemes (a single and a
// double signature on one r would give the key away), and equal entropy gives equal
// signatures (tests, reproducible vectors). Signing is constant time
// in sk and r; verifying works on public values and is not.
//
// Encodings (little endian, jubjub's ZIP-216 points): a signature is u (32) || R (32),
// a double signature u || R || R' (96); decoding refuses u >= r_J and bytes that are not
// ZIP-216 points. Public keys: pk (32), pk || pk' (64). Decoding parses; verify() is what
// refuses points that are not of prime order (keys and nonces alike), once, so a decoded
// signature is checked exactly as a constructed one. A secret key is 32 bytes below r_J.
//
//   auto sk = schnorr::SecretKey::from_bytes(bytes);   // nullopt: not below r_J
//   schnorr::Signature sig = sk->sign(message, entropy);
//   bool ok = sk->public_key().verify(sig, message);
#pragma once

#include <array>
#include <optional>
#include <span>

#include "crypto/bls12_381/fr.hpp"
#include "crypto/jubjub/jubjub.hpp"
#include "crypto/jubjub/scalar.hpp"

namespace dusk::crypto::schnorr {

using jubjub::Point;
using jubjub::Scalar;
using Message = bls12_381::Fr;

struct Signature {
  Scalar u;
  Point r;
  static std::optional<Signature> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;
};

struct SignatureDouble {
  Scalar u;
  Point r;
  Point r_prime;
  static std::optional<SignatureDouble> decode(std::span<const u8, 96> bytes);
  std::array<u8, 96> encode() const;
};

struct PublicKey {
  Point point;
  static std::optional<PublicKey> decode(std::span<const u8, 32> bytes);
  std::array<u8, 32> encode() const { return point.encode(); }
  bool verify(const Signature& sig, const Message& message) const;
};

struct PublicKeyDouble {
  Point point;        // sk * G
  Point point_prime;  // sk * G'
  static std::optional<PublicKeyDouble> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;
  bool verify(const SignatureDouble& sig, const Message& message) const;
};

class SecretKey {
 public:
  explicit SecretKey(const Scalar& s) : s_(s) {}
  static std::optional<SecretKey> from_bytes(std::span<const u8, 32> bytes);
  std::array<u8, 32> to_bytes() const { return s_.to_bytes_le(); }
  const Scalar& scalar() const { return s_; }

  PublicKey public_key() const;
  PublicKeyDouble public_key_double() const;

  // `entropy`: 32 fresh random bytes (see the header on hedged nonces).
  Signature sign(const Message& message, std::span<const u8, 32> entropy) const;
  SignatureDouble sign_double(const Message& message, std::span<const u8, 32> entropy) const;

 private:
  Scalar nonce(const Message& message, std::span<const u8, 32> entropy, bool double_key) const;
  Scalar s_;
};

// The challenges, exposed for circuits that check signatures.
Scalar challenge(const Point& r, const PublicKey& pk, const Message& message);
Scalar challenge_double(const Point& r, const Point& r_prime, const PublicKeyDouble& pk,
                        const Message& message);

}  // namespace dusk::crypto::schnorr
