#include "duskvm/phoenix/keys.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "crypto/hash/blake2b.hpp"
#include "crypto/os_random.hpp"
#include "duskvm/phoenix/stealth_address.hpp"

namespace dusk::duskvm::phoenix {

namespace {

std::optional<Scalar> scalar(std::span<const u8> bytes) {
  auto s = Scalar::from_bytes_le(bytes.first(32));
  if (!s.ok()) return std::nullopt;
  return *s;
}

template <typename A, typename B>
std::array<u8, 64> concat(const A& a, const B& b) {
  std::array<u8, 64> out;
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + 32);
  return out;
}

}  // namespace

void fresh_random_bytes(std::span<u8> out) {
  if (!crypto::os_random_bytes(out)) std::abort();
}

Scalar fresh_scalar() {
  std::array<u8, 64> wide;
  fresh_random_bytes(wide);
  return Scalar::from_uniform_bytes(wide);
}

Scalar hash_to_scalar(const Point& p) {
  const auto bytes = p.encode();
  return Scalar::from_uniform_bytes_le(crypto::blake2b(ByteView(bytes)));
}

std::optional<PublicKey> PublicKey::decode(std::span<const u8, 64> bytes) {
  auto a = Point::decode_prime_order(bytes.first<32>());
  auto b = Point::decode_prime_order(bytes.subspan<32, 32>());
  if (!a || !b) return std::nullopt;
  return PublicKey{*a, *b};
}

std::array<u8, 64> PublicKey::encode() const { return concat(a.encode(), b.encode()); }

StealthAddress PublicKey::stealth_address(const Scalar& r) const {
  const Point& g = crypto::jubjub::generator();
  return StealthAddress{g * r, g * hash_to_scalar(a * r) + b};
}

std::optional<ViewKey> ViewKey::decode(std::span<const u8, 64> bytes) {
  auto a = scalar(bytes.first(32));
  auto b = Point::decode_prime_order(bytes.subspan<32, 32>());
  if (!a || !b) return std::nullopt;
  return ViewKey{*a, *b};
}

std::array<u8, 64> ViewKey::encode() const { return concat(a.to_bytes_le(), b.encode()); }

bool ViewKey::owns(const StealthAddress& address) const {
  return crypto::jubjub::generator() * hash_to_scalar(address.r * a) + b == address.note_pk;
}

PublicKey ViewKey::public_key() const { return PublicKey{crypto::jubjub::generator() * a, b}; }

SecretKey SecretKey::derive(std::span<const u8> seed, u64 index) {
  std::array<u8, 8> idx;
  store_le<u64>(idx.data(), index);
  constexpr std::string_view kA = "dusk-phoenix-key-a", kB = "dusk-phoenix-key-b";
  return SecretKey(Scalar::from_uniform_bytes_le(crypto::blake2b({as_bytes(kA), ByteView(seed), ByteView(idx)})),
                   Scalar::from_uniform_bytes_le(crypto::blake2b({as_bytes(kB), ByteView(seed), ByteView(idx)})));
}

std::optional<SecretKey> SecretKey::decode(std::span<const u8, 64> bytes) {
  auto a = scalar(bytes.first(32));
  auto b = scalar(bytes.subspan(32, 32));
  if (!a || !b) return std::nullopt;
  return SecretKey(*a, *b);
}

std::array<u8, 64> SecretKey::encode() const { return concat(a_.to_bytes_le(), b_.to_bytes_le()); }

PublicKey SecretKey::public_key() const {
  const Point& g = crypto::jubjub::generator();
  return PublicKey{g * a_, g * b_};
}

ViewKey SecretKey::view_key() const { return ViewKey{a_, crypto::jubjub::generator() * b_}; }

crypto::schnorr::SecretKey SecretKey::note_secret_key(const StealthAddress& address) const {
  return crypto::schnorr::SecretKey(hash_to_scalar(address.r * a_) + b_);
}

bool SecretKey::owns(const StealthAddress& address) const {
  return crypto::jubjub::generator() * note_secret_key(address).scalar() == address.note_pk;
}

}  // namespace dusk::duskvm::phoenix
