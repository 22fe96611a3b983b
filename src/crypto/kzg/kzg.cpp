#include "crypto/kzg/kzg.hpp"

#include <array>
#include <string>
#include <vector>

#include "crypto/bls12_381/msm.hpp"
#include "crypto/bls12_381/pairing.hpp"
#include "crypto/bls12_381/serialization.hpp"
#include "crypto/hash/sha256.hpp"
#include "crypto/kzg/polynomial.hpp"

namespace dusk::crypto::kzg {

namespace {

using namespace bls12_381;

void put_be(Bytes& out, u64 value, size_t width) {
  for (size_t i = width; i-- > 0;) out.push_back(i < 8 ? static_cast<u8>(value >> (8 * i)) : 0);
}
void put(Bytes& out, ByteView data) { out.insert(out.end(), data.begin(), data.end()); }

KzgFailure length_error(const char* what, size_t want, size_t got) {
  return KzgFailure(KzgError::kBadLength, std::string(what) + ": expected " + std::to_string(want) + " bytes, got " +
                   std::to_string(got));
}

// verify_kzg_proof_impl: P - [y]G1 = Q * (s - z), the spec's
// e(P - [y]G1, -G2) * e(Q, [s]G2 - [z]G2) = 1, checked with z moved to the G1 side as
// e(P - [y]G1 + [z]Q, -G2) * e(Q, [s]G2) = 1: both G2 points are then fixed, so their
// Miller-loop lines come prepared with the setup, and the G2 multiplication becomes a
// (cheaper) G1 one. Same equation, same verdict.
bool verify_kzg_proof_impl(const G1Affine& commitment, const Fr& z, const Fr& y,
                           const G1Affine& proof, const TrustedSetup& setup) {
  const G1 lhs = G1::from_affine(commitment) - g1_mul_glv(G1::generator(), y) +
                 g1_mul_glv(G1::from_affine(proof), z);
  const PreparedPairingInput pairs[] = {{lhs.to_affine(), &setup.neg_g2_lines()},
                                        {proof, &setup.s_g2_lines()}};
  return multi_pairing(pairs).is_one();
}

// compute_quotient_eval_within_domain: q(z) for z = w_m a root, where the direct
// quotient has 0/0: q(w_m) = sum_{i != m} (p_i - y) w_i / (z (z - w_i)).
Fr quotient_within_domain(const Fr& z, std::span<const Fr> polynomial, const Fr& y) {
  const std::vector<Fr>& roots = roots_of_unity_brp();
  std::vector<Fr> denominators;
  std::vector<Fr> numerators;
  denominators.reserve(roots.size());
  numerators.reserve(roots.size());
  for (size_t i = 0; i < roots.size(); ++i) {
    if (roots[i] == z) continue;
    numerators.push_back((polynomial[i] - y) * roots[i]);
    denominators.push_back(z * (z - roots[i]));
  }
  batch_inverse(denominators);
  Fr result;
  for (size_t i = 0; i < numerators.size(); ++i) result += numerators[i] * denominators[i];
  return result;
}

// compute_kzg_proof_impl: the quotient q(x) = (p(x) - y) / (x - z) in evaluation form,
// committed with the Lagrange points; returns the proof and y = p(z).
std::pair<G1, Fr> compute_kzg_proof_impl(std::span<const Fr> polynomial, const Fr& z,
                                         const TrustedSetup& setup) {
  const std::vector<Fr>& roots = roots_of_unity_brp();
  const Fr y = evaluate_polynomial_in_evaluation_form(polynomial, z);
  std::vector<Fr> quotient(roots.size());
  std::vector<Fr> denominators(roots.size());
  size_t in_domain = roots.size();  // index m with w_m = z, if any
  for (size_t i = 0; i < roots.size(); ++i) {
    denominators[i] = roots[i] - z;
    if (denominators[i].is_zero()) {
      in_domain = i;
      denominators[i] = Fr::one();  // keeps batch_inverse's precondition; replaced below
    }
  }
  batch_inverse(denominators);
  for (size_t i = 0; i < roots.size(); ++i) quotient[i] = (polynomial[i] - y) * denominators[i];
  if (in_domain != roots.size()) quotient[in_domain] = quotient_within_domain(z, polynomial, y);
  return {g1_lincomb(setup.g1_lagrange_brp(), quotient), y};
}

KzgProof to_bytes48(const G1& p) { return g1_to_compressed(p.to_affine()); }

// A SHA-256 digest read as a big-endian integer, reduced mod r.
Fr field_from_digest(const std::array<u8, 32>& digest) {
  std::array<u8, 64> wide{};  // the digest as a 512-bit big-endian integer
  std::copy(digest.begin(), digest.end(), wide.begin() + 32);
  return Fr::from_uniform_bytes(wide);
}

}  // namespace

Fr hash_to_bls_field(ByteView data) { return field_from_digest(sha256(data)); }

Fr compute_challenge(const Blob& blob, const KzgCommitment& commitment) {
  Sha256 h;
  h.update(as_bytes(kFiatShamirProtocolDomain));
  Bytes degree;
  put_be(degree, kFieldElementsPerBlob, 16);
  h.update(degree);
  h.update(blob.bytes());
  h.update(commitment);
  return field_from_digest(h.final());
}

KzgResult<G1Affine> bytes_to_kzg_g1(ByteView bytes, const char* what) {
  if (bytes.size() != kG1CompressedSize) return length_error(what, kG1CompressedSize, bytes.size());
  auto p = g1_from_compressed(bytes);
  if (!p) {
    return KzgFailure(KzgError::kBadPoint, std::string(what) + ": not a valid G1 point: " + p.error().message);
  }
  return *p;
}

G1 g1_lincomb(std::span<const G1Affine> points, std::span<const Fr> scalars) {
  return g1_msm(points, scalars);
}

KzgCommitment blob_to_kzg_commitment(const Blob& blob, const TrustedSetup& setup) {
  return to_bytes48(g1_lincomb(setup.g1_lagrange_brp(), blob.polynomial()));
}

KzgResult<std::pair<KzgProof, Bytes32>> compute_kzg_proof(const Blob& blob, ByteView z_bytes,
                                                       const TrustedSetup& setup) {
  DUSK_ASSIGN(const Fr z, bytes_to_bls_field(z_bytes, "z"));
  auto [proof, y] = compute_kzg_proof_impl(blob.polynomial(), z, setup);
  return std::pair<KzgProof, Bytes32>{to_bytes48(proof), bls_field_to_bytes(y)};
}

KzgResult<KzgProof> compute_blob_kzg_proof(const Blob& blob, ByteView commitment_bytes,
                                        const TrustedSetup& setup) {
  DUSK_TRY(bytes_to_kzg_g1(commitment_bytes, "commitment"));
  KzgCommitment commitment;
  std::copy(commitment_bytes.begin(), commitment_bytes.end(), commitment.begin());
  const Fr challenge = compute_challenge(blob, commitment);
  return to_bytes48(compute_kzg_proof_impl(blob.polynomial(), challenge, setup).first);
}

KzgResult<bool> verify_kzg_proof(ByteView commitment_bytes, ByteView z_bytes, ByteView y_bytes,
                              ByteView proof_bytes, const TrustedSetup& setup) {
  DUSK_ASSIGN(const G1Affine commitment, bytes_to_kzg_g1(commitment_bytes, "commitment"));
  DUSK_ASSIGN(const Fr z, bytes_to_bls_field(z_bytes, "z"));
  DUSK_ASSIGN(const Fr y, bytes_to_bls_field(y_bytes, "y"));
  DUSK_ASSIGN(const G1Affine proof, bytes_to_kzg_g1(proof_bytes, "proof"));
  return verify_kzg_proof_impl(commitment, z, y, proof, setup);
}

KzgResult<bool> verify_blob_kzg_proof(const Blob& blob, ByteView commitment_bytes,
                                   ByteView proof_bytes, const TrustedSetup& setup) {
  DUSK_ASSIGN(const G1Affine commitment, bytes_to_kzg_g1(commitment_bytes, "commitment"));
  DUSK_ASSIGN(const G1Affine proof, bytes_to_kzg_g1(proof_bytes, "proof"));
  KzgCommitment c;
  std::copy(commitment_bytes.begin(), commitment_bytes.end(), c.begin());
  const Fr z = compute_challenge(blob, c);
  const Fr y = evaluate_polynomial_in_evaluation_form(blob.polynomial(), z);
  return verify_kzg_proof_impl(commitment, z, y, proof, setup);
}

KzgResult<bool> verify_blob_kzg_proof_batch(std::span<const Blob> blobs,
                                         std::span<const Bytes> commitments_bytes,
                                         std::span<const Bytes> proofs_bytes,
                                         const TrustedSetup& setup) {
  const size_t n = blobs.size();
  if (commitments_bytes.size() != n || proofs_bytes.size() != n) {
    return KzgFailure(KzgError::kBadLength, "batch: " + std::to_string(n) + " blobs, " +
                     std::to_string(commitments_bytes.size()) + " commitments, " +
                     std::to_string(proofs_bytes.size()) + " proofs");
  }
  std::vector<G1Affine> commitments(n), proofs(n);
  std::vector<Fr> zs(n), ys(n);
  // verify_kzg_proof_batch's transcript, filled as the inputs are validated.
  Bytes transcript;
  put(transcript, as_bytes(kRandomChallengeKzgBatchDomain));
  put_be(transcript, kFieldElementsPerBlob, 8);
  put_be(transcript, n, 8);
  for (size_t i = 0; i < n; ++i) {
    DUSK_ASSIGN(commitments[i], bytes_to_kzg_g1(commitments_bytes[i], "commitment"));
    DUSK_ASSIGN(proofs[i], bytes_to_kzg_g1(proofs_bytes[i], "proof"));
    KzgCommitment c;
    std::copy(commitments_bytes[i].begin(), commitments_bytes[i].end(), c.begin());
    zs[i] = compute_challenge(blobs[i], c);
    ys[i] = evaluate_polynomial_in_evaluation_form(blobs[i].polynomial(), zs[i]);
    put(transcript, commitments_bytes[i]);
    put(transcript, bls_field_to_bytes(zs[i]));
    put(transcript, bls_field_to_bytes(ys[i]));
    put(transcript, proofs_bytes[i]);
  }
  const Fr r = hash_to_bls_field(transcript);

  // e(sum r^i proof_i, -[s]G2) * e(sum r^i (C_i - [y_i]G1) + sum r^i z_i proof_i, G2) = 1,
  // with sum r^i (C_i - [y_i]G1) taken as sum r^i C_i - [sum r^i y_i]G1 (the same point,
  // one multiplication by G1 instead of n).
  std::vector<Fr> r_powers(n), r_z(n);
  Fr power = Fr::one(), r_y;
  for (size_t i = 0; i < n; ++i) {
    r_powers[i] = power;
    r_z[i] = zs[i] * power;
    r_y += ys[i] * power;
    power *= r;
  }
  const G1 proof_lincomb = g1_lincomb(proofs, r_powers);
  const G1 rhs = g1_lincomb(commitments, r_powers) - G1::generator().mul_vartime(r_y) +
                 g1_lincomb(proofs, r_z);
  const PreparedPairingInput pairs[] = {{proof_lincomb.to_affine(), &setup.neg_s_g2_lines()},
                                        {rhs.to_affine(), &setup.g2_lines()}};
  return multi_pairing(pairs).is_one();
}

}  // namespace dusk::crypto::kzg
