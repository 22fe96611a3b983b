// Logs (LOG0..LOG4) and the two digests of a transaction's logs that blocks and state
// tests carry: the keccak256 of their RLP list, and the 2048-bit bloom filter.
#pragma once

#include <array>
#include <vector>

#include "base/bytes.hpp"
#include "base/address.hpp"
#include "base/fixed_bytes.hpp"

namespace dusk::evm {

struct Log {
  Address address;
  std::vector<Bytes32> topics;  // 0 to 4
  Bytes data;
};

// RLP([[address, [topic...], data]...]).
Bytes encode_logs(const std::vector<Log>& logs);
// keccak256(encode_logs(logs)): the "logs" field of a state test's post state.
Hash256 logs_hash(const std::vector<Log>& logs);
// The yellow paper's M3:2048 bloom over every log's address and topics.
using Bloom = std::array<u8, 256>;
Bloom logs_bloom(const std::vector<Log>& logs);
// Adds an address or topic to a bloom; whether one may be in it (false: certainly not).
void bloom_add(Bloom& bloom, ByteView data);
bool bloom_may_contain(const Bloom& bloom, ByteView data);

}  // namespace dusk::evm
