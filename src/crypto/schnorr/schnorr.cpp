#include "crypto/schnorr/schnorr.hpp"

#include <algorithm>
#include <string_view>

#include "crypto/hash/blake2b.hpp"
#include "crypto/poseidon/hash.hpp"

namespace dusk::crypto::schnorr {

namespace {

using Fr = bls12_381::Fr;

// "JJSCHDBL" read as a big-endian u64.
constexpr u64 kDoubleChallengeDomain = 0x4A4A'5343'4844'424Cull;

std::optional<Scalar> decode_scalar(std::span<const u8> bytes) {
  auto s = Scalar::from_bytes_le(bytes.first(32));
  if (!s.ok()) return std::nullopt;
  return *s;
}

// u * G + c * pk, from public values.
Point verify_point(const Point& generator, const Scalar& u, const Point& pk, const Scalar& c) {
  return Point::mul_add_vartime(generator, u.to_bytes_le(), pk, c.to_bytes_le());
}

}  // namespace

Scalar challenge(const Point& r, const PublicKey& pk, const Message& message) {
  return poseidon::hash_truncated(std::array<Fr, 5>{r.u(), r.v(), pk.point.u(), pk.point.v(), message});
}

Scalar challenge_double(const Point& r, const Point& r_prime, const PublicKeyDouble& pk,
                        const Message& message) {
  return poseidon::hash_truncated(std::array<Fr, 10>{
      Fr::from_u64(kDoubleChallengeDomain), r.u(), r.v(), r_prime.u(), r_prime.v(), pk.point.u(),
      pk.point.v(), pk.point_prime.u(), pk.point_prime.v(), message});
}

std::optional<Signature> Signature::decode(std::span<const u8, 64> bytes) {
  auto u = decode_scalar(bytes.first(32));
  auto r = Point::decode(bytes.subspan<32, 32>());
  if (!u || !r) return std::nullopt;
  return Signature{*u, *r};
}

std::array<u8, 64> Signature::encode() const {
  std::array<u8, 64> out;
  const auto a = u.to_bytes_le(), b = r.encode();
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + 32);
  return out;
}

std::optional<SignatureDouble> SignatureDouble::decode(std::span<const u8, 96> bytes) {
  auto u = decode_scalar(bytes.first(32));
  auto r = Point::decode(bytes.subspan<32, 32>());
  auto rp = Point::decode(bytes.subspan<64, 32>());
  if (!u || !r || !rp) return std::nullopt;
  return SignatureDouble{*u, *r, *rp};
}

std::array<u8, 96> SignatureDouble::encode() const {
  std::array<u8, 96> out;
  const auto a = u.to_bytes_le(), b = r.encode(), c = r_prime.encode();
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + 32);
  std::copy(c.begin(), c.end(), out.begin() + 64);
  return out;
}

std::optional<PublicKey> PublicKey::decode(std::span<const u8, 32> bytes) {
  auto p = Point::decode(bytes);
  if (!p) return std::nullopt;
  return PublicKey{*p};
}

bool PublicKey::verify(const Signature& sig, const Message& message) const {
  if (!sig.r.is_prime_order() || !point.is_prime_order()) return false;
  const Scalar c = challenge(sig.r, *this, message);
  return verify_point(jubjub::generator(), sig.u, point, c) == sig.r;
}

std::optional<PublicKeyDouble> PublicKeyDouble::decode(std::span<const u8, 64> bytes) {
  auto p = Point::decode(bytes.first<32>());
  auto pp = Point::decode(bytes.subspan<32, 32>());
  if (!p || !pp) return std::nullopt;
  return PublicKeyDouble{*p, *pp};
}

std::array<u8, 64> PublicKeyDouble::encode() const {
  std::array<u8, 64> out;
  const auto a = point.encode(), b = point_prime.encode();
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + 32);
  return out;
}

bool PublicKeyDouble::verify(const SignatureDouble& sig, const Message& message) const {
  if (!sig.r.is_prime_order() || !sig.r_prime.is_prime_order() || !point.is_prime_order() ||
      !point_prime.is_prime_order())
    return false;
  const Scalar c = challenge_double(sig.r, sig.r_prime, *this, message);
  return verify_point(jubjub::generator(), sig.u, point, c) == sig.r &&
         verify_point(jubjub::generator_nums(), sig.u, point_prime, c) == sig.r_prime;
}

std::optional<SecretKey> SecretKey::from_bytes(std::span<const u8, 32> bytes) {
  auto s = decode_scalar(bytes);
  if (!s) return std::nullopt;
  return SecretKey(*s);
}

PublicKey SecretKey::public_key() const { return PublicKey{jubjub::generator() * s_}; }

PublicKeyDouble SecretKey::public_key_double() const {
  return PublicKeyDouble{jubjub::generator() * s_, jubjub::generator_nums() * s_};
}

Scalar SecretKey::nonce(const Message& message, std::span<const u8, 32> entropy, bool double_key) const {
  // The scheme is in the tag: a single and a double signature of one message under the
  // same entropy must not share r (two responses to one r give the key away).
  const std::string_view kTag = double_key ? "dusk-schnorr-nonce-double" : "dusk-schnorr-nonce-single";
  const auto sk = s_.to_bytes_le();
  const auto m = message.to_bytes_le();
  const auto digest = blake2b({as_bytes(kTag), ByteView(sk), ByteView(m), ByteView(entropy)});
  return Scalar::from_uniform_bytes_le(digest);
}

Signature SecretKey::sign(const Message& message, std::span<const u8, 32> entropy) const {
  const Scalar r = nonce(message, entropy, false);
  const Point big_r = jubjub::generator() * r;
  const Scalar c = challenge(big_r, public_key(), message);
  return Signature{r - c * s_, big_r};
}

SignatureDouble SecretKey::sign_double(const Message& message, std::span<const u8, 32> entropy) const {
  const Scalar r = nonce(message, entropy, true);
  const Point big_r = jubjub::generator() * r;
  const Point big_r_prime = jubjub::generator_nums() * r;
  const Scalar c = challenge_double(big_r, big_r_prime, public_key_double(), message);
  return SignatureDouble{r - c * s_, big_r, big_r_prime};
}

}  // namespace dusk::crypto::schnorr
