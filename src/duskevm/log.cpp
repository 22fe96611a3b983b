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
// The three bits the yellow paper's M3:2048 takes from keccak256(data): the low 11 bits
// of each of the first three byte pairs.
std::array<unsigned, 3> bloom_bits(ByteView data) {
  const auto h = crypto::keccak256(data);
  std::array<unsigned, 3> bits{};
  for (int i = 0; i < 3; ++i) bits[i] = ((static_cast<unsigned>(h[2 * i]) << 8) | h[2 * i + 1]) & 2047u;
  return bits;
}
}  // namespace

void bloom_add(Bloom& bloom, ByteView data) {
  for (unsigned bit : bloom_bits(data)) bloom[255 - bit / 8] |= static_cast<u8>(1u << (bit % 8));
}

bool bloom_may_contain(const Bloom& bloom, ByteView data) {
  for (unsigned bit : bloom_bits(data))
    if ((bloom[255 - bit / 8] & (1u << (bit % 8))) == 0) return false;
  return true;
}

Bloom logs_bloom(const std::vector<Log>& logs) {
  Bloom bloom{};
  for (const Log& log : logs) {
    bloom_add(bloom, log.address);
    for (const Bytes32& t : log.topics) bloom_add(bloom, t);
  }
  return bloom;
}

}  // namespace dusk::evm
