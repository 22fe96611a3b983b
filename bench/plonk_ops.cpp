// Our PLONK over BLS12-381 (crypto/plonk) against circuit size: for domains of 2^10 ..
// 2^16 rows (or the logs given as arguments), preprocessing, proving (both cores) and
// verifying a circuit that fills the domain with multiplication and addition gates, a
// range check and a public input. Prints one line per size with the median of the runs:
// wall time, and for proving also the process's CPU time (both threads; under load from
// other processes the wall time grows while the CPU time stays about the same).
// Uses the INSECURE seeded setup (srs.hpp): timings only, never for real proofs.
//
//   build/release/bench/plonk_ops            # logs 10..16
//   build/release/bench/plonk_ops 10 12      # chosen logs
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/verifier.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto::plonk;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Gates up to just under 2^log rows: a 32-bit range check, then alternating
// multiplications and additions, and the result as public input.
void build(Composer& cs, unsigned log, u64 x) {
  const size_t target = (size_t{1} << log) - 4;
  Witness acc = cs.append_witness(Fr::from_u64(x));
  cs.component_range(acc, 32);
  while (cs.gate_count() + 3 < target) {
    acc = cs.gate_mul(acc, acc, Fr::one(), Fr::from_u64(cs.gate_count()));
    acc = cs.gate_add(acc, acc, Fr::from_u64(3), Fr::from_u64(5), Fr::one());
  }
  cs.append_public(cs.value(acc));
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<unsigned> logs;
  for (int i = 1; i < argc; ++i) logs.push_back(static_cast<unsigned>(std::atoi(argv[i])));
  if (logs.empty()) logs = {10, 11, 12, 13, 14, 15, 16};
  const unsigned max_log = *std::max_element(logs.begin(), logs.end());
  auto t0 = Clock::now();
  const Srs srs = Srs::insecure_from_seed(as_bytes("bench plonk_ops"), (size_t{1} << max_log) + kSrsBlindingPowers);
  std::printf("INSECURE seeded SRS of 2^%u + %zu powers: %.0f ms\n", max_log, kSrsBlindingPowers, ms_since(t0));
  std::printf("%4s %8s %14s %10s %14s %10s %6s %6s\n", "log", "gates", "preprocess_ms", "prove_ms",
              "prove_cpu_ms", "verify_ms", "runs", "bytes");
  for (unsigned log : logs) {
    Composer shape, witness;
    build(shape, log, 0);
    build(witness, log, 0xdeadbeef);
    t0 = Clock::now();
    auto keys = preprocess(srs, shape);
    const double pre = ms_since(t0);
    if (!keys.ok()) {
      std::fprintf(stderr, "preprocess: %s\n", keys.error().message.c_str());
      return 1;
    }
    const int runs = log <= 12 ? 9 : log <= 14 ? 5 : 3;
    std::vector<double> prove_ms, prove_cpu, verify_ms;
    std::array<u8, kProofSize> bytes{};
    for (int r = 0; r < runs; ++r) {
      t0 = Clock::now();
      const double c0 = cpu_ms();
      auto proof = prove(*keys->prover, witness);
      prove_cpu.push_back(cpu_ms() - c0);
      prove_ms.push_back(ms_since(t0));
      if (!proof.ok()) {
        std::fprintf(stderr, "prove: %s\n", proof.error().message.c_str());
        return 1;
      }
      bytes = proof->to_bytes();
      const auto inputs = witness.public_inputs();
      t0 = Clock::now();
      auto ok = verify(*keys->verifier, ByteView(bytes), inputs);
      verify_ms.push_back(ms_since(t0));
      if (!ok.ok() || !*ok) {
        std::fprintf(stderr, "the proof does not verify\n");
        return 1;
      }
    }
    std::printf("%4u %8zu %14.1f %10.1f %14.1f %10.2f %6d %6zu\n", log, witness.gate_count(), pre,
                median(prove_ms), median(prove_cpu), median(verify_ms), runs, bytes.size());
    std::fflush(stdout);
    // At the smallest size, 16 proofs verified one by one and in one batch.
    if (log == logs.front()) {
      std::vector<Proof> proofs;
      std::vector<std::vector<Fr>> inputs;
      for (int i = 0; i < 16; ++i) {
        proofs.push_back(*prove(*keys->prover, witness));
        inputs.push_back(witness.public_inputs());
      }
      t0 = Clock::now();
      bool all = true;
      for (int i = 0; i < 16; ++i) all = all && *verify(*keys->verifier, proofs[i], inputs[i]);
      const double single = ms_since(t0);
      t0 = Clock::now();
      all = all && *batch_verify(*keys->verifier, proofs, inputs);
      const double batch = ms_since(t0);
      if (!all) {
        std::fprintf(stderr, "a proof of the batch does not verify\n");
        return 1;
      }
      std::printf("     16 proofs at 2^%u: one by one %.1f ms, batch_verify %.1f ms\n", log, single, batch);
    }
  }
  return 0;
}
