// The EIP-4844 point evaluation precompile (src/duskevm/precompiles/point_evaluation):
// go-ethereum's vector ../shared/testdata/crypto/precompiles/pointEvaluation.json, a
// proof made here with src/crypto/kzg, and constructed failures (lengths, versioned hash,
// z or y >= r, points that do not decode, a false proof), each with go-ethereum's reason.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crypto/bls12_381/serialization.hpp"
#include "crypto/kzg/kzg.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"

namespace dusk::evm {
namespace {

namespace kzg = crypto::kzg;

const kzg::TrustedSetup& setup() {
  const auto& s = point_evaluation_trusted_setup();
  if (!s) {
    ADD_FAILURE() << s.error().message;
    std::abort();
  }
  return *s;
}

const std::string kExpected =
    "000000000000000000000000000000000000000000000000000000000000100073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

// versioned_hash || z || y || commitment || proof.
Bytes make_input(ByteView z, ByteView y, ByteView commitment, ByteView proof) {
  Bytes in;
  auto vh = kzg_to_versioned_hash(commitment);
  in.insert(in.end(), vh.begin(), vh.end());
  for (ByteView part : {z, y, commitment, proof}) in.insert(in.end(), part.begin(), part.end());
  return in;
}

void expect_failure(ByteView input, const std::string& reason_prefix) {
  auto out = point_evaluation(input, setup());
  ASSERT_FALSE(out.ok()) << reason_prefix;
  EXPECT_EQ(out.error().message.rfind(reason_prefix, 0), 0u) << out.error().message;
}

TEST(PointEvaluation, GoEthereumVectors) {
  std::ifstream f(std::string(DUSK_TESTDATA) + "/crypto/precompiles/pointEvaluation.json");
  const nlohmann::json doc = nlohmann::json::parse(f, nullptr, false);
  ASSERT_TRUE(doc.is_array());
  int n = 0;
  for (const auto& t : doc) {
    const Bytes input = *from_hex(t.at("Input").get<std::string>());
    EXPECT_EQ(kPointEvaluation.gas(input), t.at("Gas").get<u64>());
    auto out = kPointEvaluation.run(input);
    ASSERT_TRUE(out.ok()) << t.at("Name") << ": " << out.error().message;
    EXPECT_EQ(to_hex(*out), t.at("Expected").get<std::string>()) << t.at("Name");
    ++n;
  }
  EXPECT_EQ(n, 1);
  std::cout << "[point_evaluation] " << n << " go-ethereum vector(s) passed\n";
}

TEST(PointEvaluation, ProofMadeHereAndItsFailures) {
  std::vector<kzg::Fr> p;
  for (u64 i = 0; i < kzg::kFieldElementsPerBlob; ++i) p.push_back(kzg::Fr::from_u64(i * i + 3));
  const kzg::Blob blob = *kzg::Blob::from_polynomial(std::move(p));
  const kzg::KzgCommitment c = kzg::blob_to_kzg_commitment(blob, setup());
  const kzg::Bytes32 z = kzg::bls_field_to_bytes(kzg::Fr::from_u64(0x1234567));
  auto proof = kzg::compute_kzg_proof(blob, z, setup());
  ASSERT_TRUE(proof.ok());
  const auto& [pi, y] = *proof;
  const Bytes good = make_input(z, y, c, pi);
  auto out = point_evaluation(good, setup());
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(to_hex(*out), kExpected);
  int failures = 0;
  auto fail = [&](ByteView in, const std::string& why) {
    expect_failure(in, why);
    ++failures;
  };

  // Lengths.
  fail({}, "invalid input length");
  fail(ByteView(good).first(191), "invalid input length");
  Bytes longer = good;
  longer.push_back(0);
  fail(longer, "invalid input length");
  // Versioned hash: another version byte, another hash bit.
  Bytes bad = good;
  bad[0] = 0x02;
  fail(bad, "mismatched versioned hash");
  bad = good;
  bad[31] ^= 1;
  fail(bad, "mismatched versioned hash");
  // z or y = r, and all ones (both >= r), with a matching versioned hash.
  const Bytes r = *from_hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
  const Bytes ones(32, 0xff);
  for (const Bytes& big : {r, ones}) {
    fail(make_input(big, y, c, pi), "error verifying kzg proof: z: not a canonical");
    fail(make_input(z, big, c, pi), "error verifying kzg proof: y: not a canonical");
  }
  // Points that do not decode: a commitment off the curve, a proof with a bad flag, the
  // infinity flag with a non-zero bit.
  Bytes off_curve(c.begin(), c.end());
  off_curve[47] ^= 1;
  if (crypto::bls12_381::g1_from_compressed(off_curve).ok()) off_curve[47] ^= 3;
  fail(make_input(z, y, off_curve, pi), "error verifying kzg proof: commitment: not a valid G1");
  Bytes uncompressed_flag(pi.begin(), pi.end());
  uncompressed_flag[0] &= 0x7f;
  fail(make_input(z, y, c, uncompressed_flag), "error verifying kzg proof: proof: not a valid G1");
  Bytes bad_infinity(48, 0);
  bad_infinity[0] = 0xc0;
  bad_infinity[47] = 1;
  fail(make_input(z, y, c, bad_infinity), "error verifying kzg proof: proof: not a valid G1");
  // Well formed but false: another y, another z, the proof of another point.
  const kzg::Bytes32 y2 = kzg::bls_field_to_bytes(*kzg::bytes_to_bls_field(y) + kzg::Fr::one());
  fail(make_input(z, y2, c, pi), "error verifying kzg proof: the proof is false");
  fail(make_input(y, y, c, pi), "error verifying kzg proof: the proof is false");
  Bytes identity(48, 0);
  identity[0] = 0xc0;
  fail(make_input(z, y, c, identity), "error verifying kzg proof: the proof is false");
  std::cout << "[point_evaluation] 1 proof made here passed, " << failures
            << " constructed failures rejected\n";
}

TEST(PointEvaluation, SetupPathFromEnvironmentOrBuild) {
  const std::string built_in = point_evaluation_trusted_setup_path();
  EXPECT_NE(built_in.find("trusted_setup.txt"), std::string::npos);
  ASSERT_EQ(setenv("DUSK_KZG_TRUSTED_SETUP", "/somewhere/else.txt", 1), 0);
  EXPECT_EQ(point_evaluation_trusted_setup_path(), "/somewhere/else.txt");
  ASSERT_EQ(unsetenv("DUSK_KZG_TRUSTED_SETUP"), 0);
  EXPECT_EQ(point_evaluation_trusted_setup_path(), built_in);
  EXPECT_EQ(kPointEvaluation.gas({}), 50000u);
  EXPECT_STREQ(kPointEvaluation.name, "KZG_POINT_EVALUATION");
}

// Every call fails, with the loader's reason, when the process-wide setup could not be
// loaded. The discovered run has the setup; CTest also runs this test alone with
// DUSK_KZG_TRUSTED_SETUP=/nonexistent/trusted_setup.txt (tests/unit/duskevm/CMakeLists.txt).
TEST(PointEvaluationSetup, CallsFailWhenTheSetupCannotBeLoaded) {
  const char* env = std::getenv("DUSK_KZG_TRUSTED_SETUP");
  const bool forced_missing = env != nullptr && std::string(env).starts_with("/nonexistent/");
  const auto& s = point_evaluation_trusted_setup();
  EXPECT_EQ(s.ok(), !forced_missing);
  const Bytes input(kPointEvaluationInputSize, 0);
  auto out = kPointEvaluation.run(input);
  ASSERT_FALSE(out.ok());
  if (s.ok()) {
    EXPECT_EQ(out.error().message, "mismatched versioned hash");
  } else {
    EXPECT_EQ(out.error().message, "kzg trusted setup unavailable: " + s.error().message);
    EXPECT_NE(out.error().message.find("cannot open /nonexistent/"), std::string::npos);
  }
}

}  // namespace
}  // namespace dusk::evm
