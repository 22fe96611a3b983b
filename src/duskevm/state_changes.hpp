// What a block changed in the state, as a State with a backend hands it out
// (State::take_changes) for the backend to apply: the accounts in address order, each
// with its new fields and the slots that changed, and the code deployed.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

struct AccountChange {
  Address address{};
  // Gone at the end of the block (EIP-6780 SELFDESTRUCT, EIP-161 clearing), with its
  // storage; the fields below are then unset.
  bool deleted = false;
  // The account was deleted during the block (and perhaps created again): its stored
  // slots are gone, and `slots` applies to an empty storage.
  bool storage_cleared = false;
  u64 nonce = 0;
  Uint256 balance;
  Hash256 code_hash{};
  // Slots written during the block with their final values; zero deletes the slot.
  std::map<Uint256, Uint256> slots;
};

struct StateChanges {
  std::vector<AccountChange> accounts;                    // by address, each once
  std::map<Hash256, std::shared_ptr<const Bytes>> code;   // by code hash; may repeat stored code
};

}  // namespace dusk::evm
