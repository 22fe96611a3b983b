#include "node/rpc/eth_json.hpp"

#include "base/rlp.hpp"
#include "trie/trie.hpp"
#include "node/rpc/json_rpc.hpp"

namespace dusk::rpc {

namespace {

constexpr size_t kMaxDataBytes = 4 * 1024 * 1024;  // above any body the server accepts

std::string hex_digits(std::string_view s, size_t arg) {
  if (s.size() < 2 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) RpcParams::invalid(arg, "hex string without 0x prefix");
  return std::string(s.substr(2));
}

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string quantity_digits(const json& v, size_t arg, size_t max_digits, const char* too_big) {
  if (!v.is_string()) RpcParams::invalid(arg, "expected a hex quantity string");
  std::string digits = hex_digits(v.get_ref<const std::string&>(), arg);
  if (digits.empty()) RpcParams::invalid(arg, "hex string \"0x\"");
  if (digits.size() > 1 && digits[0] == '0') RpcParams::invalid(arg, "hex number with leading zero digits");
  for (char c : digits)
    if (!is_hex_digit(c)) RpcParams::invalid(arg, "invalid hex string");
  if (digits.size() > max_digits) RpcParams::invalid(arg, too_big);
  return digits;
}

template <size_t N>
std::array<u8, N> fixed(const json& v, size_t arg, const char* what) {
  Bytes b = parse_data(v, arg);
  if (b.size() != N) RpcParams::invalid(arg, std::string(what) + " must be " + std::to_string(N) + " bytes");
  std::array<u8, N> out{};
  std::copy(b.begin(), b.end(), out.begin());
  return out;
}

const char* type_name(evm::TxType t) {
  static const char* const kNames[] = {"0x0", "0x1", "0x2", "0x3", "0x4"};
  return kNames[static_cast<int>(t)];
}

std::vector<evm::AccessListEntry> parse_access_list(const json& v, size_t arg) {
  if (!v.is_array()) RpcParams::invalid(arg, "accessList must be an array");
  std::vector<evm::AccessListEntry> out;
  for (const json& e : v) {
    if (!e.is_object() || !e.contains("address")) RpcParams::invalid(arg, "accessList entries need an address");
    evm::AccessListEntry entry;
    entry.address = parse_address(e["address"], arg);
    if (e.contains("storageKeys") && !e["storageKeys"].is_null()) {
      if (!e["storageKeys"].is_array()) RpcParams::invalid(arg, "storageKeys must be an array");
      for (const json& k : e["storageKeys"]) entry.storage_keys.push_back(parse_hash(k, arg));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::map<Uint256, Uint256> parse_slots(const json& v, size_t arg) {
  if (!v.is_object()) RpcParams::invalid(arg, "state overrides need an object of slots");
  std::map<Uint256, Uint256> out;
  for (auto it = v.begin(); it != v.end(); ++it) {
    const Hash256 key = parse_hash(json(it.key()), arg);
    const Hash256 value = parse_hash(it.value(), arg);
    out[Uint256::from_be(key.data())] = Uint256::from_be(value.data());
  }
  return out;
}

}  // namespace

std::string quantity(u64 v) { return Uint256{v}.to_hex(); }
std::string quantity(const Uint256& v) { return v.to_hex(); }
std::string hex_data(ByteView bytes) { return "0x" + to_hex(bytes); }
std::string hash(const Hash256& h) { return hex_data(h); }

json access_list_json(const std::vector<evm::AccessListEntry>& list) {
  json out = json::array();
  for (const auto& e : list) {
    json keys = json::array();
    for (const auto& k : e.storage_keys) keys.push_back(hex_data(k));
    out.push_back({{"address", address_hex(e.address)}, {"storageKeys", std::move(keys)}});
  }
  return out;
}

json transaction_json(const evm::Transaction& tx, const Hash256& tx_hash, const std::optional<TxLocation>& at) {
  json j;
  j["type"] = type_name(tx.type);
  j["hash"] = hash(tx_hash);
  j["nonce"] = quantity(tx.nonce);
  j["from"] = address_hex(tx.sender);
  j["to"] = tx.to ? json(address_hex(*tx.to)) : json(nullptr);
  j["value"] = quantity(tx.value);
  j["gas"] = quantity(tx.gas_limit);
  j["input"] = hex_data(tx.data);
  j["blockHash"] = at ? json(hash(at->block_hash)) : json(nullptr);
  j["blockNumber"] = at ? json(quantity(at->block_number)) : json(nullptr);
  j["transactionIndex"] = at ? json(quantity(at->index)) : json(nullptr);
  if (at) j["blockTimestamp"] = quantity(at->timestamp);
  if (tx.type >= evm::TxType::kDynamicFee) {
    j["maxFeePerGas"] = quantity(tx.max_fee_per_gas);
    j["maxPriorityFeePerGas"] = quantity(tx.max_priority_fee_per_gas);
    // Mined: the price paid; pooled: the fee cap (as geth).
    Uint256 price = tx.max_fee_per_gas;
    if (at) {
      const Uint256 headroom = tx.max_fee_per_gas - at->base_fee;
      price = at->base_fee + (tx.max_priority_fee_per_gas < headroom ? tx.max_priority_fee_per_gas : headroom);
    }
    j["gasPrice"] = quantity(price);
  } else {
    j["gasPrice"] = quantity(tx.gas_price);
  }
  if (tx.type != evm::TxType::kLegacy) {
    j["chainId"] = quantity(tx.chain_id);
    j["accessList"] = access_list_json(tx.access_list);
    j["yParity"] = quantity(tx.v);
  } else if (tx.v >= Uint256{35}) {
    j["chainId"] = quantity(divmod(tx.v - Uint256{35}, Uint256{2}).quot);
  }
  if (tx.type == evm::TxType::kBlob) {
    j["maxFeePerBlobGas"] = quantity(tx.max_fee_per_blob_gas);
    json hashes = json::array();
    for (const auto& h : tx.blob_hashes) hashes.push_back(hex_data(h));
    j["blobVersionedHashes"] = std::move(hashes);
  }
  if (tx.type == evm::TxType::kSetCode) {
    json list = json::array();
    for (const auto& a : tx.authorizations) {
      list.push_back({{"chainId", quantity(a.chain_id)},
                      {"address", address_hex(a.address)},
                      {"nonce", quantity(a.nonce)},
                      {"yParity", quantity(a.y_parity)},
                      {"r", quantity(a.r)},
                      {"s", quantity(a.s)}});
    }
    j["authorizationList"] = std::move(list);
  }
  j["v"] = quantity(tx.v);
  j["r"] = quantity(tx.r);
  j["s"] = quantity(tx.s);
  return j;
}

json log_json(const evm::Log& log, const TxLocation& at, const Hash256& tx_hash, u64 log_index) {
  json topics = json::array();
  for (const auto& t : log.topics) topics.push_back(hex_data(t));
  return {{"address", address_hex(log.address)},
          {"topics", std::move(topics)},
          {"data", hex_data(log.data)},
          {"blockNumber", quantity(at.block_number)},
          {"blockHash", hash(at.block_hash)},
          {"blockTimestamp", quantity(at.timestamp)},
          {"transactionHash", hash(tx_hash)},
          {"transactionIndex", quantity(at.index)},
          {"logIndex", quantity(log_index)},
          {"removed", false}};
}

json receipt_json(const evm::EvmReceipt& r, const Hash256& tx_hash, const TxLocation& at, u64 first_log_index,
                  const std::optional<BlobGas>& blob) {
  json logs = json::array();
  for (size_t i = 0; i < r.logs.size(); ++i) logs.push_back(log_json(r.logs[i], at, tx_hash, first_log_index + i));
  const evm::Bloom bloom = evm::logs_bloom(r.logs);
  json j = {{"type", type_name(r.type)},
            {"status", r.success ? "0x1" : "0x0"},
            {"cumulativeGasUsed", quantity(r.cumulative_gas_used)},
            {"gasUsed", quantity(r.gas_used)},
            {"effectiveGasPrice", quantity(r.effective_gas_price)},
            {"from", address_hex(r.from)},
            {"to", r.to ? json(address_hex(*r.to)) : json(nullptr)},
            {"contractAddress", r.contract_address ? json(address_hex(*r.contract_address)) : json(nullptr)},
            {"logs", std::move(logs)},
            {"logsBloom", hex_data(ByteView(bloom.data(), bloom.size()))},
            {"transactionHash", hash(tx_hash)},
            {"transactionIndex", quantity(at.index)},
            {"blockHash", hash(at.block_hash)},
            {"blockNumber", quantity(at.block_number)}};
  if (blob) {
    j["blobGasUsed"] = quantity(blob->used);
    j["blobGasPrice"] = quantity(blob->price);
  }
  return j;
}

json block_json(const evm::EvmBlock& block, const Hash256& block_hash, bool full,
                const std::vector<evm::Transaction>& transactions, const std::vector<Hash256>& hashes) {
  const evm::EvmBlockHeader& h = block.header;
  json txs = json::array();
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (full) {
      TxLocation at{block_hash, h.number, i, h.base_fee, h.timestamp};
      txs.push_back(transaction_json(transactions[i], hashes[i], at));
    } else {
      txs.push_back(hash(hashes[i]));
    }
  }
  // RLP([header, transactions, ommers = [], withdrawals = []]).
  size_t tx_bytes = 0;
  for (const Bytes& raw : block.transactions) tx_bytes += rlp::encode_bytes(raw).size();
  const size_t header_bytes = evm::encode_header(h).size();
  auto list_prefix = [](size_t payload) {
    size_t n = 1;
    if (payload >= 56)
      for (size_t p = payload; p > 0; p >>= 8) ++n;
    return n;
  };
  const size_t payload = header_bytes + list_prefix(tx_bytes) + tx_bytes + 1 + 1;
  const size_t size = list_prefix(payload) + payload;

  json j = {{"number", quantity(h.number)},
            {"hash", hash(block_hash)},
            {"parentHash", hash(h.parent_hash)},
            {"nonce", "0x0000000000000000"},
            {"sha3Uncles", hash(evm::kEmptyOmmersHash)},
            {"logsBloom", hex_data(ByteView(h.logs_bloom.data(), h.logs_bloom.size()))},
            {"transactionsRoot", hash(h.transactions_root)},
            {"stateRoot", hash(h.state_root)},
            {"receiptsRoot", hash(h.receipts_root)},
            {"miner", address_hex(h.coinbase)},
            {"difficulty", "0x0"},
            {"totalDifficulty", "0x0"},
            {"extraData", "0x"},
            {"size", quantity(static_cast<u64>(size))},
            {"gasLimit", quantity(h.gas_limit)},
            {"gasUsed", quantity(h.gas_used)},
            {"timestamp", quantity(h.timestamp)},
            {"mixHash", hash(h.mix_hash)},
            {"baseFeePerGas", quantity(h.base_fee)},
            {"withdrawals", json::array()},
            {"withdrawalsRoot", hash(trie::kEmptyTrieRoot)},
            {"blobGasUsed", quantity(h.blob_gas_used)},
            {"excessBlobGas", quantity(h.excess_blob_gas)},
            {"parentBeaconBlockRoot", hash(Hash256{})},
            {"transactions", std::move(txs)},
            {"uncles", json::array()}};
  if (h.with_requests_hash) j["requestsHash"] = hash(evm::kEmptyRequestsHash);
  return j;
}

u64 parse_u64(const json& v, size_t arg) {
  if (v.is_number_unsigned()) return v.get<u64>();  // geth refuses these; some clients send them
  const std::string digits = quantity_digits(v, arg, 16, "hex number > 64 bits");
  return std::stoull(digits, nullptr, 16);
}

Uint256 parse_quantity(const json& v, size_t arg) {
  if (v.is_number_unsigned()) return Uint256{v.get<u64>()};
  const std::string digits = quantity_digits(v, arg, 64, "hex number > 256 bits");
  auto r = Uint256::from_hex(digits);
  if (!r) RpcParams::invalid(arg, "invalid hex string");
  return *r;
}

Bytes parse_data(const json& v, size_t arg) {
  if (!v.is_string()) RpcParams::invalid(arg, "expected a 0x-prefixed hex string");
  const std::string& s = v.get_ref<const std::string&>();
  std::string digits = hex_digits(s, arg);
  if (digits.size() % 2 != 0) RpcParams::invalid(arg, "hex string of odd length");
  if (digits.size() / 2 > kMaxDataBytes) RpcParams::invalid(arg, "hex string too long");
  auto r = from_hex(digits);
  if (!r) RpcParams::invalid(arg, "invalid hex string");
  return std::move(*r);
}

Address parse_address(const json& v, size_t arg) { return fixed<20>(v, arg, "an address"); }
Hash256 parse_hash(const json& v, size_t arg) { return fixed<32>(v, arg, "a hash"); }

bool parse_bool(const json& v, size_t arg) {
  if (!v.is_boolean()) RpcParams::invalid(arg, "expected true or false");
  return v.get<bool>();
}

BlockRef parse_block_ref(const json& v, size_t arg, bool allow_hash) {
  BlockRef ref;
  if (v.is_null()) return ref;
  if (v.is_object() && allow_hash) {
    if (v.contains("blockHash")) {
      if (v.contains("blockNumber")) RpcParams::invalid(arg, "cannot specify both blockHash and blockNumber");
      ref.kind = BlockRef::Kind::kHash;
      ref.hash = parse_hash(v["blockHash"], arg);
      return ref;
    }
    if (v.contains("blockNumber")) return parse_block_ref(v["blockNumber"], arg, false);
    RpcParams::invalid(arg, "block object needs blockHash or blockNumber");
  }
  if (!v.is_string()) RpcParams::invalid(arg, "expected a block number, tag or hash");
  const std::string& s = v.get_ref<const std::string&>();
  if (s == "latest") ref.kind = BlockRef::Kind::kLatest;
  else if (s == "pending") ref.kind = BlockRef::Kind::kPending;
  else if (s == "earliest") ref.kind = BlockRef::Kind::kEarliest;
  else if (s == "safe") ref.kind = BlockRef::Kind::kSafe;
  else if (s == "finalized") ref.kind = BlockRef::Kind::kFinalized;
  else if (allow_hash && s.size() == 66) {
    ref.kind = BlockRef::Kind::kHash;
    ref.hash = parse_hash(v, arg);
  } else {
    ref.kind = BlockRef::Kind::kNumber;
    ref.number = parse_u64(v, arg);
  }
  return ref;
}

evm::CallRequest parse_call_request(const json& v, size_t arg) {
  if (!v.is_object()) RpcParams::invalid(arg, "expected a transaction object");
  evm::CallRequest r;
  auto opt = [&](const char* name) -> const json* {
    auto it = v.find(name);
    return it == v.end() || it->is_null() ? nullptr : &*it;
  };
  if (auto* f = opt("from")) r.from = parse_address(*f, arg);
  if (auto* f = opt("to")) r.to = parse_address(*f, arg);
  if (auto* f = opt("gas")) r.gas = parse_u64(*f, arg);
  if (auto* f = opt("gasPrice")) r.gas_price = parse_quantity(*f, arg);
  if (auto* f = opt("maxFeePerGas")) r.max_fee_per_gas = parse_quantity(*f, arg);
  if (auto* f = opt("maxPriorityFeePerGas")) r.max_priority_fee_per_gas = parse_quantity(*f, arg);
  if (auto* f = opt("maxFeePerBlobGas")) r.max_fee_per_blob_gas = parse_quantity(*f, arg);
  if (auto* f = opt("value")) r.value = parse_quantity(*f, arg);
  if (auto* f = opt("nonce")) r.nonce = parse_u64(*f, arg);
  const json* input = opt("input");
  const json* data_field = opt("data");
  if (input && data_field && *input != *data_field)
    RpcParams::invalid(arg, "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data");
  if (input) r.data = parse_data(*input, arg);
  else if (data_field) r.data = parse_data(*data_field, arg);
  if (auto* f = opt("accessList")) r.access_list = parse_access_list(*f, arg);
  if (auto* f = opt("blobVersionedHashes")) {
    if (!f->is_array()) RpcParams::invalid(arg, "blobVersionedHashes must be an array");
    for (const json& h : *f) r.blob_hashes.push_back(parse_hash(h, arg));
  }
  if (auto* f = opt("authorizationList")) {
    if (!f->is_array()) RpcParams::invalid(arg, "authorizationList must be an array");
    for (const json& a : *f) {
      if (!a.is_object()) RpcParams::invalid(arg, "authorizationList entries must be objects");
      evm::Authorization auth;
      auth.chain_id = parse_quantity(a.value("chainId", json("0x0")), arg);
      auth.address = parse_address(a.value("address", json(nullptr)), arg);
      auth.nonce = parse_quantity(a.value("nonce", json("0x0")), arg);
      auth.y_parity = parse_quantity(a.value("yParity", json("0x0")), arg);
      auth.r = parse_quantity(a.value("r", json("0x0")), arg);
      auth.s = parse_quantity(a.value("s", json("0x0")), arg);
      r.authorizations.push_back(auth);
    }
  }
  return r;
}

evm::StateOverrides parse_overrides(const json& v, size_t arg) {
  evm::StateOverrides out;
  if (v.is_null()) return out;
  if (!v.is_object()) RpcParams::invalid(arg, "state overrides must be an object of accounts");
  if (v.size() > 1000) RpcParams::invalid(arg, "too many state overrides (at most 1000 accounts)");
  for (auto it = v.begin(); it != v.end(); ++it) {
    const Address a = parse_address(json(it.key()), arg);
    const json& o = it.value();
    if (!o.is_object()) RpcParams::invalid(arg, "an account override must be an object");
    evm::AccountOverride ov;
    for (auto f = o.begin(); f != o.end(); ++f) {
      const std::string& k = f.key();
      if (f->is_null()) continue;
      if (k == "balance") ov.balance = parse_quantity(*f, arg);
      else if (k == "nonce") ov.nonce = parse_u64(*f, arg);
      else if (k == "code") ov.code = parse_data(*f, arg);
      else if (k == "state") ov.state = parse_slots(*f, arg);
      else if (k == "stateDiff") ov.state_diff = parse_slots(*f, arg);
      else RpcParams::invalid(arg, "unknown account override field \"" + k + "\"");
    }
    if (ov.state && ov.state_diff)
      RpcParams::invalid(arg, "account " + address_hex(a) + " has both 'state' and 'stateDiff'");
    out.emplace(a, std::move(ov));
  }
  return out;
}

}  // namespace dusk::rpc
