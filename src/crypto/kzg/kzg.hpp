// KZG polynomial commitments for EIP-4844 blobs: the public functions of Ethereum's
// consensus-specs deneb/polynomial-commitments.md, with the same names, inputs, outputs
// and failure cases (c-kzg-4844's test suite runs against them in kzg_test).
//
// Inputs that come from outside (commitments, proofs, z, y) are byte strings, validated
// here as the spec does: lengths (48-byte points, 32-byte field elements), field elements
// below r, points by the BLS KeyValidate check except that the identity (0xc0 || 0^47)
// is allowed. A failed validation is an Error (KzgError codes of blob.hpp); a proof that
// is well formed but wrong is Result true/false. Blobs are validated when made
// (Blob::from_bytes).
//
// Every value here is public (blobs, commitments, proofs, challenges): the code runs in
// variable time. Thread safety: the functions only read the TrustedSetup; calls may run
// concurrently.
#pragma once

#include <span>
#include <utility>

#include "crypto/bls12_381/g1.hpp"
#include "crypto/kzg/blob.hpp"
#include "crypto/kzg/trusted_setup.hpp"

namespace dusk::crypto::kzg {

// Domain separators of the Fiat-Shamir transcripts.
inline constexpr std::string_view kFiatShamirProtocolDomain = "FSBLOBVERIFY_V1_";
inline constexpr std::string_view kRandomChallengeKzgBatchDomain = "RCKZGBATCH___V1_";

// hash_to_bls_field: SHA-256 of data read as a big-endian integer, reduced mod r.
Fr hash_to_bls_field(ByteView data);

// compute_challenge: hash_to_bls_field(FIAT_SHAMIR_PROTOCOL_DOMAIN || 4096 as 16
// big-endian bytes || blob || commitment). The commitment bytes are hashed as given
// (not decoded).
Fr compute_challenge(const Blob& blob, const KzgCommitment& commitment);

// bytes_to_kzg_commitment / bytes_to_kzg_proof (validate_kzg_g1): the G1 point, or
// KzgError::kBadLength / kBadPoint.
KzgResult<bls12_381::G1Affine> bytes_to_kzg_g1(ByteView bytes, const char* what);

// g1_lincomb: sum_i [scalars_i] points_i, by the Pippenger MSM of bls12_381/msm.hpp.
// Preconditions: equal sizes, points in G1 (decoded points and the setup's are).
bls12_381::G1 g1_lincomb(std::span<const bls12_381::G1Affine> points,
                         std::span<const Fr> scalars);

// blob_to_kzg_commitment: [p(s)]G1 = sum_i p_i [L_i(s)]G1.
KzgCommitment blob_to_kzg_commitment(const Blob& blob, const TrustedSetup& setup);

// compute_kzg_proof: the proof that p(z) = y, and y (32 bytes). z_bytes must be a
// canonical 32-byte field element.
KzgResult<std::pair<KzgProof, Bytes32>> compute_kzg_proof(const Blob& blob, ByteView z_bytes,
                                                       const TrustedSetup& setup);

// compute_blob_kzg_proof: the proof of p at compute_challenge(blob, commitment). The
// commitment must decode; it is not checked to be the blob's.
KzgResult<KzgProof> compute_blob_kzg_proof(const Blob& blob, ByteView commitment_bytes,
                                        const TrustedSetup& setup);

// verify_kzg_proof: whether e(C - [y]G1, -G2) * e(proof, [s]G2 - [z]G2) = 1.
KzgResult<bool> verify_kzg_proof(ByteView commitment_bytes, ByteView z_bytes, ByteView y_bytes,
                              ByteView proof_bytes, const TrustedSetup& setup);

// verify_blob_kzg_proof: verify_kzg_proof at the blob's Fiat-Shamir challenge.
KzgResult<bool> verify_blob_kzg_proof(const Blob& blob, ByteView commitment_bytes,
                                   ByteView proof_bytes, const TrustedSetup& setup);

// verify_blob_kzg_proof_batch: all proofs at once with a random linear combination
// (verify_kzg_proof_batch: r from hash_to_bls_field over RANDOM_CHALLENGE_KZG_BATCH_DOMAIN,
// 4096 and n as 8 big-endian bytes each, then commitment || z || y || proof of each), two
// pairings for any n. True for n = 0. The three spans must have the same size.
KzgResult<bool> verify_blob_kzg_proof_batch(std::span<const Blob> blobs,
                                         std::span<const Bytes> commitments_bytes,
                                         std::span<const Bytes> proofs_bytes,
                                         const TrustedSetup& setup);

}  // namespace dusk::crypto::kzg
