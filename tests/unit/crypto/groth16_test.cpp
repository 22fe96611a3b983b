// Groth16 over BN254 and BLS12-381 against proofs made by the real toolchain: the
// circuits of tests/fixtures/zk/circuits compiled by circom2 and proved by snarkjs
// (scripts/make-zk-fixtures.mjs). Every valid proof verifies, through the snarkjs JSON
// files and through the binary form; every tampered proof, tampered public input and
// wrong key is rejected; batches of re-randomized proofs verify and fail with one bad
// member; malformed files and encodings fail with their error code.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/groth16/verifier.hpp"
#include "support/zk_fixtures.hpp"

namespace dusk::crypto::groth16 {
namespace {

using Json = nlohmann::json;

using test::code_of;
using test::dec;
using test::decimal;
using test::g1_json;
using test::g2_json;
using test::read_text;
constexpr auto& kCircuits = test::kZkCircuits;

template <typename E>
std::string fixture_dir();
template <>
std::string fixture_dir<Bn254Engine>() { return DUSK_ZK_FIXTURES "/groth16_bn128/"; }
template <>
std::string fixture_dir<Bls12_381Engine>() { return DUSK_ZK_FIXTURES "/groth16_bls12381/"; }

// The three files of one circuit, as text.
struct Files {
  std::string vk, proof, pub;
};

template <typename E>
Files files_of(const std::string& circuit) {
  const std::string dir = fixture_dir<E>() + circuit + "/";
  return {read_text(dir + "verification_key.json"), read_text(dir + "proof.json"),
          read_text(dir + "public.json")};
}

// A point on the twist curve outside G2.
template <typename E>
typename E::G2Affine g2_outside_subgroup() {
  return test::g2_outside_subgroup<typename E::G2Affine>(&E::g2_in_subgroup);
}

// A loaded circuit: its key (plain and prepared), proof and inputs.
template <typename E>
struct Loaded {
  VerifyingKey<E> vk;
  PreparedVerifyingKey<E> pvk;
  Proof<E> proof;
  std::vector<typename E::Fr> inputs;
};

template <typename E>
Loaded<E> load(const std::string& circuit) {
  const Files f = files_of<E>(circuit);
  auto vk = parse_verification_key<E>(f.vk);
  auto proof = parse_proof<E>(f.proof);
  auto inputs = parse_public_inputs<E>(f.pub);
  EXPECT_TRUE(vk.ok()) << circuit << ": " << (vk.ok() ? "" : vk.error().message);
  EXPECT_TRUE(proof.ok()) << circuit << ": " << (proof.ok() ? "" : proof.error().message);
  EXPECT_TRUE(inputs.ok()) << circuit << ": " << (inputs.ok() ? "" : inputs.error().message);
  Loaded<E> l;
  l.vk = *vk;
  l.pvk = prepare(l.vk);
  l.proof = *proof;
  l.inputs = *inputs;
  return l;
}

template <typename E>
bool verifies(const Loaded<E>& l, const Proof<E>& proof,
              const std::vector<typename E::Fr>& inputs) {
  auto r = verify(l.pvk, proof, std::span<const typename E::Fr>(inputs));
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() && *r;
}

// (A / s, s B + s t delta, C + t A): another valid proof of the same statement (Groth16
// proofs are publicly re-randomizable), for batches of distinct valid proofs.
template <typename E>
Proof<E> rerandomize(const Proof<E>& p, const VerifyingKey<E>& vk, u64 s_seed, u64 t_seed) {
  using Fr = typename E::Fr;
  const Fr s = Fr::from_u64(s_seed) * Fr::from_u64(0x9e3779b97f4a7c15ull) + Fr::one();
  const Fr t = Fr::from_u64(t_seed) * Fr::from_u64(0xbf58476d1ce4e5b9ull);
  const auto a = E::G1::from_affine(p.a);
  Proof<E> q;
  q.a = a.mul_vartime(s.inverse()).to_affine();
  q.b = (E::G2::from_affine(p.b).mul_vartime(s) +
         E::G2::from_affine(vk.delta).mul_vartime(s * t))
            .to_affine();
  q.c = (E::G1::from_affine(p.c) + a.mul_vartime(t)).to_affine();
  return q;
}

template <typename E>
class Groth16Test : public ::testing::Test {};
using Engines = ::testing::Types<Bn254Engine, Bls12_381Engine>;
struct EngineName {
  template <typename E>
  static std::string GetName(int) { return std::string(E::kName == "BN254" ? "Bn254" : "Bls12381"); }
};
TYPED_TEST_SUITE(Groth16Test, Engines, EngineName);

TYPED_TEST(Groth16Test, AcceptsEveryProofOfTheToolchain) {
  using E = TypeParam;
  size_t expected_inputs[] = {1, 2, 1, 16};
  for (size_t c = 0; c < std::size(kCircuits); ++c) {
    SCOPED_TRACE(kCircuits[c]);
    const auto l = load<E>(kCircuits[c]);
    EXPECT_EQ(l.vk.num_inputs(), expected_inputs[c]);
    EXPECT_EQ(l.inputs.size(), expected_inputs[c]);
    EXPECT_TRUE(verifies(l, l.proof, l.inputs));
    // The unprepared equation, term by term, agrees.
    auto sum = public_input_sum(l.pvk, std::span<const typename E::Fr>(l.inputs));
    ASSERT_TRUE(sum.ok());
    const typename E::PairingInput lhs[1] = {{l.proof.a, l.proof.b}};
    const typename E::PairingInput rhs[3] = {
        {l.vk.alpha, l.vk.beta}, {sum->to_affine(), l.vk.gamma}, {l.proof.c, l.vk.delta}};
    EXPECT_EQ(E::multi_pairing(lhs), E::multi_pairing(rhs));
  }
}

TYPED_TEST(Groth16Test, BinaryFormRoundTripsAndVerifies) {
  using E = TypeParam;
  for (const char* circuit : kCircuits) {
    SCOPED_TRACE(circuit);
    const auto l = load<E>(circuit);
    const Bytes vk_bytes = encode_verifying_key(l.vk);
    const Bytes proof_bytes = encode_proof(l.proof);
    const Bytes input_bytes = encode_public_inputs<E>(l.inputs);
    EXPECT_EQ(vk_bytes.size(), verifying_key_size<E>(l.vk.num_inputs()));
    EXPECT_EQ(proof_bytes.size(), proof_size<E>());
    EXPECT_EQ(input_bytes.size(), 32 * l.inputs.size());
    auto vk = decode_verifying_key<E>(vk_bytes);
    auto proof = decode_proof<E>(proof_bytes);
    auto inputs = decode_public_inputs<E>(input_bytes);
    ASSERT_TRUE(vk.ok() && proof.ok() && inputs.ok());
    EXPECT_EQ(encode_verifying_key(*vk), vk_bytes);
    EXPECT_EQ(encode_proof(*proof), proof_bytes);
    EXPECT_EQ(*inputs, l.inputs);
    auto ok = verify(prepare(*vk), *proof, std::span<const typename E::Fr>(*inputs));
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(*ok);
  }
}

TYPED_TEST(Groth16Test, RejectsTamperedProofs) {
  using E = TypeParam;
  using G1 = typename E::G1;
  using G2 = typename E::G2;
  const auto g1 = G1::generator();
  const auto g2 = G2::generator();
  for (const char* circuit : kCircuits) {
    SCOPED_TRACE(circuit);
    const auto l = load<E>(circuit);
    std::vector<std::pair<const char*, Proof<E>>> bad;
    auto with = [&](const char* what, auto&& change) {
      Proof<E> p = l.proof;
      change(p);
      bad.emplace_back(what, p);
    };
    with("A + G1", [&](Proof<E>& p) { p.a = (G1::from_affine(p.a) + g1).to_affine(); });
    with("2A", [&](Proof<E>& p) { p.a = G1::from_affine(p.a).dbl().to_affine(); });
    with("-A", [&](Proof<E>& p) { p.a = -p.a; });
    with("A = 0", [&](Proof<E>& p) { p.a = E::G1Affine::identity(); });
    with("B + G2", [&](Proof<E>& p) { p.b = (G2::from_affine(p.b) + g2).to_affine(); });
    with("-B", [&](Proof<E>& p) { p.b = -p.b; });
    with("C + G1", [&](Proof<E>& p) { p.c = (G1::from_affine(p.c) + g1).to_affine(); });
    with("C = 0", [&](Proof<E>& p) { p.c = E::G1Affine::identity(); });
    with("A and C swapped", [&](Proof<E>& p) { std::swap(p.a, p.c); });
    for (const auto& [what, p] : bad) EXPECT_FALSE(verifies(l, p, l.inputs)) << what;
    // And through the JSON reader: a proof.json with pi_c moved by G.
    Json doc = Json::parse(files_of<E>(circuit).proof);
    doc["pi_c"] = g1_json((G1::from_affine(l.proof.c) + g1).to_affine());
    auto parsed = parse_proof<E>(doc.dump());
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(verifies(l, *parsed, l.inputs));
  }
}

TYPED_TEST(Groth16Test, RejectsTamperedPublicInputs) {
  using E = TypeParam;
  using Fr = typename E::Fr;
  for (const char* circuit : kCircuits) {
    SCOPED_TRACE(circuit);
    const auto l = load<E>(circuit);
    for (size_t i = 0; i < l.inputs.size(); ++i) {
      auto inputs = l.inputs;
      inputs[i] += Fr::one();
      EXPECT_FALSE(verifies(l, l.proof, inputs)) << "input " << i << " + 1";
      inputs[i] = -l.inputs[i];
      if (!l.inputs[i].is_zero()) {
        EXPECT_FALSE(verifies(l, l.proof, inputs)) << "input " << i << " negated";
      }
    }
    if (l.inputs.size() >= 2) {
      auto inputs = l.inputs;
      std::swap(inputs.front(), inputs.back());
      if (inputs != l.inputs) {
        EXPECT_FALSE(verifies(l, l.proof, inputs)) << "swapped";
      }
    }
    // One input too few or too many: an error, not a verdict.
    auto fewer = l.inputs;
    fewer.pop_back();
    EXPECT_EQ(code_of(verify(l.pvk, l.proof, std::span<const Fr>(fewer))),
              ProofError::kCountMismatch);
    auto more = l.inputs;
    more.push_back(Fr::one());
    EXPECT_EQ(code_of(verify(l.pvk, l.proof, std::span<const Fr>(more))),
              ProofError::kCountMismatch);
  }
}

TYPED_TEST(Groth16Test, RejectsProofsUnderAnotherKey) {
  using E = TypeParam;
  std::vector<Loaded<E>> all;
  for (const char* circuit : kCircuits) all.push_back(load<E>(circuit));
  int verdicts = 0;
  for (size_t k = 0; k < all.size(); ++k) {
    for (size_t p = 0; p < all.size(); ++p) {
      if (k == p) continue;
      SCOPED_TRACE(std::string("key of ") + kCircuits[k] + ", proof of " + kCircuits[p]);
      auto r = verify(all[k].pvk, all[p].proof,
                      std::span<const typename E::Fr>(all[p].inputs));
      if (all[k].vk.num_inputs() == all[p].inputs.size()) {
        ASSERT_TRUE(r.ok());
        EXPECT_FALSE(*r);
        ++verdicts;
      } else {
        EXPECT_EQ(code_of(r), ProofError::kCountMismatch);
      }
    }
  }
  EXPECT_EQ(verdicts, 2);  // poseidon_preimage and merkle_membership both have one input
}

TYPED_TEST(Groth16Test, BatchVerification) {
  using E = TypeParam;
  using Fr = typename E::Fr;
  for (const char* circuit : {"range_check", "sixteen_inputs"}) {
    SCOPED_TRACE(circuit);
    const auto l = load<E>(circuit);
    std::vector<Proof<E>> proofs = {l.proof};
    for (u64 j = 1; j < 6; ++j) proofs.push_back(rerandomize(l.proof, l.vk, j, 7 * j + 3));
    const std::vector<std::vector<Fr>> inputs(proofs.size(), l.inputs);
    for (size_t j = 0; j < proofs.size(); ++j) {
      EXPECT_TRUE(verifies(l, proofs[j], l.inputs)) << j;
      if (j > 0) {
        EXPECT_FALSE(encode_proof(proofs[j]) == encode_proof(proofs[0])) << j;
      }
    }
    auto batch = [&](const std::vector<Proof<E>>& ps, const std::vector<std::vector<Fr>>& xs) {
      return verify_batch(l.pvk, std::span<const Proof<E>>(ps),
                          std::span<const std::vector<Fr>>(xs));
    };
    auto ok = batch(proofs, inputs);
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(*ok);
    auto single = batch({proofs[3]}, {l.inputs});
    ASSERT_TRUE(single.ok());
    EXPECT_TRUE(*single);
    auto empty = batch({}, {});
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(*empty);
    // One bad member anywhere sinks the batch: a changed proof or a changed input.
    for (size_t j = 0; j < proofs.size(); ++j) {
      auto ps = proofs;
      ps[j].c = (E::G1::from_affine(ps[j].c) + E::G1::generator()).to_affine();
      auto r = batch(ps, inputs);
      ASSERT_TRUE(r.ok());
      EXPECT_FALSE(*r) << "proof " << j;
      auto xs = inputs;
      xs[j].back() += Fr::one();
      r = batch(proofs, xs);
      ASSERT_TRUE(r.ok());
      EXPECT_FALSE(*r) << "inputs " << j;
    }
    // Two bad proofs whose errors would cancel in an unweighted sum: C_0 + G and C_1 - G.
    auto ps = proofs;
    ps[0].c = (E::G1::from_affine(ps[0].c) + E::G1::generator()).to_affine();
    ps[1].c = (E::G1::from_affine(ps[1].c) - E::G1::generator()).to_affine();
    auto r = batch(ps, inputs);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(*r);
    // Counts.
    EXPECT_EQ(code_of(batch(proofs, {inputs.begin(), inputs.end() - 1})),
              ProofError::kCountMismatch);
    auto xs = inputs;
    xs[2].pop_back();
    EXPECT_EQ(code_of(batch(proofs, xs)), ProofError::kCountMismatch);
  }
}

// Each case: a change to one of the three files and the error it must produce.
TYPED_TEST(Groth16Test, RejectsMalformedSnarkjsFiles) {
  using E = TypeParam;
  using Fq = typename E::Fq;
  using Fr = typename E::Fr;
  const Files f = files_of<E>("range_check");
  const std::string p_dec = decimal(Fq::Modulus::kP);
  const std::string r_dec = decimal(Fr::Modulus::kP);
  const std::string other_curve = E::kSnarkjsCurve == "bn128" ? "bls12381" : "bn128";

  const std::vector<test::FileCase> cases = {
      {"alpha off the curve", 0, [](Json& j) { j["vk_alpha_1"][1] = "1"; }, ProofError::kNotOnCurve},
      {"alpha x = p", 0, [&](Json& j) { j["vk_alpha_1"][0] = p_dec; }, ProofError::kNotCanonical},
      {"beta outside G2", 0,
       [](Json& j) { j["vk_beta_2"] = g2_json(g2_outside_subgroup<E>()); },
       ProofError::kNotInSubgroup},
      {"gamma off the curve", 0, [](Json& j) { j["vk_gamma_2"][1][0] = "5"; }, ProofError::kNotOnCurve},
      {"delta with Z = 2", 0, [](Json& j) { j["vk_delta_2"][2] = Json::array({"2", "0"}); },
       ProofError::kBadJson},
      {"IC[1] leading zero", 0,
       [](Json& j) { j["IC"][1][0] = "0" + j["IC"][1][0].get<std::string>(); },
       ProofError::kBadNumber},
      {"IC[0] a number, not a string", 0, [](Json& j) { j["IC"][0][2] = 1; }, ProofError::kBadJson},
      {"IC one point short", 0, [](Json& j) { j["IC"].erase(j["IC"].size() - 1); },
       ProofError::kCountMismatch},
      {"nPublic too large", 0, [](Json& j) { j["nPublic"] = kMaxPublicInputs + 1; },
       ProofError::kTooManyInputs},
      {"nPublic negative", 0, [](Json& j) { j["nPublic"] = -1; }, ProofError::kBadJson},
      {"missing vk_delta_2", 0, [](Json& j) { j.erase("vk_delta_2"); }, ProofError::kBadJson},
      {"protocol plonk", 0, [](Json& j) { j["protocol"] = "plonk"; }, ProofError::kWrongProtocol},
      {"other curve", 0, [&](Json& j) { j["curve"] = other_curve; }, ProofError::kWrongCurve},
      {"key is an array", 0, [](Json& j) { j = Json::array(); }, ProofError::kBadJson},
      {"pi_a off the curve", 1, [](Json& j) { j["pi_a"][0] = "3"; }, ProofError::kNotOnCurve},
      {"pi_b outside G2", 1, [](Json& j) { j["pi_b"] = g2_json(g2_outside_subgroup<E>()); },
       ProofError::kNotInSubgroup},
      {"pi_b coordinate = p", 1, [&](Json& j) { j["pi_b"][0][1] = p_dec; }, ProofError::kNotCanonical},
      {"pi_c with a sign", 1, [](Json& j) { j["pi_c"][0] = "-" + j["pi_c"][0].get<std::string>(); },
       ProofError::kBadNumber},
      {"pi_c two coordinates", 1, [](Json& j) { j["pi_c"].erase(2); }, ProofError::kBadJson},
      {"bad identity", 1, [](Json& j) { j["pi_a"] = Json::array({"1", "1", "0"}); }, ProofError::kBadJson},
      {"missing pi_b", 1, [](Json& j) { j.erase("pi_b"); }, ProofError::kBadJson},
      {"proof of another protocol", 1, [](Json& j) { j["protocol"] = "fflonk"; },
       ProofError::kWrongProtocol},
      {"proof of another curve", 1, [&](Json& j) { j["curve"] = other_curve; }, ProofError::kWrongCurve},
      {"input = r", 2, [&](Json& j) { j[0] = r_dec; }, ProofError::kScalarOutOfRange},
      {"input hex", 2, [](Json& j) { j[0] = "0x11"; }, ProofError::kBadNumber},
      {"input empty", 2, [](Json& j) { j[1] = ""; }, ProofError::kBadNumber},
      {"input a number", 2, [](Json& j) { j[0] = 17; }, ProofError::kBadJson},
      {"inputs an object", 2, [](Json& j) { j = Json::object(); }, ProofError::kBadJson},
  };
  test::expect_file_errors(
      {f.vk, f.proof, f.pub}, cases,
      {[](const std::string& t) { return code_of(parse_verification_key<E>(t)); },
       [](const std::string& t) { return code_of(parse_proof<E>(t)); },
       [](const std::string& t) { return code_of(parse_public_inputs<E>(t)); }});
  // The identity, written as snarkjs writes it, is accepted (and such a proof is false).
  Json proof = Json::parse(f.proof);
  proof["pi_a"] = g1_json(E::G1Affine::identity());
  proof["pi_b"] = g2_json(E::G2Affine::identity());
  auto parsed = parse_proof<E>(proof.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->a.infinity && parsed->b.infinity);
  const auto l = load<E>("range_check");
  EXPECT_FALSE(verifies(l, *parsed, l.inputs));
}

TYPED_TEST(Groth16Test, RejectsMalformedBinaryForm) {
  using E = TypeParam;
  using Fr = typename E::Fr;
  const auto l = load<E>("sixteen_inputs");
  const Bytes vk = encode_verifying_key(l.vk);
  const Bytes proof = encode_proof(l.proof);
  const Bytes inputs = encode_public_inputs<E>(l.inputs);
  auto cut = [](const Bytes& b, size_t n) { return Bytes(b.begin(), b.begin() + n); };
  auto longer = [](Bytes b) { b.push_back(0); return b; };
  EXPECT_EQ(code_of(decode_proof<E>(cut(proof, proof.size() - 1))), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_proof<E>(longer(proof))), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_proof<E>(Bytes())), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_verifying_key<E>(cut(vk, vk.size() - 1))), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_verifying_key<E>(longer(vk))), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_verifying_key<E>(cut(vk, 10))), ProofError::kBadLength);
  EXPECT_EQ(code_of(decode_public_inputs<E>(cut(inputs, 31))), ProofError::kBadLength);
  // The input count field says more than the limit.
  Bytes many = vk;
  const size_t count_at = E::kG1Size + 3 * E::kG2Size;
  many[count_at] = 0xff;
  EXPECT_EQ(code_of(decode_verifying_key<E>(many)), ProofError::kTooManyInputs);
  // ... or one fewer than the IC points present.
  Bytes fewer = vk;
  fewer[count_at + 3] -= 1;
  EXPECT_EQ(code_of(decode_verifying_key<E>(fewer)), ProofError::kBadLength);
  // B outside G2.
  Bytes b_out = proof;
  const auto q = E::g2_to_bytes(g2_outside_subgroup<E>());
  std::copy(q.begin(), q.end(), b_out.begin() + E::kG1Size);
  EXPECT_EQ(code_of(decode_proof<E>(b_out)), ProofError::kNotInSubgroup);
  // A public input equal to r.
  Bytes r_in = inputs;
  const auto r_bytes = Fr::Modulus::kP;  // little-endian limbs
  for (size_t i = 0; i < 32; ++i) r_in[31 - i] = static_cast<u8>(r_bytes[i / 8] >> (8 * (i % 8)));
  EXPECT_EQ(code_of(decode_public_inputs<E>(r_in)), ProofError::kScalarOutOfRange);
  // Every single-bit flip of a proof either fails to decode or fails to verify.
  int undecodable = 0;
  for (size_t bit = 0; bit < proof.size() * 8; bit += 7) {
    Bytes flipped = proof;
    flipped[bit / 8] ^= static_cast<u8>(1u << (bit % 8));
    auto p = decode_proof<E>(flipped);
    if (!p.ok()) {
      ++undecodable;
      continue;
    }
    EXPECT_FALSE(verifies(l, *p, l.inputs)) << "bit " << bit;
  }
  EXPECT_GT(undecodable, 0);
}

}  // namespace
}  // namespace dusk::crypto::groth16
