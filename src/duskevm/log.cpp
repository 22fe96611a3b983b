#include "duskevm/log.hpp"

#include "crypto/hash/keccak.hpp"
#include "base/rlp.hpp"

namespace dusk::evm {

Bytes encode_logs(const std::vector<Log>& logs) {
  Bytes list;
  for (const Log& log : logs) {
    Bytes item;
    rlp::encode_bytes(item, log.address);
    Bytes topics;
    for (const Bytes32& t : log.topics) rlp::encode_bytes(topics, t);
    rlp::encode_list_payload(item, topics);
    rlp::encode_bytes(item, log.data);
    rlp::encode_list_payload(list, item);
  }
  Bytes out;
  rlp::encode_list_payload(out, list);
  return out;
}

Hash256 logs_hash(const std::vector<Log>& logs) { return crypto::keccak256(encode_logs(logs)); }

namespace {
// Sets the three bits the yellow paper's M3:2048 takes from keccak256(data): the low 11
// bits of each of the first three byte pairs.
void bloom_add(Bloom& bloom, ByteView data) {
  const auto h = crypto::keccak256(data);
  for (int i = 0; i < 6; i += 2) {
    const unsigned bit = ((static_cast<unsigned>(h[i]) << 8) | h[i + 1]) & 2047u;
    bloom[255 - bit / 8] |= static_cast<u8>(1u << (bit % 8));
  }
}
}  // namespace

Bloom logs_bloom(const std::vector<Log>& logs) {
  Bloom bloom{};
  for (const Log& log : logs) {
    bloom_add(bloom, log.address);
    for (const Bytes32& t : log.topics) bloom_add(bloom, t);
  }
  return bloom;
}

}  // namespace dusk::evm
