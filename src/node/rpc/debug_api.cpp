#include "node/rpc/debug_api.hpp"

#include <memory>

#include "duskevm/block_executor.hpp"
#include "duskevm/evm_call.hpp"
#include "duskevm/trace/call_tracer.hpp"
#include "duskevm/trace/struct_logger.hpp"

namespace dusk::rpc {

using nlohmann::json;

namespace {

// A tracer chosen by a trace config, and how to read its result.
struct TraceRun {
  std::unique_ptr<evm::Tracer> tracer;
  std::function<json()> result;
};

bool flag(const json& config, const char* name, size_t arg) {
  auto it = config.find(name);
  if (it == config.end() || it->is_null()) return false;
  return parse_bool(*it, arg);
}

TraceRun make_tracer(const json& config, size_t arg, u64 first_log_index) {
  if (!config.is_null() && !config.is_object()) RpcParams::invalid(arg, "expected a trace config object");
  const json& c = config.is_null() ? json::object() : config;
  std::string name;
  if (auto it = c.find("tracer"); it != c.end() && !it->is_null()) {
    if (!it->is_string()) RpcParams::invalid(arg, "tracer must be a string");
    name = it->get<std::string>();
  }
  TraceRun run;
  if (name.empty() || name == "structLogger") {
    evm::trace::StructLoggerOptions o;
    o.disable_stack = flag(c, "disableStack", arg);
    o.disable_storage = flag(c, "disableStorage", arg);
    o.enable_memory = flag(c, "enableMemory", arg);
    o.enable_return_data = flag(c, "enableReturnData", arg);
    if (auto it = c.find("limit"); it != c.end() && !it->is_null()) {
      if (!it->is_number_unsigned()) RpcParams::invalid(arg, "limit must be a non-negative integer");
      o.limit = it->get<u64>();
    }
    auto logger = std::make_unique<evm::trace::StructLogger>(o);
    auto* raw = logger.get();
    run.result = [raw] { return raw->result(); };
    run.tracer = std::move(logger);
    return run;
  }
  if (name == "callTracer") {
    evm::trace::CallTracerOptions o;
    o.first_log_index = first_log_index;
    if (auto it = c.find("tracerConfig"); it != c.end() && !it->is_null()) {
      if (!it->is_object()) RpcParams::invalid(arg, "tracerConfig must be an object");
      o.only_top_call = flag(*it, "onlyTopCall", arg);
      o.with_log = flag(*it, "withLog", arg);
    }
    auto tracer = std::make_unique<evm::trace::CallTracer>(o);
    auto* raw = tracer.get();
    run.result = [raw] { return raw->result(); };
    run.tracer = std::move(tracer);
    return run;
  }
  throw RpcError(kServerError, "tracer \"" + name + "\" is not available: duskd has the default struct logger "
                               "and \"callTracer\"");
}

}  // namespace

DebugApi::DebugApi(const evm::EvmLane& lane, const EvmReader& reader, DepositsOf deposits, u64 gas_cap)
    : lane_(lane), deposits_(std::move(deposits)), gas_cap_(gas_cap), reader_(reader) {}

json DebugApi::trace_transaction(const RpcParams& p) const {
  p.check_count(2);
  const Hash256 hash = parse_hash(p.at(0), 0);
  auto info = must(lane_.receipt(hash));
  if (!info) throw RpcError(kServerError, "transaction " + rpc::hash(hash) + " not found");
  const u64 n = info->block_number;
  if (n == 0) throw RpcError(kServerError, "genesis is not traceable");
  auto parent = must(lane_.state_at(n - 1));
  auto here = must(lane_.state_at(n));
  auto block = reader_.block(n);
  if (!parent || !here || !block) throw RpcError(kServerError, "the block of the transaction is missing");
  TraceRun run = make_tracer(p.get(1), 1, info->first_log_index);

  const u64 chain_id = lane_.config().chain_id;
  evm::CodeCache cache;
  evm::BlockExecutor ex(*parent->state, here->env, lane_.config().fork, cache);
  std::vector<lane::Deposit> deposits = deposits_ ? deposits_(n) : std::vector<lane::Deposit>{};
  if (auto r = ex.credit_deposits(deposits); !r.ok()) throw RpcError(kServerError, r.error().message);
  for (u32 i = 0; i <= info->index && i < block->transactions.size(); ++i) {
    auto s = evm::decode_signed(block->transactions[i], chain_id);
    if (!s) throw RpcError(kServerError, "re-executing block " + std::to_string(n) + ": " + s.error().message);
    const bool traced = i == info->index;
    auto attempt = ex.apply(*s, traced ? run.tracer.get() : nullptr);
    if (attempt.outcome != evm::BlockExecutor::Outcome::kIncluded)
      throw RpcError(kServerError, "re-executing block " + std::to_string(n) + ": transaction " + std::to_string(i) +
                                       " no longer applies: " + attempt.why);
  }
  return run.result();
}

json DebugApi::trace_call(const RpcParams& p) const {
  p.check_count(3);
  const evm::CallRequest request = parse_call_request(p.at(0), 0);
  const BlockRef ref = parse_block_ref(p.get(1), 1, true);
  const json& config = p.get(2);
  evm::StateOverrides overrides;
  if (config.is_object()) {
    if (auto it = config.find("stateOverrides"); it != config.end()) overrides = parse_overrides(*it, 2);
    if (auto it = config.find("blockOverrides"); it != config.end() && !it->is_null())
      RpcParams::invalid(2, "block overrides are not supported");
  }
  TraceRun run = make_tracer(config, 2, 0);
  auto view = must(lane_.state_at(reader_.resolve_existing(ref)));
  if (!view) throw RpcError(kServerError, "header not found");
  auto r = evm::run_call(*view->state, view->env, lane_.config().fork, request, overrides, {gas_cap_, run.tracer.get()});
  if (!r) throw RpcError(kServerError, r.error().message);
  return run.result();
}

void DebugApi::register_methods(RpcMethods& m) {
  m.add("debug_traceTransaction", [this](const RpcParams& p, const RpcCall&) { return trace_transaction(p); });
  m.add("debug_traceCall", [this](const RpcParams& p, const RpcCall&) { return trace_call(p); });
}

}  // namespace dusk::rpc
