// libFuzzer target for the zero-knowledge proof readers and verifiers (crypto/groth16,
// crypto/plonk): whatever the bytes, reading ends in a value or an error with a
// zk::ProofError code, and a value that was read verifies (true or false, or the one
// documented error for a wrong input count) without a crash.
//
// Input layout: byte 0 (an ASCII digit in the seeds) picks the reader, the rest is its
// input:
//   '0' / '1' / '2'  Groth16 BN254 snarkjs key / proof / public inputs JSON
//   '3' / '4'        Groth16 BLS12-381 snarkjs key / proof JSON
//   '5' / '6'        Groth16 BN254 binary key / proof
//   '7' / '8' / '9'  PLONK snarkjs key / proof / public inputs JSON
// (other values wrap around). What was read is then used against a synthetic partner
// made of generators: a key read from the input verifies a proof of generators with
// inputs 1, 2, ...; a proof or inputs read from the input are checked under a key of
// generators (PLONK: a domain of 8 points). Keys with more than kMaxVerifiedInputs
// inputs are read but not verified (to keep each run short).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "crypto/groth16/binary_form.hpp"
#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/groth16/verifier.hpp"
#include "crypto/plonk/snarkjs_json.hpp"
#include "crypto/plonk/snarkjs_verifier.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto;

constexpr size_t kMaxVerifiedInputs = 32;

// A failure must carry one of the documented codes: a shared encoding code or one of
// the proof readers' own.
template <typename T>
bool check(const zk::ProofResult<T>& r) {
  if (r.ok()) return true;
  const int code = static_cast<int>(r.error().code);
  const bool encoding = code >= static_cast<int>(zk::ProofError::kBadLength) &&
                        code <= static_cast<int>(zk::ProofError::kBadPadding);
  const bool own = code >= static_cast<int>(zk::ProofError::kBadJson) &&
                   code <= static_cast<int>(zk::ProofError::kBadDomain);
  if (!encoding && !own) std::abort();
  return false;
}

template <typename Fr>
std::vector<Fr> counting_inputs(size_t n) {
  std::vector<Fr> xs;
  for (size_t i = 0; i < n; ++i) xs.push_back(Fr::from_u64(i + 1));
  return xs;
}

// ---- Groth16 ----

template <typename E>
groth16::VerifyingKey<E> generator_key(size_t n) {
  groth16::VerifyingKey<E> vk;
  vk.alpha = E::G1Affine::generator();
  vk.beta = vk.gamma = vk.delta = E::G2Affine::generator();
  vk.ic.assign(n + 1, E::G1Affine::generator());
  return vk;
}

template <typename E>
groth16::Proof<E> generator_proof() {
  return {E::G1Affine::generator(), E::G2Affine::generator(), E::G1Affine::generator()};
}

template <typename E>
void groth16_verify(const groth16::VerifyingKey<E>& vk, const groth16::Proof<E>& proof,
                    const std::vector<typename E::Fr>& inputs) {
  if (vk.ic.empty() || inputs.size() > kMaxVerifiedInputs) return;
  const auto pvk = groth16::prepare(vk);
  auto r = groth16::verify(pvk, proof, std::span<const typename E::Fr>(inputs));
  // A wrong count is the only error verify may give.
  if (!r.ok() && (r.error().code != zk::ProofError::kCountMismatch ||
                  inputs.size() == pvk.num_inputs())) {
    std::abort();
  }
}

template <typename E>
void groth16_key(const groth16::VerifyingKey<E>& vk) {
  if (vk.num_inputs() > kMaxVerifiedInputs) return;
  groth16_verify(vk, generator_proof<E>(), counting_inputs<typename E::Fr>(vk.num_inputs()));
}

template <typename E>
void groth16_proof(const groth16::Proof<E>& proof) {
  groth16_verify(generator_key<E>(2), proof, counting_inputs<typename E::Fr>(2));
}

// ---- PLONK ----

plonk::snarkjs::VerifyingKey plonk_generator_key(size_t n) {
  plonk::snarkjs::VerifyingKey vk;
  vk.n_public = n;
  vk.power = 3;
  while ((u64{1} << vk.power) < n) ++vk.power;
  vk.k1 = plonk::snarkjs::Fr::from_u64(2);
  vk.k2 = plonk::snarkjs::Fr::from_u64(3);
  vk.qm = vk.ql = vk.qr = vk.qo = vk.qc = vk.s1 = vk.s2 = vk.s3 = plonk::snarkjs::G1Affine::generator();
  vk.x2 = plonk::snarkjs::G2Affine::generator();
  vk.w = plonk::snarkjs::root_of_unity(vk.power);
  return vk;
}

plonk::snarkjs::Proof plonk_generator_proof() {
  plonk::snarkjs::Proof p;
  p.a = p.b = p.c = p.z = p.t1 = p.t2 = p.t3 = p.wxi = p.wxiw = plonk::snarkjs::G1Affine::generator();
  p.eval_a = p.eval_b = p.eval_c = p.eval_s1 = p.eval_s2 = p.eval_zw = plonk::snarkjs::Fr::one();
  return p;
}

void plonk_verify(const plonk::snarkjs::VerifyingKey& vk, const plonk::snarkjs::Proof& proof,
                  const std::vector<plonk::snarkjs::Fr>& inputs) {
  if (inputs.size() > kMaxVerifiedInputs) return;
  auto pvk = plonk::snarkjs::prepare(vk);
  if (!check(pvk)) return;
  auto r = plonk::snarkjs::verify(*pvk, proof, std::span<const plonk::snarkjs::Fr>(inputs));
  if (!r.ok() && (r.error().code != zk::ProofError::kCountMismatch ||
                  inputs.size() == vk.n_public)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const ByteView bytes(data + 1, size - 1);
  using groth16::Bls12_381Engine;
  using groth16::Bn254Engine;
  switch ((data[0] - '0' + 256) % 10) {
    case 0:
      if (auto vk = groth16::parse_verification_key<Bn254Engine>(text); check(vk)) groth16_key(*vk);
      break;
    case 1:
      if (auto p = groth16::parse_proof<Bn254Engine>(text); check(p)) groth16_proof(*p);
      break;
    case 2:
      if (auto xs = groth16::parse_public_inputs<Bn254Engine>(text); check(xs)) {
        groth16_verify(generator_key<Bn254Engine>(std::min(xs->size(), kMaxVerifiedInputs)),
                       generator_proof<Bn254Engine>(), *xs);
      }
      break;
    case 3:
      if (auto vk = groth16::parse_verification_key<Bls12_381Engine>(text); check(vk)) groth16_key(*vk);
      break;
    case 4:
      if (auto p = groth16::parse_proof<Bls12_381Engine>(text); check(p)) groth16_proof(*p);
      break;
    case 5:
      if (auto vk = groth16::decode_verifying_key<Bn254Engine>(bytes); check(vk)) groth16_key(*vk);
      break;
    case 6:
      if (auto p = groth16::decode_proof<Bn254Engine>(bytes); check(p)) groth16_proof(*p);
      break;
    case 7:
      if (auto vk = plonk::snarkjs::parse_verification_key(text); check(vk) && vk->n_public <= kMaxVerifiedInputs) {
        plonk_verify(*vk, plonk_generator_proof(), counting_inputs<plonk::snarkjs::Fr>(vk->n_public));
      }
      break;
    case 8:
      if (auto p = plonk::snarkjs::parse_proof(text); check(p)) {
        plonk_verify(plonk_generator_key(2), *p, counting_inputs<plonk::snarkjs::Fr>(2));
      }
      break;
    case 9:
      if (auto xs = plonk::snarkjs::parse_public_inputs(text); check(xs)) {
        plonk_verify(plonk_generator_key(std::min(xs->size(), kMaxVerifiedInputs)),
                     plonk_generator_proof(), *xs);
      }
      break;
  }
  return 0;
}
