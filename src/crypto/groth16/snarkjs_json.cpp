#include "crypto/groth16/snarkjs_json.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include "crypto/ff/decimal.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"

namespace dusk::crypto::groth16 {
namespace {

using Json = nlohmann::json;

Error json_error(const std::string& what) {
  return Error("snarkjs json: " + what, int(Groth16Error::kBadJson));
}

Result<Json> parse_document(std::string_view text) {
  if (text.size() > kMaxJsonSize) return json_error("input larger than 64 MiB");
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return json_error("not valid JSON");
  return j;
}

Result<const Json*> member(const Json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end()) return json_error(std::string("missing member \"") + name + "\"");
  return &*it;
}

// A canonical decimal string (ff/decimal.hpp) that fits N limbs.
template <size_t N>
Result<ff::Limbs<N>> parse_decimal(const Json& v, const std::string& where) {
  if (!v.is_string()) return json_error(where + ": expected a decimal string");
  const auto& s = v.get_ref<const std::string&>();
  auto limbs = ff::parse_decimal<N>(s);
  if (!limbs) {
    return Error(where + ": not a canonical decimal number: \"" + s.substr(0, 40) +
                     (s.size() > 40 ? "...\"" : "\""),
                 int(Groth16Error::kBadNumber));
  }
  return *limbs;
}

// A field element of F written as a decimal string.
template <typename F>
Result<F> parse_field(const Json& v, const std::string& where) {
  DUSK_ASSIGN(auto limbs, parse_decimal<F::kLimbs>(v, where));
  auto f = F::from_canonical(limbs);
  if (!f) return Error(where + ": coordinate not below the field modulus", int(Groth16Error::kNotCanonical));
  return *f;
}

template <typename E>
Result<typename E::Fq2> parse_fq2(const Json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 2) return json_error(where + ": expected [c0, c1]");
  DUSK_ASSIGN(auto c0, parse_field<typename E::Fq>(v[0], where));
  DUSK_ASSIGN(auto c1, parse_field<typename E::Fq>(v[1], where));
  return typename E::Fq2(c0, c1);
}

// Z = 1 with the point on the curve and in G, or the identity (0 : 1 : 0).
template <typename Point, typename F>
Result<Point> finish_point(const F& x, const F& y, const F& z, bool g1_group,
                           bool in_subgroup_fn(const Point&), const std::string& where) {
  if (z.is_zero()) {
    if (!x.is_zero() || y != F::one()) {
      return json_error(where + ": the identity must be written (0, 1, 0)");
    }
    return Point::identity();
  }
  if (z != F::one()) return json_error(where + ": Z must be 1 (affine) or 0 (identity)");
  Point p{x, y, false};
  if (!p.is_on_curve()) {
    return Error(where + ": point not on the curve", int(Groth16Error::kNotOnCurve));
  }
  if (!in_subgroup_fn(p)) {
    return Error(where + (g1_group ? ": point not in G1" : ": point not in G2"),
                 int(Groth16Error::kNotInSubgroup));
  }
  return p;
}

template <typename E>
Result<typename E::G1Affine> parse_g1(const Json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 3) return json_error(where + ": expected a G1 point [x, y, z]");
  DUSK_ASSIGN(auto x, parse_field<typename E::Fq>(v[0], where));
  DUSK_ASSIGN(auto y, parse_field<typename E::Fq>(v[1], where));
  DUSK_ASSIGN(auto z, parse_field<typename E::Fq>(v[2], where));
  return finish_point<typename E::G1Affine>(x, y, z, true, &E::g1_in_subgroup, where);
}

template <typename E>
Result<typename E::G2Affine> parse_g2(const Json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 3) {
    return json_error(where + ": expected a G2 point [[x0, x1], [y0, y1], [z0, z1]]");
  }
  DUSK_ASSIGN(auto x, parse_fq2<E>(v[0], where));
  DUSK_ASSIGN(auto y, parse_fq2<E>(v[1], where));
  DUSK_ASSIGN(auto z, parse_fq2<E>(v[2], where));
  return finish_point<typename E::G2Affine>(x, y, z, false, &E::g2_in_subgroup, where);
}

// "protocol" must be "groth16" and "curve" the engine's; `required` says whether they
// must be present (verification keys) or are optional (proofs).
template <typename E>
Status check_protocol_and_curve(const Json& doc, bool required) {
  auto p = doc.find("protocol");
  if (p == doc.end()) {
    if (required) return json_error("missing member \"protocol\"");
  } else if (!p->is_string() || p->get_ref<const std::string&>() != "groth16") {
    return Error("snarkjs json: protocol is " + p->dump() + ", expected \"groth16\"",
                 int(Groth16Error::kWrongProtocol));
  }
  auto c = doc.find("curve");
  if (c == doc.end()) {
    if (required) return json_error("missing member \"curve\"");
  } else if (!c->is_string() || c->get_ref<const std::string&>() != E::kSnarkjsCurve) {
    return Error("snarkjs json: curve is " + c->dump() + ", this verifier is for \"" +
                     std::string(E::kSnarkjsCurve) + "\"",
                 int(Groth16Error::kWrongCurve));
  }
  return {};
}

}  // namespace

template <typename E>
Result<VerifyingKey<E>> parse_verification_key(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("verification key: expected an object");
  DUSK_TRY(check_protocol_and_curve<E>(doc, true));
  DUSK_ASSIGN(const Json* n_json, member(doc, "nPublic"));
  if (!n_json->is_number_unsigned()) return json_error("nPublic: expected a non-negative integer");
  const u64 n = n_json->get<u64>();
  if (n > kMaxPublicInputs) {
    return Error("nPublic " + std::to_string(n) + " exceeds the limit of " +
                     std::to_string(kMaxPublicInputs),
                 int(Groth16Error::kTooManyInputs));
  }
  VerifyingKey<E> vk;
  DUSK_ASSIGN(const Json* a, member(doc, "vk_alpha_1"));
  DUSK_ASSIGN(vk.alpha, parse_g1<E>(*a, "vk_alpha_1"));
  DUSK_ASSIGN(const Json* b, member(doc, "vk_beta_2"));
  DUSK_ASSIGN(vk.beta, parse_g2<E>(*b, "vk_beta_2"));
  DUSK_ASSIGN(const Json* g, member(doc, "vk_gamma_2"));
  DUSK_ASSIGN(vk.gamma, parse_g2<E>(*g, "vk_gamma_2"));
  DUSK_ASSIGN(const Json* d, member(doc, "vk_delta_2"));
  DUSK_ASSIGN(vk.delta, parse_g2<E>(*d, "vk_delta_2"));
  DUSK_ASSIGN(const Json* ic, member(doc, "IC"));
  if (!ic->is_array()) return json_error("IC: expected an array of G1 points");
  if (ic->size() != n + 1) {
    return Error("IC has " + std::to_string(ic->size()) + " points, nPublic " +
                     std::to_string(n) + " needs " + std::to_string(n + 1),
                 int(Groth16Error::kCountMismatch));
  }
  vk.ic.reserve(ic->size());
  for (size_t i = 0; i < ic->size(); ++i) {
    DUSK_ASSIGN(auto p, parse_g1<E>((*ic)[i], "IC[" + std::to_string(i) + "]"));
    vk.ic.push_back(p);
  }
  return vk;
}

template <typename E>
Result<Proof<E>> parse_proof(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_object()) return json_error("proof: expected an object");
  DUSK_TRY(check_protocol_and_curve<E>(doc, false));
  Proof<E> proof;
  DUSK_ASSIGN(const Json* a, member(doc, "pi_a"));
  DUSK_ASSIGN(proof.a, parse_g1<E>(*a, "pi_a"));
  DUSK_ASSIGN(const Json* b, member(doc, "pi_b"));
  DUSK_ASSIGN(proof.b, parse_g2<E>(*b, "pi_b"));
  DUSK_ASSIGN(const Json* c, member(doc, "pi_c"));
  DUSK_ASSIGN(proof.c, parse_g1<E>(*c, "pi_c"));
  return proof;
}

template <typename E>
Result<std::vector<typename E::Fr>> parse_public_inputs(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_array()) return json_error("public inputs: expected an array of decimal strings");
  if (doc.size() > kMaxPublicInputs) {
    return Error("public inputs: more than " + std::to_string(kMaxPublicInputs),
                 int(Groth16Error::kTooManyInputs));
  }
  std::vector<typename E::Fr> out;
  out.reserve(doc.size());
  for (size_t i = 0; i < doc.size(); ++i) {
    const std::string where = "public input " + std::to_string(i);
    DUSK_ASSIGN(auto limbs, parse_decimal<E::Fr::kLimbs>(doc[i], where));
    auto f = E::Fr::from_canonical(limbs);
    if (!f) {
      return Error(where + ": not below the group order r", int(Groth16Error::kScalarOutOfRange));
    }
    out.push_back(*f);
  }
  return out;
}

#define DUSK_GROTH16_INSTANTIATE_JSON(E)                                            \
  template Result<VerifyingKey<E>> parse_verification_key<E>(std::string_view);     \
  template Result<Proof<E>> parse_proof<E>(std::string_view);                       \
  template Result<std::vector<E::Fr>> parse_public_inputs<E>(std::string_view);

DUSK_GROTH16_INSTANTIATE_JSON(Bls12_381Engine)
DUSK_GROTH16_INSTANTIATE_JSON(Bn254Engine)

}  // namespace dusk::crypto::groth16
