#include "crypto/plonk/snarkjs_json.hpp"

#include <string>

#include "crypto/zk/snarkjs_values.hpp"

namespace dusk::crypto::plonk::snarkjs {
namespace {

using namespace zk::snarkjs;

constexpr std::string_view kProtocol = "plonk";
constexpr std::string_view kCurve = "bn128";

// BN254's G1 has cofactor 1; G2 needs the subgroup check.
bool g1_in_subgroup(const G1Affine&) { return true; }
bool g2_in_subgroup(const G2Affine& q) { return bn254::g2_in_subgroup(bn254::G2::from_affine(q)); }

ProofResult<G1Affine> g1_member(const Json& doc, const char* name) {
  DUSK_ASSIGN(const Json* v, member(doc, name));
  return parse_g1<G1Affine>(*v, name, &g1_in_subgroup);
}

ProofResult<Fr> scalar_member(const Json& doc, const char* name) {
  DUSK_ASSIGN(const Json* v, member(doc, name));
  return parse_scalar<Fr>(*v, name);
}

}  // namespace

ProofResult<VerifyingKey> parse_verification_key(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("verification key: expected an object");
  DUSK_TRY(check_protocol_and_curve(doc, kProtocol, kCurve, true));
  VerifyingKey vk;
  DUSK_ASSIGN(vk.n_public, parse_input_count(doc, "nPublic"));
  DUSK_ASSIGN(const Json* power, member(doc, "power"));
  if (!power->is_number_unsigned()) return json_error("power: expected a non-negative integer");
  if (power->get<u64>() > kMaxPower) {
    return ProofFailure(ProofError::kBadDomain, "power " + std::to_string(power->get<u64>()) + " exceeds BN254's 2-adicity " +
                     std::to_string(kMaxPower));
  }
  vk.power = static_cast<unsigned>(power->get<u64>());
  DUSK_ASSIGN(vk.k1, scalar_member(doc, "k1"));
  DUSK_ASSIGN(vk.k2, scalar_member(doc, "k2"));
  DUSK_ASSIGN(vk.qm, g1_member(doc, "Qm"));
  DUSK_ASSIGN(vk.ql, g1_member(doc, "Ql"));
  DUSK_ASSIGN(vk.qr, g1_member(doc, "Qr"));
  DUSK_ASSIGN(vk.qo, g1_member(doc, "Qo"));
  DUSK_ASSIGN(vk.qc, g1_member(doc, "Qc"));
  DUSK_ASSIGN(vk.s1, g1_member(doc, "S1"));
  DUSK_ASSIGN(vk.s2, g1_member(doc, "S2"));
  DUSK_ASSIGN(vk.s3, g1_member(doc, "S3"));
  DUSK_ASSIGN(const Json* x2, member(doc, "X_2"));
  DUSK_ASSIGN(vk.x2, parse_g2<G2Affine>(*x2, "X_2", &g2_in_subgroup));
  DUSK_ASSIGN(vk.w, scalar_member(doc, "w"));
  return vk;
}

ProofResult<Proof> parse_proof(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("proof: expected an object");
  DUSK_TRY(check_protocol_and_curve(doc, kProtocol, kCurve, false));
  Proof p;
  DUSK_ASSIGN(p.a, g1_member(doc, "A"));
  DUSK_ASSIGN(p.b, g1_member(doc, "B"));
  DUSK_ASSIGN(p.c, g1_member(doc, "C"));
  DUSK_ASSIGN(p.z, g1_member(doc, "Z"));
  DUSK_ASSIGN(p.t1, g1_member(doc, "T1"));
  DUSK_ASSIGN(p.t2, g1_member(doc, "T2"));
  DUSK_ASSIGN(p.t3, g1_member(doc, "T3"));
  DUSK_ASSIGN(p.wxi, g1_member(doc, "Wxi"));
  DUSK_ASSIGN(p.wxiw, g1_member(doc, "Wxiw"));
  DUSK_ASSIGN(p.eval_a, scalar_member(doc, "eval_a"));
  DUSK_ASSIGN(p.eval_b, scalar_member(doc, "eval_b"));
  DUSK_ASSIGN(p.eval_c, scalar_member(doc, "eval_c"));
  DUSK_ASSIGN(p.eval_s1, scalar_member(doc, "eval_s1"));
  DUSK_ASSIGN(p.eval_s2, scalar_member(doc, "eval_s2"));
  DUSK_ASSIGN(p.eval_zw, scalar_member(doc, "eval_zw"));
  return p;
}

ProofResult<std::vector<Fr>> parse_public_inputs(std::string_view text) {
  return zk::snarkjs::parse_public_inputs<Fr>(text);
}

}  // namespace dusk::crypto::plonk::snarkjs
