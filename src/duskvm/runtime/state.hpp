// What DuskVM's state is, in memory and in its root: contracts, each with its code,
// owner and memory, and the two levels of the state tree (merkle.hpp).
//
//   page hash        = BLAKE2b-256(the page's 4 KiB)            (all-zero pages: none)
//   memory root      = merkle_root over {page index -> page hash} of the non-zero pages,
//                      the index as a 32-byte key, big-endian in its first 4 bytes
//                      (kept and computed by groups of pages: page_table.hpp)
//   contract leaf    = BLAKE2b-256(0x02 || code hash || u16 owner length || owner ||
//                      u64 memory size in pages || memory root)
//   state root       = merkle_root over {contract id -> contract leaf}
//
// Unlike Piecrust's, a contract's leaf commits to its code and owner, not only its memory.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "duskvm/runtime/contract_id.hpp"
#include "duskvm/runtime/merkle.hpp"
#include "duskvm/runtime/page_table.hpp"

namespace dusk::vm {

struct ContractState {
  Hash256 code_hash{};
  Bytes owner;
  u64 memory_pages = 0;  // memory size, in 4 KiB pages
  Hash256 memory_root{};

  Hash256 leaf() const;
  bool operator==(const ContractState&) const = default;
};

// The contracts of one commit.
using ContractTable = std::map<ContractId, ContractState>;

Hash256 state_root(const ContractTable& contracts);
// The binary encoding of a commit's contract table (little-endian counts and sizes).
Bytes encode(const ContractTable& t);
std::optional<ContractTable> decode_contract_table(ByteView b);

}  // namespace dusk::vm
