// Our side of `make bench`'s BLS12-381 comparison (scripts/bench-crypto.sh): the
// operations, workloads and names of bench/reference/blst_ops.c and
// bench/reference/chainsafe_blst_ops.mjs, timed the same way (bench/reference/op_timer.h).
// Prints "NAME NANOSECONDS" lines; DUSK_BENCH_FILTER=substring selects operations.
//
//   build/release/bench/crypto_ops
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/bls/scheme.hpp"
#include "crypto/bls12_381/hash_to_curve.hpp"
#include "crypto/bls12_381/msm.hpp"
#include "crypto/kzg/kzg.hpp"
#include "crypto/kzg/trusted_setup.hpp"
#include "crypto/bls12_381/pairing.hpp"

extern "C" {
#include "reference/op_timer.h"
}

namespace {

using namespace dusk;
using namespace dusk::crypto::bls12_381;

constexpr std::string_view kDstMinSig = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_";
constexpr std::string_view kDstMinPk = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

u64 rng_state = 0x0123456789abcdefull;
u64 next64() {  // splitmix64, as in blst_ops.c
  u64 z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
// A random scalar below 2^254 (< r), like blst_ops.c's.
Fr random_scalar() {
  std::array<u8, 32> le{};
  for (auto& b : le) b = static_cast<u8>(next64());
  le[31] &= 0x3f;
  return *Fr::from_bytes_le(le);
}
std::array<u8, 32> random_msg() {
  std::array<u8, 32> m{};
  for (auto& b : m) b = static_cast<u8>(next64());
  return m;
}
// n distinct points P_i = G + i Q and random scalars, as blst_ops.c makes them.
template <typename P>
void msm_inputs(size_t n, std::vector<typename P::AffinePoint>& points, std::vector<Fr>& scalars) {
  const P q = P::generator().mul(random_scalar());
  std::vector<P> proj(n);
  proj[0] = P::generator();
  for (size_t i = 1; i < n; ++i) proj[i] = proj[i - 1] + q;
  points = P::batch_to_affine(proj);
  scalars.resize(n);
  for (auto& s : scalars) s = random_scalar();
}

ByteView view(std::string_view s) { return {reinterpret_cast<const u8*>(s.data()), s.size()}; }

// op_timer_run takes a C callback and a context; this adapts any callable.
template <typename F>
void run(const char* name, F&& f) {
  op_timer_run(
      name, [](void* c) { (*static_cast<F*>(c))(); }, &f);
}

template <typename T>
void keep(const T& v) {
  asm volatile("" : : "g"(&v) : "memory");
}

// The signature workloads of blst_ops.c: 64 signers with KeyGen keys, 64 random 32-byte
// messages; sign and verify use signer 0 and message 0; aggregate verify checks the
// aggregate of the 64 signatures on distinct messages, fast aggregate verify the
// aggregate of all 64 signatures of message 0 (summing the keys, as blst's op does).
// Our verify takes decoded objects, whose subgroup checks happened at decoding; blst's
// core verify repeats the signature's group check on every call.
template <typename V>
void run_signatures(const char* prefix) {
  using S = dusk::crypto::bls::Scheme<V>;
  constexpr size_t kSigners = 64;
  std::vector<dusk::crypto::bls::SecretKey> sks;
  std::vector<typename S::PublicKey> pks;
  std::vector<std::array<u8, 32>> msgs;
  std::vector<ByteView> views;
  std::vector<typename S::Signature> sigs, same_msg_sigs;
  for (size_t i = 0; i < kSigners; ++i) {
    const auto ikm = random_msg();
    msgs.push_back(random_msg());
    sks.push_back(*dusk::crypto::bls::SecretKey::key_gen(ikm));
    pks.push_back(S::sk_to_pk(sks.back()));
  }
  for (size_t i = 0; i < kSigners; ++i) {
    views.emplace_back(msgs[i]);
    sigs.push_back(S::sign(sks[i], views[i]));
    same_msg_sigs.push_back(S::sign(sks[i], views[0]));
  }
  const auto agg = *S::aggregate(sigs);
  const auto same_msg_agg = *S::aggregate(same_msg_sigs);
  const auto fail = [](const char* what) {
    std::fprintf(stderr, "crypto_ops: %s failed\n", what);
    std::exit(1);
  };
  const std::string p(prefix);
  run((p + "_sign").c_str(), [&] { keep(S::sign(sks[0], views[0])); });
  run((p + "_verify").c_str(), [&] {
    if (!S::verify(pks[0], views[0], sigs[0]).ok()) fail("verify");
  });
  run((p + "_aggregate_verify_64").c_str(), [&] {
    if (!S::aggregate_verify(pks, views, agg).ok()) fail("aggregate verify");
  });
  run((p + "_fast_aggregate_verify_64").c_str(), [&] {
    if (!S::fast_aggregate_verify(pks, views[0], same_msg_agg).ok()) fail("fast aggregate verify");
  });
}

}  // namespace

int main() {
  const G1Affine g1 = G1Affine::generator();
  const G2Affine g2 = G2Affine::generator();
  const Fr k = random_scalar();
  const auto msg = random_msg();
  const G1 p1 = G1::generator().mul(k);
  const G2 p2 = G2::generator().mul(k);
  const Fp12 ml = miller_loop(g1, g2);

  // Field arithmetic as dependent chains (x = x op y), like blst_ops.c.
  Fp fx = g1.x;
  const Fp fy = g1.y;
  Fp2 f2x = g2.x;
  const Fp2 f2y = g2.y;
  Fp12 f12x = ml;
  const Fp12 f12y = miller_loop(-g1, g2);
  run("fp_mul", [&] { fx = fx * fy; });
  run("fp_sqr", [&] { fx = fx.square(); });
  run("fp_inverse", [&] { fx = fx.inverse(); });  // constant time, like blst_fp_inverse
  run("fp2_mul", [&] { f2x = f2x * f2y; });
  run("fp12_mul", [&] { f12x = f12x * f12y; });
  run("fp12_sqr", [&] { f12x = f12x.square(); });
  keep(fx), keep(f2x), keep(f12x);

  run("miller_loop", [&] { keep(miller_loop(g1, g2)); });
  run("final_exp", [&] { keep(final_exponentiation(ml)); });
  run("pairing", [&] { keep(pairing(g1, g2)); });
  // Constant time (secret scalars) with the endomorphisms, the counterpart of
  // blst_p1_mult / blst_p2_mult; and the plain fixed-window Projective::mul.
  run("g1_mul", [&] { keep(g1_mul_glv_ct(p1, k)); });
  run("g2_mul", [&] { keep(g2_mul_gls_ct(p2, k)); });
  run("g1_mul_fixed_window", [&] { keep(p1.mul(k)); });
  run("g2_mul_fixed_window", [&] { keep(p2.mul(k)); });
  // Variable time with the endomorphisms (public scalars); blst has no separate one.
  run("g1_mul_public", [&] { keep(g1_mul_glv(p1, k)); });
  run("g2_mul_public", [&] { keep(g2_mul_gls(p2, k)); });
  run("hash_to_g1", [&] { keep(hash_to_g1(msg, view(kDstMinSig))); });
  run("hash_to_g2", [&] { keep(hash_to_g2(msg, view(kDstMinPk))); });
  run_signatures<dusk::crypto::bls::MinSig>("minsig");
  run_signatures<dusk::crypto::bls::MinPk>("minpk");

  for (size_t n : {size_t{4096}, size_t{65536}}) {
    const std::string g1_name = "g1_msm_" + std::to_string(n), g2_name = "g2_msm_" + std::to_string(n);
    if (op_timer_selected(g1_name.c_str())) {
      std::vector<G1Affine> pts;
      std::vector<Fr> ks;
      msm_inputs<G1>(n, pts, ks);
      run(g1_name.c_str(), [&] { keep(g1_msm(pts, ks)); });
    }
    if (op_timer_selected(g2_name.c_str())) {
      std::vector<G2Affine> pts;
      std::vector<Fr> ks;
      msm_inputs<G2>(n, pts, ks);
      run(g2_name.c_str(), [&] { keep(g2_msm(pts, ks)); });
    }
  }

  // KZG (EIP-4844): verify_kzg_proof from bytes (decoding and subgroup checks of the
  // commitment and proof included, as c-kzg-4844 does it with blst), on a real setup.
  if (op_timer_selected("kzg_verify_proof")) {
    auto setup = dusk::crypto::kzg::TrustedSetup::load_file(DUSK_KZG_TRUSTED_SETUP_PATH);
    if (!setup.ok()) {
      std::fprintf(stderr, "crypto_ops: %s\n", setup.error().message.c_str());
      return 1;
    }
    std::vector<Fr> poly(4096);
    for (auto& c : poly) c = random_scalar();
    auto blob = dusk::crypto::kzg::Blob::from_polynomial(poly);
    const auto commitment = dusk::crypto::kzg::blob_to_kzg_commitment(*blob, *setup);
    const auto z = random_scalar().to_bytes_be();
    auto proof = dusk::crypto::kzg::compute_kzg_proof(*blob, z, *setup);
    const auto& [pi, y] = *proof;
    run("kzg_verify_proof", [&] {
      if (!dusk::crypto::kzg::verify_kzg_proof(commitment, z, y, pi, *setup).value()) std::abort();
    });
  }
  return 0;
}
