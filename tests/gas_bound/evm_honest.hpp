// The EVM's side of the gas bound (gas_bound.hpp): a scratch world to run bytecode in,
// honest instruction mixes (bytecode loops that run until they are out of gas), and the
// precompiles timed on the shared vectors of ../shared/testdata/crypto/precompiles.
//
// Ethereum prices the precompiles, not us, and several of them buy far more time per
// gas than any instruction (a pairing, a modular exponentiation). So the EVM has two
// calibrations: code that can reach no precompile (it holds no CALL, CALLCODE,
// DELEGATECALL, STATICCALL, CREATE or CREATE2 byte) is held to the instructions'
// ceiling; code that can is held to the slower of the two.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "gas_bound/gas_bound.hpp"

namespace dusk::fuzz {

// One call of `code` (installed at 0x..aa and 0x..bb) from 0x..cc with `gas`, on a fresh
// state; `exact_status` selects the per-instruction checks (RunMode::kChecked).
struct EvmRun {
  evm::CallResult result;
  Hash256 root;
  size_t logs = 0;
  GasTiming timing;  // the call alone: gas used and CPU time
};

inline EvmRun run_evm(evm::Fork fork, ByteView code, ByteView input, i64 gas, bool exact_status) {
  using namespace dusk::evm;
  const Address code_addr = address_from_u8(0xaa), callee = address_from_u8(0xbb);
  const Address caller = address_from_u8(0xcc);
  State state;
  Account acc;
  acc.code_hash = crypto::keccak256(code);
  acc.code = std::make_shared<const Bytes>(code.begin(), code.end());
  acc.nonce = 1;
  state.put(code_addr, acc);
  state.put(callee, acc);
  Account from;
  from.balance = Uint256{1} << 100;
  state.put(caller, from);
  BlockEnv env;
  env.number = 1;
  env.timestamp = 1;
  env.gas_limit = 30'000'000;
  env.blobs = default_blob_schedule(fork);
  TxContext tx{caller, Uint256{}, {}};
  CodeCache cache;
  Evm vm(state, env, tx, fork, cache);
  vm.set_exact_status(exact_status);
  state.access_account(caller);
  state.access_account(code_addr);
  Message msg;
  msg.gas = gas;
  msg.recipient = code_addr;
  msg.sender = caller;
  msg.code_address = code_addr;
  msg.input = input;  // a view: the caller's buffer outlives the call
  msg.code = state.find(code_addr)->code;
  msg.code_hash = acc.code_hash;
  EvmRun run;
  const u64 start = thread_cpu_nanos();
  run.result = vm.call(msg);
  run.timing = {static_cast<u64>(gas - run.result.gas_left), thread_cpu_nanos() - start};
  run.root = state.root();
  run.logs = state.logs().size();
  return run;
}

// True when `code` holds a byte of a message-making instruction anywhere (push data
// included: a conservative answer).
inline bool may_reach_precompiles(ByteView code) {
  for (u8 b : code)
    if (b == 0xf0 || b == 0xf1 || b == 0xf2 || b == 0xf4 || b == 0xf5 || b == 0xfa) return true;
  return false;
}

struct EvmCalibration {
  GasBound instructions;  // bytecode loops
  GasBound with_precompiles;  // the same, and every precompile vector
  struct Row {
    std::string name;
    GasTiming timing;
  };
  std::vector<Row> rows;

  // The ceiling that applies to `code`.
  const GasBound& bound_for(ByteView code) const {
    return may_reach_precompiles(code) ? with_precompiles : instructions;
  }
};

// Honest instruction mixes: loops back to pc 0 until out of gas.
inline std::vector<std::pair<std::string, Bytes>> evm_honest_mixes() {
  auto hex = [](const char* h) { return *from_hex(h); };
  return {
      // JUMPDEST PUSH1 1 PUSH1 2 ADD PUSH1 3 MUL PUSH1 5 SWAP1 DIV POP PUSH1 0 JUMP
      {"arith", hex("5b600160020160030260059004506000" "56")},
      // JUMPDEST PUSH1 0x2a PUSH2 0x0100 MSTORE PUSH2 0x0100 MLOAD POP PUSH1 0 JUMP
      {"memory", hex("5b602a61010052610100515060005" "6")},
      // JUMPDEST PUSH1 1 PUSH1 0 SSTORE PUSH1 0 SLOAD POP PUSH1 0 JUMP (warm slot)
      {"storage", hex("5b600160005560005450600056")},
      // JUMPDEST PUSH1 0x40 PUSH1 0 KECCAK256 POP PUSH1 0 JUMP
      {"keccak", hex("5b60406000205060005" "6")},
      // JUMPDEST PUSH1 0x20 PUSH1 0 LOG0 PUSH1 0 JUMP
      {"log", hex("5b60206000a0600056")},
      // JUMPDEST PUSH1 0 DUP1 DUP1 DUP1 DUP1 PUSH1 0xdd PUSH2 0x1000 CALL POP PUSH1 0 JUMP
      // (a call to an account without code)
      {"call", hex("5b6000808080806" "0dd611000f150600056")},
  };
}

inline constexpr i64 kEvmHonestGas = 2'000'000;
inline constexpr u64 kWarmAccessCost = 100;
inline constexpr u64 kMaxVectorGas = 1'000'000;

// Times the instruction mixes and, when `vectors_dir` names the shared precompile
// vectors, every precompile on them: each vector of a file in order, until the file has
// taken `file_budget_nanos` of CPU time (under the sanitizers the full set takes minutes;
// the fuzzer gives each file 0.2 s).
inline EvmCalibration calibrate_evm(const std::string& vectors_dir, u64 file_budget_nanos = ~u64{0}) {
  using namespace dusk::evm;
  EvmCalibration c;
  for (const auto& [name, code] : evm_honest_mixes()) {
    GasTiming best;
    for (int i = 0; i < 3; ++i) {
      const GasTiming t = run_evm(Fork::kPrague, code, {}, kEvmHonestGas, false).timing;
      if (i == 0 || t.nanos < best.nanos) best = t;
    }
    c.instructions.add_honest(best);
    c.with_precompiles.add_honest(best);
    c.rows.push_back({name, best});
  }
  struct File {
    const char* name;
    u8 address;  // 0: P256VERIFY at its own address
  };
  static constexpr File kFiles[] = {
      {"ecRecover.json", 0x01},    {"modexp_eip2565.json", 0x05}, {"bn256Add.json", 0x06},
      {"bn256ScalarMul.json", 0x07}, {"bn256Pairing.json", 0x08}, {"blake2F.json", 0x09},
      {"pointEvaluation.json", 0x0a}, {"blsG1Add.json", 0x0b},    {"blsG1MultiExp.json", 0x0c},
      {"blsG2Add.json", 0x0d},     {"blsG2MultiExp.json", 0x0e}, {"blsPairing.json", 0x0f},
      {"blsMapG1.json", 0x10},     {"blsMapG2.json", 0x11},      {"p256Verify.json", 0},
  };
  if (vectors_dir.empty()) return c;
  for (const File& f : kFiles) {
    std::ifstream in(vectors_dir + "/" + f.name);
    if (!in) continue;
    const auto cases = nlohmann::json::parse(in, nullptr, false);
    if (!cases.is_array()) continue;
    const Precompile* p = f.address ? find_precompile(address_from_u8(f.address), Fork::kPrague)
                                    : find_precompile(kP256VerifyAddress, Fork::kPrague, true);
    if (!p) continue;
    GasTiming slowest;
    const u64 file_start = thread_cpu_nanos();
    for (const auto& v : cases) {
      if (thread_cpu_nanos() - file_start > file_budget_nanos) break;
      if (!v.contains("Input")) continue;
      const auto input = from_hex(v["Input"].get<std::string>());
      if (!input.ok()) continue;
      // A program reaches a precompile through a call, which costs at least a warm
      // account access (EIP-2929): that is the least it pays for the call's overhead.
      const u64 gas = p->gas(*input) + kWarmAccessCost;
      if (gas > kMaxVectorGas) continue;  // e.g. BLAKE2F's 8,000,000 rounds: seconds, no news
      GasTiming best;
      for (int i = 0; i < 3; ++i) {
        const u64 start = thread_cpu_nanos();
        (void)p->run(*input);
        const GasTiming t{gas, thread_cpu_nanos() - start};
        if (i == 0 || t.nanos < best.nanos) best = t;
      }
      if (best.per_gas() > slowest.per_gas()) slowest = best;
    }
    if (slowest.gas == 0) continue;
    c.with_precompiles.add_honest(slowest);
    c.rows.push_back({std::string(f.name, std::string(f.name).find('.')), slowest});
  }
  return c;
}

}  // namespace dusk::fuzz
