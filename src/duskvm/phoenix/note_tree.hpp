// The tree of Phoenix notes: 4-ary, depth 17 (room for 4^17 ~ 1.7e10 notes), Poseidon
// Merkle4 nodes (poseidon/hash.hpp), notes appended left to right at positions 0, 1, ....
// A leaf is a note's hash (note.hpp); an empty subtree counts as 0 and a node over at
// least one note is merkle4 of its four children, so a tree of n notes costs what n notes
// touch, and appending hashes one path (17 nodes).
//
// An opening proves a leaf's position under a root: for each level, bottom up, the four
// children of the node on the path (the path's own among them, at the position's base-4
// digit). The transaction circuit checks the same relation inside the proof.
//
//   NoteTree tree; u64 pos = *tree.append(note.hash());
//   auto o = tree.open(pos);  NoteTree::verify(*o, leaf, tree.root());
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "crypto/bls12_381/fr.hpp"

namespace dusk::duskvm::phoenix {

class NoteTree {
 public:
  using Fr = crypto::bls12_381::Fr;
  static constexpr unsigned kDepth = 17;
  static constexpr unsigned kArity = 4;
  static constexpr u64 kCapacity = u64{1} << (2 * kDepth);

  struct Opening {
    u64 position = 0;
    std::array<std::array<Fr, kArity>, kDepth> levels{};  // levels[0]: the leaf's siblings group
  };

  // The tree of `leaves` (at positions 0, 1, ...), built level by level: about n / 3
  // node hashes where appending them one by one costs 17 n. nullopt above capacity.
  static std::optional<NoteTree> from_leaves(std::vector<Fr> leaves);

  u64 size() const { return levels_[0].size(); }
  // nullopt when the tree is full.
  std::optional<u64> append(const Fr& leaf);
  // Drops the leaves from position `size` on, as if they had never been appended (a
  // block's notes, when the block is dropped). Nothing happens when size >= size().
  void truncate(u64 size);
  Fr root() const;
  std::optional<Fr> leaf(u64 position) const;
  std::optional<Opening> open(u64 position) const;

  // The root an opening leads to from `leaf` (the opening's own leaf entry is ignored:
  // `leaf` takes its place).
  static Fr root_of(const Opening& opening, const Fr& leaf);
  static bool verify(const Opening& opening, const Fr& leaf, const Fr& root) {
    return root_of(opening, leaf) == root;
  }

 private:
  Fr node(unsigned height, u64 index) const;  // 0 past the end of its level
  Fr hash_children(unsigned height, u64 index) const;  // node (height, index) from its children
  std::array<std::vector<Fr>, kDepth + 1> levels_;  // levels_[0]: leaves; [kDepth]: the root
};

}  // namespace dusk::duskvm::phoenix
