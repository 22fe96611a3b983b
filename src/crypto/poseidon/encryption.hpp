// Authenticated encryption of field elements with the SAFE sponge (dusk-safe's
// encryption, as Phoenix encrypts a note's value and blinder to its owner): from a shared
// secret point S (a Diffie-Hellman key, both sides computing it) and a nonce, the sponge
// with pattern [absorb 2, absorb 1, squeeze n, absorb n, squeeze 1] and domain
// separator 2^32 absorbs (S.u, S.v) and the nonce, squeezes a key stream of n elements
// that is added to the message, absorbs the message and squeezes one more element, the
// authentication tag. The ciphertext is n + 1 elements. Decryption recomputes the key
// stream, subtracts it, and accepts only if the tag matches (compared in constant time).
// A (secret, nonce) pair must never encrypt two different messages.
//
//   auto cipher = poseidon::encrypt(message, shared_secret, nonce);
//   auto plain = poseidon::decrypt(cipher, shared_secret, nonce);  // error: not authentic
#pragma once

#include <vector>

#include "base/result.hpp"
#include "crypto/jubjub/jubjub.hpp"
#include "crypto/poseidon/poseidon.hpp"

namespace dusk::crypto::poseidon {

// Fails only on an empty message.
Result<std::vector<Fr>> encrypt(std::span<const Fr> message, const jubjub::Point& shared_secret,
                                const Fr& nonce);
// Fails on a ciphertext shorter than 2 elements or whose tag does not authenticate it.
Result<std::vector<Fr>> decrypt(std::span<const Fr> cipher, const jubjub::Point& shared_secret,
                                const Fr& nonce);

}  // namespace dusk::crypto::poseidon
