// Checks that DuskEVM's gas bounds its work (gas_bound.hpp): times the honest mixes and
// the precompiles on their vectors (evm_honest.hpp), then programs that push one kind of
// work to its largest (hashing, copying and logging 256 KiB, deep self-calls, creations,
// cold accounts, new storage slots), each until it runs out of 10,000,000 gas, and fails
// when one of them is slower per gas than the instructions' ceiling.
//
//   evm_gas_bound TESTDATA_PRECOMPILES_DIR
#include <cstdio>
#include <string>

#include "gas_bound/evm_honest.hpp"

namespace {

using namespace dusk;
using dusk::fuzz::GasTiming;

constexpr i64 kProgramGas = 10'000'000;


}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: evm_gas_bound TESTDATA_PRECOMPILES_DIR\n");
    return 2;
  }
  const fuzz::EvmCalibration c = fuzz::calibrate_evm(argv[1]);
  std::printf("honest mixes and precompiles (slowest vector of each, with a warm call's 100 gas):\n");
  for (const auto& row : c.rows) fuzz::print_timing_row(row.name.c_str(), row.timing, c.instructions.honest_per_gas());
  if (!c.instructions.calibrated()) {
    std::fprintf(stderr, "evm_gas_bound: the honest mixes did not run\n");
    return 2;
  }
  std::printf("ceiling: %.2f ns/gas for instructions (%.0f x %.2f), %.2f with precompiles\n",
              c.instructions.ceiling_per_gas(), fuzz::kCeilingFactor, c.instructions.honest_per_gas(),
              c.with_precompiles.ceiling_per_gas());

  struct Program {
    const char* name;
    const char* hex;
  };
  // Each loops back to its JUMPDEST until out of gas.
  static constexpr Program kPrograms[] = {
      // JUMPDEST PUSH3 0x040000 PUSH1 0 KECCAK256 POP PUSH1 0 JUMP
      {"keccak_256k", "5b620400006000205060005" "6"},
      // JUMPDEST PUSH3 0x03ff00 PUSH1 0x20 PUSH1 0 MCOPY PUSH1 0 JUMP
      {"mcopy_256k", "5b6203ff00602060005e600056"},
      // JUMPDEST PUSH3 0x040000 PUSH1 0 PUSH1 0 CALLDATACOPY PUSH1 0 JUMP
      {"calldatacopy_256k", "5b6204000060006000376000" "56"},
      // JUMPDEST PUSH3 0x040000 PUSH1 0 LOG0 PUSH1 0 JUMP
      {"log_256k", "5b620400006000a0600056"},
      // JUMPDEST PUSH1 0 DUP1 DUP1 DUP1 DUP1 ADDRESS GAS CALL POP PUSH1 0 JUMP
      {"call_self_deep", "5b60008080808030" "5af150600056"},
      // JUMPDEST PUSH1 0 PUSH1 0 PUSH1 0 CREATE POP PUSH1 0 JUMP
      {"create_empty", "5b600060006000f050600056"},
      // PUSH1 0 JUMPDEST PUSH1 1 ADD DUP1 BALANCE POP PUSH1 2 JUMP (cold accounts)
      {"balance_cold", "60005b600101803150600256"},
      // PUSH1 0 JUMPDEST PUSH1 1 ADD DUP1 DUP1 SSTORE PUSH1 2 JUMP (new slots)
      {"sstore_new", "60005b60010180805560025" "6"},
  };
  bool ok = true;
  std::printf("programs (%lld gas each, fastest of 3):\n", static_cast<long long>(kProgramGas));
  for (const Program& p : kPrograms) {
    const Bytes code = *from_hex(p.hex);
    GasTiming best;
    for (int i = 0; i < 3; ++i) {
      const GasTiming t = fuzz::run_evm(evm::Fork::kPrague, code, {}, kProgramGas, false).timing;
      if (i == 0 || t.nanos < best.nanos) best = t;
    }
    fuzz::print_timing_row(p.name, best, c.instructions.honest_per_gas());
    if (c.instructions.exceeds(best)) {
      std::printf("    OVER THE CEILING: work not paid for by gas\n");
      ok = false;
    }
  }
  return ok ? 0 : 1;
}
