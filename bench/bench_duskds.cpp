// DuskDS Moonlight transactions: decoding, signature checks one by one and in a batch,
// and mempool admission of a batch of transfers.
#include <benchmark/benchmark.h>

#include <vector>

#include "crypto/bls/scheme.hpp"
#include "duskds/gas_schedule.hpp"
#include "duskds/ledger.hpp"
#include "duskds/mempool.hpp"
#include "duskds/signature_batch.hpp"
#include "duskds/transaction_codec.hpp"

namespace {

using namespace dusk;
using namespace dusk::ds;
using crypto::bls::BlsMinSig;
using crypto::bls::SecretKey;

constexpr u64 kChain = 7;
constexpr size_t kSenders = 64;

struct Fixture {
  std::vector<SecretKey> keys;
  std::vector<AccountKey> pks;
  std::vector<Transaction> txs;  // one transfer from each sender, nonce 0
  std::vector<Bytes> encoded;

  Fixture() {
    for (u32 i = 0; i < kSenders; ++i) {
      Bytes ikm(32, 0x33);
      ikm[0] = static_cast<u8>(i);
      keys.push_back(*SecretKey::key_gen(ikm));
      pks.push_back(BlsMinSig::sk_to_pk(keys.back()).to_bytes());
    }
    for (size_t i = 0; i < kSenders; ++i) {
      Transaction tx;
      tx.chain_id = kChain;
      tx.sender = pks[i];
      tx.receiver = pks[(i + 1) % kSenders];
      tx.amount = 1'000;
      tx.gas_price = 1;
      tx.gas_limit = kTransferGas;
      sign_transaction(tx, keys[i]);
      txs.push_back(tx);
      encoded.push_back(encode_transaction(tx));
    }
  }
  Ledger ledger() const {
    std::vector<GenesisAccount> accounts;
    for (const auto& pk : pks) accounts.push_back({pk, 1'000'000'000});
    LedgerConfig c;
    c.chain_id = kChain;
    return std::move(Ledger::create(c, accounts, {})).value();
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_decode_transfer(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(decode_transaction(f.encoded[0]));
}
BENCHMARK(BM_decode_transfer)->Unit(benchmark::kMicrosecond);

void BM_verify_single(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(verify_transaction_signature(f.txs[0]));
}
BENCHMARK(BM_verify_single)->Unit(benchmark::kMicrosecond);

void BM_verify_batch_64(benchmark::State& state) {
  const auto& f = fixture();
  std::vector<const Transaction*> ptrs;
  for (const auto& t : f.txs) ptrs.push_back(&t);
  for (auto _ : state) benchmark::DoNotOptimize(verify_signatures(ptrs));
}
BENCHMARK(BM_verify_batch_64)->Unit(benchmark::kMillisecond);

void BM_mempool_add_64_one_by_one(benchmark::State& state) {
  const auto& f = fixture();
  const Ledger l = f.ledger();
  for (auto _ : state) {
    Mempool m{MempoolConfig{}};
    for (const auto& e : f.encoded) benchmark::DoNotOptimize(m.add(e, l, 0));
  }
}
BENCHMARK(BM_mempool_add_64_one_by_one)->Unit(benchmark::kMillisecond);

void BM_mempool_add_batch_64(benchmark::State& state) {
  const auto& f = fixture();
  const Ledger l = f.ledger();
  std::vector<ByteView> views(f.encoded.begin(), f.encoded.end());
  for (auto _ : state) {
    Mempool m{MempoolConfig{}};
    benchmark::DoNotOptimize(m.add_batch(views, l, 0));
  }
}
BENCHMARK(BM_mempool_add_batch_64)->Unit(benchmark::kMillisecond);

// The same with the senders' and receivers' keys already decoded (a shared key cache
// that has seen them, as a node's has for accounts that came before).
void BM_mempool_add_batch_64_known_keys(benchmark::State& state) {
  const auto& f = fixture();
  const Ledger l = f.ledger();
  std::vector<ByteView> views(f.encoded.begin(), f.encoded.end());
  MempoolConfig config;
  config.keys = std::make_shared<PublicKeyCache>();
  Mempool{config}.add_batch(views, l, 0);  // the cache sees every key once
  for (auto _ : state) {
    Mempool m{config};
    benchmark::DoNotOptimize(m.add_batch(views, l, 0));
  }
}
BENCHMARK(BM_mempool_add_batch_64_known_keys)->Unit(benchmark::kMillisecond);

// The same with decoded keys but without their Miller-loop lines kept (the cache's
// lines_capacity 0): each batch computes every key's lines again.
void BM_mempool_add_batch_64_known_keys_no_lines(benchmark::State& state) {
  const auto& f = fixture();
  const Ledger l = f.ledger();
  std::vector<ByteView> views(f.encoded.begin(), f.encoded.end());
  MempoolConfig config;
  config.keys = std::make_shared<PublicKeyCache>(65'536, 0);
  Mempool{config}.add_batch(views, l, 0);
  for (auto _ : state) {
    Mempool m{config};
    benchmark::DoNotOptimize(m.add_batch(views, l, 0));
  }
}
BENCHMARK(BM_mempool_add_batch_64_known_keys_no_lines)->Unit(benchmark::kMillisecond);

void BM_decode_transfer_known_keys(benchmark::State& state) {
  const auto& f = fixture();
  PublicKeyCache keys;
  (void)decode_checked_transaction(f.encoded[0], &keys);
  for (auto _ : state) benchmark::DoNotOptimize(decode_checked_transaction(f.encoded[0], &keys));
}
BENCHMARK(BM_decode_transfer_known_keys)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
