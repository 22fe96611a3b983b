// The Merkle-Patricia trie root (yellow paper, appendix D), computed from a whole set of
// key/value pairs at once, without a node database.
//
// Keys are paths of 4-bit nibbles. Nodes are RLP lists: a leaf [hex-prefix(path, leaf),
// value], an extension [hex-prefix(path, extension), child] and a 17-item branch
// [child_0 .. child_15, value]. A child whose RLP is shorter than 32 bytes is inlined in
// its parent; otherwise the parent holds keccak256 of it. The root is keccak256 of the
// root node's RLP, and the root of the empty trie is keccak256(rlp("")).
//
// Used for the transactions and receipts roots (keys rlp(index)) and, in the "secure"
// form with keys hashed by keccak256, for the state and storage roots. The state lane
// will later need an incremental trie over a database; this builder is the reference it
// can be checked against.
#pragma once

#include <array>
#include <map>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"

namespace dusk::trie {

// keccak256(rlp("")) = 0x56e81f...b421.
extern const Hash256 kEmptyTrieRoot;

// The root of the trie holding `entries`. Entries with an empty value are absent (an
// empty value is how a trie deletes a key), as in every Ethereum client.
Hash256 trie_root(const std::map<Bytes, Bytes>& entries);
// The root with every key replaced by keccak256(key) (state and storage tries).
Hash256 secure_trie_root(const std::map<Bytes, Bytes>& entries);
// The root of a list: key i is rlp(i) (transactions, receipts, withdrawals).
Hash256 ordered_trie_root(const std::vector<Bytes>& values);

// Hex-prefix encoding of a nibble path (yellow paper, appendix C): flag nibble
// 2 * leaf + (odd length), padded with a zero nibble when the length is even.
Bytes hex_prefix(const std::vector<u8>& nibbles, size_t begin, size_t end, bool leaf);

}  // namespace dusk::trie
