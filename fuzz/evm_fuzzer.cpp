// libFuzzer target for DuskEVM: arbitrary bytecode with arbitrary calldata, and arbitrary
// transaction bytes.
//
// Input layout:
//   byte 0 with the top bit set: the rest is a signed transaction to decode and recover
//     the sender of (RLP and typed-envelope decoding, signature checks);
//   otherwise: bit 0 of byte 0 picks the fork (Cancun, Prague), bytes 1-2 the code length
//     L (big-endian, capped at what is left), then L bytes of code, then the calldata.
// The code is installed at 0x..aa and at 0x..bb (so CALLs to a small address reach code
// too), called from 0x..cc with 200,000 gas, twice on fresh states: once with the
// interpreter's per-block checks (RunMode::kFast) and once checking each instruction
// (kChecked). The two must agree on gas, output, state root and logs, and on the status
// except where interpreter.cpp allows them to differ (an exceptional halt that kFast
// reports as out of gas); the gas left must lie in [0, gas]. Sanitizers (ASan, UBSan)
// catch the rest.
//
// Gas bounds work: every call's CPU time per gas must stay under the ceiling that the
// honest mixes of tests/gas_bound/evm_honest.hpp calibrate at start-up (the slowest
// precompile vector's too when the code can reach one). A run over it is timed twice
// more and fails if all three are over (fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <memory>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/transaction_codec.hpp"
#include "gas_bound/evm_honest.hpp"

namespace {

using namespace dusk;
using namespace dusk::evm;

constexpr i64 kGas = 200'000;

bool exceptional(StatusCode s) { return s != StatusCode::kSuccess && s != StatusCode::kRevert; }

}  // namespace

// Loads the KZG trusted setup before the timed runs: parsing its 4,096 points with their
// subgroup checks takes seconds under the sanitizers, and charged to the first input that
// reaches the point evaluation precompile it tripped libFuzzer's per-input timeout.
dusk::fuzz::EvmCalibration g_calibration;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)point_evaluation_trusted_setup();
  g_calibration = dusk::fuzz::calibrate_evm(std::string(DUSK_TESTDATA) + "/crypto/precompiles", 200'000'000);
  if (!g_calibration.instructions.calibrated()) std::abort();
  if (std::getenv("DUSK_FUZZ_STATS")) {
    for (const auto& row : g_calibration.rows)
      std::fprintf(stderr, "dusk-fuzz: honest %-16s %10llu gas %9.3f ms %8.2f ns/gas\n", row.name.c_str(),
                   static_cast<unsigned long long>(row.timing.gas), row.timing.nanos / 1e6, row.timing.per_gas());
    std::fprintf(stderr, "dusk-fuzz: ceiling %.2f ns/gas without precompiles, %.2f with\n",
                 g_calibration.instructions.ceiling_per_gas(), g_calibration.with_precompiles.ceiling_per_gas());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const ByteView in(data, size);
  if (data[0] & 0x80) {
    const ByteView tx = in.subspan(1);
    auto decoded = decode_transaction(tx);
    auto sender = recover_sender(tx);
    // A transaction that decodes may still carry an invalid signature, so recovery may
    // fail where decoding succeeds; never the other way round.
    if (!decoded.ok() && sender.ok()) std::abort();
    return 0;
  }
  if (size < 3) return 0;
  const Fork fork = (data[0] & 1) ? Fork::kPrague : Fork::kCancun;
  size_t len = (size_t{data[1]} << 8) | data[2];
  len = len < size - 3 ? len : size - 3;
  const ByteView code = in.subspan(3, len);
  const ByteView input = in.subspan(3 + len);
  const dusk::fuzz::EvmRun fast = dusk::fuzz::run_evm(fork, code, input, kGas, false);
  const dusk::fuzz::EvmRun checked = dusk::fuzz::run_evm(fork, code, input, kGas, true);
  const CallResult& a = fast.result;
  const CallResult& b = checked.result;
  if (a.gas_left < 0 || a.gas_left > kGas) std::abort();
  const bool same_status =
      a.status == b.status || (a.status == StatusCode::kOutOfGas && exceptional(b.status));
  if (!same_status || a.gas_left != b.gas_left || a.output != b.output) std::abort();
  if (fast.root != checked.root || fast.logs != checked.logs) std::abort();
  const dusk::fuzz::GasBound& bound = g_calibration.bound_for(code);
  if (bound.exceeds(fast.timing)) {
    // Confirm with two more runs before calling it a hole: the fastest counts.
    dusk::fuzz::GasTiming best = fast.timing;
    for (int i = 0; i < 2 && bound.exceeds(best); ++i) {
      const dusk::fuzz::GasTiming t = dusk::fuzz::run_evm(fork, code, input, kGas, false).timing;
      if (t.nanos < best.nanos) best = t;
    }
    if (bound.exceeds(best)) {
      std::fprintf(stderr, "dusk-fuzz: %llu gas took %.3f ms: %.2f ns/gas, over the ceiling of %.2f\n",
                   static_cast<unsigned long long>(best.gas), best.nanos / 1e6, best.per_gas(), bound.ceiling_per_gas());
      std::abort();
    }
  }
  return 0;
}
