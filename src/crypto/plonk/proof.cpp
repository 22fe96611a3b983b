#include "crypto/plonk/proof.hpp"

#include <string>

#include "crypto/bls12_381/serialization.hpp"

namespace dusk::crypto::plonk {
namespace {

constexpr const char* kPointNames[kProofPoints] = {"a", "b", "c", "d", "z", "t_0", "t_1", "t_2", "t_3",
                                                   "w_xi", "w_xi_omega"};

}  // namespace

std::array<u8, kProofSize> Proof::to_bytes() const {
  std::array<u8, kProofSize> out{};
  const bls12_381::G1Affine* points[kProofPoints] = {&a, &b, &c, &d, &z, &t[0], &t[1], &t[2], &t[3], &w_xi,
                                                      &w_xi_omega};
  const bls12_381::Fr* scalars[kProofScalars] = {&a_eval,      &b_eval,      &c_eval,       &d_eval,      &sigma0_eval,
                                                 &sigma1_eval, &sigma2_eval, &z_omega_eval, &d_omega_eval};
  size_t at = 0;
  for (const auto* p : points) {
    const auto b = bls12_381::g1_to_compressed(*p);
    std::copy(b.begin(), b.end(), out.begin() + at);
    at += b.size();
  }
  for (const auto* s : scalars) {
    const auto b = s->to_bytes_be();
    std::copy(b.begin(), b.end(), out.begin() + at);
    at += b.size();
  }
  return out;
}

PlonkResult<Proof> Proof::from_bytes(ByteView bytes) {
  if (bytes.size() != kProofSize) {
    return PlonkFailure(PlonkError::kBadLength, "proof: expected " + std::to_string(kProofSize) + " bytes, got " +
                                                    std::to_string(bytes.size()));
  }
  Proof p;
  bls12_381::G1Affine* points[kProofPoints] = {&p.a, &p.b, &p.c, &p.d, &p.z, &p.t[0], &p.t[1], &p.t[2], &p.t[3],
                                               &p.w_xi, &p.w_xi_omega};
  bls12_381::Fr* scalars[kProofScalars] = {&p.a_eval,      &p.b_eval,      &p.c_eval,       &p.d_eval,
                                           &p.sigma0_eval, &p.sigma1_eval, &p.sigma2_eval, &p.z_omega_eval,
                                           &p.d_omega_eval};
  size_t at = 0;
  for (size_t i = 0; i < kProofPoints; ++i, at += 48) {
    auto r = bls12_381::g1_from_compressed(bytes.subspan(at, 48));
    if (!r.ok()) {
      auto f = r.take_error();
      return PlonkFailure(static_cast<PlonkError>(f.code), std::string("proof: ") + kPointNames[i] + ": " + f.message);
    }
    *points[i] = *r;
  }
  for (size_t i = 0; i < kProofScalars; ++i, at += 32) {
    auto r = bls12_381::Fr::from_bytes_be(bytes.subspan(at, 32));
    if (!r.ok()) {
      auto f = r.take_error();
      return PlonkFailure(static_cast<PlonkError>(f.code), std::string("proof: ") + kProofScalarLabels[i] + ": " + f.message);
    }
    *scalars[i] = *r;
  }
  return p;
}

}  // namespace dusk::crypto::plonk
