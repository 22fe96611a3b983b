#include "crypto/groth16/binary_form.hpp"

#include <string>

#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"

namespace dusk::crypto::groth16 {
namespace {

ProofFailure length_error(const char* what, size_t got, size_t want) {
  return ProofFailure(ProofError::kBadLength, std::string(what) + ": " + std::to_string(got) + " bytes, expected " +
                   std::to_string(want));
}

ProofFailure with_context(const std::string& where, const ProofFailure& e) {
  return ProofFailure(e.code, where + ": " + e.message);
}

template <size_t N>
void append(Bytes& out, const std::array<u8, N>& a) {
  out.insert(out.end(), a.begin(), a.end());
}

}  // namespace

template <typename E>
Bytes encode_proof(const Proof<E>& proof) {
  Bytes out;
  out.reserve(proof_size<E>());
  append(out, E::g1_to_bytes(proof.a));
  append(out, E::g2_to_bytes(proof.b));
  append(out, E::g1_to_bytes(proof.c));
  return out;
}

template <typename E>
ProofResult<Proof<E>> decode_proof(ByteView bytes) {
  if (bytes.size() != proof_size<E>()) return length_error("groth16 proof", bytes.size(), proof_size<E>());
  Proof<E> p;
  auto a = E::g1_from_bytes(bytes.subspan(0, E::kG1Size));
  if (!a) return with_context("proof A", a.error());
  auto b = E::g2_from_bytes(bytes.subspan(E::kG1Size, E::kG2Size));
  if (!b) return with_context("proof B", b.error());
  auto c = E::g1_from_bytes(bytes.subspan(E::kG1Size + E::kG2Size, E::kG1Size));
  if (!c) return with_context("proof C", c.error());
  p.a = *a;
  p.b = *b;
  p.c = *c;
  return p;
}

template <typename E>
Bytes encode_verifying_key(const VerifyingKey<E>& vk) {
  Bytes out;
  out.reserve(verifying_key_size<E>(vk.num_inputs()));
  append(out, E::g1_to_bytes(vk.alpha));
  append(out, E::g2_to_bytes(vk.beta));
  append(out, E::g2_to_bytes(vk.gamma));
  append(out, E::g2_to_bytes(vk.delta));
  const u32 n = static_cast<u32>(vk.num_inputs());
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<u8>(n >> s));
  for (const auto& p : vk.ic) append(out, E::g1_to_bytes(p));
  return out;
}

template <typename E>
ProofResult<VerifyingKey<E>> decode_verifying_key(ByteView bytes) {
  const size_t fixed = E::kG1Size + 3 * E::kG2Size;
  if (bytes.size() < fixed + 4) {
    return length_error("groth16 verifying key", bytes.size(), verifying_key_size<E>(0));
  }
  u32 n = 0;
  for (size_t i = 0; i < 4; ++i) n = (n << 8) | bytes[fixed + i];
  if (n > kMaxPublicInputs) {
    return ProofFailure(ProofError::kTooManyInputs, "groth16 verifying key: " + std::to_string(n) + " public inputs exceed the limit of " +
                     std::to_string(kMaxPublicInputs));
  }
  if (bytes.size() != verifying_key_size<E>(n)) {
    return length_error("groth16 verifying key", bytes.size(), verifying_key_size<E>(n));
  }
  VerifyingKey<E> vk;
  size_t at = 0;
  auto g1 = [&](const std::string& where) -> ProofResult<typename E::G1Affine> {
    auto r = E::g1_from_bytes(bytes.subspan(at, E::kG1Size));
    at += E::kG1Size;
    if (!r) return with_context(where, r.error());
    return *r;
  };
  auto g2 = [&](const std::string& where) -> ProofResult<typename E::G2Affine> {
    auto r = E::g2_from_bytes(bytes.subspan(at, E::kG2Size));
    at += E::kG2Size;
    if (!r) return with_context(where, r.error());
    return *r;
  };
  DUSK_ASSIGN(vk.alpha, g1("alpha"));
  DUSK_ASSIGN(vk.beta, g2("beta"));
  DUSK_ASSIGN(vk.gamma, g2("gamma"));
  DUSK_ASSIGN(vk.delta, g2("delta"));
  at += 4;
  vk.ic.reserve(n + 1);
  for (u32 i = 0; i <= n; ++i) {
    DUSK_ASSIGN(auto p, g1("IC[" + std::to_string(i) + "]"));
    vk.ic.push_back(p);
  }
  return vk;
}

template <typename E>
Bytes encode_public_inputs(std::span<const typename E::Fr> inputs) {
  Bytes out;
  out.reserve(inputs.size() * kScalarSize);
  for (const auto& x : inputs) append(out, x.to_bytes_be());
  return out;
}

template <typename E>
ProofResult<std::vector<typename E::Fr>> decode_public_inputs(ByteView bytes) {
  if (bytes.size() % kScalarSize != 0) {
    return ProofFailure(ProofError::kBadLength, "groth16 public inputs: " + std::to_string(bytes.size()) +
                     " bytes is not a multiple of 32");
  }
  const size_t n = bytes.size() / kScalarSize;
  if (n > kMaxPublicInputs) {
    return ProofFailure(ProofError::kTooManyInputs, "groth16 public inputs: more than " + std::to_string(kMaxPublicInputs));
  }
  std::vector<typename E::Fr> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    auto f = E::Fr::from_bytes_be(bytes.subspan(i * kScalarSize, kScalarSize));
    if (!f) {
      return ProofFailure(ProofError::kScalarOutOfRange, "groth16 public input " + std::to_string(i) + ": not below the group order r");
    }
    out.push_back(*f);
  }
  return out;
}

#define DUSK_GROTH16_INSTANTIATE_BINARY(E)                                             \
  template Bytes encode_proof<E>(const Proof<E>&);                                     \
  template ProofResult<Proof<E>> decode_proof<E>(ByteView);                                 \
  template Bytes encode_verifying_key<E>(const VerifyingKey<E>&);                      \
  template ProofResult<VerifyingKey<E>> decode_verifying_key<E>(ByteView);                  \
  template Bytes encode_public_inputs<E>(std::span<const E::Fr>);                      \
  template ProofResult<std::vector<E::Fr>> decode_public_inputs<E>(ByteView);

DUSK_GROTH16_INSTANTIATE_BINARY(Bls12_381Engine)
DUSK_GROTH16_INSTANTIATE_BINARY(Bn254Engine)

}  // namespace dusk::crypto::groth16
