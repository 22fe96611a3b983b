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
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/precompiles/point_evaluation.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/transaction_codec.hpp"

namespace {

using namespace dusk;
using namespace dusk::evm;

constexpr i64 kGas = 200'000;

struct Run {
  CallResult result;
  Hash256 root;
  size_t logs;
};

Run execute(Fork fork, ByteView code, ByteView input, bool exact_status) {
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
  msg.gas = kGas;
  msg.recipient = code_addr;
  msg.sender = caller;
  msg.code_address = code_addr;
  msg.input = input;  // a view: the fuzzer's buffer outlives the call
  msg.code = state.find(code_addr)->code;
  msg.code_hash = acc.code_hash;
  CallResult r = vm.call(msg);
  return {std::move(r), state.root(), state.logs().size()};
}

bool exceptional(StatusCode s) { return s != StatusCode::kSuccess && s != StatusCode::kRevert; }

}  // namespace

// Loads the KZG trusted setup before the timed runs: parsing its 4,096 points with their
// subgroup checks takes seconds under the sanitizers, and charged to the first input that
// reaches the point evaluation precompile it tripped libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)point_evaluation_trusted_setup();
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
  const Run fast = execute(fork, code, input, false);
  const Run checked = execute(fork, code, input, true);
  const CallResult& a = fast.result;
  const CallResult& b = checked.result;
  if (a.gas_left < 0 || a.gas_left > kGas) std::abort();
  const bool same_status =
      a.status == b.status || (a.status == StatusCode::kOutOfGas && exceptional(b.status));
  if (!same_status || a.gas_left != b.gas_left || a.output != b.output) std::abort();
  if (fast.root != checked.root || fast.logs != checked.logs) std::abort();
  return 0;
}
