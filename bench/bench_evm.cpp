// DuskEVM's interpreter on the standard EVM benchmarks (ipsilon/evm-benchmarks as state
// tests, ../shared/testdata/evm/evm-benchmarks/benchmarks/{main,micro}).
//
//   build/release/bench/bench_evm [--benchmark_filter=snailtracer]
//
// Each benchmark is one input of one file: the transaction with that data entry (and the
// first gas limit and value), named dir/file/label after the file's `_info.labels`
// (the index when a data entry has no label), e.g. main/sha1_divs/5311. It runs under
// Prague rules from a fresh copy of the pre-state, so the time includes the
// transaction's setup and the state copy. Counters: `gas`, the gas the message itself
// used (the receipt's gas minus the intrinsic charge, which is not execution work), and
// `gas/s`, that gas per second.
//
// A second family, message/DIR/FILE/LABEL, times the message alone, as evmone-bench
// times its rows: the call to the contract's code, from the same prepared state (sender
// and recipient warm, as the transaction leaves them), undone after each run by a
// journal revert, with the interpreter's buffers and the code analysis reused. Its `gas`
// is the message's gas (limit minus what is left, before refunds), as evmone-bench
// counts it. scripts/bench-evm.sh compares these rows with evmone's and shows the
// transaction rows beside them.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "dusk-evm/state_test.hpp"
#include "duskevm/transaction.hpp"
#include "duskevm/transition.hpp"

namespace {

namespace fs = std::filesystem;
using namespace dusk;

// The test's label for data entry `i` (`_info.labels` maps indexes to names), or the index.
std::string data_label(const nlohmann::json& doc, const std::string& test, size_t i) {
  const std::string key = std::to_string(i);
  const auto t = doc.find(test);
  if (t != doc.end() && t->contains("_info") && (*t)["_info"].contains("labels")) {
    const auto& labels = (*t)["_info"]["labels"];
    if (labels.is_object() && labels.contains(key) && labels[key].is_string()) return labels[key];
  }
  return key;
}

// One benchmark input: the file's first state test with data entry `data_index`, as a
// Prague transaction, its intrinsic gas and its block.
constexpr evm::Fork kFork = evm::Fork::kPrague;

struct Input {
  evm_cli::StateTest test;
  evm::Transaction tx;
  evm::IntrinsicGas intrinsic;
  evm::BlockEnv env;
};

std::optional<Input> load_input(const std::string& path, size_t data_index) {
  std::ifstream in(path);
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  auto tests = evm_cli::load_state_tests(doc);
  if (!tests.ok() || tests->empty() || data_index >= tests->front().data.size()) return std::nullopt;
  Input input{std::move(tests->front()), {}, {}, {}};
  evm_cli::PostEntry post;
  post.fork = kFork;
  post.data = data_index;
  auto tx = input.test.tx_for(post);
  if (!tx.ok()) return std::nullopt;
  input.tx = std::move(tx).value();
  input.intrinsic = evm::intrinsic_gas(input.tx, post.fork);
  input.env = input.test.env;
  input.env.blobs = evm::default_blob_schedule(post.fork);
  return input;
}

void run_input(benchmark::State& st, const std::string& path, size_t data_index) {
  const std::optional<Input> input = load_input(path, data_index);
  if (!input) {
    st.SkipWithError("cannot load the benchmark's state test");
    return;
  }
  const auto& [t, tx, intrinsic, env] = *input;
  evm::CodeCache cache;
  evm::FramePool frames;  // reused across iterations, as a node reuses it across transactions
  u64 gas = 0, per_run = 0;
  for (auto _ : st) {
    evm::State state = t.pre;
    auto r = evm::apply_transaction(state, env, tx, kFork, cache, nullptr, &frames);
    if (!r.ok() || r->status != evm::StatusCode::kSuccess) {
      st.SkipWithError("the transaction did not succeed");
      return;
    }
    // With the EIP-7623 floor in force the receipt no longer shows the execution gas.
    if (r->gas_used <= intrinsic.floor && intrinsic.floor > intrinsic.gas) {
      st.SkipWithError("the calldata floor hides the execution gas");
      return;
    }
    per_run = r->gas_used - intrinsic.gas;
    gas += per_run;
  }
  st.counters["gas"] = benchmark::Counter(static_cast<double>(per_run));
  st.counters["gas/s"] = benchmark::Counter(static_cast<double>(gas), benchmark::Counter::kIsRate);
}

void run_message(benchmark::State& st, const std::string& path, size_t data_index) {
  const std::optional<Input> input = load_input(path, data_index);
  if (!input) {
    st.SkipWithError("cannot load the benchmark's state test");
    return;
  }
  const auto& [t, tx, intrinsic, env] = *input;
  if (!tx.to) {
    st.SkipWithError("a creation transaction has no code to call");
    return;
  }
  evm::CodeCache cache;
  evm::FramePool frames;
  evm::State state = t.pre;
  state.begin_transaction();
  state.access_account(tx.sender);
  state.access_account(*tx.to);
  const evm::Account* callee = state.find(*tx.to);
  if (!callee) {
    st.SkipWithError("the transaction's recipient has no account");
    return;
  }
  if (!tx.gas_limit.fits_u64() || tx.gas_limit.low64() < intrinsic.gas) {
    st.SkipWithError("the gas limit does not cover the intrinsic gas");
    return;
  }
  // The gas price the message sees (GASPRICE); legacy and EIP-2930 state tests give
  // gasPrice, EIP-1559 ones the fee cap, which the benchmarks do not read.
  const evm::TxContext ctx{tx.sender, tx.type <= evm::TxType::kAccessList ? tx.gas_price : tx.max_fee_per_gas,
                           tx.blob_hashes};
  evm::Evm vm(state, env, ctx, kFork, cache, &frames);
  evm::Message msg;
  msg.kind = evm::CallKind::kCall;
  msg.gas = static_cast<i64>(tx.gas_limit.low64() - intrinsic.gas);
  msg.sender = tx.sender;
  msg.recipient = *tx.to;
  msg.code_address = *tx.to;
  msg.value = tx.value;
  msg.input = tx.data;
  msg.code = callee->code;
  msg.code_hash = callee->code_hash;
  u64 gas = 0, per_run = 0;
  for (auto _ : st) {
    const size_t mark = state.checkpoint();
    const evm::CallResult r = vm.call(msg);
    if (r.status != evm::StatusCode::kSuccess) {
      st.SkipWithError("the message did not succeed");
      return;
    }
    per_run = static_cast<u64>(msg.gas - r.gas_left);
    gas += per_run;
    state.revert_to(mark);
  }
  st.counters["gas"] = benchmark::Counter(static_cast<double>(per_run));
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
    const std::string base = f.parent_path().filename().string() + "/" + f.stem().string();
    // The inputs are listed here so that each gets its own name; a file that does not
    // load still gets one entry, which reports the error when it runs.
    std::ifstream in(f);
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    auto tests = evm_cli::load_state_tests(doc);
    const size_t inputs = tests.ok() && !tests->empty() ? tests->front().data.size() : 0;
    if (inputs == 0) {
      benchmark::RegisterBenchmark(base.c_str(), run_input, f.string(), size_t{0})->Unit(benchmark::kMillisecond);
      continue;
    }
    for (size_t i = 0; i < inputs; ++i) {
      const std::string name = base + "/" + data_label(doc, tests->front().name, i);
      benchmark::RegisterBenchmark(name.c_str(), run_input, f.string(), i)->Unit(benchmark::kMillisecond);
      benchmark::RegisterBenchmark(("message/" + name).c_str(), run_message, f.string(), i)
          ->Unit(benchmark::kMillisecond);
    }
  }
  return 0;
}

const int kRegistered = register_all();

}  // namespace

BENCHMARK_MAIN();
