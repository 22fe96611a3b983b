// DuskEVM's interpreter on the standard EVM benchmarks (ipsilon/evm-benchmarks as state
// tests, ../shared/testdata/evm/evm-benchmarks/benchmarks/{main,micro}).
//
//   build/release/bench/bench_evm [--benchmark_filter=snailtracer]
//
// Each benchmark is one file's transaction (its first data/gas/value combination) run
// under Prague rules from a fresh copy of its pre-state, so the figure includes the
// transaction's setup and the state copy (small next to the execution for these
// programs). The counter gas/s is the transaction's gas used per second.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "dusk-evm/state_test.hpp"
#include "duskevm/transition.hpp"

namespace {

namespace fs = std::filesystem;
using namespace dusk;

struct Loaded {
  nlohmann::json doc;
  std::vector<evm_cli::StateTest> tests;
};

void run_file(benchmark::State& st, const std::string& path) {
  auto loaded = std::make_unique<Loaded>();
  std::ifstream in(path);
  loaded->doc = nlohmann::json::parse(in);
  auto tests = evm_cli::load_state_tests(loaded->doc);
  if (!tests.ok() || tests->empty()) {
    st.SkipWithError("cannot load the benchmark's state test");
    return;
  }
  const evm_cli::StateTest& t = tests->front();
  evm_cli::PostEntry post;
  post.fork = evm::Fork::kPrague;
  const evm::Transaction tx = t.tx_for(post);
  evm::BlockEnv env = t.env;
  env.blobs = evm::default_blob_schedule(post.fork);
  evm::CodeCache cache;
  evm::FramePool frames;  // reused across iterations, as a node reuses it across transactions
  u64 gas = 0;
  for (auto _ : st) {
    evm::State state = t.pre;
    auto r = evm::apply_transaction(state, env, tx, post.fork, cache, nullptr, &frames);
    if (!r.ok() || r->status != evm::StatusCode::kSuccess) {
      st.SkipWithError("the transaction did not succeed");
      return;
    }
    gas += r->gas_used;
  }
  st.counters["gas/s"] = benchmark::Counter(static_cast<double>(gas), benchmark::Counter::kIsRate);
}

int register_all() {
  const fs::path root = fs::path(DUSK_TESTDATA) / "evm/evm-benchmarks/benchmarks";
  std::error_code ec;
  std::vector<fs::path> files;
  for (const char* dir : {"main", "micro"})
    for (auto& e : fs::directory_iterator(root / dir, ec))
      if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string name = f.parent_path().filename().string() + "/" + f.stem().string();
    benchmark::RegisterBenchmark(name.c_str(), run_file, f.string())->Unit(benchmark::kMillisecond);
  }
  return 0;
}

const int kRegistered = register_all();

}  // namespace

BENCHMARK_MAIN();
