// What undoes one block's change of the state in the database (DbStateBackend): the
// flat records the block overwrote or added, as they were before it, and the state root
// before it. Trie nodes are never deleted, so the old root's tries are still whole and
// restoring the flat records and the head root restores the state exactly.
//
// Encoded as RLP([root, [[address, present, record, balance]...], [[key, present, value]...],
//                 [code hash...]]).
#pragma once

#include <optional>
#include <vector>

#include "base/address.hpp"
#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "base/result.hpp"
#include "base/uint256.hpp"

namespace dusk::evm {

struct StateUndo {
  struct AccountBefore {
    Address address{};
    std::optional<Bytes> record;  // the evm_accounts record; nullopt: there was none
    Uint256 balance;              // its balance (zero without a record)
    bool operator==(const AccountBefore&) const = default;
  };
  struct SlotBefore {
    Bytes key;                   // the evm_storage key: address ++ slot
    std::optional<Bytes> value;  // nullopt: the slot was zero (absent)
    bool operator==(const SlotBefore&) const = default;
  };
  Hash256 root{};                       // the state root before the block
  std::vector<AccountBefore> accounts;  // every account the block's changes name
  std::vector<SlotBefore> slots;        // every slot record the block writes or deletes
  std::vector<Hash256> new_code;        // code the block stored that was not stored before
  bool operator==(const StateUndo&) const = default;
};

Bytes encode_state_undo(const StateUndo& u);
Result<StateUndo> decode_state_undo(ByteView bytes);

}  // namespace dusk::evm
