// Phoenix keys (after Dusk's phoenix-core): a secret key is a pair of Jubjub scalars
// (a, b); its public key (A, B) = (a G, b G); its view key (a, B) recognises and reads
// the notes sent to the key (their values, blinders and senders) but cannot spend them.
// A note is sent to a one-time stealth address (stealth_address.hpp): with the sender's
// random r, R = r G and note_pk = H(r A) G + B; the owner finds note_sk = H(a R) + b
// (r A = a R), the Schnorr key that signs the note's spend.
//
// H, a point hashed to a Jubjub scalar: BLAKE2b-512 over its 32-byte ZIP-216 encoding, read
// as a little-endian integer mod r_J (dusk-jubjub's hash_to_scalar).
//
// Secret keys come from a wallet's seed: derive(seed, index) hashes the seed, an index and
// a tag per half with BLAKE2b-512 (a = H("dusk-phoenix-key-a" || seed || index),
// b likewise with "-b"), so one seed yields any number of independent keys. Signing and
// deriving are constant time in the secrets.
//
// Encodings: SecretKey 64 bytes (a || b, each below r_J), PublicKey 64 (A || B), ViewKey
// 64 (a || B); decoding refuses out-of-range scalars and points that are not ZIP-216
// encodings of prime-order points.
#pragma once

#include <array>
#include <optional>
#include <span>

#include "crypto/jubjub/jubjub.hpp"
#include "crypto/jubjub/scalar.hpp"
#include "crypto/schnorr/schnorr.hpp"

namespace dusk::duskvm::phoenix {

using crypto::jubjub::Point;
using crypto::jubjub::Scalar;
using Fr = crypto::bls12_381::Fr;

struct StealthAddress;

// H above.
Scalar hash_to_scalar(const Point& p);

// Unpredictable bytes and a uniform scalar from the operating system
// (crypto/os_random.hpp), for keys, blinders and nonces. They abort the process if the
// system generator fails: nothing in Phoenix may go on without fresh randomness.
void fresh_random_bytes(std::span<u8> out);
Scalar fresh_scalar();

struct PublicKey {
  Point a;  // A = a G
  Point b;  // B = b G
  static std::optional<PublicKey> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;
  // The stealth address for the sender's random r (see above).
  StealthAddress stealth_address(const Scalar& r) const;
  bool operator==(const PublicKey& o) const { return a == o.a && b == o.b; }
};

struct ViewKey {
  Scalar a;
  Point b;  // B
  static std::optional<ViewKey> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;
  // note_pk = H(a R) G + B: the note is this key's.
  bool owns(const StealthAddress& address) const;
  PublicKey public_key() const;
};

class SecretKey {
 public:
  SecretKey(const Scalar& a, const Scalar& b) : a_(a), b_(b) {}
  static SecretKey derive(std::span<const u8> seed, u64 index);
  static std::optional<SecretKey> decode(std::span<const u8, 64> bytes);
  std::array<u8, 64> encode() const;

  const Scalar& a() const { return a_; }
  const Scalar& b() const { return b_; }
  PublicKey public_key() const;
  ViewKey view_key() const;
  // note_sk = H(a R) + b for a note at `address` (meaningful when owns(address)).
  crypto::schnorr::SecretKey note_secret_key(const StealthAddress& address) const;
  bool owns(const StealthAddress& address) const;

 private:
  Scalar a_, b_;
};

}  // namespace dusk::duskvm::phoenix
