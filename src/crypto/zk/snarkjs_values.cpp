#include "crypto/zk/snarkjs_values.hpp"

namespace dusk::crypto::zk::snarkjs {

ProofFailure json_error(const std::string& what) {
  return ProofFailure(ProofError::kBadJson, "snarkjs json: " + what);
}

ProofResult<Json> parse_document(std::string_view text) {
  if (text.size() > kMaxJsonSize) return json_error("input larger than 64 MiB");
  Json j = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return json_error("not valid JSON");
  return j;
}

ProofResult<const Json*> member(const Json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end()) return json_error(std::string("missing member \"") + name + "\"");
  return &*it;
}

ProofResult<void> check_protocol_and_curve(const Json& doc, std::string_view protocol,
                                std::string_view curve, bool required) {
  auto p = doc.find("protocol");
  if (p == doc.end()) {
    if (required) return json_error("missing member \"protocol\"");
  } else if (!p->is_string() || p->get_ref<const std::string&>() != protocol) {
    return ProofFailure(ProofError::kWrongProtocol, "snarkjs json: protocol is " + p->dump() + ", expected \"" +
                     std::string(protocol) + "\"");
  }
  auto c = doc.find("curve");
  if (c == doc.end()) {
    if (required) return json_error("missing member \"curve\"");
  } else if (!c->is_string() || c->get_ref<const std::string&>() != curve) {
    return ProofFailure(ProofError::kWrongCurve, "snarkjs json: curve is " + c->dump() + ", this verifier is for \"" +
                     std::string(curve) + "\"");
  }
  return {};
}

ProofResult<u64> parse_input_count(const Json& doc, const char* name) {
  DUSK_ASSIGN(const Json* v, member(doc, name));
  if (!v->is_number_unsigned()) {
    return json_error(std::string(name) + ": expected a non-negative integer");
  }
  const u64 n = v->get<u64>();
  if (n > kMaxPublicInputs) {
    return ProofFailure(ProofError::kTooManyInputs, std::string(name) + " " + std::to_string(n) + " exceeds the limit of " +
                     std::to_string(kMaxPublicInputs));
  }
  return n;
}

}  // namespace dusk::crypto::zk::snarkjs
