// Our side of the BN254 comparison with @noble/curves (scripts/bench-bn254.sh): the
// operations and names of bench/reference/noble_bn254_ops.mjs, timed like the
// BLS12-381 comparison (bench/reference/op_timer.h). Prints "NAME NANOSECONDS" lines;
// DUSK_BENCH_FILTER=substring selects operations.
//
//   build/release/bench/bn254_ops
#include <array>

#include "crypto/bn254/encoding.hpp"
#include "crypto/bn254/pairing.hpp"
#include "duskevm/precompiles/bn254.hpp"

extern "C" {
#include "reference/op_timer.h"
}

namespace {

using namespace dusk;
using namespace dusk::crypto::bn254;

// Fixed workloads: scalars are fixed 254-bit values shared with the .mjs (hex below).
constexpr const char* kA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";
constexpr const char* kB = "2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a";

Fr fr(const char* hex) { return *Fr::from_bytes_be(from_hex(hex).value()); }

struct Ctx {
  G1 p1, q1;
  G2 p2;
  Fr k;
  G1Affine a1;
  G2Affine a2;
  Fp12 f;
  Bytes pairing_input;
};

template <typename Fn>
void run(const char* name, Ctx& ctx, Fn fn) {
  static Fn* stored;
  static Ctx* c;
  stored = &fn;
  c = &ctx;
  op_timer_run(name, [](void*) { (*stored)(*c); }, nullptr);
}

}  // namespace

int main() {
  Ctx ctx;
  const Fr a = fr(kA), b = fr(kB);
  ctx.k = b;
  ctx.p1 = G1::generator().mul(a);
  ctx.q1 = G1::generator().mul(b);
  ctx.p2 = G2::generator().mul(a);
  ctx.a1 = ctx.p1.to_affine();
  ctx.a2 = ctx.p2.to_affine();
  ctx.f = miller_loop(ctx.a1, ctx.a2);
  // e(aG1, aG2) e(-a^2 G1, G2) = 1, EIP-197 encoded.
  auto append = [&](const auto& enc) {
    ctx.pairing_input.insert(ctx.pairing_input.end(), enc.begin(), enc.end());
  };
  append(encode_g1(ctx.a1));
  append(encode_g2(ctx.a2));
  append(encode_g1((-G1::generator().mul(a * a)).to_affine()));
  append(encode_g2(G2Affine::generator()));
  if (evm::kBn254Pairing.run(ctx.pairing_input).value().back() != 1) return 1;

  volatile bool sink = false;
  run("g1_add", ctx, [&](Ctx& c) { c.p1 = c.p1 + c.q1; });
  run("g1_mul", ctx, [&](Ctx& c) { sink = g1_mul_glv_ct(c.p1, c.k).is_identity(); });
  run("g1_mul_fixed_window", ctx, [&](Ctx& c) { sink = c.p1.mul(c.k).is_identity(); });
  run("g1_mul_vartime", ctx, [&](Ctx& c) { sink = c.p1.mul_vartime(c.k).is_identity(); });
  run("g2_mul", ctx, [&](Ctx& c) { sink = c.p2.mul(c.k).is_identity(); });
  run("g2_mul_vartime", ctx, [&](Ctx& c) { sink = c.p2.mul_vartime(c.k).is_identity(); });
  run("miller_loop", ctx, [&](Ctx& c) { sink = miller_loop(c.a1, c.a2).is_one(); });
  run("final_exponentiation", ctx, [&](Ctx& c) { sink = final_exponentiation(c.f).is_one(); });
  run("pairing", ctx, [&](Ctx& c) { sink = pairing(c.a1, c.a2).is_one(); });
  run("pairing_check_2_pairs", ctx,
      [&](Ctx& c) { sink = evm::kBn254Pairing.run(c.pairing_input).ok(); });
  (void)sink;
  return 0;
}
