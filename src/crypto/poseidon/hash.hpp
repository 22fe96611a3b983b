// Poseidon hashing as Dusk defines it (dusk-poseidon's Hash over dusk-safe): the SAFE
// sponge (safe.hpp) with the pattern [absorb(inputs), squeeze(outputs)] and a domain
// separator chosen by use:
//   Merkle4 (2^4 - 1): a node of a 4-ary tree, exactly 4 inputs and 1 output;
//   Merkle2 (2^2 - 1): a node of a binary tree, exactly 2 inputs and 1 output;
//   Encryption (2^32): reserved for encryption.hpp;
//   Other (0): everything else (the lengths are in the tag, so inputs of different
//   lengths never collide).
// The truncated form reads a hash as a Jubjub scalar: its low 250 bits (below r_J), as
// Schnorr challenges need.
//
//   Fr h = poseidon::hash(std::array{a, b, c});           // Domain::kOther, one output
//   Fr node = poseidon::merkle4({c0, c1, c2, c3});
//   auto out = poseidon::digest(Domain::kOther, inputs, 2);  // runtime lengths
#pragma once

#include <array>
#include <vector>

#include "base/result.hpp"
#include "crypto/jubjub/scalar.hpp"
#include "crypto/poseidon/poseidon.hpp"

namespace dusk::crypto::poseidon {

enum class Domain : u64 {
  kMerkle4 = 0xF,
  kMerkle2 = 0x3,
  kEncryption = 0x1'0000'0000,
  kOther = 0,
};

// Fails on empty inputs, zero outputs, or lengths a Merkle domain does not allow.
Result<std::vector<Fr>> digest(Domain domain, std::span<const Fr> inputs, size_t outputs = 1);

namespace detail {
Fr hash_nonempty(std::span<const Fr> inputs);  // aborts on an empty span: use hash()
}

// One output under Domain::kOther, for an input of fixed, non-zero length.
template <size_t N>
Fr hash(const std::array<Fr, N>& inputs) {
  static_assert(N > 0, "Poseidon hashes at least one element");
  return detail::hash_nonempty(inputs);
}

Fr merkle4(const std::array<Fr, 4>& children);
Fr merkle2(const std::array<Fr, 2>& children);

// The low 250 bits of x, as a Jubjub scalar (always below r_J).
jubjub::Scalar truncate_to_scalar(const Fr& x);
template <size_t N>
jubjub::Scalar hash_truncated(const std::array<Fr, N>& inputs) {
  return truncate_to_scalar(hash(inputs));
}

}  // namespace dusk::crypto::poseidon
