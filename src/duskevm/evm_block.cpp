#include "duskevm/evm_block.hpp"

#include <algorithm>
#include <string>

#include "base/rlp.hpp"
#include "crypto/hash/keccak.hpp"
#include "crypto/hash/sha256.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

template <size_t N>
Result<std::array<u8, N>> fixed(const rlp::Item& item, const char* what) {
  auto b = rlp::decode_bytes(item);
  if (!b || b->size() != N) return Error(std::string("evm block header: a bad ") + what);
  std::array<u8, N> out;
  std::copy(b->begin(), b->end(), out.begin());
  return out;
}

Result<u64> number(const rlp::Item& item, const char* what) {
  auto v = rlp::decode_u64(item);
  if (!v) return Error(std::string("evm block header: a bad ") + what);
  return *v;
}

}  // namespace

const Hash256 kEmptyOmmersHash = crypto::keccak256(rlp::encode_list({}));
const Hash256 kEmptyRequestsHash = crypto::sha256({});

Bytes encode_header(const EvmBlockHeader& h) {
  Bytes p;
  rlp::encode_bytes(p, h.parent_hash);
  rlp::encode_bytes(p, kEmptyOmmersHash);
  rlp::encode_bytes(p, h.coinbase);
  rlp::encode_bytes(p, h.state_root);
  rlp::encode_bytes(p, h.transactions_root);
  rlp::encode_bytes(p, h.receipts_root);
  rlp::encode_bytes(p, h.logs_bloom);
  rlp::encode_uint(p, Uint256{});  // difficulty
  rlp::encode_uint(p, Uint256{h.number});
  rlp::encode_uint(p, Uint256{h.gas_limit});
  rlp::encode_uint(p, Uint256{h.gas_used});
  rlp::encode_uint(p, Uint256{h.timestamp});
  rlp::encode_bytes(p, ByteView{});  // extra data
  rlp::encode_bytes(p, h.mix_hash);
  rlp::encode_bytes(p, std::array<u8, 8>{});  // nonce
  rlp::encode_uint(p, h.base_fee);
  rlp::encode_bytes(p, trie::kEmptyTrieRoot);  // withdrawals root
  rlp::encode_uint(p, Uint256{h.blob_gas_used});
  rlp::encode_uint(p, Uint256{h.excess_blob_gas});
  rlp::encode_bytes(p, Hash256{});  // parent beacon block root
  if (h.with_requests_hash) rlp::encode_bytes(p, kEmptyRequestsHash);
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Hash256 block_hash(const EvmBlockHeader& h) { return crypto::keccak256(encode_header(h)); }

Result<EvmBlockHeader> decode_header(ByteView in) {
  auto item = rlp::decode_single(in);
  if (!item) return Error("evm block header: " + item.error().message);
  auto f = rlp::decode_list(*item);
  if (!f || (f->size() != 20 && f->size() != 21)) return Error("evm block header: not a list of 20 or 21 items");
  const auto& v = *f;
  EvmBlockHeader h;
  DUSK_ASSIGN(h.parent_hash, fixed<32>(v[0], "parent hash"));
  DUSK_ASSIGN(h.coinbase, fixed<20>(v[2], "coinbase"));
  DUSK_ASSIGN(h.state_root, fixed<32>(v[3], "state root"));
  DUSK_ASSIGN(h.transactions_root, fixed<32>(v[4], "transactions root"));
  DUSK_ASSIGN(h.receipts_root, fixed<32>(v[5], "receipts root"));
  DUSK_ASSIGN(h.logs_bloom, fixed<256>(v[6], "logs bloom"));
  DUSK_ASSIGN(h.number, number(v[8], "number"));
  DUSK_ASSIGN(h.gas_limit, number(v[9], "gas limit"));
  DUSK_ASSIGN(h.gas_used, number(v[10], "gas used"));
  DUSK_ASSIGN(h.timestamp, number(v[11], "timestamp"));
  DUSK_ASSIGN(h.mix_hash, fixed<32>(v[13], "mix hash"));
  auto fee = rlp::decode_uint256(v[15]);
  if (!fee) return Error("evm block header: a bad base fee");
  h.base_fee = *fee;
  DUSK_ASSIGN(h.blob_gas_used, number(v[17], "blob gas used"));
  DUSK_ASSIGN(h.excess_blob_gas, number(v[18], "excess blob gas"));
  h.with_requests_hash = f->size() == 21;
  // The fixed fields must be what encode_header writes: one header, one encoding.
  if (encode_header(h) != Bytes(in.begin(), in.end())) return Error("evm block header: a fixed field differs");
  return h;
}

Bytes encode_transaction_list(const std::vector<Bytes>& transactions) {
  Bytes p;
  for (const Bytes& t : transactions) rlp::encode_bytes(p, t);
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<std::vector<Bytes>> decode_transaction_list(ByteView bytes) {
  auto item = rlp::decode_single(bytes);
  if (!item) return Error("transaction list: " + item.error().message);
  auto items = rlp::decode_list(*item);
  if (!items) return Error("transaction list: " + items.error().message);
  std::vector<Bytes> out;
  out.reserve(items->size());
  for (const rlp::Item& i : *items) {
    auto b = rlp::decode_bytes(i);
    if (!b) return Error("transaction list: an item is not a byte string");
    out.emplace_back(b->begin(), b->end());
  }
  return out;
}

Bytes encode_block(const EvmBlock& b) {
  Bytes p = encode_header(b.header);
  const Bytes txs = encode_transaction_list(b.transactions);
  p.insert(p.end(), txs.begin(), txs.end());
  Bytes out;
  rlp::encode_list_payload(out, p);
  return out;
}

Result<EvmBlock> decode_block(ByteView bytes) {
  auto item = rlp::decode_single(bytes);
  if (!item) return Error("evm block: " + item.error().message);
  auto parts = rlp::decode_list(*item);
  if (!parts || parts->size() != 2) return Error("evm block: not a list of two items");
  // Re-encode each part from its item to hand the decoders whole encodings.
  ByteView rest = item->payload;
  auto header_item = rlp::decode_item(rest);
  const ByteView header_bytes(item->payload.data(), item->payload.size() - rest.size());
  if (!header_item) return Error("evm block: " + header_item.error().message);
  EvmBlock b;
  DUSK_ASSIGN(b.header, decode_header(header_bytes));
  DUSK_ASSIGN(b.transactions, decode_transaction_list(rest));
  return b;
}

}  // namespace dusk::evm
