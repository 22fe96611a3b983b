// The universal setup (structured reference string) of our PLONK: the powers
// [x^i]_1 = x^i G1 for i < N, with [1]_2 = G2 and [x]_2 = x G2, for one secret x that
// nobody knows (a ceremony's output). One SRS serves every circuit whose domain has at
// most N - kSrsBlindingPowers points (prover_key.hpp).
//
// File format, version 1 (all integers big-endian, points in the compressed ZCash/IETF
// form of bls12_381/serialization.hpp):
//
//   offset  size    field
//   0       8       magic "DUSK-SRS" (ASCII)
//   8       4       version = 1
//   12      4       N, the number of G1 powers (2 <= N <= kMaxSrsPowers)
//   16      48 N    [x^0]_1, [x^1]_1, ..., [x^(N-1)]_1
//   16+48N  96      [1]_2
//   112+48N 96      [x]_2
//
// The file is exactly 208 + 48 N bytes. Loading validates, in this order, and fails
// with PlonkError::kBadSrs (or the point's encoding code) naming what failed: the length
// of the header, magic, version, N, the total length; every point's strict decoding
// (canonical, on the curve, in the subgroup; about 80 us per G1 point, run on both
// cores); [x^0]_1 = G1 and [1]_2 = G2 (the standard generators); [x]_2 not the identity;
// and that the powers are successive powers of the x of [x]_2, by one pairing equation
// on random combinations: with rho from BLAKE2b-512 of the whole file,
//   e(sum_{i<N-1} rho^i [x^i]_1, [x]_2) = e(sum_{i<N-1} rho^i [x^(i+1)]_1, [1]_2),
// which a wrong power passes with probability below N / r.
//
// The development setup: insecure_from_seed() derives x from a seed, so anyone who has
// the seed knows x and can forge proofs. It is named INSECURE wherever it is used
// (this API, its log line, the docs); it is for tests and benchmarks only.
//
// Thread safety: an Srs is immutable; any number of threads may read it.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/plonk/error.hpp"

namespace dusk::crypto::plonk {

using bls12_381::G1Affine;
using bls12_381::G2Affine;

inline constexpr std::array<u8, 8> kSrsMagic = {'D', 'U', 'S', 'K', '-', 'S', 'R', 'S'};
inline constexpr u32 kSrsVersion = 1;
inline constexpr size_t kSrsHeaderSize = 16;
// 2^25 powers: a 1.5 GiB file and about 3.3 GiB decoded, enough for the largest circuit
// (2^kMaxCircuitLog rows plus the blinding powers).
inline constexpr size_t kMaxSrsPowers = size_t{1} << 25;

class Srs {
 public:
  // Parses and validates a file's bytes (see above).
  static PlonkResult<Srs> from_bytes(ByteView bytes);
  // Reads and validates the file at `path`; messages name the path.
  static PlonkResult<Srs> load_file(const std::string& path);
  // The file's bytes.
  Bytes to_bytes() const;

  // INSECURE: a setup whose secret x = BLAKE2b-512("dusk-plonk INSECURE srs v1" || seed)
  // mod r is known to anyone with the seed. For tests and benchmarks only; logs a
  // warning. Precondition: 2 <= powers <= kMaxSrsPowers.
  static Srs insecure_from_seed(ByteView seed, size_t powers);

  size_t size() const { return powers_g1_.size(); }
  std::span<const G1Affine> powers_g1() const { return powers_g1_; }
  const G2Affine& g2() const { return g2_; }
  const G2Affine& x_g2() const { return x_g2_; }
  // The first `count` powers (an SRS for smaller circuits, e.g. to write a smaller file);
  // kSrsTooSmall when there are fewer, kBadSrs when count < 2.
  PlonkResult<Srs> truncated(size_t count) const;

 private:
  Srs() = default;
  std::vector<G1Affine> powers_g1_;
  G2Affine g2_, x_g2_;
};

}  // namespace dusk::crypto::plonk
