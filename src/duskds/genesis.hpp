// The genesis of a DuskDS chain, read from a TOML file (Debian's tomlplusplus).
//
//   chain_id = 1                   # u64, signed into every Moonlight transaction
//   block_time_ms = 10000          # target time between blocks, > 0
//
//   [staking]
//   epoch_length = 2160            # blocks before a new stake counts, > 0
//   minimum_stake = 1000000000000  # LUX
//   generator_share_bps = 7000     # the generator's part of a block reward, <= 10000
//
//   [[emission]]                   # any number of periods, in order (none: no rewards)
//   blocks = 12614400              # > 0
//   reward = 19857400000           # LUX per block
//
//   [[moonlight]]                  # Moonlight accounts
//   key = "a1b2..."                # BLS min-sig public key, 96 bytes in hex (0x optional)
//   balance = 500000000000         # LUX
//
//   [[stake]]                      # provisioners, eligible from height 0
//   key = "c3d4..."
//   amount = 1000000000000         # LUX, at least minimum_stake
//
// Every field shown is required, except the arrays (which may be absent or empty). Amounts
// are TOML integers, so at most 2^63 - 1 each (the whole of DUSK's supply in LUX is
// about 10^18). Strict: a key not listed here, a value of the wrong type, a negative
// number, a duplicate account or stake key, a key that is not a valid public key, or a
// genesis the Ledger refuses (supply overflow, a stake below the minimum) is an error
// that names the field, as in "genesis: moonlight[2].balance: ...". Lane settings and the
// other layers' accounts are not part of this version: their sections are refused as
// unknown until a version that reads them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/int.hpp"
#include "duskds/ledger.hpp"
#include "duskds/ledger_config.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

struct Genesis {
  LedgerConfig ledger;
  u64 block_time_ms = 0;
  std::vector<GenesisAccount> accounts;
  std::vector<GenesisStake> stakes;

  // Ledger::create over this genesis.
  LedgerResult<Ledger> create_ledger() const { return Ledger::create(ledger, accounts, stakes); }
};

// Errors: kBadGenesis for anything malformed (the message names the field and, for TOML
// syntax, the line and column); the Ledger's own codes where Ledger::create refuses.
LedgerResult<Genesis> parse_genesis(std::string_view toml_text);
// Reads and parses a file. Errors: those of parse_genesis, kBadGenesis for a file that
// cannot be read.
LedgerResult<Genesis> load_genesis(const std::string& path);

}  // namespace dusk::ds
