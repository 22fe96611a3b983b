// Our side of the zero-knowledge verification comparison (scripts/bench-zk.sh): Groth16
// over BN254 and BLS12-381 with 1 and 16 public inputs on the circom/snarkjs fixtures
// of tests/fixtures/zk, and the pairings under them, with the names that
// bench/reference/snarkjs_zk_ops.mjs and noble_zk_ops.mjs use for the same work. Timed
// by bench/reference/op_timer.h; prints "NAME NANOSECONDS" lines; DUSK_BENCH_FILTER
// selects operations by substring.
//
//   build/release/bench/zk_ops
//
// groth16_<curve>_<n>: one verification with the key prepared once (e(alpha, beta) and
// -gamma, -delta kept), proof and inputs already decoded. <curve>_pairing is one
// pairing; <curve>_pairing_3 a three-pair product with one final exponentiation, the
// floor under a verification (which adds the public-input sum). *_batch_64: 64 proofs of the 16-input circuit under one key (the
// fixture's proof re-randomized), one call. *_from_json: parse the three snarkjs files,
// prepare the key and verify, per call, like snarkjs's verify API.
//
// plonk_bn254_<n>: one PLONK verification (crypto/plonk) with the key prepared once (the
// lines of [x]_2 and [1]_2 and the transcript's key prefix), proof and inputs decoded;
// plonk_bn254_<n>_from_json as for Groth16.
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "crypto/groth16/bls12_381_engine.hpp"
#include "crypto/groth16/bn254_engine.hpp"
#include "crypto/groth16/snarkjs_json.hpp"
#include "crypto/groth16/verifier.hpp"
#include "crypto/plonk/snarkjs_json.hpp"
#include "crypto/plonk/snarkjs_verifier.hpp"

extern "C" {
#include "reference/op_timer.h"
}

namespace {

using namespace dusk;
using namespace dusk::crypto::groth16;

void run(const std::string& name, std::function<void()> fn) {
  static std::function<void()>* current;
  current = &fn;
  op_timer_run(name.c_str(), [](void*) { (*current)(); }, nullptr);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "zk_ops: cannot open %s\n", path.c_str());
    std::exit(1);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "zk_ops: %s\n", what.c_str());
  std::exit(1);
}

bool accepted(const Result<bool>& r) { return r.ok() && *r; }

template <typename E>
void bench_groth16(const std::string& curve_name, const std::string& fixture_curve) {
  using Fr = typename E::Fr;
  volatile bool sink = false;
  for (const auto& [circuit, n] : {std::pair<const char*, int>{"poseidon_preimage", 1},
                                   std::pair<const char*, int>{"sixteen_inputs", 16}}) {
    const std::string dir =
        std::string(DUSK_ZK_FIXTURES) + "/groth16_" + fixture_curve + "/" + circuit + "/";
    const std::string vk_text = read_text(dir + "verification_key.json");
    const std::string proof_text = read_text(dir + "proof.json");
    const std::string pub_text = read_text(dir + "public.json");
    auto vk = parse_verification_key<E>(vk_text);
    auto proof = parse_proof<E>(proof_text);
    auto inputs = parse_public_inputs<E>(pub_text);
    if (!vk || !proof || !inputs) fail("cannot parse the fixture " + dir);
    const auto pvk = prepare(*vk);
    const std::span<const Fr> in(*inputs);
    if (!accepted(verify(pvk, *proof, in))) fail("the fixture does not verify: " + dir);
    const std::string base = "groth16_" + curve_name + "_" + std::to_string(n);
    run(base, [&] { sink = accepted(verify(pvk, *proof, in)); });
    run(base + "_from_json", [&] {
      auto k = parse_verification_key<E>(vk_text);
      auto p = parse_proof<E>(proof_text);
      auto x = parse_public_inputs<E>(pub_text);
      sink = accepted(verify(prepare(*k), *p, std::span<const Fr>(*x)));
    });
    if (n == 16) {
      // 64 distinct valid proofs: (A / s, s B + s t delta, C + t A).
      std::vector<Proof<E>> proofs;
      const auto a = E::G1::from_affine(proof->a);
      for (u64 j = 0; j < 64; ++j) {
        const Fr s = Fr::from_u64(j + 2), t = Fr::from_u64(3 * j + 1);
        proofs.push_back({a.mul_vartime(s.inverse()).to_affine(),
                          (E::G2::from_affine(proof->b).mul_vartime(s) +
                           E::G2::from_affine(vk->delta).mul_vartime(s * t))
                              .to_affine(),
                          (E::G1::from_affine(proof->c) + a.mul_vartime(t)).to_affine()});
      }
      const std::vector<std::vector<Fr>> xs(proofs.size(), *inputs);
      const std::span<const Proof<E>> ps(proofs);
      const std::span<const std::vector<Fr>> xspan(xs);
      if (!accepted(verify_batch(pvk, ps, xspan))) fail("the batch does not verify");
      run("groth16_" + curve_name + "_batch_64",
          [&] { sink = accepted(verify_batch(pvk, ps, xspan)); });
    }
    if (n == 1) {
      // The floor: a three-pair pairing product without the input sum.
      const typename E::PairingInput pairs[3] = {
          {proof->a, proof->b}, {vk->ic[0], vk->gamma}, {proof->c, vk->delta}};
      run(curve_name + "_pairing", [&] { sink = E::multi_pairing(std::span(pairs, 1)).is_one(); });
      run(curve_name + "_pairing_3", [&] { sink = E::multi_pairing(pairs).is_one(); });
    }
  }
  (void)sink;
}

void bench_plonk() {
  namespace plonk = dusk::crypto::plonk;
  volatile bool sink = false;
  for (const auto& [circuit, n] : {std::pair<const char*, int>{"poseidon_preimage", 1},
                                   std::pair<const char*, int>{"sixteen_inputs", 16}}) {
    const std::string dir = std::string(DUSK_ZK_FIXTURES) + "/plonk_bn128/" + circuit + "/";
    const std::string vk_text = read_text(dir + "verification_key.json");
    const std::string proof_text = read_text(dir + "proof.json");
    const std::string pub_text = read_text(dir + "public.json");
    auto vk = plonk::snarkjs::parse_verification_key(vk_text);
    auto proof = plonk::snarkjs::parse_proof(proof_text);
    auto inputs = plonk::snarkjs::parse_public_inputs(pub_text);
    if (!vk || !proof || !inputs) fail("cannot parse the fixture " + dir);
    auto pvk = plonk::snarkjs::prepare(*vk);
    if (!pvk) fail("cannot prepare the key of " + dir);
    const std::span<const plonk::snarkjs::Fr> in(*inputs);
    if (!accepted(plonk::snarkjs::verify(*pvk, *proof, in))) fail("the fixture does not verify: " + dir);
    const std::string base = "plonk_bn254_" + std::to_string(n);
    run(base, [&] { sink = accepted(plonk::snarkjs::verify(*pvk, *proof, in)); });
    run(base + "_from_json", [&] {
      auto k = plonk::snarkjs::parse_verification_key(vk_text);
      auto p = plonk::snarkjs::parse_proof(proof_text);
      auto x = plonk::snarkjs::parse_public_inputs(pub_text);
      sink = accepted(plonk::snarkjs::verify(*plonk::snarkjs::prepare(*k), *p, std::span<const plonk::snarkjs::Fr>(*x)));
    });
  }
  (void)sink;
}

}  // namespace

int main() {
  bench_groth16<Bn254Engine>("bn254", "bn128");
  bench_groth16<Bls12_381Engine>("bls12381", "bls12381");
  bench_plonk();
  return 0;
}
