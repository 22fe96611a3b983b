// The trace tracers (src/duskevm/trace) over execution-spec-tests state tests: every
// Prague case of the selected directories runs untraced and then with the struct logger
// and the call tracer attached, and must come out the same (validity, post-state root,
// gas used), the traces must agree with the receipt and with each other (the gas chain
// of trace_checks.hpp), and their JSON must be writable. The cases bring what
// hand-written contracts do not: the call depth limit, collisions, self-destructs,
// EIP-7702 delegations, static-call violations, precompiles failing.
//
// DUSK_EEST_DIRS (colon-separated, under the extracted state_tests) overrides the
// selection.
#include <pthread.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dusk-evm/state_test.hpp"
#include "duskevm/trace/call_tracer.hpp"
#include "duskevm/trace/struct_logger.hpp"
#include "duskevm/transition.hpp"
#include "trace_checks.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kDefaultDirs =
    "static/state_tests/stCallCreateCallCodeTest:static/state_tests/stRevertTest:static/state_tests/stCreate2:"
    "cancun/eip6780_selfdestruct:static/state_tests/stStaticCall:static/state_tests/stSystemOperationsTest:"
    "prague/eip7702_set_code_tx:static/state_tests/stCallCodes:static/state_tests/stLogTests";

// Struct logs past this many entries are cut (and their gas chain not checked), so that
// the few cases that loop for millions of steps stay quick.
constexpr u64 kEntryLimit = 200'000;

// Runs `body` on a thread with a 256 MiB stack, as dusk-evm does: the EVM recurses once
// per call depth (up to 1024), about 10 KiB a level under the sanitizers.
void on_big_stack(const std::function<void()>& body) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto entry = [](void* p) -> void* {
    (*static_cast<const std::function<void()>*>(p))();
    return nullptr;
  };
  const int rc = pthread_create(&thread, &attr, entry, const_cast<std::function<void()>*>(&body));
  pthread_attr_destroy(&attr);
  ASSERT_EQ(rc, 0) << "no thread for the cases";
  pthread_join(thread, nullptr);
}

void run_cases() {
  const fs::path base = DUSK_EEST_STATE_TESTS;
  ASSERT_TRUE(fs::is_directory(base)) << base << " (built by the eest_state_tests target)";
  const char* env_dirs = std::getenv("DUSK_EEST_DIRS");
  std::stringstream dirs(env_dirs ? env_dirs : kDefaultDirs);
  std::vector<fs::path> files;
  for (std::string d; std::getline(dirs, d, ':');) {
    ASSERT_TRUE(fs::is_directory(base / d)) << d;
    for (const auto& e : fs::recursive_directory_iterator(base / d))
      if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  CodeCache cache;
  size_t cases = 0, chains = 0, steps = 0, frames = 0, refused = 0, faults = 0, truncated = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    const json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded()) continue;
    auto tests = evm_cli::load_state_tests(doc);
    if (!tests.ok()) continue;  // the statetest runner reports files it cannot load
    for (const auto& test : *tests) {
      for (const auto& post : test.posts) {
        if (post.fork != Fork::kPrague) continue;
        const auto tx = test.tx_for(post);
        if (!tx.ok()) continue;
        const std::string where = file.filename().string() + " " + test.name + " d" + std::to_string(post.data) +
                                  " g" + std::to_string(post.gas) + " v" + std::to_string(post.value);
        BlockEnv env = test.env;
        auto bs = test.blob_schedules.find(post.fork);
        env.blobs = bs != test.blob_schedules.end() ? bs->second : default_blob_schedule(post.fork);

        State plain_state = test.pre;
        const auto plain = apply_transaction(plain_state, env, *tx, post.fork, cache);
        State traced_state = test.pre;
        trace::StructLogger logger({.limit = kEntryLimit});
        trace::CallTracer calls({.with_log = true});
        trace_checks::Tee both(logger, calls);
        const auto traced = apply_transaction(traced_state, env, *tx, post.fork, cache, &both);
        ASSERT_EQ(traced.ok(), plain.ok()) << where;
        ASSERT_EQ(traced_state.root(), plain_state.root()) << where;
        if (!plain.ok()) continue;
        ++cases;
        ASSERT_EQ(traced->gas_used, plain->gas_used) << where;
        ASSERT_EQ(traced->status, plain->status) << where;

        const json l = logger.result();
        const json c = calls.result();
        ASSERT_TRUE(c.is_object()) << where;
        EXPECT_EQ(trace_checks::q(c["gasUsed"]), plain->gas_used) << where;
        EXPECT_EQ(trace_checks::q(c["gas"]), tx->gas_limit.low64()) << where;
        EXPECT_EQ(l["gas"], plain->gas_used) << where;
        EXPECT_EQ(l["failed"], plain->status != StatusCode::kSuccess) << where;
        EXPECT_EQ(c.contains("error"), plain->status != StatusCode::kSuccess) << where;
        // Logs kept by the call tracer are the receipt's, in number.
        size_t kept = 0;
        std::function<void(const json&)> count_logs = [&](const json& f) {
          if (f.contains("logs")) kept += f["logs"].size();
          if (f.contains("calls"))
            for (const json& x : f["calls"]) count_logs(x);
        };
        count_logs(c);
        // (A trace cut by its budget is not whole: static_Call1MB1024Calldepth passes 1 MB
        // of input to each of 1024 frames, more than the call tracer's 64 MiB.)
        if (!calls.truncated()) {
          EXPECT_EQ(kept, plain->logs.size()) << where;
        }
        truncated += calls.truncated();
        if (!logger.truncated() && !calls.truncated()) {
          SCOPED_TRACE(where);
          steps += static_cast<size_t>(trace_checks::check_gas_chain(l["structLogs"], c));
          ++chains;
        }
        std::vector<const json*> inner;
        trace_checks::inner_frames(c, inner);
        frames += inner.size();
        for (const json* f : inner) {
          refused += f->contains("error") && ((*f)["error"] == "max call depth exceeded" ||
                                              (*f)["error"] == "insufficient balance for transfer" ||
                                              (*f)["error"] == "contract address collision");
        }
        for (const json& s : l["structLogs"]) faults += s.contains("error");
        EXPECT_NO_THROW((void)l.dump()) << where;
        EXPECT_NO_THROW((void)c.dump()) << where;
        if (::testing::Test::HasFailure()) {
          if (const char* dump = std::getenv("DUSK_TRACE_DUMP")) {
            std::ofstream(std::string(dump) + ".struct.json") << l.dump(1);
            std::ofstream(std::string(dump) + ".call.json") << c.dump(1);
          }
          return;
        }
      }
    }
  }
  std::printf("%zu cases traced; %zu gas chains (%zu steps) checked; %zu inner frames, %zu refused; %zu failing "
              "steps; %zu call traces cut by their budget\n",
              cases, chains, steps, frames, refused, faults, truncated);
  EXPECT_GT(cases, 500u);
  EXPECT_GT(refused, 0u);
}

TEST(TraceEest, TracedCasesMatchUntracedOnes) { on_big_stack(run_cases); }

}  // namespace
}  // namespace dusk::evm
