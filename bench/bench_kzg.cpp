// KZG for EIP-4844 (src/crypto/kzg): loading the mainnet trusted setup, commitments,
// proofs, verification single and batched, and the point evaluation precompile.
//
//   build/release/bench/bench_kzg [--benchmark_filter=...]
//
// Reads ../shared/testdata/crypto/kzg/trusted_setup.txt (DUSK_TESTDATA).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "crypto/kzg/kzg.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto::kzg;

const std::string kSetupPath = std::string(DUSK_TESTDATA) + "/crypto/kzg/trusted_setup.txt";

const TrustedSetup& setup() {
  static const Result<TrustedSetup> s = TrustedSetup::load_file(kSetupPath);
  if (!s) {
    std::cerr << s.error().message << "\n";
    std::exit(1);
  }
  return *s;
}

Blob random_blob(u64 seed) {
  std::vector<Fr> p(kFieldElementsPerBlob);
  for (size_t i = 0; i < p.size(); ++i) {
    std::array<u8, 64> bytes{};
    for (size_t j = 0; j < bytes.size(); ++j) bytes[j] = static_cast<u8>(seed * 31 + i * 7 + j);
    bytes[0] = static_cast<u8>(i >> 8);
    bytes[1] = static_cast<u8>(seed);
    p[i] = Fr::random(bytes);
  }
  return *Blob::from_polynomial(std::move(p));
}

// Blobs with their commitments and proofs, made once and shared.
struct Batch {
  std::vector<Blob> blobs;
  std::vector<Bytes> commitments, proofs;
};
const Batch& batch(size_t n) {
  static Batch b;
  while (b.blobs.size() < n) {
    b.blobs.push_back(random_blob(b.blobs.size()));
    const KzgCommitment c = blob_to_kzg_commitment(b.blobs.back(), setup());
    b.commitments.emplace_back(c.begin(), c.end());
    const KzgProof p = *compute_blob_kzg_proof(b.blobs.back(), c, setup());
    b.proofs.emplace_back(p.begin(), p.end());
  }
  return b;
}

void BM_load_trusted_setup(benchmark::State& state) {
  for (auto _ : state) {
    auto s = TrustedSetup::load_file(kSetupPath);
    if (!s) state.SkipWithError(s.error().message.c_str());
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_load_trusted_setup)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_blob_to_kzg_commitment(benchmark::State& state) {
  const Blob blob = random_blob(1000);
  setup();
  for (auto _ : state) benchmark::DoNotOptimize(blob_to_kzg_commitment(blob, setup()));
}
BENCHMARK(BM_blob_to_kzg_commitment)->Unit(benchmark::kMillisecond);

void BM_compute_blob_kzg_proof(benchmark::State& state) {
  const Batch& b = batch(1);
  for (auto _ : state)
    benchmark::DoNotOptimize(compute_blob_kzg_proof(b.blobs[0], b.commitments[0], setup()));
}
BENCHMARK(BM_compute_blob_kzg_proof)->Unit(benchmark::kMillisecond);

void BM_verify_kzg_proof(benchmark::State& state) {
  const Batch& b = batch(1);
  const Bytes32 z = bls_field_to_bytes(Fr::from_u64(12345));
  const auto [proof, y] = *compute_kzg_proof(b.blobs[0], z, setup());
  for (auto _ : state) {
    auto ok = verify_kzg_proof(b.commitments[0], z, y, proof, setup());
    if (!ok || !*ok) state.SkipWithError("proof rejected");
  }
}
BENCHMARK(BM_verify_kzg_proof)->Unit(benchmark::kMillisecond);

void BM_verify_blob_kzg_proof(benchmark::State& state) {
  const Batch& b = batch(1);
  for (auto _ : state) {
    auto ok = verify_blob_kzg_proof(b.blobs[0], b.commitments[0], b.proofs[0], setup());
    if (!ok || !*ok) state.SkipWithError("proof rejected");
  }
}
BENCHMARK(BM_verify_blob_kzg_proof)->Unit(benchmark::kMillisecond);

void BM_verify_blob_kzg_proof_batch(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const Batch& all = batch(n);
  const std::span<const Blob> blobs(all.blobs.data(), n);
  const std::span<const Bytes> commitments(all.commitments.data(), n), proofs(all.proofs.data(), n);
  for (auto _ : state) {
    auto ok = verify_blob_kzg_proof_batch(blobs, commitments, proofs, setup());
    if (!ok || !*ok) state.SkipWithError("batch rejected");
  }
  state.counters["blobs/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_verify_blob_kzg_proof_batch)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);

void BM_point_evaluation_precompile(benchmark::State& state) {
  const Batch& b = batch(1);
  const Bytes32 z = bls_field_to_bytes(Fr::from_u64(777));
  const auto [proof, y] = *compute_kzg_proof(b.blobs[0], z, setup());
  Bytes input;
  const auto vh = dusk::evm::kzg_to_versioned_hash(b.commitments[0]);
  input.insert(input.end(), vh.begin(), vh.end());
  input.insert(input.end(), z.begin(), z.end());
  input.insert(input.end(), y.begin(), y.end());
  input.insert(input.end(), b.commitments[0].begin(), b.commitments[0].end());
  input.insert(input.end(), proof.begin(), proof.end());
  for (auto _ : state) {
    auto out = dusk::evm::point_evaluation(input, setup());
    if (!out) state.SkipWithError(out.error().message.c_str());
  }
}
BENCHMARK(BM_point_evaluation_precompile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
