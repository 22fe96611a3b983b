// Which logs a client asked for (eth_getLogs, eth_newFilter, eth_subscribe "logs"): a
// block range or one block hash, any of some addresses, and per topic position any of
// some values (an empty position matches every value).
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "duskevm/log.hpp"
#include "node/rpc/eth_json.hpp"

namespace dusk::rpc {

struct LogFilter {
  static constexpr size_t kMaxAddresses = 1000;
  static constexpr size_t kMaxTopicValues = 1000;

  BlockRef from;  // latest when omitted
  BlockRef to;
  std::optional<Hash256> block_hash;
  std::vector<Address> addresses;
  std::vector<std::vector<Hash256>> topics;  // at most 4 positions

  // Parses the filter object of argument `arg` (geth's rules: blockHash excludes
  // fromBlock/toBlock; address a string or an array; topics entries null, a hash or an
  // array of hashes).
  static LogFilter parse(const nlohmann::json& v, size_t arg);

  bool matches(const evm::Log& log) const;
  // False when the block's bloom shows that none of its logs can match.
  bool may_match(const evm::Bloom& bloom) const;
};

}  // namespace dusk::rpc
