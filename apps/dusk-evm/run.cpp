#include "run.hpp"

#include <cstdio>

#include "crypto/hash/keccak.hpp"
#include "duskevm/evm.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "tracer.hpp"

namespace dusk::evm_cli {

int run_code(const RunOptions& opts) {
  using namespace evm;
  const Address code_addr = address_from_u8(kRunCodeAddress);
  const Address caller = address_from_u8(kRunCallerAddress);
  State state;
  Account acc;
  acc.code_hash = crypto::keccak256(opts.code);
  acc.code = std::make_shared<const Bytes>(opts.code);
  acc.nonce = 1;
  state.put(code_addr, acc);
  Account from;
  from.balance = Uint256{1} << 128;
  state.put(caller, from);

  BlockEnv env;
  env.number = 1;
  env.timestamp = 1;
  env.gas_limit = 30'000'000;
  env.blobs = default_blob_schedule(opts.fork);
  env.p256verify = opts.p256verify;
  TxContext tx{caller, Uint256{}, {}};
  CodeCache cache;
  Evm vm(state, env, tx, opts.fork, cache);
  JsonTracer tracer(stdout);
  if (opts.trace) vm.set_tracer(&tracer);
  vm.set_exact_status(true);  // the status printed names the first fault exactly
  state.access_account(caller);
  state.access_account(code_addr);
  for (const Address& a : precompile_addresses(opts.fork, opts.p256verify)) state.access_account(a);

  Message msg;
  msg.gas = static_cast<i64>(opts.gas);
  msg.recipient = code_addr;
  msg.sender = caller;
  msg.code_address = code_addr;
  msg.input = opts.input;
  msg.code = state.find(code_addr)->code;
  msg.code_hash = acc.code_hash;
  const CallResult r = vm.call(msg);

  const u64 gas_used = opts.gas - static_cast<u64>(r.gas_left);
  const bool ok = r.status == StatusCode::kSuccess;
  const std::string output = "0x" + to_hex(r.output);
  if (opts.json) {
    std::printf("{\"output\":\"%s\",\"gasUsed\":\"0x%llx\",\"error\":%s%s%s}\n", output.c_str(),
                static_cast<unsigned long long>(gas_used), ok ? "" : "\"", ok ? "null" : status_name(r.status),
                ok ? "" : "\"");
  } else {
    std::printf("output: %s\ngas used: %llu\n", output.c_str(), static_cast<unsigned long long>(gas_used));
    if (!ok) std::printf("error: %s\n", status_name(r.status));
  }
  return 0;
}

}  // namespace dusk::evm_cli
