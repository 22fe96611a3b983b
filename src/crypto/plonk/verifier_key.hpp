// The verifier key of a circuit: what a verifier needs, and all it trusts, about one
// circuit and the SRS (prover_key.hpp makes it).
//
// Contents: the domain size n = 2^log_n; the rows (gates) that carry public inputs, in
// the order of the public inputs; the commitments to the seven selector polynomials
// (q_m, q_l, q_r, q_o, q_4, q_c, q_range) and the four permutation polynomials
// (sigma_0..3); the
// SRS's [1]_2 and [x]_2; and the circuit id (Composer::description_hash). The digest
// (BLAKE2b-256 of the encoding) opens every proof's transcript, which binds a proof to
// one key: a proof made for another circuit or another SRS fails.
//
// Byte encoding, version 1 (integers big-endian, points compressed ZCash form):
//   8      magic "DUSK-PVK"
//   4      version = 1
//   1      log_n (3 <= log_n <= kMaxCircuitLog)
//   32     circuit id
//   4      m, the number of public inputs (m <= n)
//   4 m    their rows, strictly increasing, each < n
//   11*48  q_m, q_l, q_r, q_o, q_4, q_c, q_range, sigma_0, sigma_1, sigma_2, sigma_3
//   2*96   [1]_2, [x]_2
// from_bytes() checks all of it (kBadKey, or the point's encoding code) and that [1]_2 is
// the G2 generator.
//
// Thread safety: immutable after construction; the prepared Miller-loop lines of the two
// G2 points are computed once, when the key is made or decoded.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "base/bytes.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/bls12_381/g2.hpp"
#include "crypto/plonk/commitment/kzg.hpp"
#include "crypto/plonk/error.hpp"

namespace dusk::crypto::plonk {

// Circuits of up to 2^24 rows: the prover key then holds about 13 * 2^27 field elements
// (52 GiB), far past this machine; the bound keeps a hostile key from asking more.
inline constexpr unsigned kMaxCircuitLog = 24;
// The smallest domain: 2^3 rows.
inline constexpr unsigned kMinCircuitLog = 3;

// The selectors of a gate: q_m, q_l, q_r, q_o, q_4, q_c (the arithmetic gate) and
// q_range (the range gate, composer.hpp).
inline constexpr size_t kSelectorCount = 7;

// The coset shifts of the permutation argument: wire j of row i is labelled k_j w^i,
// with k_0 = 1 and dusk-plonk's K1 = 7, K2 = 13, K3 = 17 (no quotient of two of them lies
// in a domain: plonk_circuit_test checks (k_i/k_j)^(2^32) != 1).
inline constexpr u64 kCosetShifts[4] = {1, 7, 13, 17};

struct VerifierKeyData {
  unsigned log_n = 0;
  std::array<u8, 32> circuit_id{};
  std::vector<u32> public_input_rows;
  std::array<bls12_381::G1Affine, kSelectorCount> selectors;  // q_m, q_l, q_r, q_o, q_4, q_c, q_range
  std::array<bls12_381::G1Affine, 4> sigmas;
  bls12_381::G2Affine g2, x_g2;
};

class VerifierKey {
 public:
  explicit VerifierKey(VerifierKeyData data);
  static PlonkResult<VerifierKey> from_bytes(ByteView bytes);
  Bytes to_bytes() const;

  const VerifierKeyData& data() const { return data_; }
  size_t n() const { return size_t{1} << data_.log_n; }
  size_t public_input_count() const { return data_.public_input_rows.size(); }
  const std::array<u8, 32>& digest() const { return digest_; }
  const OpeningKey& opening_key() const { return *opening_key_; }

 private:
  VerifierKeyData data_;
  std::array<u8, 32> digest_;
  std::shared_ptr<const OpeningKey> opening_key_;
};

}  // namespace dusk::crypto::plonk
