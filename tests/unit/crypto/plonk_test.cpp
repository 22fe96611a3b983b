// PLONK over BN254 against proofs made by the real toolchain: the circuits of
// tests/fixtures/zk/circuits compiled by circom2 and proved by snarkjs with `plonk`
// (scripts/make-zk-fixtures.mjs). Every valid proof verifies; every tampered commitment,
// evaluation and public input, every proof under another or an altered key is rejected;
// malformed files and inconsistent keys fail with their error code.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "crypto/plonk/snarkjs_json.hpp"
#include "crypto/plonk/snarkjs_verifier.hpp"
#include "support/zk_fixtures.hpp"

namespace dusk::crypto::plonk::snarkjs {
namespace {

using Json = nlohmann::json;
using test::code_of;
using test::read_text;

struct Files {
  std::string vk, proof, pub;
};

Files files_of(const std::string& circuit) {
  const std::string dir = std::string(DUSK_ZK_FIXTURES "/plonk_bn128/") + circuit + "/";
  return {read_text(dir + "verification_key.json"), read_text(dir + "proof.json"),
          read_text(dir + "public.json")};
}

struct Loaded {
  VerifyingKey vk;
  PreparedVerifyingKey pvk;
  Proof proof;
  std::vector<Fr> inputs;
};

Loaded load(const std::string& circuit) {
  const Files f = files_of(circuit);
  auto vk = parse_verification_key(f.vk);
  auto proof = parse_proof(f.proof);
  auto inputs = parse_public_inputs(f.pub);
  EXPECT_TRUE(vk.ok()) << circuit << ": " << (vk.ok() ? "" : vk.error().message);
  EXPECT_TRUE(proof.ok()) << circuit << ": " << (proof.ok() ? "" : proof.error().message);
  EXPECT_TRUE(inputs.ok()) << circuit << ": " << (inputs.ok() ? "" : inputs.error().message);
  Loaded l;
  l.vk = *vk;
  auto pvk = prepare(l.vk);
  EXPECT_TRUE(pvk.ok()) << circuit << ": " << (pvk.ok() ? "" : pvk.error().message);
  if (pvk.ok()) l.pvk = *pvk;
  l.proof = *proof;
  l.inputs = *inputs;
  return l;
}

bool verifies(const PreparedVerifyingKey& pvk, const Proof& proof, const std::vector<Fr>& inputs) {
  auto r = verify(pvk, proof, std::span<const Fr>(inputs));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() && *r;
}

G1Affine plus_generator(const G1Affine& p) {
  return (bn254::G1::from_affine(p) + bn254::G1::generator()).to_affine();
}

TEST(PlonkTest, AcceptsEveryProofOfTheToolchain) {
  for (const char* circuit : test::kZkCircuits) {
    SCOPED_TRACE(circuit);
    const Loaded l = load(circuit);
    EXPECT_EQ(l.inputs.size(), l.vk.n_public);
    EXPECT_TRUE(verifies(l.pvk, l.proof, l.inputs));
  }
  EXPECT_EQ(load("sixteen_inputs").inputs.size(), 16u);
}

TEST(PlonkTest, RootOfUnityIsSnarkjsAndHasTheDomainsOrder) {
  // The fixtures' keys carry snarkjs's w for their power.
  for (const char* circuit : test::kZkCircuits) {
    const Loaded l = load(circuit);
    EXPECT_EQ(root_of_unity(l.vk.power), l.vk.w) << circuit;
  }
  for (unsigned p = 0; p <= kMaxPower; ++p) {
    Fr w = root_of_unity(p);
    for (unsigned i = 1; i < p; ++i) w = w.square();
    // w^(2^(p-1)) = -1 (order exactly 2^p), then 1.
    if (p > 0) {
      EXPECT_EQ(w, -Fr::one()) << p;
      w = w.square();
    }
    EXPECT_EQ(w, Fr::one()) << p;
  }
}

TEST(PlonkTest, RejectsTamperedProofs) {
  for (const char* circuit : test::kZkCircuits) {
    SCOPED_TRACE(circuit);
    const Loaded l = load(circuit);
    G1Affine Proof::*const commitments[] = {&Proof::a,  &Proof::b,  &Proof::c,
                                            &Proof::z,  &Proof::t1, &Proof::t2,
                                            &Proof::t3, &Proof::wxi, &Proof::wxiw};
    for (size_t i = 0; i < std::size(commitments); ++i) {
      Proof p = l.proof;
      p.*commitments[i] = plus_generator(p.*commitments[i]);
      EXPECT_FALSE(verifies(l.pvk, p, l.inputs)) << "commitment " << i;
      p.*commitments[i] = G1Affine::identity();
      EXPECT_FALSE(verifies(l.pvk, p, l.inputs)) << "commitment " << i << " as the identity";
    }
    Fr Proof::*const evaluations[] = {&Proof::eval_a,  &Proof::eval_b,  &Proof::eval_c,
                                      &Proof::eval_s1, &Proof::eval_s2, &Proof::eval_zw};
    for (size_t i = 0; i < std::size(evaluations); ++i) {
      Proof p = l.proof;
      p.*evaluations[i] = p.*evaluations[i] + Fr::one();
      EXPECT_FALSE(verifies(l.pvk, p, l.inputs)) << "evaluation " << i;
    }
    // Two commitments swapped.
    Proof swapped = l.proof;
    std::swap(swapped.a, swapped.b);
    EXPECT_FALSE(verifies(l.pvk, swapped, l.inputs));
  }
}

TEST(PlonkTest, RejectsTamperedPublicInputs) {
  for (const char* circuit : test::kZkCircuits) {
    SCOPED_TRACE(circuit);
    const Loaded l = load(circuit);
    for (size_t i = 0; i < l.inputs.size(); ++i) {
      auto inputs = l.inputs;
      inputs[i] = inputs[i] + Fr::one();
      EXPECT_FALSE(verifies(l.pvk, l.proof, inputs)) << "input " << i;
    }
    // A wrong number of inputs is an error, not a false.
    auto more = l.inputs;
    more.push_back(Fr::one());
    EXPECT_EQ(code_of(verify(l.pvk, l.proof, more)), ProofError::kCountMismatch);
    auto fewer = l.inputs;
    fewer.pop_back();
    EXPECT_EQ(code_of(verify(l.pvk, l.proof, fewer)), ProofError::kCountMismatch);
  }
}

TEST(PlonkTest, RejectsProofsUnderAnotherOrAlteredKey) {
  // poseidon_preimage and merkle_membership both have one public input.
  const Loaded a = load("poseidon_preimage");
  const Loaded b = load("merkle_membership");
  ASSERT_EQ(a.vk.n_public, b.vk.n_public);
  EXPECT_FALSE(verifies(b.pvk, a.proof, a.inputs));
  EXPECT_FALSE(verifies(a.pvk, b.proof, b.inputs));

  const Loaded l = load("range_check");
  G1Affine VerifyingKey::*const points[] = {&VerifyingKey::qm, &VerifyingKey::ql,
                                            &VerifyingKey::qr, &VerifyingKey::qo,
                                            &VerifyingKey::qc, &VerifyingKey::s1,
                                            &VerifyingKey::s2, &VerifyingKey::s3};
  for (size_t i = 0; i < std::size(points); ++i) {
    VerifyingKey vk = l.vk;
    vk.*points[i] = plus_generator(vk.*points[i]);
    auto pvk = prepare(vk);
    ASSERT_TRUE(pvk.ok());
    EXPECT_FALSE(verifies(*pvk, l.proof, l.inputs)) << "key point " << i;
  }
  for (Fr VerifyingKey::*k : {&VerifyingKey::k1, &VerifyingKey::k2}) {
    VerifyingKey vk = l.vk;
    vk.*k = vk.*k + Fr::one();
    EXPECT_FALSE(verifies(*prepare(vk), l.proof, l.inputs));
  }
  VerifyingKey vk = l.vk;
  vk.x2 = (bn254::G2::from_affine(vk.x2) + bn254::G2::generator()).to_affine();
  EXPECT_FALSE(verifies(*prepare(vk), l.proof, l.inputs));
}

TEST(PlonkTest, RejectsInconsistentDomains) {
  const Loaded l = load("sixteen_inputs");
  VerifyingKey vk = l.vk;
  vk.w = vk.w.square();  // a root of unity, of the wrong order
  EXPECT_EQ(code_of(prepare(vk)), ProofError::kBadDomain);
  vk = l.vk;
  vk.power += 1;  // w no longer matches the power
  EXPECT_EQ(code_of(prepare(vk)), ProofError::kBadDomain);
  vk = l.vk;
  vk.power = 3;  // 8 points for 16 inputs
  vk.w = root_of_unity(3);
  EXPECT_EQ(code_of(prepare(vk)), ProofError::kBadDomain);
  vk.power = 4;  // 16 points: fits (the proof is for another domain, so it is false)
  vk.w = root_of_unity(4);
  auto pvk = prepare(vk);
  ASSERT_TRUE(pvk.ok()) << pvk.error().message;
  EXPECT_FALSE(verifies(*pvk, l.proof, l.inputs));
  vk.power = kMaxPower + 1;
  EXPECT_EQ(code_of(prepare(vk)), ProofError::kBadDomain);
}

// Each case: a change to one of the three files and the error it must produce.
TEST(PlonkTest, RejectsMalformedSnarkjsFiles) {
  const Files f = files_of("range_check");
  const std::string p_dec = test::decimal(bn254::FpParams::kModulus);
  const std::string r_dec = test::decimal(bn254::FrParams::kModulus);
  const Json outside_g2 = test::g2_json(test::g2_outside_subgroup<G2Affine>(
      [](const G2Affine& q) { return bn254::g2_in_subgroup(bn254::G2::from_affine(q)); }));
  const std::vector<test::FileCase> cases = {
      {"Qm off the curve", 0, [](Json& j) { j["Qm"][1] = "1"; }, ProofError::kNotOnCurve},
      {"S3 x = p", 0, [&](Json& j) { j["S3"][0] = p_dec; }, ProofError::kNotCanonical},
      {"X_2 outside G2", 0, [&](Json& j) { j["X_2"] = outside_g2; }, ProofError::kNotInSubgroup},
      {"X_2 off the curve", 0, [](Json& j) { j["X_2"][1][0] = "5"; }, ProofError::kNotOnCurve},
      {"k1 = r", 0, [&](Json& j) { j["k1"] = r_dec; }, ProofError::kScalarOutOfRange},
      {"w with a leading zero", 0, [](Json& j) { j["w"] = "0" + j["w"].get<std::string>(); },
       ProofError::kBadNumber},
      {"power 29", 0, [](Json& j) { j["power"] = 29; }, ProofError::kBadDomain},
      {"power a string", 0, [](Json& j) { j["power"] = "10"; }, ProofError::kBadJson},
      {"nPublic too large", 0, [](Json& j) { j["nPublic"] = zk::kMaxPublicInputs + 1; },
       ProofError::kTooManyInputs},
      {"missing Qc", 0, [](Json& j) { j.erase("Qc"); }, ProofError::kBadJson},
      {"missing w", 0, [](Json& j) { j.erase("w"); }, ProofError::kBadJson},
      {"protocol groth16", 0, [](Json& j) { j["protocol"] = "groth16"; }, ProofError::kWrongProtocol},
      {"curve bls12381", 0, [](Json& j) { j["curve"] = "bls12381"; }, ProofError::kWrongCurve},
      {"key without protocol", 0, [](Json& j) { j.erase("protocol"); }, ProofError::kBadJson},
      {"A off the curve", 1, [](Json& j) { j["A"][0] = "3"; }, ProofError::kNotOnCurve},
      {"Wxiw with Z = 2", 1, [](Json& j) { j["Wxiw"][2] = "2"; }, ProofError::kBadJson},
      {"T2 y = p", 1, [&](Json& j) { j["T2"][1] = p_dec; }, ProofError::kNotCanonical},
      {"eval_zw = r", 1, [&](Json& j) { j["eval_zw"] = r_dec; }, ProofError::kScalarOutOfRange},
      {"eval_a negative", 1, [](Json& j) { j["eval_a"] = "-1"; }, ProofError::kBadNumber},
      {"eval_b a number", 1, [](Json& j) { j["eval_b"] = 5; }, ProofError::kBadJson},
      {"missing Z", 1, [](Json& j) { j.erase("Z"); }, ProofError::kBadJson},
      {"bad identity", 1, [](Json& j) { j["C"] = Json::array({"1", "1", "0"}); }, ProofError::kBadJson},
      {"proof of groth16", 1, [](Json& j) { j["protocol"] = "groth16"; }, ProofError::kWrongProtocol},
      {"proof of another curve", 1, [](Json& j) { j["curve"] = "bls12381"; }, ProofError::kWrongCurve},
      {"input = r", 2, [&](Json& j) { j[0] = r_dec; }, ProofError::kScalarOutOfRange},
      {"input hex", 2, [](Json& j) { j[0] = "0x11"; }, ProofError::kBadNumber},
      {"inputs an object", 2, [](Json& j) { j = Json::object(); }, ProofError::kBadJson},
  };
  test::expect_file_errors(
      {f.vk, f.proof, f.pub}, cases,
      {[](const std::string& t) { return code_of(parse_verification_key(t)); },
       [](const std::string& t) { return code_of(parse_proof(t)); },
       [](const std::string& t) { return code_of(parse_public_inputs(t)); }});
  // The identity, written as snarkjs writes it, is read (and such a proof is false).
  Json proof = Json::parse(f.proof);
  proof["T3"] = test::g1_json(G1Affine::identity());
  auto parsed = parse_proof(proof.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->t3.infinity);
  const Loaded l = load("range_check");
  EXPECT_FALSE(verifies(l.pvk, *parsed, l.inputs));
}

}  // namespace
}  // namespace dusk::crypto::plonk::snarkjs
