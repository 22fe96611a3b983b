// Preprocessing: from a circuit's shape (a Composer) and an SRS, the prover key and the
// verifier key of our PLONK.
//
// The domain H has n = 2^k rows, the smallest power of two holding the gates and at
// least 2^kMinCircuitLog; padding rows have zero selectors and zero wires. The selector
// polynomials interpolate each selector over H. The permutation: wire j of row i is
// labelled k_j w^i (kCosetShifts); the wires holding witnesses of one copy-constraint
// class form one cycle, visited in the order wire 0 of rows 0..n-1, then wire 1, and so
// on; sigma_j(w^i) is the label of the position after (j, i) on its cycle.
//
// The prover key keeps each of those eleven polynomials in coefficient form (for the
// linearisation and openings) and evaluated on the coset g H' of the quotient domain H'
// of 8n points (for the quotient), the sigma values on H (for the accumulator z), L_0 on
// g H', the inverses of Z_H on g H' (eight distinct values), and the first
// n + kSrsBlindingPowers powers of the SRS, the most any committed polynomial needs
// (blinding raises degrees: the wires a, b, c to n + 1, d and z to n + 2, the quotient's
// last piece to n + 7). Memory: about 13 * 8n field elements, 220 MB at n = 2^16.
//
// Keys are immutable and shared (std::shared_ptr<const ...>); any number of threads may
// prove and verify with them at once. KeyCache keeps keys per circuit id, for one SRS.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "crypto/plonk/composer.hpp"
#include "crypto/plonk/domain.hpp"
#include "crypto/plonk/error.hpp"
#include "crypto/plonk/polynomial.hpp"
#include "crypto/plonk/srs.hpp"
#include "crypto/plonk/verifier_key.hpp"

namespace dusk::crypto::plonk {

// Powers an SRS needs beyond the domain size n.
inline constexpr size_t kSrsBlindingPowers = 8;

struct ProverKey {
  Domain domain;           // H, n points
  Domain quotient_domain;  // H', 8n points
  std::array<Polynomial, kSelectorCount> selectors;             // q_m, .., q_c, q_range
  std::array<std::vector<Fr>, kSelectorCount> selectors_coset;  // on g H'
  std::array<Polynomial, 4> sigmas;
  std::array<std::vector<Fr>, 4> sigmas_coset;
  std::array<std::vector<Fr>, 4> sigma_values;        // on H
  std::vector<Fr> l0_coset;                           // L_0 on g H'
  std::array<Fr, 8> vanishing_inv_coset;              // 1 / Z_H(g w'^i) depends on i mod 8
  std::vector<bls12_381::G1Affine> commit_powers;     // [x^i]_1, i < n + kSrsBlindingPowers
  std::shared_ptr<const VerifierKey> verifier_key;

  size_t n() const { return domain.size(); }

  // Byte encoding: the verifier key (its own encoding, length-prefixed by 4 bytes BE),
  // then the eleven polynomials' n coefficients (32 bytes BE each) and the commit powers
  // (4-byte BE count, 48-byte compressed points). The coset values are recomputed by
  // from_bytes, which checks every field and that the coefficients commit to the
  // verifier key's commitments (kBadKey otherwise).
  Bytes to_bytes() const;
  static PlonkResult<std::shared_ptr<const ProverKey>> from_bytes(ByteView bytes);

  // A local cache's encoding: the same fields with the commit powers uncompressed (96
  // bytes each). from_cache_bytes checks lengths, scalars and points (canonical, on the
  // curve, in the subgroup: on both cores) but not that the coefficients commit to the
  // verifier key's commitments, which costs about what making the key does: for a file
  // only its owner writes (a wallet's own directory), as trusted as that directory.
  Bytes to_cache_bytes() const;
  static PlonkResult<std::shared_ptr<const ProverKey>> from_cache_bytes(ByteView bytes);

 private:
  Bytes encode(bool cache) const;
  static PlonkResult<std::shared_ptr<const ProverKey>> decode(ByteView bytes, bool cache);
};

struct Keys {
  std::shared_ptr<const ProverKey> prover;
  std::shared_ptr<const VerifierKey> verifier;
};

// The G1 powers an SRS needs for a circuit of `gates` gates: its domain (the next power
// of two, at least 2^kMinCircuitLog) plus the blinding powers. kCircuitTooLarge.
PlonkResult<size_t> srs_powers_for(size_t gates);

// The keys of the circuit built in `shape` (its values are not used). kCircuitTooLarge,
// kSrsTooSmall.
PlonkResult<Keys> preprocess(const Srs& srs, const Composer& shape);
// The keys of a circuit type: C's default instance built, then preprocessed.
template <typename C>
PlonkResult<Keys> preprocess(const Srs& srs) {
  Composer composer;
  C{}.circuit(composer);
  return preprocess(srs, composer);
}

// Keys in memory by circuit id, for one SRS (which must outlive the cache): a circuit is
// preprocessed once however many times it is proved. Thread safe (one mutex; the
// preprocessing itself runs outside it, so two threads may both compute a missing key,
// and the first stored wins).
class KeyCache {
 public:
  explicit KeyCache(const Srs& srs) : srs_(srs) {}
  PlonkResult<Keys> get(const Composer& shape);
  size_t size() const;

 private:
  const Srs& srs_;
  mutable std::mutex mu_;
  std::map<std::array<u8, 32>, Keys> keys_;
};

}  // namespace dusk::crypto::plonk
