#include "duskds/genesis.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "base/bytes.hpp"

namespace dusk::ds {

using crypto::bls::BlsMinSig;

namespace {

LedgerFailure bad(const std::string& path, const std::string& what) {
  return ledger_error(LedgerError::kBadGenesis, "genesis: " + path + ": " + what);
}

LedgerStatus only_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                       const std::string& prefix) {
  for (auto&& [k, v] : t) {
    bool known = false;
    for (auto a : allowed) known = known || k.str() == a;
    if (!known) return bad(prefix + std::string(k.str()), "unknown field");
  }
  return {};
}

LedgerResult<u64> uint_field(const toml::table& t, std::string_view key, const std::string& prefix) {
  const std::string path = prefix + std::string(key);
  const toml::node* n = t.get(key);
  if (!n) return bad(path, "missing (required)");
  const auto* i = n->as_integer();
  if (!i) return bad(path, "expected an integer");
  if (i->get() < 0) return bad(path, "negative (" + std::to_string(i->get()) + ")");
  return static_cast<u64>(i->get());
}

LedgerResult<const toml::table*> table_field(const toml::table& t, std::string_view key) {
  const toml::node* n = t.get(key);
  if (!n) return bad(std::string(key), "missing (required)");
  const auto* table = n->as_table();
  if (!table) return bad(std::string(key), "expected a table ([" + std::string(key) + "])");
  return table;
}

// The tables of an array of tables ([[key]]), or none when the key is absent.
LedgerResult<std::vector<const toml::table*>> tables_field(const toml::table& t, std::string_view key) {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const auto* array = n->as_array();
  if (!array) return bad(std::string(key), "expected an array of tables ([[" + std::string(key) + "]])");
  for (size_t i = 0; i < array->size(); ++i) {
    const auto* table = (*array)[i].as_table();
    if (!table) return bad(std::string(key) + "[" + std::to_string(i) + "]", "expected a table");
    out.push_back(table);
  }
  return out;
}

LedgerResult<AccountKey> key_field(const toml::table& t, const std::string& prefix) {
  const std::string path = prefix + "key";
  const toml::node* n = t.get("key");
  if (!n) return bad(path, "missing (required)");
  const auto* s = n->as_string();
  if (!s) return bad(path, "expected a hex string");
  auto bytes = from_hex(s->get());
  if (!bytes.ok()) return bad(path, bytes.error().message);
  AccountKey key;
  if (bytes->size() != key.size())
    return bad(path, std::to_string(bytes->size()) + " bytes, a BLS min-sig public key has 96");
  std::copy(bytes->begin(), bytes->end(), key.begin());
  if (auto pk = BlsMinSig::PublicKey::from_bytes(key); !pk.ok()) return bad(path, pk.error().message);
  return key;
}

LedgerResult<Genesis> parse_table(const toml::table& root) {
  Genesis g;
  DUSK_TRY(only_keys(root,
                     {"chain_id", "block_time_ms", "genesis_time_ms", "finality_depth", "staking", "emission",
                      "moonlight", "stake", "lanes", "evm_account", "duskvm_account"},
                     ""));
  DUSK_ASSIGN(g.ledger.chain_id, uint_field(root, "chain_id", ""));
  DUSK_ASSIGN(g.block_time_ms, uint_field(root, "block_time_ms", ""));
  if (g.block_time_ms == 0) return bad("block_time_ms", "must be above 0");
  if (root.get("genesis_time_ms")) {
    DUSK_ASSIGN(g.genesis_time_ms, uint_field(root, "genesis_time_ms", ""));
  }
  if (root.get("finality_depth")) {
    DUSK_ASSIGN(g.finality_depth, uint_field(root, "finality_depth", ""));
    if (g.finality_depth == 0) return bad("finality_depth", "must be above 0");
  }
  if (root.get("lanes")) {
    DUSK_ASSIGN(const toml::table* lanes, table_field(root, "lanes"));
    DUSK_TRY(only_keys(*lanes, {"evm_block_gas_limit", "duskvm_block_gas_limit", "phoenix_srs", "phoenix_max_inputs"},
                       "lanes."));
    if (const toml::node* n = lanes->get("phoenix_srs")) {
      const auto* text = n->as_string();
      if (!text || text->get().empty())
        return bad("lanes.phoenix_srs", "expected a DUSK-SRS file's path or \"INSECURE-SEED:<text>\"");
      g.phoenix_srs = text->get();
    }
    if (lanes->get("phoenix_max_inputs")) {
      DUSK_ASSIGN(g.phoenix_max_inputs, uint_field(*lanes, "phoenix_max_inputs", "lanes."));
      if (g.phoenix_max_inputs < 1 || g.phoenix_max_inputs > 4) return bad("lanes.phoenix_max_inputs", "expected 1 to 4");
    }
    if (lanes->get("evm_block_gas_limit")) {
      DUSK_ASSIGN(g.evm_block_gas_limit, uint_field(*lanes, "evm_block_gas_limit", "lanes."));
    }
    if (lanes->get("duskvm_block_gas_limit")) {
      DUSK_ASSIGN(g.duskvm_block_gas_limit, uint_field(*lanes, "duskvm_block_gas_limit", "lanes."));
    }
    if (g.evm_block_gas_limit == 0) return bad("lanes.evm_block_gas_limit", "must be above 0");
    if (g.duskvm_block_gas_limit == 0) return bad("lanes.duskvm_block_gas_limit", "must be above 0");
  }

  DUSK_ASSIGN(const toml::table* staking, table_field(root, "staking"));
  DUSK_TRY(only_keys(*staking, {"epoch_length", "minimum_stake", "generator_share_bps"}, "staking."));
  DUSK_ASSIGN(g.ledger.epoch_length, uint_field(*staking, "epoch_length", "staking."));
  if (g.ledger.epoch_length == 0) return bad("staking.epoch_length", "must be above 0");
  DUSK_ASSIGN(g.ledger.minimum_stake, uint_field(*staking, "minimum_stake", "staking."));
  DUSK_ASSIGN(g.ledger.generator_share_bps, uint_field(*staking, "generator_share_bps", "staking."));
  if (g.ledger.generator_share_bps > kBasisPoints)
    return bad("staking.generator_share_bps", "above 10000 (the whole reward)");

  DUSK_ASSIGN(auto emission, tables_field(root, "emission"));
  std::vector<EmissionPeriod> periods;
  for (size_t i = 0; i < emission.size(); ++i) {
    const std::string prefix = "emission[" + std::to_string(i) + "].";
    DUSK_TRY(only_keys(*emission[i], {"blocks", "reward"}, prefix));
    EmissionPeriod p;
    DUSK_ASSIGN(p.blocks, uint_field(*emission[i], "blocks", prefix));
    if (p.blocks == 0) return bad(prefix + "blocks", "must be above 0");
    DUSK_ASSIGN(p.reward_per_block, uint_field(*emission[i], "reward", prefix));
    periods.push_back(p);
  }
  auto schedule = EmissionSchedule::create(std::move(periods));
  if (!schedule.ok()) return bad("emission", schedule.error().message);
  g.ledger.emission = std::move(schedule).value();

  DUSK_ASSIGN(auto moonlight, tables_field(root, "moonlight"));
  std::set<AccountKey> seen;
  for (size_t i = 0; i < moonlight.size(); ++i) {
    const std::string prefix = "moonlight[" + std::to_string(i) + "].";
    DUSK_TRY(only_keys(*moonlight[i], {"key", "balance"}, prefix));
    GenesisAccount a;
    DUSK_ASSIGN(a.key, key_field(*moonlight[i], prefix));
    if (!seen.insert(a.key).second) return bad(prefix + "key", "repeats an earlier account's key");
    DUSK_ASSIGN(a.balance, uint_field(*moonlight[i], "balance", prefix));
    g.accounts.push_back(a);
  }

  DUSK_ASSIGN(auto stakes, tables_field(root, "stake"));
  seen.clear();
  for (size_t i = 0; i < stakes.size(); ++i) {
    const std::string prefix = "stake[" + std::to_string(i) + "].";
    DUSK_TRY(only_keys(*stakes[i], {"key", "amount"}, prefix));
    GenesisStake s;
    DUSK_ASSIGN(s.key, key_field(*stakes[i], prefix));
    if (!seen.insert(s.key).second) return bad(prefix + "key", "repeats an earlier stake's key");
    DUSK_ASSIGN(s.value, uint_field(*stakes[i], "amount", prefix));
    if (s.value == 0 || s.value < g.ledger.minimum_stake)
      return bad(prefix + "amount", std::to_string(s.value) + " LUX is below staking.minimum_stake (" +
                                        std::to_string(g.ledger.minimum_stake) + " LUX)");
    g.stakes.push_back(s);
  }

  auto hex_field = [&](const toml::table& t, std::string_view key, const std::string& prefix,
                       size_t size) -> LedgerResult<Bytes> {
    const std::string path = prefix + std::string(key);
    const toml::node* n = t.get(key);
    if (!n) return bad(path, "missing (required)");
    const auto* s = n->as_string();
    if (!s) return bad(path, "expected a hex string");
    auto bytes = from_hex(s->get());
    if (!bytes.ok()) return bad(path, bytes.error().message);
    if (bytes->size() != size)
      return bad(path, std::to_string(bytes->size()) + " bytes, expected " + std::to_string(size));
    return std::move(*bytes);
  };
  DUSK_ASSIGN(auto evm, tables_field(root, "evm_account"));
  std::set<Bytes> seen_lane;
  for (size_t i = 0; i < evm.size(); ++i) {
    const std::string prefix = "evm_account[" + std::to_string(i) + "].";
    DUSK_TRY(only_keys(*evm[i], {"address", "balance"}, prefix));
    GenesisLaneAccount a;
    DUSK_ASSIGN(a.address, hex_field(*evm[i], "address", prefix, 20));
    if (!seen_lane.insert(a.address).second) return bad(prefix + "address", "repeats an earlier account");
    DUSK_ASSIGN(a.balance, uint_field(*evm[i], "balance", prefix));
    g.evm_accounts.push_back(std::move(a));
  }
  DUSK_ASSIGN(auto vm, tables_field(root, "duskvm_account"));
  seen_lane.clear();
  for (size_t i = 0; i < vm.size(); ++i) {
    const std::string prefix = "duskvm_account[" + std::to_string(i) + "].";
    DUSK_TRY(only_keys(*vm[i], {"address", "balance"}, prefix));
    GenesisLaneAccount a;
    DUSK_ASSIGN(a.address, hex_field(*vm[i], "address", prefix, 32));
    if (!seen_lane.insert(a.address).second) return bad(prefix + "address", "repeats an earlier account");
    DUSK_ASSIGN(a.balance, uint_field(*vm[i], "balance", prefix));
    g.vm_accounts.push_back(std::move(a));
  }
  u128 lanes = 0;
  for (const auto* list : {&g.evm_accounts, &g.vm_accounts})
    for (const auto& a : *list) lanes += a.balance;
  if (lanes > ~u64{0}) return ledger_error(LedgerError::kSupplyOverflow, "genesis: the lanes' accounts exceed 2^64 - 1 LUX");

  // What only the whole can show (the supply bound): the ledger's own checks.
  if (auto ledger = g.create_ledger(); !ledger.ok()) {
    auto f = ledger.take_error();
    return LedgerFailure(f.code, "genesis: " + f.message);
  }
  return g;
}

}  // namespace

LedgerResult<Genesis> parse_genesis(std::string_view toml_text) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    return ledger_error(LedgerError::kBadGenesis, "genesis: TOML syntax at line " + std::to_string(at.line) +
                                                      ", column " + std::to_string(at.column) + ": " +
                                                      std::string(e.description()));
  }
  return parse_table(root);
}

LedgerResult<Genesis> load_genesis(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ledger_error(LedgerError::kBadGenesis, "genesis: cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return ledger_error(LedgerError::kBadGenesis, "genesis: cannot read " + path);
  return parse_genesis(text.str());
}

}  // namespace dusk::ds
