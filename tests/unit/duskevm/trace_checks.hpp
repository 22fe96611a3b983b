// Checks shared by the trace tests (trace_test.cpp, trace_eest_test.cpp): a tracer that
// feeds two, and the gas invariants of a struct log against the call tree of the same run.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "duskevm/evm.hpp"

namespace dusk::evm::trace_checks {

using nlohmann::json;

// Forwards every hook to two tracers: one run gives both records.
class Tee final : public Tracer {
 public:
  Tee(Tracer& a, Tracer& b) : a_(a), b_(b) {}
  bool wants_steps() const override { return a_.wants_steps() || b_.wants_steps(); }
  void on_step(const Step& s) override { a_.on_step(s), b_.on_step(s); }
  void on_step_cost(u64 c) override { a_.on_step_cost(c), b_.on_step_cost(c); }
  void on_fault(const Fault& f) override { a_.on_fault(f), b_.on_fault(f); }
  void on_enter(const Message& m) override { a_.on_enter(m), b_.on_enter(m); }
  void on_exit(const Message& m, StatusCode s, i64 g, ByteView o) override { a_.on_exit(m, s, g, o), b_.on_exit(m, s, g, o); }
  void on_selfdestruct(const Address& c, const Address& b, const Uint256& v) override {
    a_.on_selfdestruct(c, b, v), b_.on_selfdestruct(c, b, v);
  }
  void on_log(const Log& l) override { a_.on_log(l), b_.on_log(l); }
  void on_transaction_start(u64 g) override { a_.on_transaction_start(g), b_.on_transaction_start(g); }
  void on_transaction_end(StatusCode s, u64 g) override { a_.on_transaction_end(s, g), b_.on_transaction_end(s, g); }

 private:
  Tracer& a_;
  Tracer& b_;
};

inline u64 q(const json& quantity) { return std::stoull(quantity.get<std::string>(), nullptr, 16); }

// The frames under `f` in the order they began (pre-order), without SELFDESTRUCT.
inline void inner_frames(const json& f, std::vector<const json*>& out) {
  if (!f.contains("calls")) return;
  for (const json& c : f["calls"]) {
    if (c["type"] != "SELFDESTRUCT") out.push_back(&c);
    inner_frames(c, out);
  }
}

inline bool starts_frame(const std::string& op) {
  return op == "CALL" || op == "CALLCODE" || op == "DELEGATECALL" || op == "STATICCALL" || op == "CREATE" ||
         op == "CREATE2";
}

// The gas invariants of a struct log against the call tree of the same run. Returns
// how many steps were checked against a successor.
inline int check_gas_chain(const json& logs, const json& calls) {
  std::vector<const json*> frames;
  inner_frames(calls, frames);
  size_t next_frame = 0;
  int checked = 0;
  for (size_t i = 0; i < logs.size(); ++i) {
    const json& s = logs[i];
    const std::string op = s["op"];
    const json* frame = nullptr;
    // A CALL* or CREATE* that did not end its own frame began a new one (which may
    // have run no code: a precompile, a refusal).
    if (starts_frame(op) && i + 1 < logs.size() && logs[i + 1]["depth"] >= s["depth"]) {
      EXPECT_LT(next_frame, frames.size()) << "step " << i << " " << op;
      if (next_frame < frames.size()) frame = frames[next_frame++];
    }
    // The next step of the same frame: skip the callee's steps (deeper).
    size_t j = i + 1;
    while (j < logs.size() && logs[j]["depth"] > s["depth"]) ++j;
    if (j >= logs.size() || logs[j]["depth"] != s["depth"]) continue;  // the frame ended
    if (j != i + 1) {
      EXPECT_EQ(logs[i + 1]["depth"], s["depth"].get<int>() + 1) << "step " << i;
    }
    i64 expected = s["gas"].get<i64>() - s["gasCost"].get<i64>();
    if (frame) {
      const i64 given = static_cast<i64>(q((*frame)["gas"]));
      const i64 used = static_cast<i64>(q((*frame)["gasUsed"]));
      // CALL*'s cost includes the gas it hands over, CREATE*'s does not (geth).
      expected += (op == "CREATE" || op == "CREATE2") ? -used : given - used;
    }
    EXPECT_EQ(logs[j]["gas"].get<i64>(), expected) << "step " << i << " " << op;
    ++checked;
  }
  EXPECT_EQ(next_frame, frames.size());
  return checked;
}

}  // namespace dusk::evm::trace_checks
