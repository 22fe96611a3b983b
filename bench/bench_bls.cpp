// BLS signatures (src/crypto/bls) for both variants: sign, verify, and the three ways
// of checking 64 signatures (aggregate over distinct messages, fast aggregate over one
// message with plain and with weighted keys, batch of independent triples).
//
//   build/release/bench/bench_bls [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "crypto/bls/scheme.hpp"

namespace {

using namespace dusk;
using namespace dusk::crypto::bls;

constexpr size_t kSigners = 64;

SecretKey key(u32 i) {
  Bytes ikm(32, 0x5a);
  for (int b = 0; b < 4; ++b) ikm[b] = static_cast<u8>(i >> (8 * b));
  return *SecretKey::key_gen(ikm);
}

// 64 signers, each with its own message (32 bytes, like a block or vote hash), signing
// it plainly; plus the signatures of all of them on one common message.
template <typename V>
struct Fixture {
  using S = Scheme<V>;
  std::vector<SecretKey> sks;
  std::vector<typename S::PublicKey> pks;
  std::vector<Bytes> messages;
  std::vector<ByteView> views;
  std::vector<typename S::Signature> sigs;
  Bytes common = Bytes(32, 0x42);
  std::vector<typename S::Signature> common_sigs, weighted_sigs;

  Fixture() {
    for (u32 i = 0; i < kSigners; ++i) {
      sks.push_back(key(i));
      pks.push_back(S::sk_to_pk(sks.back()));
      messages.emplace_back(32, static_cast<u8>(i));
    }
    for (u32 i = 0; i < kSigners; ++i) {
      views.emplace_back(messages[i]);
      sigs.push_back(S::sign(sks[i], views[i]));
      common_sigs.push_back(S::sign(sks[i], common));
      weighted_sigs.push_back(*S::sign_weighted(sks[i], common));
    }
  }
  static const Fixture& get() {
    static const Fixture f;
    return f;
  }
};

template <typename V>
void BM_sign(benchmark::State& state) {
  const auto sk = key(1);
  const Bytes m(32, 7);
  for (auto _ : state) benchmark::DoNotOptimize(Scheme<V>::sign(sk, m));
}

template <typename V>
void BM_verify(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  for (auto _ : state) {
    auto st = Scheme<V>::verify(f.pks[0], f.views[0], f.sigs[0]);
    if (!st.ok()) state.SkipWithError("verify failed");
  }
}

// Verify from the wire: decoding (with subgroup checks) of key and signature included.
template <typename V>
void BM_verify_bytes(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  const auto pk = f.pks[0].to_bytes();
  const auto sig = f.sigs[0].to_bytes();
  for (auto _ : state) {
    auto st = Scheme<V>::verify(pk, f.views[0], sig);
    if (!st.ok()) state.SkipWithError("verify failed");
  }
}

template <typename V>
void BM_aggregate_verify_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  const auto agg = *Scheme<V>::aggregate(f.sigs);
  for (auto _ : state) {
    auto st = Scheme<V>::aggregate_verify(f.pks, f.views, agg);
    if (!st.ok()) state.SkipWithError("aggregate_verify failed");
  }
}

// Includes aggregating the 64 signatures, as a verifier receiving them separately would.
template <typename V>
void BM_fast_aggregate_verify_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  for (auto _ : state) {
    auto agg = Scheme<V>::aggregate(f.common_sigs);
    auto st = Scheme<V>::fast_aggregate_verify(f.pks, f.common, *agg);
    if (!st.ok()) state.SkipWithError("fast_aggregate_verify failed");
  }
}

template <typename V>
void BM_fast_aggregate_verify_weighted_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  for (auto _ : state) {
    auto agg = Scheme<V>::aggregate(f.weighted_sigs);
    auto st = Scheme<V>::fast_aggregate_verify_weighted(f.pks, f.common, *agg);
    if (!st.ok()) state.SkipWithError("fast_aggregate_verify_weighted failed");
  }
}

// The same with the weighted keys computed once beforehand (a verifier's cache), so
// aggregation is additions only.
template <typename V>
void BM_fast_aggregate_verify_weighted_cached_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  std::vector<typename Scheme<V>::PublicKey> weighted;
  for (const auto& pk : f.pks) weighted.push_back(*Scheme<V>::weighted_public_key(pk));
  for (auto _ : state) {
    auto agg = Scheme<V>::aggregate(f.weighted_sigs);
    auto st = Scheme<V>::fast_aggregate_verify(weighted, f.common, *agg);
    if (!st.ok()) state.SkipWithError("fast_aggregate_verify over cached weighted keys failed");
  }
}

template <typename V, BatchSecurity kSecurity>
void BM_batch_verify_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  std::vector<typename Scheme<V>::BatchItem> items;
  for (size_t i = 0; i < kSigners; ++i) items.push_back({f.pks[i], f.views[i], f.sigs[i]});
  for (auto _ : state) {
    auto st = Scheme<V>::batch_verify(items, kSecurity);
    if (!st.ok()) state.SkipWithError("batch_verify failed");
  }
}

// 64 separate verifications: the baseline the three above improve on.
template <typename V>
void BM_verify_each_64(benchmark::State& state) {
  const auto& f = Fixture<V>::get();
  for (auto _ : state) {
    for (size_t i = 0; i < kSigners; ++i) {
      auto st = Scheme<V>::verify(f.pks[i], f.views[i], f.sigs[i]);
      if (!st.ok()) state.SkipWithError("verify failed");
    }
  }
}

#define DUSK_BLS_BENCH(V)                                                   \
  BENCHMARK(BM_sign<V>)->Unit(benchmark::kMicrosecond);                     \
  BENCHMARK(BM_verify<V>)->Unit(benchmark::kMicrosecond);                   \
  BENCHMARK(BM_verify_bytes<V>)->Unit(benchmark::kMicrosecond);             \
  BENCHMARK(BM_aggregate_verify_64<V>)->Unit(benchmark::kMillisecond);      \
  BENCHMARK(BM_fast_aggregate_verify_64<V>)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_fast_aggregate_verify_weighted_64<V>)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_fast_aggregate_verify_weighted_cached_64<V>)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_batch_verify_64<V, BatchSecurity::k64>)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_batch_verify_64<V, BatchSecurity::k128>)->Unit(benchmark::kMillisecond); \
  BENCHMARK(BM_verify_each_64<V>)->Unit(benchmark::kMillisecond)

DUSK_BLS_BENCH(MinSig);
DUSK_BLS_BENCH(MinPk);

}  // namespace

BENCHMARK_MAIN();
