#include "node/rpc/eth_api.hpp"

#include <algorithm>

#include "crypto/hash/keccak.hpp"
#include "duskevm/base_fee.hpp"
#include "duskevm/evm_call.hpp"
#include "duskevm/precompiles/registry.hpp"
#include "duskevm/trace/access_list_tracer.hpp"
#include "duskevm/trace/vm_error.hpp"

namespace dusk::rpc {

using nlohmann::json;

namespace {

// A storage key: up to 32 bytes of hex, leading zeros allowed (geth's rule for slots).
Uint256 parse_slot(const json& v, size_t arg) {
  if (!v.is_string()) RpcParams::invalid(arg, "expected a storage slot");
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) RpcParams::invalid(arg, "hex string without 0x prefix");
  if (s.size() == 2 || s.size() > 66) RpcParams::invalid(arg, "hex string of 1 to 64 digits expected");
  auto r = Uint256::from_hex(std::string_view(s).substr(2));
  if (!r) RpcParams::invalid(arg, "invalid hex string");
  return *r;
}

std::string word_hex(const Uint256& v) {
  std::array<u8, 32> b{};
  v.to_be(b.data());
  return hex_data(b);
}

// geth's words for a revert: "execution reverted", with ": <reason>" when the data is an
// Error(string) or a Panic(uint256).
std::string revert_message(ByteView data) {
  auto reason = evm::trace::decode_revert_reason(data);
  return reason ? "execution reverted: " + *reason : "execution reverted";
}

// The answer to a message that did not succeed: the revert with its data (code 3), or
// the failure's message.
[[noreturn]] void throw_failure(const evm::CallOutcome& r) {
  if (r.status == evm::StatusCode::kRevert)
    throw RpcError(kExecutionReverted, revert_message(r.output), json(hex_data(r.output)));
  throw RpcError(kServerError, evm::trace::vm_error(r.status));
}

}  // namespace

Uint256 EthApi::suggested_tip() const {
  const Uint256 floor = lane_.config().pool.min_priority_fee;
  return floor < options_.suggested_tip ? options_.suggested_tip : floor;
}

EthApi::EthApi(evm::EvmLane& lane, const EvmReader& reader, EthFilters& filters, std::function<void()> wake,
               EthApiOptions options)
    : lane_(lane), filters_(filters), wake_(std::move(wake)), options_(std::move(options)), reader_(reader) {}

evm::EvmLane::StateView EthApi::state_view(const BlockRef& ref) const {
  const u64 n = reader_.resolve_existing(ref);
  auto view = must(lane_.state_at(n));
  if (!view) throw RpcError(kServerError, "header not found");
  return std::move(*view);
}

json EthApi::call(const RpcParams& p) {
  p.check_count(4);
  const evm::CallRequest request = parse_call_request(p.at(0), 0);
  const BlockRef ref = parse_block_ref(p.get(1), 1, true);
  const evm::StateOverrides overrides = parse_overrides(p.get(2), 2);
  if (p.has(3)) RpcParams::invalid(3, "block overrides are not supported");
  evm::EvmLane::StateView view = state_view(ref);
  auto r = evm::run_call(*view.state, view.env, lane_.config().fork, request, overrides, {options_.gas_cap});
  if (!r) throw RpcError(kServerError, r.error().message);
  if (r->status != evm::StatusCode::kSuccess) throw_failure(*r);
  return hex_data(r->output);
}

json EthApi::estimate_gas(const RpcParams& p) {
  p.check_count(3);
  const evm::CallRequest request = parse_call_request(p.at(0), 0);
  const BlockRef ref = parse_block_ref(p.get(1), 1, true);
  const evm::StateOverrides overrides = parse_overrides(p.get(2), 2);
  evm::EvmLane::StateView view = state_view(ref);
  auto r = evm::estimate_gas(*view.state, view.env, lane_.config().fork, request, overrides, {options_.gas_cap});
  if (!r) throw RpcError(kServerError, r.error().message);
  if (r->failure) {
    if (r->failure->status == evm::StatusCode::kOutOfGas)
      throw RpcError(kServerError, "gas required exceeds allowance (" + std::to_string(r->cap) + ")");
    throw_failure(*r->failure);
  }
  return quantity(r->gas);
}

json EthApi::create_access_list(const RpcParams& p) {
  p.check_count(3);
  evm::CallRequest request = parse_call_request(p.at(0), 0);
  const BlockRef ref = parse_block_ref(p.get(1), 1, true);
  const evm::StateOverrides overrides = parse_overrides(p.get(2), 2);
  evm::EvmLane::StateView view = state_view(ref);
  // What a transaction has warm anyway: the sender, the recipient (or the new contract)
  // and the precompiles.
  std::set<Address> excluded;
  const Address from = request.from.value_or(Address{});
  excluded.insert(from);
  if (request.to) {
    excluded.insert(*request.to);
  } else {
    auto acc = must(evm::OverrideBackend(*view.state, overrides).account(from));
    excluded.insert(evm::create_address(from, request.nonce.value_or(acc ? acc->nonce : 0)));
  }
  for (const Address& a : evm::precompile_addresses(lane_.config().fork, view.env.p256verify)) excluded.insert(a);
  // Run with the list the last run produced until it no longer grows (geth's loop); each
  // run can only add what the previous list let it reach, so it ends.
  evm::trace::AccessListTracer previous(request.access_list, excluded);
  for (int round = 0; round < 8; ++round) {
    request.access_list = previous.list();
    evm::trace::AccessListTracer tracer(request.access_list, excluded);
    auto r = evm::run_call(*view.state, view.env, lane_.config().fork, request, overrides,
                           {options_.gas_cap, &tracer});
    if (!r) throw RpcError(kServerError, "failed to apply transaction: " + r.error().message);
    if (tracer == previous) {
      json out = {{"accessList", access_list_json(request.access_list)}, {"gasUsed", quantity(r->gas_used)}};
      if (r->status == evm::StatusCode::kRevert) out["error"] = revert_message(r->output);
      else if (r->status != evm::StatusCode::kSuccess) out["error"] = evm::trace::vm_error(r->status);
      return out;
    }
    previous = std::move(tracer);
  }
  throw RpcError(kServerError, "the access list did not settle");
}

json EthApi::fee_history(const RpcParams& p) {
  p.check_count(3);
  u64 count = parse_u64(p.at(0), 0);
  const BlockRef ref = parse_block_ref(p.at(1), 1, false);
  std::vector<double> percentiles;
  if (p.has(2)) {
    const json& v = p.at(2);
    if (!v.is_array()) RpcParams::invalid(2, "expected an array of percentiles");
    if (v.size() > 100) RpcParams::invalid(2, "too many percentiles (at most 100)");
    for (const json& x : v) {
      if (!x.is_number()) RpcParams::invalid(2, "percentiles must be numbers");
      const double q = x.get<double>();
      if (q < 0 || q > 100) RpcParams::invalid(2, "invalid reward percentile: " + x.dump());
      if (!percentiles.empty() && q < percentiles.back())
        RpcParams::invalid(2, "invalid reward percentile: #" + std::to_string(percentiles.size()) + ":" + x.dump() +
                                  " < #" + std::to_string(percentiles.size() - 1));
      percentiles.push_back(q);
    }
  }
  const u64 newest = reader_.resolve_existing(ref);
  count = std::min({count, options_.max_fee_history, newest + 1});
  json out = {{"oldestBlock", quantity(newest + 1 - count)}};
  json base_fees = json::array(), ratios = json::array(), blob_fees = json::array(), blob_ratios = json::array();
  json rewards = json::array();
  Uint256 next_base_fee;
  Uint256 next_blob_fee;
  for (u64 n = newest + 1 - count; n <= newest && count > 0; ++n) {
    auto b = reader_.block(n);
    if (!b) throw RpcError(kServerError, "header not found");
    const evm::EvmBlockHeader& h = b->header;
    base_fees.push_back(quantity(h.base_fee));
    ratios.push_back(h.gas_limit == 0 ? 0.0 : static_cast<double>(h.gas_used) / static_cast<double>(h.gas_limit));
    const evm::EvmBlobFees blob = lane_.blob_fees(h);
    blob_fees.push_back(quantity(blob.base_fee_per_blob_gas));
    blob_ratios.push_back(blob.max_blob_gas == 0 ? 0.0
                                                 : static_cast<double>(blob.blob_gas_used) /
                                                       static_cast<double>(blob.max_blob_gas));
    next_base_fee = evm::next_base_fee(h.base_fee, h.gas_used, h.gas_limit);
    if (n + 1 <= reader_.head()) {
      if (auto next = reader_.block(n + 1)) next_blob_fee = lane_.blob_fees(next->header).base_fee_per_blob_gas;
    }
    if (!percentiles.empty()) {
      // Each transaction's tip, weighted by its gas, as geth computes the percentiles.
      auto receipts = must(lane_.block_receipts(n));
      std::vector<std::pair<Uint256, u64>> tips;
      for (const auto& r : receipts) tips.emplace_back(r.effective_gas_price - h.base_fee, r.gas_used);
      std::sort(tips.begin(), tips.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      json row = json::array();
      for (double q : percentiles) {
        if (tips.empty() || h.gas_used == 0) {
          row.push_back("0x0");
          continue;
        }
        const double threshold = static_cast<double>(h.gas_used) * q / 100.0;
        u64 sum = 0;
        size_t i = 0;
        for (; i + 1 < tips.size(); ++i) {
          sum += tips[i].second;
          if (static_cast<double>(sum) >= threshold) break;
        }
        row.push_back(quantity(tips[i].first));
      }
      rewards.push_back(std::move(row));
    }
  }
  if (count > 0) {
    base_fees.push_back(quantity(next_base_fee));
    blob_fees.push_back(quantity(newest == reader_.head() ? lane_.blob_base_fee() : next_blob_fee));
  }
  out["baseFeePerGas"] = std::move(base_fees);
  out["gasUsedRatio"] = std::move(ratios);
  out["baseFeePerBlobGas"] = std::move(blob_fees);
  out["blobGasUsedRatio"] = std::move(blob_ratios);
  if (!percentiles.empty()) out["reward"] = std::move(rewards);
  return out;
}

json EthApi::get_logs(const RpcParams& p) {
  p.check_count(1);
  const LogFilter filter = LogFilter::parse(p.at(0), 0);
  if (filter.block_hash) {
    auto n = reader_.resolve({BlockRef::Kind::kHash, 0, *filter.block_hash});
    if (!n) throw RpcError(kServerError, "unknown block");
    return reader_.logs(filter, *n, *n, options_.max_logs);
  }
  if (filter.from.kind == BlockRef::Kind::kNumber && filter.to.kind == BlockRef::Kind::kNumber &&
      filter.from.number > filter.to.number)
    throw RpcError(kInvalidParams, "invalid block range params");
  const u64 head = reader_.head();
  auto from = reader_.resolve(filter.from);
  auto to = reader_.resolve(filter.to);
  // A range that starts beyond the head is empty; one that ends beyond it stops there.
  if (!from) return json::array();
  const u64 end = to.value_or(head);
  if (*from > end) throw RpcError(kInvalidParams, "invalid block range params");
  if (end - *from >= options_.max_log_blocks)
    throw RpcError(kLimitExceeded, "block range too large (at most " + std::to_string(options_.max_log_blocks) +
                                       " blocks)");
  return reader_.logs(filter, *from, end, options_.max_logs);
}

json EthApi::send_raw_transaction(const RpcParams& p) {
  p.check_count(1);
  const Bytes raw = parse_data(p.at(0), 0);
  if (raw.empty()) RpcParams::invalid(0, "empty transaction");
  auto r = lane_.submit(raw);
  if (!r) throw RpcError(kServerError, r.error().message);
  filters_.on_pending(*r);
  if (wake_) wake_();
  return hash(*r);
}

void EthApi::register_methods(RpcMethods& m) {
  const u64 chain_id = lane_.config().chain_id;
  m.add("web3_clientVersion", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return options_.client_version;
  });
  m.add("web3_sha3", [](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    return hash(crypto::keccak256(parse_data(p.at(0), 0)));
  });
  m.add("net_version", [chain_id](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return std::to_string(chain_id);
  });
  m.add("net_listening", [](const RpcParams&, const RpcCall&) -> json { return true; });
  m.add("net_peerCount", [](const RpcParams&, const RpcCall&) -> json { return "0x0"; });
  m.add("eth_chainId", [chain_id](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return quantity(chain_id);
  });
  m.add("eth_blockNumber", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return quantity(reader_.head());
  });
  m.add("eth_syncing", [](const RpcParams&, const RpcCall&) -> json { return false; });
  m.add("eth_accounts", [](const RpcParams&, const RpcCall&) -> json { return json::array(); });
  m.add("eth_sendTransaction", [](const RpcParams&, const RpcCall&) -> json {
    throw RpcError(kServerError, "unknown account: the node holds no keys; sign the transaction and use "
                                 "eth_sendRawTransaction");
  });
  m.add("eth_sign", [](const RpcParams&, const RpcCall&) -> json {
    throw RpcError(kServerError, "unknown account: the node holds no keys");
  });

  // ---- blocks ----
  m.add("eth_getBlockByNumber", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    const BlockRef ref = parse_block_ref(p.at(0), 0, false);
    const bool full = p.has(1) && parse_bool(p.at(1), 1);
    return reader_.block_json(reader_.resolve(ref), full);
  });
  m.add("eth_getBlockByHash", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    const Hash256 h = parse_hash(p.at(0), 0);
    const bool full = p.has(1) && parse_bool(p.at(1), 1);
    return reader_.block_json(reader_.resolve({BlockRef::Kind::kHash, 0, h}), full);
  });
  auto tx_count = [this](std::optional<u64> n) -> json {
    if (!n) return nullptr;
    auto b = reader_.block(*n);
    if (!b) return nullptr;
    return quantity(static_cast<u64>(b->transactions.size()));
  };
  m.add("eth_getBlockTransactionCountByNumber", [this, tx_count](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    return tx_count(reader_.resolve(parse_block_ref(p.at(0), 0, false)));
  });
  m.add("eth_getBlockTransactionCountByHash", [this, tx_count](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    return tx_count(reader_.resolve({BlockRef::Kind::kHash, 0, parse_hash(p.at(0), 0)}));
  });
  auto uncle_count = [this](std::optional<u64> n) -> json { return n ? json("0x0") : json(nullptr); };
  m.add("eth_getUncleCountByBlockNumber", [this, uncle_count](const RpcParams& p, const RpcCall&) -> json {
    return uncle_count(reader_.resolve(parse_block_ref(p.at(0), 0, false)));
  });
  m.add("eth_getUncleCountByBlockHash", [this, uncle_count](const RpcParams& p, const RpcCall&) -> json {
    return uncle_count(reader_.resolve({BlockRef::Kind::kHash, 0, parse_hash(p.at(0), 0)}));
  });
  m.add("eth_getUncleByBlockNumberAndIndex", [](const RpcParams&, const RpcCall&) -> json { return nullptr; });
  m.add("eth_getUncleByBlockHashAndIndex", [](const RpcParams&, const RpcCall&) -> json { return nullptr; });

  // ---- transactions ----
  m.add("eth_getTransactionByHash", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    return reader_.transaction_by_hash(parse_hash(p.at(0), 0));
  });
  m.add("eth_getTransactionByBlockNumberAndIndex", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    auto n = reader_.resolve(parse_block_ref(p.at(0), 0, false));
    const u64 index = parse_u64(p.at(1), 1);
    return n ? reader_.transaction_at(*n, index) : json(nullptr);
  });
  m.add("eth_getTransactionByBlockHashAndIndex", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    auto n = reader_.resolve({BlockRef::Kind::kHash, 0, parse_hash(p.at(0), 0)});
    const u64 index = parse_u64(p.at(1), 1);
    return n ? reader_.transaction_at(*n, index) : json(nullptr);
  });
  m.add("eth_getTransactionReceipt", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    return reader_.receipt(parse_hash(p.at(0), 0));
  });
  m.add("eth_getBlockReceipts", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(1);
    auto n = reader_.resolve(parse_block_ref(p.at(0), 0, true));
    return n ? reader_.block_receipts(*n) : json(nullptr);
  });
  m.add("eth_sendRawTransaction",
        [this](const RpcParams& p, const RpcCall&) -> json { return send_raw_transaction(p); });

  // ---- state ----
  m.add("eth_getTransactionCount", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    const Address a = parse_address(p.at(0), 0);
    const BlockRef ref = parse_block_ref(p.get(1), 1, true);
    if (ref.kind == BlockRef::Kind::kPending) return quantity(must(lane_.pending_nonce(a)));
    auto view = state_view(ref);
    auto acc = must(view.state->account(a));
    return quantity(acc ? acc->nonce : 0);
  });
  m.add("eth_getBalance", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    const Address a = parse_address(p.at(0), 0);
    auto view = state_view(parse_block_ref(p.get(1), 1, true));
    auto acc = must(view.state->account(a));
    return quantity(acc ? acc->balance : Uint256{});
  });
  m.add("eth_getCode", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(2);
    const Address a = parse_address(p.at(0), 0);
    auto view = state_view(parse_block_ref(p.get(1), 1, true));
    auto acc = must(view.state->account(a));
    return acc ? hex_data(*acc->code) : "0x";
  });
  m.add("eth_getStorageAt", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(3);
    const Address a = parse_address(p.at(0), 0);
    const Uint256 key = parse_slot(p.at(1), 1);
    auto view = state_view(parse_block_ref(p.get(2), 2, true));
    return word_hex(must(view.state->slot(a, key)));
  });
  m.add("eth_getProof", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(3);
    const Address a = parse_address(p.at(0), 0);
    const json& keys_json = p.at(1);
    if (!keys_json.is_array()) RpcParams::invalid(1, "expected an array of storage keys");
    if (keys_json.size() > 1024) RpcParams::invalid(1, "too many storage keys (at most 1024)");
    std::vector<Uint256> keys;
    for (const json& k : keys_json) keys.push_back(parse_slot(k, 1));
    const u64 n = reader_.resolve_existing(parse_block_ref(p.at(2), 2, true));
    auto proof = must(lane_.prove(n, a, keys));
    if (!proof) throw RpcError(kServerError, "header not found");
    auto nodes = [](const std::vector<Bytes>& list) {
      json out = json::array();
      for (const Bytes& node : list) out.push_back(hex_data(node));
      return out;
    };
    json storage = json::array();
    for (const auto& s : proof->storage)
      storage.push_back({{"key", word_hex(s.key)}, {"value", quantity(s.value)}, {"proof", nodes(s.proof)}});
    return {{"address", address_hex(a)},
            {"accountProof", nodes(proof->proof)},
            {"balance", quantity(proof->balance)},
            {"codeHash", hash(proof->code_hash)},
            {"nonce", quantity(proof->nonce)},
            {"storageHash", hash(proof->storage_root)},
            {"storageProof", std::move(storage)}};
  });
  m.add("eth_call", [this](const RpcParams& p, const RpcCall&) -> json { return call(p); });
  m.add("eth_estimateGas", [this](const RpcParams& p, const RpcCall&) -> json { return estimate_gas(p); });
  m.add("eth_createAccessList",
        [this](const RpcParams& p, const RpcCall&) -> json { return create_access_list(p); });

  // ---- fees ----
  m.add("eth_gasPrice", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return quantity(lane_.next_base_fee() + suggested_tip());
  });
  m.add("eth_maxPriorityFeePerGas", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return quantity(suggested_tip());
  });
  m.add("eth_blobBaseFee", [this](const RpcParams& p, const RpcCall&) -> json {
    p.check_count(0);
    return quantity(lane_.blob_base_fee());
  });
  m.add("eth_feeHistory", [this](const RpcParams& p, const RpcCall&) -> json { return fee_history(p); });

  // ---- logs ----
  m.add("eth_getLogs", [this](const RpcParams& p, const RpcCall&) -> json { return get_logs(p); });
}

}  // namespace dusk::rpc
