// A proof that a page of a contract's memory held given bytes under a state root:
// the page's place in its contract's memory tree, the contract's leaf fields, and the
// contract's place in the state tree. verify_page_proof needs nothing but the root and
// the proof.
#pragma once

#include <optional>

#include "base/bytes.hpp"
#include "duskvm/runtime/state.hpp"
#include "duskvm/runtime/state_store.hpp"

namespace dusk::vm {

struct PageProof {
  ContractId contract{};
  u32 page = 0;
  Bytes bytes;             // the page's 4 KiB
  ContractState state;     // the contract's leaf fields
  MerkleProof in_memory;   // page_key(page) in the memory tree
  MerkleProof in_state;    // contract in the state tree
};

// The proof for page `page` of `contract` under commit `root`.
Result<PageProof> prove_page(const StateStore& store, const Hash256& root, const ContractId& contract, u32 page);

// True when `proof` shows its page bytes under `root`.
bool verify_page_proof(const Hash256& root, const PageProof& proof);

// A self-contained binary form (for the command line, as hex).
Bytes encode(const PageProof& proof);
std::optional<PageProof> decode_page_proof(ByteView bytes);

}  // namespace dusk::vm
