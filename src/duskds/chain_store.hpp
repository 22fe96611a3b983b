// Where the DuskDS chain keeps itself in the node's database, and the encodings of its
// records. Everything a block changes goes into that block's WriteBatch, with the lanes'
// changes, so the database always holds whole blocks.
//
// Column families:
//   ds_blocks       height (8 bytes, big-endian) -> the block (block.hpp)
//   ds_block_index  block hash -> height
//   ds_tx_index     transaction id -> height, index (u64 + u32), gas used, fee (u64 each)
//   ds_accounts     key (96) -> balance, nonce (u64 LE each)
//   ds_stakes       key (96) -> value, eligibility height, pending (u64 LE each)
//   ds_attestations height -> the block's own attestation (voters u64 LE + 48 bytes)
//   ds_withdrawals  height -> the withdrawals the lanes emitted in that block, credited
//                   when it is final (lane::encode_withdrawals, lane id first per entry
//                   group: u8 lane, then the list); deleted once credited
//   ds_meta         "tip"     -> height (u64 LE) and hash
//                   "final"   -> the last final height (u64 LE)
//                   "totals"  -> supply, emitted, bridged (u64 LE each), burned (u128 LE)
//                   "layout"  -> "duskds-chain 1"
//                   "genesis" -> the genesis fingerprint (chain.hpp)
//   ds_trie_nodes   the DuskDS state trie's nodes (trie/db_node_store.hpp)
//
// The DuskDS state root is the root of a Merkle-Patricia trie (keccak, hashed keys)
// holding "a" || key -> account record, "s" || key -> stake record and "t" -> the totals
// record: updated per block along the paths of the keys the block touched.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/int.hpp"
#include "duskds/account.hpp"
#include "duskds/block.hpp"
#include "duskds/ledger.hpp"
#include "duskds/stake.hpp"
#include "storage/database.hpp"

namespace dusk::ds::store {

std::vector<std::string> families();

struct Families {
  const storage::Family* blocks;
  const storage::Family* block_index;
  const storage::Family* tx_index;
  const storage::Family* accounts;
  const storage::Family* stakes;
  const storage::Family* attestations;
  const storage::Family* withdrawals;
  const storage::Family* meta;
  const storage::Family* trie_nodes;
  static Families of(const storage::Database& db);
};

struct Totals {
  Ledger::Totals ledger;
  u128 burned = 0;  // wei units the lanes destroyed
  bool operator==(const Totals&) const = default;
};

struct TxLocation {
  u64 height = 0;
  u32 index = 0;
  u64 gas_used = 0;
  u64 fee = 0;
};

Bytes height_key(u64 height);
Bytes encode_account(const Account& a);
Result<Account> decode_account(ByteView b);
Bytes encode_stake(const Stake& s);
Result<Stake> decode_stake(ByteView b);
Bytes encode_totals(const Totals& t);
Result<Totals> decode_totals(ByteView b);
Bytes encode_tip(u64 height, const Hash256& hash);
Result<std::pair<u64, Hash256>> decode_tip(ByteView b);
Bytes encode_location(const TxLocation& l);
Result<TxLocation> decode_location(ByteView b);
Bytes encode_attestation(const Attestation& a);
Result<Attestation> decode_attestation(ByteView b);

// Withdrawals of one block, per lane.
struct BlockWithdrawals {
  std::vector<std::pair<u8, std::vector<lane::Withdrawal>>> lanes;
};
Bytes encode_block_withdrawals(const BlockWithdrawals& w);
Result<BlockWithdrawals> decode_block_withdrawals(ByteView b);

// The trie keys of the state.
Bytes account_trie_key(const AccountKey& key);
Bytes stake_trie_key(const AccountKey& key);
Bytes totals_trie_key();

}  // namespace dusk::ds::store
