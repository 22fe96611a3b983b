// The SAFE sponge API (Khovratovich, Rothblum, Soukhanov, "SAFE: Sponge API for Field
// Elements", eprint 2023/522) over the Poseidon permutation, as dusk-safe defines it: a
// sponge is started with its whole IO pattern (the lengths of its absorb and squeeze
// calls, in order) and a 64-bit domain separator, which together make the tag in the
// capacity element; every call must then follow the pattern, and a call that does not
// ends the sponge with an error. Equal aggregated patterns make equal tags (absorb 2 then
// absorb 2 is absorb 4), so a pattern can be split over calls.
//
// The tag: the pattern as 32-bit big-endian words, consecutive calls of one kind summed,
// absorb words with their top bit set, the first word starting from an absorb (so the
// pattern must start with an absorb and end with a squeeze, every length in 1..2^31 - 1);
// then the domain separator as 8 big-endian bytes; hashed by BLAKE2b-512 and read as a
// little-endian integer modulo r (dusk-bls12_381's hash_to_scalar).
//
//   auto s = poseidon::Safe::start({Call::absorb(3), Call::squeeze(1)}, domain);
//   s->absorb(inputs); auto out = s->squeeze(1); s->finish();
#pragma once

#include <vector>

#include "base/result.hpp"
#include "crypto/poseidon/poseidon.hpp"

namespace dusk::crypto::poseidon {

struct Call {
  enum class Kind { kAbsorb, kSqueeze };
  Kind kind;
  size_t length;
  static Call absorb(size_t n) { return {Kind::kAbsorb, n}; }
  static Call squeeze(size_t n) { return {Kind::kSqueeze, n}; }
};

// The bytes the tag hashes; fails when the pattern is not sensible (see above).
Result<std::vector<u8>> tag_input(std::span<const Call> pattern, u64 domain_separator);
// The tag itself.
Result<Fr> tag(std::span<const Call> pattern, u64 domain_separator);

class Safe {
 public:
  static Result<Safe> start(std::vector<Call> pattern, u64 domain_separator);

  // The next call of the pattern must be an absorb of exactly inputs.size() elements
  // (a squeeze of exactly n); otherwise the sponge is spent and every later call fails.
  Status absorb(std::span<const Fr> inputs);
  Result<std::vector<Fr>> squeeze(size_t n);
  // Succeeds once the whole pattern has run (a sponge left halfway is a caller's bug that
  // this reports); the sponge is spent either way.
  Status finish();

 private:
  Safe(std::vector<Call> pattern, Fr tag) : pattern_(std::move(pattern)), sponge_(tag) {}
  Status next(Call::Kind kind, size_t length);

  std::vector<Call> pattern_;
  size_t calls_ = 0;
  bool spent_ = false;
  Sponge sponge_;
};

}  // namespace dusk::crypto::poseidon
