// Merkle proofs of a Merkle-Patricia trie, as eth_getProof (EIP-1186) returns them: the
// RLP of every node on the path from the root towards a key, root first, leaving out
// nodes inlined in their parent (under 32 bytes of RLP: they are inside it). The path
// ends where the key's value is, or where the trie shows it absent (a proof of absence).
#pragma once

#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "trie/node_store.hpp"
#include "trie/patricia_trie.hpp"
#include "trie/trie_error.hpp"

namespace dusk::trie {

struct TrieProof {
  std::vector<Bytes> nodes;  // root first
  std::optional<Bytes> value;  // the key's value, nullopt when absent
};

TrieResult<TrieProof> prove(const NodeStore& store, const Hash256& root, ByteView key, KeyForm form);

}  // namespace dusk::trie
