// A Merkle-Patricia trie over a NodeStore, updated in place of the paths it touches.
//
//   PatriciaTrie t(store, root, KeyForm::kHashed);     // a state or storage trie
//   DUSK_TRY(t.put(key, value));                       // an empty value deletes
//   DUSK_TRY(t.erase(other));
//   DUSK_ASSIGN(TrieCommit c, t.commit());             // c.root, c.nodes to store
//
// The nodes are those of trie.hpp (yellow paper, appendix D): leaves, extensions and
// 17-item branches in RLP, a child under 32 bytes of RLP inlined in its parent, every
// other node referenced by keccak256 of its RLP; so `commit().root` equals trie_root
// (or secure_trie_root) of the same key/value set, which the tests check.
//
// Cost: a put or erase loads from the store only the nodes on its key's path (and, when
// a deletion leaves a branch with one child, that child), and commit hashes only the
// nodes that changed since the last commit. Loaded nodes are kept until commit, so a
// batch of updates sharing paths reads each node once. commit() returns the new nodes
// (the root node always, even under 32 bytes: a root is read by its hash), in the order
// they were hashed, children before parents; the caller stores them. Nothing is ever
// deleted from the store, so every earlier root stays readable (pruning unreachable
// nodes is future work).
//
// After a put or erase fails, the trie refuses everything (TrieError::kBroken).
//
// A PatriciaTrie belongs to one thread; several may read the same store.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/bytes.hpp"
#include "base/fixed_bytes.hpp"
#include "trie/node_store.hpp"
#include "trie/trie_error.hpp"

namespace dusk::trie {

// How keys become paths: as they are (transactions, receipts), or through keccak256
// (Ethereum's "secure" state and storage tries).
enum class KeyForm : u8 { kPlain, kHashed };

struct TrieCommit {
  Hash256 root;
  std::vector<TrieNode> nodes;  // to store: children before parents, the root last
};

class PatriciaTrie {
 public:
  // The trie whose root is `root` (kEmptyTrieRoot for an empty one) in `store`, which
  // must outlive it. Nothing is read until a get, put or erase needs it.
  PatriciaTrie(const NodeStore& store, const Hash256& root, KeyForm form = KeyForm::kPlain);
  ~PatriciaTrie();
  PatriciaTrie(PatriciaTrie&&) noexcept;
  PatriciaTrie& operator=(PatriciaTrie&&) noexcept;

  // The value under `key` (uncommitted updates included); nullopt when absent.
  TrieResult<std::optional<Bytes>> get(ByteView key);
  // Sets `key` to `value`; an empty value erases the key, as in trie_root.
  TrieStatus put(ByteView key, ByteView value);
  TrieStatus erase(ByteView key);

  // Hashes what changed, returns the root and the nodes to store, and starts over from
  // the new root with nothing loaded (so a long-lived trie does not grow in memory).
  TrieResult<TrieCommit> commit();

  // The root as of the last commit (or construction).
  const Hash256& committed_root() const { return committed_root_; }

  struct Ref;
  struct Node;

 private:
  class Walker;
  TrieStatus check_usable() const;

  const NodeStore* store_;
  KeyForm form_;
  Hash256 committed_root_;
  std::unique_ptr<Ref> root_;
  // A put or erase that failed (a node missing from the store) may have left the loaded
  // nodes half updated: every later call fails, and the caller opens the trie again from
  // a committed root.
  bool broken_ = false;
};

}  // namespace dusk::trie
