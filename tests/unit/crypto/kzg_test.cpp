// KZG commitments for EIP-4844 (src/crypto/kzg): the trusted setup loader and its error
// reports, the roots of unity and the barycentric evaluation (against Horner's rule),
// every c-kzg-4844 test case in ../shared/testdata/crypto/kzg/tests, and round trips
// (compute a proof, verify it; tamper, see it fail; batches with one bad proof).
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/kzg/polynomial.hpp"
#include "kzg_vectors.hpp"

namespace dusk::crypto::kzg {
namespace {

using namespace bls12_381;
using test::KzgCase;
using test::read_kzg_cases;

const std::string kSetupPath = std::string(DUSK_TESTDATA) + "/crypto/kzg/trusted_setup.txt";

// The mainnet setup, loaded once for the whole test program.
const TrustedSetup& setup() {
  static const Result<TrustedSetup> s = TrustedSetup::load_file(kSetupPath);
  if (!s) {
    ADD_FAILURE() << s.error().message;
    std::abort();
  }
  return *s;
}

std::string setup_text() {
  std::ifstream f(kSetupPath);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// The text with line `number` (from 1) replaced.
std::string replace_line(const std::string& text, size_t number, const std::string& line) {
  std::istringstream in(text);
  std::string out, l;
  for (size_t i = 1; std::getline(in, l); ++i) out += (i == number ? line : l) + "\n";
  return out;
}
std::string line_of(const std::string& text, size_t number) {
  std::istringstream in(text);
  std::string l;
  for (size_t i = 1; std::getline(in, l) && i < number; ++i) {
  }
  return l;
}

Fr random_fr(u64 seed) {
  std::array<u8, 64> bytes{};
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<u8>(seed * 131 + i * 7 + (seed >> 8));
  return Fr::random(bytes);
}

Blob random_blob(u64 seed) {
  std::vector<Fr> p(kFieldElementsPerBlob);
  for (size_t i = 0; i < p.size(); ++i) p[i] = random_fr(seed * 100003 + i);
  return *Blob::from_polynomial(std::move(p));
}

Bytes bytes_of(ByteView v) { return Bytes(v.begin(), v.end()); }

// --- the trusted setup ---

TEST(KzgTrustedSetup, LoadsTheMainnetSetup) {
  const TrustedSetup& s = setup();
  EXPECT_EQ(s.g1_lagrange_brp().size(), 4096u);
  EXPECT_EQ(s.g1_monomial().size(), 4096u);
  EXPECT_EQ(s.g2_monomial().size(), 65u);
  EXPECT_EQ(s.g1_monomial()[0], G1Affine::generator());
}

void expect_setup_error(const std::string& text, const std::string& fragment) {
  auto s = TrustedSetup::parse(text);
  ASSERT_FALSE(s.ok()) << fragment;
  EXPECT_EQ(s.error().code, KzgError::kBadTrustedSetup);
  EXPECT_NE(s.error().message.find(fragment), std::string::npos) << s.error().message;
}

TEST(KzgTrustedSetup, RejectsBadHeadersAndLinesWithTheirNumbers) {
  const std::string text = setup_text();
  expect_setup_error("", "line 1: missing number of G1 points");
  expect_setup_error(replace_line(text, 1, "4095"), "line 1: number of G1 points: expected 4096");
  expect_setup_error(replace_line(text, 2, "64"), "line 2: number of G2 points: expected 65");
  expect_setup_error("4096\n65\n", "line 3: file ends after 0 of 4096 G1 Lagrange points");
  // A point line too short, not hex, off the curve, or a G1 point where G2 belongs.
  expect_setup_error(replace_line(text, 7, line_of(text, 7).substr(2)),
                     "line 7: G1 Lagrange point 4: expected 96 hex digits, got 94");
  std::string not_hex = line_of(text, 8);
  not_hex[10] = 'g';
  expect_setup_error(replace_line(text, 8, not_hex), "line 8: G1 Lagrange point 5: not hex");
  std::string off_curve = line_of(text, 9);
  off_curve[95] = off_curve[95] == '0' ? '1' : '0';
  auto off = TrustedSetup::parse(replace_line(text, 9, off_curve));
  ASSERT_FALSE(off.ok());
  EXPECT_NE(off.error().message.find("line 9: G1 Lagrange point 6: "), std::string::npos)
      << off.error().message;
  expect_setup_error(replace_line(text, 4099, line_of(text, 3)),
                     "line 4099: G2 monomial point 0: expected 192 hex digits, got 96");
  expect_setup_error(text + "00\n", "line 8260: unexpected content after the last point");
  // Truncated in the last section.
  expect_setup_error(text.substr(0, text.size() - 97), "line 8259: file ends after 4095 of 4096");
}

TEST(KzgTrustedSetup, RejectsInconsistentPoints) {
  const std::string text = setup_text();
  // A valid point in the wrong place: the Lagrange points no longer sum to G1.
  expect_setup_error(replace_line(text, 4, line_of(text, 3)),
                     "the G1 Lagrange points do not sum to the generator");
  // [s]G1 replaced by [s^2]G1: no longer the secret of [s]G2.
  expect_setup_error(replace_line(text, 4165, line_of(text, 4166)),
                     "not powers of the same secret");
  expect_setup_error(replace_line(text, 4164, line_of(text, 4165)),
                     "G1 monomial point 0 is not the generator");
  auto missing = TrustedSetup::load_file("/nonexistent/setup.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("cannot open /nonexistent/setup.txt"), std::string::npos);
}

// --- the domain and evaluation ---

TEST(KzgPolynomial, RootsOfUnityInBitReversedOrder) {
  const std::vector<Fr>& roots = roots_of_unity_brp();
  ASSERT_EQ(roots.size(), 4096u);
  EXPECT_EQ(roots[0], Fr::one());
  EXPECT_EQ(roots[1], -Fr::one());  // reverse_bits(1) = 2048: w^2048 = -1, so w is primitive
  const Fr w = roots[reverse_bits(1, 4096)];
  EXPECT_EQ(w.pow(u64{4096}), Fr::one());
  EXPECT_NE(w.pow(u64{2048}), Fr::one());
  for (size_t i = 0; i < 4096; i += 97) EXPECT_EQ(roots[i], w.pow(u64{reverse_bits(i, 4096)}));
  EXPECT_EQ(reverse_bits(0b000000000011, 4096), 0b110000000000u);
}

// p(x) = sum c_j x^j by Horner's rule.
Fr horner(const std::vector<Fr>& c, const Fr& x) {
  Fr acc;
  for (size_t j = c.size(); j-- > 0;) acc = acc * x + c[j];
  return acc;
}

TEST(KzgPolynomial, BarycentricEvaluationMatchesHorner) {
  std::vector<Fr> coefficients;
  for (u64 j = 0; j < 40; ++j) coefficients.push_back(random_fr(900 + j));
  std::vector<Fr> evals;
  for (const Fr& w : roots_of_unity_brp()) evals.push_back(horner(coefficients, w));
  for (u64 k = 0; k < 5; ++k) {
    const Fr z = random_fr(7000 + k);
    EXPECT_EQ(evaluate_polynomial_in_evaluation_form(evals, z), horner(coefficients, z)) << k;
  }
  // In the domain: the stored value.
  EXPECT_EQ(evaluate_polynomial_in_evaluation_form(evals, roots_of_unity_brp()[77]), evals[77]);
}

TEST(KzgBlob, RejectsBadLengthsAndNonCanonicalElements) {
  Bytes b(kBytesPerBlob, 0);
  EXPECT_TRUE(Blob::from_bytes(b).ok());
  EXPECT_EQ(Blob::from_bytes(ByteView(b).first(kBytesPerBlob - 1)).error().code,
            KzgError::kBadLength);
  // Element 5 = r: not canonical.
  const auto r = *from_hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  std::copy(r.begin(), r.end(), b.begin() + 5 * 32);
  auto bad = Blob::from_bytes(b);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, KzgError::kNotCanonical);
  EXPECT_NE(bad.error().message.find("element 5"), std::string::npos);
  b[5 * 32 + 31] = 0;  // r - 1
  EXPECT_TRUE(Blob::from_bytes(b).ok());
}

// The commitment of p(x) = 3 + 5x from its values (Lagrange points, bit-reversed) equals
// [3]G1 + [5][s]G1 from the monomial points: checks the bit-reversal of the setup.
TEST(KzgCommitment, LagrangeFormAgreesWithMonomialForm) {
  std::vector<Fr> evals;
  for (const Fr& w : roots_of_unity_brp()) evals.push_back(Fr::from_u64(3) + Fr::from_u64(5) * w);
  const KzgCommitment c = blob_to_kzg_commitment(*Blob::from_polynomial(evals), setup());
  const G1 want = G1::from_affine(setup().g1_monomial()[0]).mul_vartime(Fr::from_u64(3)) +
                  G1::from_affine(setup().g1_monomial()[1]).mul_vartime(Fr::from_u64(5));
  EXPECT_EQ(to_hex(c), to_hex(g1_to_compressed(want.to_affine())));
}

// --- the c-kzg-4844 suite ---

struct Counts {
  int cases = 0, valid = 0, invalid = 0;
};
void print_counts(const char* function, const Counts& n) {
  std::cout << "[kzg] " << function << ": " << n.cases << " cases (" << n.valid
            << " with an output, " << n.invalid << " that must fail)\n";
}

TEST(KzgConformance, BlobToKzgCommitment) {
  Counts n;
  for (const KzgCase& c : read_kzg_cases("blob_to_kzg_commitment")) {
    ++n.cases;
    auto blob = Blob::from_bytes(c.input.at("blob"));
    if (c.output_null) {
      ++n.invalid;
      EXPECT_FALSE(blob.ok()) << c.name;
      continue;
    }
    ++n.valid;
    ASSERT_TRUE(blob.ok()) << c.name << ": " << blob.error().message;
    EXPECT_EQ(to_hex(blob_to_kzg_commitment(*blob, setup())), c.output) << c.name;
  }
  EXPECT_EQ(n.cases, 11);
  print_counts("blob_to_kzg_commitment", n);
}

TEST(KzgConformance, ComputeChallenge) {
  Counts n;
  for (const KzgCase& c : read_kzg_cases("compute_challenge")) {
    ++n.cases;
    auto blob = Blob::from_bytes(c.input.at("blob"));
    const Bytes& commitment = c.input.at("commitment");
    if (c.output_null) {
      ++n.invalid;
      EXPECT_TRUE(!blob.ok() || commitment.size() != 48) << c.name;
      continue;
    }
    ++n.valid;
    ASSERT_TRUE(blob.ok()) << c.name;
    ASSERT_EQ(commitment.size(), 48u) << c.name;
    KzgCommitment cm;
    std::copy(commitment.begin(), commitment.end(), cm.begin());
    EXPECT_EQ(to_hex(bls_field_to_bytes(compute_challenge(*blob, cm))), c.output) << c.name;
  }
  EXPECT_EQ(n.cases, 9);
  print_counts("compute_challenge", n);
}

TEST(KzgConformance, VerifyKzgProof) {
  Counts n;
  for (const KzgCase& c : read_kzg_cases("verify_kzg_proof")) {
    ++n.cases;
    auto ok = verify_kzg_proof(c.input.at("commitment"), c.input.at("z"), c.input.at("y"),
                               c.input.at("proof"), setup());
    if (c.output_null) {
      ++n.invalid;
      EXPECT_FALSE(ok.ok()) << c.name;
      continue;
    }
    ++n.valid;
    ASSERT_TRUE(ok.ok()) << c.name << ": " << ok.error().message;
    EXPECT_EQ(*ok ? "true" : "false", c.output) << c.name;
  }
  EXPECT_EQ(n.cases, 122);
  print_counts("verify_kzg_proof", n);
}

TEST(KzgConformance, VerifyBlobKzgProof) {
  Counts n;
  for (const KzgCase& c : read_kzg_cases("verify_blob_kzg_proof")) {
    ++n.cases;
    auto blob = Blob::from_bytes(c.input.at("blob"));
    Result<bool> ok = blob.ok() ? verify_blob_kzg_proof(*blob, c.input.at("commitment"),
                                                        c.input.at("proof"), setup())
                                : Result<bool>(blob.error());
    if (c.output_null) {
      ++n.invalid;
      EXPECT_FALSE(ok.ok()) << c.name;
      continue;
    }
    ++n.valid;
    ASSERT_TRUE(ok.ok()) << c.name << ": " << ok.error().message;
    EXPECT_EQ(*ok ? "true" : "false", c.output) << c.name;
    // The same case as a batch of one, and twice over in a batch of two.
    const Bytes cm = c.input.at("commitment"), pf = c.input.at("proof");
    const std::vector<Blob> blobs{*blob, *blob};
    const std::vector<Bytes> cms{cm, cm}, pfs{pf, pf};
    auto batch1 = verify_blob_kzg_proof_batch(std::span(blobs).first(1), std::span(cms).first(1),
                                              std::span(pfs).first(1), setup());
    auto batch2 = verify_blob_kzg_proof_batch(blobs, cms, pfs, setup());
    ASSERT_TRUE(batch1.ok() && batch2.ok()) << c.name;
    EXPECT_EQ(*batch1, *ok) << c.name;
    EXPECT_EQ(*batch2, *ok) << c.name;
  }
  EXPECT_EQ(n.cases, 29);
  print_counts("verify_blob_kzg_proof", n);
}

// --- round trips ---

TEST(KzgRoundTrip, ComputeKzgProofThenVerify) {
  const Blob blob = random_blob(1);
  const KzgCommitment commitment = blob_to_kzg_commitment(blob, setup());
  // A point outside the domain and one inside (the quotient's 0/0 case).
  const Bytes32 z_outside = bls_field_to_bytes(random_fr(42));
  const Bytes32 z_inside = bls_field_to_bytes(roots_of_unity_brp()[1234]);
  for (const Bytes32& z : {z_outside, z_inside}) {
    auto proof = compute_kzg_proof(blob, z, setup());
    ASSERT_TRUE(proof.ok()) << proof.error().message;
    const auto& [pi, y] = *proof;
    EXPECT_EQ(y, bls_field_to_bytes(evaluate_polynomial_in_evaluation_form(
                     blob.polynomial(), *bytes_to_bls_field(z))));
    auto ok = verify_kzg_proof(commitment, z, y, pi, setup());
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_TRUE(*ok);
    // Another y, another z, another proof: all false.
    const Bytes32 y2 = bls_field_to_bytes(*bytes_to_bls_field(y) + Fr::one());
    const Bytes32 z2 = bls_field_to_bytes(*bytes_to_bls_field(z) + Fr::one());
    EXPECT_FALSE(*verify_kzg_proof(commitment, z, y2, pi, setup()));
    EXPECT_FALSE(*verify_kzg_proof(commitment, z2, y, pi, setup()));
    EXPECT_FALSE(*verify_kzg_proof(commitment, z, y, g1_to_compressed(G1Affine::generator()),
                                   setup()));
  }
  EXPECT_EQ(compute_kzg_proof(blob, Bytes(31, 0), setup()).error().code,
            KzgError::kBadLength);
}

TEST(KzgRoundTrip, BlobProofsSingleAndBatched) {
  std::vector<Blob> blobs;
  std::vector<Bytes> commitments, proofs;
  for (u64 i = 0; i < 3; ++i) {
    blobs.push_back(random_blob(10 + i));
    commitments.push_back(bytes_of(blob_to_kzg_commitment(blobs.back(), setup())));
    auto proof = compute_blob_kzg_proof(blobs.back(), commitments.back(), setup());
    ASSERT_TRUE(proof.ok()) << proof.error().message;
    proofs.push_back(bytes_of(*proof));
    auto ok = verify_blob_kzg_proof(blobs.back(), commitments.back(), proofs.back(), setup());
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(*ok) << i;
  }
  auto all = verify_blob_kzg_proof_batch(blobs, commitments, proofs, setup());
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(*all);
  auto none = verify_blob_kzg_proof_batch({}, {}, {}, setup());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(*none);

  // One bad proof (blob 1's proof swapped for blob 2's) fails the batch.
  std::vector<Bytes> bad = proofs;
  bad[1] = proofs[2];
  EXPECT_FALSE(*verify_blob_kzg_proof(blobs[1], commitments[1], bad[1], setup()));
  EXPECT_FALSE(*verify_blob_kzg_proof_batch(blobs, commitments, bad, setup()));
  // Two proofs swapped, commitments swapped: false too.
  std::vector<Bytes> swapped = commitments;
  std::swap(swapped[0], swapped[2]);
  EXPECT_FALSE(*verify_blob_kzg_proof_batch(blobs, swapped, proofs, setup()));

  // Malformed inputs are errors, not false.
  EXPECT_EQ(verify_blob_kzg_proof_batch(blobs, std::span(commitments).first(2), proofs, setup())
                .error()
                .code,
            KzgError::kBadLength);
  std::vector<Bytes> not_a_point = proofs;
  not_a_point[0][5] ^= 1;
  EXPECT_EQ(verify_blob_kzg_proof_batch(blobs, commitments, not_a_point, setup()).error().code,
            KzgError::kBadPoint);
  EXPECT_EQ(compute_blob_kzg_proof(blobs[0], Bytes(47, 0), setup()).error().code,
            KzgError::kBadLength);
}

}  // namespace
}  // namespace dusk::crypto::kzg
