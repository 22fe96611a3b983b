// The bound that metering must keep: CPU time per unit of gas.
//
// Gas is only a defence if every unit of it buys a bounded amount of work. The bound is
// measured, not assumed: a set of honest instruction mixes (tests/gas_bound/honest/*.wat
// for the WebAssembly engine, evm_honest.hpp for the EVM) is timed in the same
// process and build, and the slowest of them, in CPU nanoseconds per gas, is the
// calibration. A run whose time per gas exceeds kCeilingFactor times that calibration
// does work its gas does not pay for: a metering hole (docs/ARCHITECTURE.md, "Gas").
//
// Thread CPU time, not wall time, so that other processes on the machine do not count;
// short runs are not judged (their time is mostly noise).
#pragma once

#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace dusk::fuzz {

// How much slower per gas than the slowest honest mix a run may be.
inline constexpr double kCeilingFactor = 8.0;
// Runs below either of these are too short to judge (timer noise, and one-time costs
// such as the first touch of a fresh value stack).
inline constexpr uint64_t kMinJudgedGas = 20'000;
inline constexpr uint64_t kMinJudgedNanos = 200'000;

// CPU time consumed by the calling thread, in nanoseconds.
inline uint64_t thread_cpu_nanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(ts.tv_nsec);
}

// One timed run: gas used and CPU time.
struct GasTiming {
  uint64_t gas = 0;
  uint64_t nanos = 0;
  double per_gas() const { return gas ? static_cast<double>(nanos) / static_cast<double>(gas) : 0.0; }
  bool judged() const { return gas >= kMinJudgedGas && nanos >= kMinJudgedNanos; }
};

class GasBound {
 public:
  // Records an honest mix's timing; the slowest one calibrates the ceiling.
  void add_honest(const GasTiming& t) { honest_ = std::max(honest_, t.per_gas()); }
  bool calibrated() const { return honest_ > 0; }
  double honest_per_gas() const { return honest_; }
  double ceiling_per_gas() const { return kCeilingFactor * honest_; }
  // True when `t` is long enough to judge and slower per gas than the ceiling.
  bool exceeds(const GasTiming& t) const {
    return calibrated() && t.judged() && t.per_gas() > ceiling_per_gas();
  }

 private:
  double honest_ = 0;
};

// One line of the checkers' tables: gas, time, time per gas and its ratio to `honest`.
inline void print_timing_row(const char* name, const GasTiming& t, double honest) {
  std::printf("  %-20s %10llu gas %9.3f ms %8.2f ns/gas %7.2fx\n", name, static_cast<unsigned long long>(t.gas),
              t.nanos / 1e6, t.per_gas(), honest > 0 ? t.per_gas() / honest : 0.0);
}

}  // namespace dusk::fuzz
