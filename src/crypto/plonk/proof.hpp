// A proof of our PLONK (prover.hpp, verifier.hpp): eleven G1 commitments and nine
// evaluations, 816 bytes.
//
// Byte encoding (kProofSize = 11 * 48 + 9 * 32 bytes), in this order:
//   a, b, c, d       the wire polynomials' commitments
//   z                the permutation accumulator's commitment
//   t_0 .. t_3       the quotient's four pieces
//   w_xi, w_xi_omega the opening witnesses at xi and xi w
// each a G1 point in the 48-byte compressed ZCash form (bls12_381/serialization.hpp), then
//   a(xi), b(xi), c(xi), d(xi), sigma_0(xi), sigma_1(xi), sigma_2(xi), z(xi w), d(xi w)
// each a scalar as 32 bytes big-endian.
//
// The decoder is strict: exactly kProofSize bytes (kBadLength), each point decoded with
// every check of serialization.hpp (flags, canonical coordinates, on the curve, in G1;
// the identity is a valid point), each scalar below r (kNotCanonical). The message names
// the field at fault. Every accepted encoding is the unique encoding of its proof.
#pragma once

#include <array>

#include "base/bytes.hpp"
#include "crypto/bls12_381/fr.hpp"
#include "crypto/bls12_381/g1.hpp"
#include "crypto/plonk/error.hpp"

namespace dusk::crypto::plonk {

inline constexpr size_t kProofPoints = 11;
inline constexpr size_t kProofScalars = 9;
// The scalars' names, in encoding order (also their transcript labels).
inline constexpr const char* kProofScalarLabels[kProofScalars] = {
    "a(xi)", "b(xi)", "c(xi)", "d(xi)", "sigma_0(xi)", "sigma_1(xi)", "sigma_2(xi)", "z(xi w)", "d(xi w)"};
inline constexpr size_t kProofSize = kProofPoints * 48 + kProofScalars * 32;

struct Proof {
  bls12_381::G1Affine a, b, c, d, z;
  std::array<bls12_381::G1Affine, 4> t;
  bls12_381::G1Affine w_xi, w_xi_omega;
  bls12_381::Fr a_eval, b_eval, c_eval, d_eval, sigma0_eval, sigma1_eval, sigma2_eval, z_omega_eval, d_omega_eval;

  std::array<u8, kProofSize> to_bytes() const;
  static PlonkResult<Proof> from_bytes(ByteView bytes);
  friend bool operator==(const Proof&, const Proof&) = default;
};

}  // namespace dusk::crypto::plonk
