// Phoenix transactions proved and verified (duskvm/phoenix/transaction_circuit.hpp): for
// 1 and 2 inputs (or the counts given), the circuit's gate count and domain, key
// generation, and the median over the runs of proving (both cores) and verifying the
// sample spend of tests/support/phoenix_scenario.hpp. Uses the INSECURE seeded setup
// (crypto/plonk/srs.hpp): timings only, never for real proofs.
//
//   build/release/bench/phoenix_tx [--runs N] [INPUTS...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "crypto/plonk/prover.hpp"
#include "crypto/plonk/prover_key.hpp"
#include "crypto/plonk/verifier.hpp"
#include "support/phoenix_scenario.hpp"

namespace {

using namespace dusk;
using namespace dusk::duskvm::phoenix;
namespace plonk = dusk::crypto::plonk;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<size_t> counts;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (const int n = std::atoi(argv[i]); n >= 1 && n <= static_cast<int>(kMaxInputs)) {
      counts.push_back(static_cast<size_t>(n));
    } else {
      std::fprintf(stderr, "usage: phoenix_tx [--runs N] [INPUTS (1..4)...]\n");
      return 2;
    }
  }
  if (counts.empty()) counts = {1, 2};
  std::printf("| inputs | gates   | domain | keys (s) | prove (s) | verify (ms) | proof (bytes) |\n");
  std::printf("|--------|---------|--------|----------|-----------|-------------|---------------|\n");
  for (size_t inputs : counts) {
    const sample::Scenario s = sample::scenario(inputs);
    plonk::Composer shape;
    TransactionCircuit(inputs).circuit(shape);
    size_t n = 1;
    while (n < shape.gate_count()) n <<= 1;
    const auto srs = plonk::Srs::insecure_from_seed(as_bytes("phoenix_tx bench (INSECURE)"), n + plonk::kSrsBlindingPowers);
    auto t0 = Clock::now();
    auto keys = plonk::preprocess(srs, shape);
    const double keys_ms = ms_since(t0);
    if (!keys.ok()) {
      std::fprintf(stderr, "phoenix_tx: %s\n", keys.error().message.c_str());
      return 1;
    }
    const TransactionCircuit circuit(s.witness);
    const std::vector<crypto::bls12_381::Fr> inputs_public = public_of(s.witness).to_public_inputs();
    std::vector<double> prove_ms, verify_ms;
    size_t proof_bytes = 0;
    for (int r = 0; r < runs; ++r) {
      t0 = Clock::now();
      auto proof = plonk::prove(*keys->prover, circuit);  // builds the circuit, then proves
      prove_ms.push_back(ms_since(t0));
      if (!proof.ok()) {
        std::fprintf(stderr, "phoenix_tx: %s\n", proof.error().message.c_str());
        return 1;
      }
      proof_bytes = proof->proof.to_bytes().size();
      t0 = Clock::now();
      auto ok = plonk::verify(*keys->verifier, proof->proof, inputs_public);
      verify_ms.push_back(ms_since(t0));
      if (!ok.ok() || !*ok) {
        std::fprintf(stderr, "phoenix_tx: the proof does not verify\n");
        return 1;
      }
    }
    std::printf("| %6zu | %7zu | 2^%-4d | %8.2f | %9.2f | %11.2f | %13zu |\n", inputs, shape.gate_count(),
                __builtin_ctzll(n), keys_ms / 1000, median(prove_ms) / 1000, median(verify_ms), proof_bytes);
    std::fflush(stdout);
  }
  return 0;
}
