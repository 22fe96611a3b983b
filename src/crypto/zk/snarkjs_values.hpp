// Reading the values of snarkjs's JSON files, shared by the Groth16 and PLONK readers
// (crypto/groth16/snarkjs_json.hpp, crypto/plonk/snarkjs_json.hpp).
//
// snarkjs (0.7) writes every number as a decimal string, a G1 point as [x, y, "1"] and a
// G2 point as [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]] (projective with Z = 1); the
// identity, which it writes as ["0", "1", "0"] (G2: [["0","0"], ["1","0"], ["0","0"]]), is
// accepted in exactly that form. Public inputs (public.json) are an array of decimal
// strings.
//
// Validation is strict, in this order, each failure a zk::ProofError code: JSON syntax
// and shape (kBadJson), protocol (kWrongProtocol), curve (kWrongCurve), canonical
// decimal strings (kBadNumber), coordinates < p (kNotCanonical), points on the curve
// (kNotOnCurve) and in the order-r subgroup (kNotInSubgroup), scalars < r
// (kScalarOutOfRange), sizes (kTooManyInputs). Messages name the member at fault.
// Documents larger than kMaxJsonSize are rejected (kBadJson) before parsing.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "crypto/ff/decimal.hpp"
#include "crypto/zk/proof_error.hpp"

namespace dusk::crypto::zk::snarkjs {

using Json = nlohmann::json;

ProofFailure json_error(const std::string& what);
ProofResult<Json> parse_document(std::string_view text);
ProofResult<const Json*> member(const Json& obj, const char* name);

// "protocol" must equal `protocol` and "curve" `curve`; `required` says whether they must
// be present (verification keys) or may be left out (proofs).
ProofResult<void> check_protocol_and_curve(const Json& doc, std::string_view protocol,
                                std::string_view curve, bool required);

// A non-negative JSON integer (not a string) named `name`, at most kMaxPublicInputs
// (kTooManyInputs above it): nPublic.
ProofResult<u64> parse_input_count(const Json& doc, const char* name);

// A canonical decimal string (ff/decimal.hpp) that fits N limbs.
template <size_t N>
ProofResult<ff::Limbs<N>> parse_decimal(const Json& v, const std::string& where) {
  if (!v.is_string()) return json_error(where + ": expected a decimal string");
  const auto& s = v.get_ref<const std::string&>();
  auto limbs = ff::parse_decimal<N>(s);
  if (!limbs) {
    return ProofFailure(ProofError::kBadNumber, where + ": not a canonical decimal number: \"" + s.substr(0, 40) +
                     (s.size() > 40 ? "...\"" : "\""));
  }
  return *limbs;
}

// A coordinate in F: below p (kNotCanonical).
template <typename F>
ProofResult<F> parse_coordinate(const Json& v, const std::string& where) {
  DUSK_ASSIGN(auto limbs, parse_decimal<F::kLimbs>(v, where));
  auto f = F::from_canonical(limbs);
  if (!f) {
    return ProofFailure(ProofError::kNotCanonical, where + ": coordinate not below the field modulus");
  }
  return *f;
}

// A scalar in Fr: below r (kScalarOutOfRange).
template <typename Fr>
ProofResult<Fr> parse_scalar(const Json& v, const std::string& where) {
  DUSK_ASSIGN(auto limbs, parse_decimal<Fr::kLimbs>(v, where));
  auto f = Fr::from_canonical(limbs);
  if (!f) return ProofFailure(ProofError::kScalarOutOfRange, where + ": not below the group order r");
  return *f;
}

namespace detail {

// Z = 1 with the point on the curve and in the subgroup, or the identity (0, 1, 0).
template <typename Point, typename F>
ProofResult<Point> finish_point(const F& x, const F& y, const F& z, const char* group,
                           bool in_subgroup(const Point&), const std::string& where) {
  if (z.is_zero()) {
    if (!x.is_zero() || y != F::one()) {
      return json_error(where + ": the identity must be written (0, 1, 0)");
    }
    return Point::identity();
  }
  if (z != F::one()) return json_error(where + ": Z must be 1 (affine) or 0 (identity)");
  Point p{x, y, false};
  if (!p.is_on_curve()) return ProofFailure(ProofError::kNotOnCurve, where + ": point not on the curve");
  if (!in_subgroup(p)) {
    return ProofFailure(ProofError::kNotInSubgroup, where + ": point not in " + group);
  }
  return p;
}

template <typename Fq2>
ProofResult<Fq2> parse_fq2(const Json& v, const std::string& where) {
  if (!v.is_array() || v.size() != 2) return json_error(where + ": expected [c0, c1]");
  DUSK_ASSIGN(auto c0, parse_coordinate<typename Fq2::Base>(v[0], where));
  DUSK_ASSIGN(auto c1, parse_coordinate<typename Fq2::Base>(v[1], where));
  return Fq2(c0, c1);
}

}  // namespace detail

// A G1 point [x, y, z] over the prime field Point::F.
template <typename Point>
ProofResult<Point> parse_g1(const Json& v, const std::string& where,
                       bool in_subgroup(const Point&)) {
  using F = typename Point::F;
  if (!v.is_array() || v.size() != 3) return json_error(where + ": expected a G1 point [x, y, z]");
  DUSK_ASSIGN(auto x, parse_coordinate<F>(v[0], where));
  DUSK_ASSIGN(auto y, parse_coordinate<F>(v[1], where));
  DUSK_ASSIGN(auto z, parse_coordinate<F>(v[2], where));
  return detail::finish_point<Point>(x, y, z, "G1", in_subgroup, where);
}

// A G2 point [[x0, x1], [y0, y1], [z0, z1]] over the quadratic extension Point::F.
template <typename Point>
ProofResult<Point> parse_g2(const Json& v, const std::string& where,
                       bool in_subgroup(const Point&)) {
  using F = typename Point::F;
  if (!v.is_array() || v.size() != 3) {
    return json_error(where + ": expected a G2 point [[x0, x1], [y0, y1], [z0, z1]]");
  }
  DUSK_ASSIGN(auto x, detail::parse_fq2<F>(v[0], where));
  DUSK_ASSIGN(auto y, detail::parse_fq2<F>(v[1], where));
  DUSK_ASSIGN(auto z, detail::parse_fq2<F>(v[2], where));
  return detail::finish_point<Point>(x, y, z, "G2", in_subgroup, where);
}

// public.json: an array of at most kMaxPublicInputs decimal strings, each below r.
template <typename Fr>
ProofResult<std::vector<Fr>> parse_public_inputs(std::string_view text) {
  DUSK_ASSIGN(Json doc, parse_document(text));
  if (!doc.is_array()) return json_error("public inputs: expected an array of decimal strings");
  if (doc.size() > kMaxPublicInputs) {
    return ProofFailure(ProofError::kTooManyInputs, "public inputs: more than " + std::to_string(kMaxPublicInputs));
  }
  std::vector<Fr> out;
  out.reserve(doc.size());
  for (size_t i = 0; i < doc.size(); ++i) {
    DUSK_ASSIGN(auto f, parse_scalar<Fr>(doc[i], "public input " + std::to_string(i)));
    out.push_back(f);
  }
  return out;
}

}  // namespace dusk::crypto::zk::snarkjs
