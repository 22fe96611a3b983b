// The eth_, net_ and web3_ methods of the JSON-RPC over the DuskEVM lane: chain and
// block queries, state at any recorded block (through its state trie), eth_call and
// eth_estimateGas with state overrides, fees (EIP-1559 base fee per block, fee history),
// eth_sendRawTransaction into the lane's pool, and eth_getLogs. Filters and
// subscriptions are EthFilters'. docs/API.md lists the methods.
//
// Block tags: "latest" and "pending" are the last committed block (DuskEVM builds no
// pending block: "pending" differs only for eth_getTransactionCount, which counts the
// sender's pooled transactions); "safe" and "finalized" the last block DuskDS made final;
// "earliest" block 0.
#pragma once

#include <functional>
#include <string>

#include "duskevm/evm_lane.hpp"
#include "node/rpc/eth_filters.hpp"
#include "node/rpc/evm_reader.hpp"
#include "node/rpc/json_rpc.hpp"

namespace dusk::rpc {

struct EthApiOptions {
  u64 gas_cap = 50'000'000;       // eth_call and eth_estimateGas (geth's RPCGasCap)
  u64 max_log_blocks = 10'000;    // eth_getLogs block range
  size_t max_logs = 10'000;       // eth_getLogs results
  u64 max_fee_history = 1'024;    // eth_feeHistory block count
  // eth_maxPriorityFeePerGas and the tip in eth_gasPrice (at least the pool's minimum):
  // geth's oracle falls back to 1 gwei too when recent blocks say nothing.
  Uint256 suggested_tip{1'000'000'000};
  std::string client_version = "duskd/v0.1.0/linux-amd64/c++20";
};

class EthApi {
 public:
  // `wake` is called after a transaction enters the pool (on-demand block production).
  // `reader` reads `lane`; both must outlive the API.
  EthApi(evm::EvmLane& lane, const EvmReader& reader, EthFilters& filters, std::function<void()> wake,
         EthApiOptions options);
  void register_methods(RpcMethods& methods);

 private:
  nlohmann::json call(const RpcParams& p);
  nlohmann::json estimate_gas(const RpcParams& p);
  nlohmann::json create_access_list(const RpcParams& p);
  nlohmann::json fee_history(const RpcParams& p);
  nlohmann::json get_logs(const RpcParams& p);
  nlohmann::json send_raw_transaction(const RpcParams& p);
  Uint256 suggested_tip() const;
  // The state after the block `ref` names (RpcError "header not found" when none).
  evm::EvmLane::StateView state_view(const BlockRef& ref) const;

  evm::EvmLane& lane_;
  EthFilters& filters_;
  std::function<void()> wake_;
  const EthApiOptions options_;
  const EvmReader& reader_;
};

}  // namespace dusk::rpc
