// debug_traceTransaction and debug_traceCall, with geth's two built-in tracers: the
// default struct logger (options disableStack, disableStorage, enableMemory,
// enableReturnData, limit) and "callTracer" (tracerConfig onlyTopCall, withLog); other
// tracers are refused. A transaction is traced by re-executing its block up to it on the
// state of the block before: the deposits the block credited, then the transactions
// before it (duskevm/trace has the tracers; their outputs are bounded in size).
#pragma once

#include <functional>
#include <vector>

#include "duskevm/evm_lane.hpp"
#include "lane/lane.hpp"
#include "node/rpc/evm_reader.hpp"
#include "node/rpc/json_rpc.hpp"

namespace dusk::rpc {

class DebugApi {
 public:
  // The deposits DuskDS credited to the lane in the block at a height (before its
  // transactions).
  using DepositsOf = std::function<std::vector<lane::Deposit>(u64 height)>;

  // `reader` reads `lane`; both must outlive the API.
  DebugApi(const evm::EvmLane& lane, const EvmReader& reader, DepositsOf deposits, u64 gas_cap);
  void register_methods(RpcMethods& methods);

 private:
  nlohmann::json trace_transaction(const RpcParams& p) const;
  nlohmann::json trace_call(const RpcParams& p) const;

  const evm::EvmLane& lane_;
  DepositsOf deposits_;
  const u64 gas_cap_;
  const EvmReader& reader_;
};

}  // namespace dusk::rpc
