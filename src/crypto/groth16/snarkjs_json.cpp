#include "crypto/groth16/snarkjs_json.hpp"

#include <string>

#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/zk/snarkjs_values.hpp"

namespace dusk::crypto::groth16 {
namespace {

using namespace zk::snarkjs;

template <typename E>
ProofResult<typename E::G1Affine> read_g1(const Json& v, const std::string& where) {
  return zk::snarkjs::parse_g1<typename E::G1Affine>(v, where, &E::g1_in_subgroup);
}

template <typename E>
ProofResult<typename E::G2Affine> read_g2(const Json& v, const std::string& where) {
  return zk::snarkjs::parse_g2<typename E::G2Affine>(v, where, &E::g2_in_subgroup);
}

}  // namespace

template <typename E>
ProofResult<VerifyingKey<E>> parse_verification_key(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("verification key: expected an object");
  DUSK_TRY(check_protocol_and_curve(doc, "groth16", E::kSnarkjsCurve, true));
  DUSK_ASSIGN(const u64 n, parse_input_count(doc, "nPublic"));
  VerifyingKey<E> vk;
  DUSK_ASSIGN(const Json* a, member(doc, "vk_alpha_1"));
  DUSK_ASSIGN(vk.alpha, read_g1<E>(*a, "vk_alpha_1"));
  DUSK_ASSIGN(const Json* b, member(doc, "vk_beta_2"));
  DUSK_ASSIGN(vk.beta, read_g2<E>(*b, "vk_beta_2"));
  DUSK_ASSIGN(const Json* g, member(doc, "vk_gamma_2"));
  DUSK_ASSIGN(vk.gamma, read_g2<E>(*g, "vk_gamma_2"));
  DUSK_ASSIGN(const Json* d, member(doc, "vk_delta_2"));
  DUSK_ASSIGN(vk.delta, read_g2<E>(*d, "vk_delta_2"));
  DUSK_ASSIGN(const Json* ic, member(doc, "IC"));
  if (!ic->is_array()) return json_error("IC: expected an array of G1 points");
  if (ic->size() != n + 1) {
    return ProofFailure(ProofError::kCountMismatch, "IC has " + std::to_string(ic->size()) + " points, nPublic " +
                     std::to_string(n) + " needs " + std::to_string(n + 1));
  }
  vk.ic.reserve(ic->size());
  for (size_t i = 0; i < ic->size(); ++i) {
    DUSK_ASSIGN(auto p, read_g1<E>((*ic)[i], "IC[" + std::to_string(i) + "]"));
    vk.ic.push_back(p);
  }
  return vk;
}

template <typename E>
ProofResult<Proof<E>> parse_proof(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("proof: expected an object");
  DUSK_TRY(check_protocol_and_curve(doc, "groth16", E::kSnarkjsCurve, false));
  Proof<E> proof;
  DUSK_ASSIGN(const Json* a, member(doc, "pi_a"));
  DUSK_ASSIGN(proof.a, read_g1<E>(*a, "pi_a"));
  DUSK_ASSIGN(const Json* b, member(doc, "pi_b"));
  DUSK_ASSIGN(proof.b, read_g2<E>(*b, "pi_b"));
  DUSK_ASSIGN(const Json* c, member(doc, "pi_c"));
  DUSK_ASSIGN(proof.c, read_g1<E>(*c, "pi_c"));
  return proof;
}

template <typename E>
ProofResult<std::vector<typename E::Fr>> parse_public_inputs(std::string_view text) {
  return zk::snarkjs::parse_public_inputs<typename E::Fr>(text);
}

#define DUSK_GROTH16_INSTANTIATE_JSON(E)                                            \
  template ProofResult<VerifyingKey<E>> parse_verification_key<E>(std::string_view);     \
  template ProofResult<Proof<E>> parse_proof<E>(std::string_view);                       \
  template ProofResult<std::vector<E::Fr>> parse_public_inputs<E>(std::string_view);

DUSK_GROTH16_INSTANTIATE_JSON(Bls12_381Engine)
DUSK_GROTH16_INSTANTIATE_JSON(Bn254Engine)

}  // namespace dusk::crypto::groth16
