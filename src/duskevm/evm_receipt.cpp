#include "duskevm/evm_receipt.hpp"

#include <algorithm>

#include "base/rlp.hpp"
#include "duskevm/receipt_encoding.hpp"

namespace dusk::evm {
namespace {

void encode_optional_address(Bytes& out, const std::optional<Address>& a) {
  if (a) rlp::encode_bytes(out, *a);
  else rlp::encode_bytes(out, ByteView{});
}

Result<std::optional<Address>> optional_address(const rlp::Item& item) {
  auto b = rlp::decode_bytes(item);
  if (!b || (b->size() != 0 && b->size() != 20)) return Error("stored receipt: a bad address");
  if (b->empty()) return std::optional<Address>{};
  Address a;
  std::copy(b->begin(), b->end(), a.begin());
  return std::optional<Address>{a};
}

Result<std::vector<Log>> decode_logs(const rlp::Item& list) {
  auto items = rlp::decode_list(list);
  if (!items) return Error("stored receipt: logs are not a list");
  std::vector<Log> logs;
  for (const rlp::Item& it : *items) {
    auto fields = rlp::decode_list(it);
    if (!fields || fields->size() != 3) return Error("stored receipt: a bad log");
    Log log;
    DUSK_ASSIGN(auto address, optional_address((*fields)[0]));
    if (!address) return Error("stored receipt: a log without an address");
    log.address = *address;
    auto topics = rlp::decode_list((*fields)[1]);
    if (!topics || topics->size() > 4) return Error("stored receipt: bad topics");
    for (const rlp::Item& t : *topics) {
      auto b = rlp::decode_bytes(t);
      if (!b || b->size() != 32) return Error("stored receipt: a bad topic");
      Bytes32 topic;
      std::copy(b->begin(), b->end(), topic.begin());
      log.topics.push_back(topic);
    }
    auto data = rlp::decode_bytes((*fields)[2]);
    if (!data) return Error("stored receipt: bad log data");
    log.data.assign(data->begin(), data->end());
    logs.push_back(std::move(log));
  }
  return logs;
}

}  // namespace

Bytes consensus_encoding(const EvmReceipt& r) {
  return encode_receipt(r.type, r.success, r.cumulative_gas_used, r.logs);
}

Bytes encode_receipts(const std::vector<EvmReceipt>& receipts) {
  Bytes list;
  for (const EvmReceipt& r : receipts) {
    Bytes p;
    rlp::encode_uint(p, Uint256{static_cast<u64>(r.type)});
    rlp::encode_uint(p, Uint256{r.success ? 1u : 0u});
    rlp::encode_uint(p, Uint256{r.cumulative_gas_used});
    rlp::encode_uint(p, Uint256{r.gas_used});
    rlp::encode_uint(p, r.effective_gas_price);
    rlp::encode_bytes(p, r.from);
    encode_optional_address(p, r.to);
    encode_optional_address(p, r.contract_address);
    const Bytes logs = encode_logs(r.logs);
    p.insert(p.end(), logs.begin(), logs.end());
    rlp::encode_list_payload(list, p);
  }
  Bytes out;
  rlp::encode_list_payload(out, list);
  return out;
}

Result<std::vector<EvmReceipt>> decode_receipts(ByteView bytes) {
  auto item = rlp::decode_single(bytes);
  if (!item) return Error("stored receipts: " + item.error().message);
  auto items = rlp::decode_list(*item);
  if (!items) return Error("stored receipts: not a list");
  std::vector<EvmReceipt> out;
  for (const rlp::Item& it : *items) {
    auto f = rlp::decode_list(it);
    if (!f || f->size() != 9) return Error("stored receipts: a receipt is not a list of nine items");
    const auto& v = *f;
    EvmReceipt r;
    auto type = rlp::decode_u64(v[0]);
    auto status = rlp::decode_u64(v[1]);
    auto cumulative = rlp::decode_u64(v[2]);
    auto used = rlp::decode_u64(v[3]);
    auto price = rlp::decode_uint256(v[4]);
    if (!type || *type > 4 || !status || *status > 1 || !cumulative || !used || !price)
      return Error("stored receipts: a bad number");
    r.type = static_cast<TxType>(*type);
    r.success = *status == 1;
    r.cumulative_gas_used = *cumulative;
    r.gas_used = *used;
    r.effective_gas_price = *price;
    DUSK_ASSIGN(auto from, optional_address(v[5]));
    if (!from) return Error("stored receipts: no sender");
    r.from = *from;
    DUSK_ASSIGN(r.to, optional_address(v[6]));
    DUSK_ASSIGN(r.contract_address, optional_address(v[7]));
    DUSK_ASSIGN(r.logs, decode_logs(v[8]));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dusk::evm
