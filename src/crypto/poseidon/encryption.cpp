#include "crypto/poseidon/encryption.hpp"

#include "crypto/poseidon/hash.hpp"
#include "crypto/poseidon/safe.hpp"

namespace dusk::crypto::poseidon {

namespace {

struct Prepared {
  Safe sponge;
  std::vector<Fr> key_stream;
};

// The sponge after absorbing the secret and the nonce, and the key stream it squeezed.
Result<Prepared> prepare(size_t length, const jubjub::Point& secret, const Fr& nonce) {
  auto sponge = Safe::start({Call::absorb(2), Call::absorb(1), Call::squeeze(length),
                             Call::absorb(length), Call::squeeze(1)},
                            static_cast<u64>(Domain::kEncryption));
  if (!sponge.ok()) return sponge.take_error();
  const std::array<Fr, 2> point{secret.u(), secret.v()};
  const std::array<Fr, 1> n{nonce};
  if (auto s = sponge->absorb(point); !s.ok()) return s.take_error();
  if (auto s = sponge->absorb(n); !s.ok()) return s.take_error();
  auto stream = sponge->squeeze(length);
  if (!stream.ok()) return stream.take_error();
  return Prepared{std::move(*sponge), std::move(*stream)};
}

// The authentication tag over the message.
Result<Fr> authenticate(Safe& sponge, std::span<const Fr> message) {
  if (auto s = sponge.absorb(message); !s.ok()) return s.take_error();
  auto tag = sponge.squeeze(1);
  if (!tag.ok()) return tag.take_error();
  if (auto s = sponge.finish(); !s.ok()) return s.take_error();
  return tag->front();
}

}  // namespace

Result<std::vector<Fr>> encrypt(std::span<const Fr> message, const jubjub::Point& shared_secret,
                                const Fr& nonce) {
  if (message.empty()) return Error("Poseidon encryption needs a non-empty message");
  auto p = prepare(message.size(), shared_secret, nonce);
  if (!p.ok()) return p.take_error();
  auto tag = authenticate(p->sponge, message);
  if (!tag.ok()) return tag.take_error();
  std::vector<Fr> cipher(message.size() + 1);
  for (size_t i = 0; i < message.size(); ++i) cipher[i] = p->key_stream[i] + message[i];
  cipher.back() = *tag;
  return cipher;
}

Result<std::vector<Fr>> decrypt(std::span<const Fr> cipher, const jubjub::Point& shared_secret,
                                const Fr& nonce) {
  if (cipher.size() < 2) return Error("Poseidon ciphertext must hold a message and a tag");
  const size_t length = cipher.size() - 1;
  auto p = prepare(length, shared_secret, nonce);
  if (!p.ok()) return p.take_error();
  std::vector<Fr> message(length);
  for (size_t i = 0; i < length; ++i) message[i] = cipher[i] - p->key_stream[i];
  auto tag = authenticate(p->sponge, message);
  if (!tag.ok()) return tag.take_error();
  if (!(*tag == cipher.back())) return Error("Poseidon ciphertext does not authenticate");
  return message;
}

}  // namespace dusk::crypto::poseidon
