#include "duskds/chain_store.hpp"

#include <string>

#include "trie/db_node_store.hpp"

namespace dusk::ds::store {
namespace {

Error bad(const char* what, ByteView b) {
  return Error(std::string("chain store: a ") + what + " record of " + std::to_string(b.size()) +
               " bytes is corrupt");
}

}  // namespace

std::vector<std::string> families() {
  return {"ds_blocks", "ds_block_index", "ds_tx_index", "ds_accounts",   "ds_stakes",
          "ds_attestations", "ds_withdrawals", "ds_meta", "ds_trie_nodes"};
}

Families Families::of(const storage::Database& db) {
  return {&db.family("ds_blocks"),       &db.family("ds_block_index"), &db.family("ds_tx_index"),
          &db.family("ds_accounts"),     &db.family("ds_stakes"),      &db.family("ds_attestations"),
          &db.family("ds_withdrawals"),  &db.family("ds_meta"),        &db.family("ds_trie_nodes")};
}

Bytes height_key(u64 height) {
  Bytes k(8);
  store_be<u64>(k.data(), height);
  return k;
}

Bytes encode_account(const Account& a) {
  Bytes out;
  append_le<u64>(out, a.balance);
  append_le<u64>(out, a.nonce);
  return out;
}

Result<Account> decode_account(ByteView b) {
  if (b.size() != 16) return bad("account", b);
  return Account{load_le<u64>(b.data()), load_le<u64>(b.data() + 8)};
}

Bytes encode_stake(const Stake& s) {
  Bytes out;
  append_le<u64>(out, s.value);
  append_le<u64>(out, s.eligibility_height);
  append_le<u64>(out, s.pending);
  return out;
}

Result<Stake> decode_stake(ByteView b) {
  if (b.size() != 24) return bad("stake", b);
  return Stake{load_le<u64>(b.data()), load_le<u64>(b.data() + 8), load_le<u64>(b.data() + 16)};
}

Bytes encode_totals(const Totals& t) {
  Bytes out;
  append_le<u64>(out, t.ledger.supply);
  append_le<u64>(out, t.ledger.emitted);
  append_le<u64>(out, t.ledger.bridged);
  append_le<u64>(out, static_cast<u64>(t.burned));
  append_le<u64>(out, static_cast<u64>(t.burned >> 64));
  return out;
}

Result<Totals> decode_totals(ByteView b) {
  if (b.size() != 40) return bad("totals", b);
  Totals t;
  t.ledger.supply = load_le<u64>(b.data());
  t.ledger.emitted = load_le<u64>(b.data() + 8);
  t.ledger.bridged = load_le<u64>(b.data() + 16);
  t.burned = static_cast<u128>(load_le<u64>(b.data() + 32)) << 64 | load_le<u64>(b.data() + 24);
  return t;
}

Bytes encode_tip(u64 height, const Hash256& hash) {
  Bytes out;
  append_le<u64>(out, height);
  out.insert(out.end(), hash.begin(), hash.end());
  return out;
}

Result<std::pair<u64, Hash256>> decode_tip(ByteView b) {
  if (b.size() != 40) return bad("tip", b);
  Hash256 h;
  std::copy(b.begin() + 8, b.end(), h.begin());
  return std::pair{load_le<u64>(b.data()), h};
}

Bytes encode_location(const TxLocation& l) {
  Bytes out;
  append_le<u64>(out, l.height);
  append_le<u32>(out, l.index);
  append_le<u64>(out, l.gas_used);
  append_le<u64>(out, l.fee);
  return out;
}

Result<TxLocation> decode_location(ByteView b) {
  if (b.size() != 28) return bad("transaction index", b);
  return TxLocation{load_le<u64>(b.data()), load_le<u32>(b.data() + 8), load_le<u64>(b.data() + 12),
                    load_le<u64>(b.data() + 20)};
}

Bytes encode_attestation(const Attestation& a) {
  Bytes out;
  append_le<u64>(out, a.voters);
  out.insert(out.end(), a.signature.begin(), a.signature.end());
  return out;
}

Result<Attestation> decode_attestation(ByteView b) {
  if (b.size() != 56) return bad("attestation", b);
  Attestation a;
  a.voters = load_le<u64>(b.data());
  std::copy(b.begin() + 8, b.end(), a.signature.begin());
  return a;
}

Bytes encode_block_withdrawals(const BlockWithdrawals& w) {
  Bytes out;
  append_le<u8>(out, static_cast<u8>(w.lanes.size()));
  for (const auto& [lane, list] : w.lanes) {
    append_le<u8>(out, lane);
    Bytes enc = lane::encode_withdrawals(list);
    append_le<u32>(out, static_cast<u32>(enc.size()));
    out.insert(out.end(), enc.begin(), enc.end());
  }
  return out;
}

Result<BlockWithdrawals> decode_block_withdrawals(ByteView b) {
  if (b.empty()) return bad("withdrawals", b);
  BlockWithdrawals w;
  size_t at = 1;
  for (u8 i = 0; i < b[0]; ++i) {
    if (b.size() - at < 5) return bad("withdrawals", b);
    const u8 lane = b[at];
    const u32 len = load_le<u32>(b.data() + at + 1);
    at += 5;
    if (b.size() - at < len) return bad("withdrawals", b);
    DUSK_ASSIGN(auto list, lane::decode_withdrawals(b.subspan(at, len)));
    at += len;
    w.lanes.emplace_back(lane, std::move(list));
  }
  if (at != b.size()) return bad("withdrawals", b);
  return w;
}

Bytes account_trie_key(const AccountKey& key) {
  Bytes k{'a'};
  k.insert(k.end(), key.begin(), key.end());
  return k;
}

Bytes stake_trie_key(const AccountKey& key) {
  Bytes k{'s'};
  k.insert(k.end(), key.begin(), key.end());
  return k;
}

Bytes totals_trie_key() { return Bytes{'t'}; }

}  // namespace dusk::ds::store
