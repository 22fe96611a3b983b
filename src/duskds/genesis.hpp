// The genesis of a DuskDS chain, read from a TOML file (Debian's tomlplusplus).
//
//   chain_id = 1                   # u64, signed into every Moonlight transaction
//   block_time_ms = 10000          # target time between blocks, > 0
//   finality_depth = 1             # optional: attested successors that make a block final
//   genesis_time_ms = 1765000000000  # optional: block 0's time (ms since the Unix epoch;
//                                    # absent: when the node first creates the chain)
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
//   [lanes]                        # optional, the execution lanes' settings
//   evm_block_gas_limit = 30000000
//   duskvm_block_gas_limit = 250000000
//   phoenix_srs = "setup.srs"      # optional: Phoenix's universal setup, a DUSK-SRS file
//                                  # or "INSECURE-SEED:<text>" (development only: proofs
//                                  # can be forged); absent: Phoenix is off
//   phoenix_max_inputs = 2         # optional (1..4): the largest spend accepted
//
//   [[evm_account]]                # DuskEVM accounts (any number)
//   address = "0xf39f..."          # 20 bytes in hex
//   balance = 1000000000000        # LUX (credited as LUX x 10^9 wei)
//
//   [[duskvm_account]]             # DuskVM accounts (any number)
//   address = "9a8b..."            # 32 bytes in hex (duskvm/lane/vm_transaction.hpp:
//                                  # vm_address(key) for a DuskDS key)
//   balance = 1000000000000        # LUX
//
// Every field shown is required, except finality_depth, genesis_time_ms, [lanes] and the
// arrays (which may be absent or empty). Nodes that are to share a chain need the same
// genesis_time_ms (block 0's hash covers it). Amounts
// are TOML integers, so at most 2^63 - 1 each (the whole of DUSK's supply in LUX is
// about 10^18). Strict: a key not listed here, a value of the wrong type, a negative
// number, a duplicate account or stake key, a key that is not a valid public key, or a
// genesis the Ledger refuses (supply overflow, a stake below the minimum) is an error
// that names the field, as in "genesis: moonlight[2].balance: ...". The lanes' accounts
// count in the supply as bridged (ledger.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/int.hpp"
#include "duskds/ledger.hpp"
#include "duskds/ledger_config.hpp"
#include "duskds/ledger_error.hpp"

namespace dusk::ds {

struct GenesisLaneAccount {
  Bytes address;    // 20 bytes (DuskEVM) or 32 (DuskVM)
  u64 balance = 0;  // LUX
};

struct Genesis {
  LedgerConfig ledger;
  u64 block_time_ms = 0;
  u64 finality_depth = 1;
  u64 genesis_time_ms = 0;  // 0: the node's clock when it creates the chain
  u64 evm_block_gas_limit = 30'000'000;
  u64 duskvm_block_gas_limit = 250'000'000;
  std::string phoenix_srs;  // empty: Phoenix is off (duskvm/phoenix/setup.hpp)
  u64 phoenix_max_inputs = 2;
  std::vector<GenesisAccount> accounts;
  std::vector<GenesisStake> stakes;
  std::vector<GenesisLaneAccount> evm_accounts;
  std::vector<GenesisLaneAccount> vm_accounts;

  // LUX the lanes' accounts hold (parse_genesis checks that it fits in 64 bits).
  u64 lanes_genesis() const {
    u64 sum = 0;
    for (const auto* list : {&evm_accounts, &vm_accounts})
      for (const auto& a : *list) sum += a.balance;
    return sum;
  }
  // Ledger::create over this genesis.
  LedgerResult<Ledger> create_ledger() const { return Ledger::create(ledger, accounts, stakes, lanes_genesis()); }
};

// Errors: kBadGenesis for anything malformed (the message names the field and, for TOML
// syntax, the line and column); the Ledger's own codes where Ledger::create refuses.
LedgerResult<Genesis> parse_genesis(std::string_view toml_text);
// Reads and parses a file. Errors: those of parse_genesis, kBadGenesis for a file that
// cannot be read.
LedgerResult<Genesis> load_genesis(const std::string& path);

}  // namespace dusk::ds
