// A DuskDS block: the header that settles every layer, the Moonlight transactions, and
// one payload of each execution lane (lane/lane.hpp).
//
// Header, encoded in this order (integers little-endian; 505 bytes):
//   version            1    = 1 (kBlockVersion)
//   height             8
//   timestamp_ms       8    milliseconds since the Unix epoch
//   parent             32   the parent block's hash
//   seed               48   the generator's BLS signature of the parent's seed (G1,
//                            compressed): unpredictable before the generator signs,
//                            verifiable by anyone; lanes see BLAKE2b-256 of it
//   generator          96   the generator's public key
//   state_root         32   DuskDS state after the block (accounts, stakes, totals)
//   lanes              2 x 96  per lane, DuskEVM then DuskVM: payload hash, state root,
//                            withdrawals root
//   transactions_root  32   BLAKE2b-256 over the transactions' ids, in order
//   parent_attestation 56   the parent's attestation: voter bitset (u64) and the
//                            aggregated signature (48 bytes); all zero at height 1
//
// Body: u32 transaction count, each transaction as u32 length + its encoding
// (transaction_codec.hpp); then each lane's payload body as u32 length + bytes.
//
// The block hash is BLAKE2b-256("DUSK_DS_BLOCK_V1" || header). Votes sign
// vote_message(height, hash); an Attestation aggregates them (attestation.hpp).
#pragma once
#include <array>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "base/result.hpp"
#include "duskds/account_key.hpp"
#include "duskds/public_key_cache.hpp"
#include "duskds/transaction.hpp"
#include "lane/lane.hpp"

namespace dusk::ds {

inline constexpr u8 kBlockVersion = 1;
inline constexpr size_t kLaneCount = 2;  // DuskEVM, DuskVM: lane::LaneId - 1
inline constexpr size_t kHeaderSize = 505;
inline constexpr size_t kMaxBlockTransactions = 100'000;
using Seed = std::array<u8, 48>;

// The aggregated votes of a committee for one block: bit i set when the i-th member of
// the committee (attestation.hpp) voted.
struct Attestation {
  u64 voters = 0;
  std::array<u8, 48> signature{};
  bool empty() const { return voters == 0; }
  bool operator==(const Attestation&) const = default;
};

struct Header {
  u64 height = 0;
  u64 timestamp_ms = 0;
  Hash256 parent{};
  Seed seed{};
  AccountKey generator{};
  Hash256 state_root{};
  std::array<lane::Commitment, kLaneCount> lanes{};
  Hash256 transactions_root{};
  Attestation parent_attestation{};
  bool operator==(const Header&) const = default;
};

struct Block {
  Header header;
  std::vector<Transaction> transactions;
  std::array<Bytes, kLaneCount> lane_bodies;
};

Bytes encode_header(const Header& h);
Result<Header> decode_header(ByteView bytes);
Hash256 block_hash(const Header& h);
Bytes encode_block(const Block& b);
// Strict: every transaction decodes (transaction_codec.hpp), nothing trails. `keys`
// (optional) holds keys already decoded and checked, so that blocks of known accounts
// decode without a subgroup check per key.
Result<Block> decode_block(ByteView bytes, PublicKeyCache* keys = nullptr);
// A block this node stored after checking it: the layout is checked, points are not.
Result<Block> decode_stored_block(ByteView bytes);
Hash256 transactions_root(const std::vector<Transaction>& txs);
// What lanes see as the block's seed.
Hash256 lane_seed(const Seed& seed);
// The message a provisioner signs to vote for the block `hash` at `height`.
Hash256 vote_message(u64 height, const Hash256& hash);
// The message a generator signs for the seed: the parent's seed.
inline ByteView seed_message(const Seed& parent_seed) { return ByteView(parent_seed.data(), parent_seed.size()); }

}  // namespace dusk::ds
