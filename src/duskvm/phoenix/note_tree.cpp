#include "duskvm/phoenix/note_tree.hpp"

#include "crypto/poseidon/hash.hpp"

namespace dusk::duskvm::phoenix {

using Fr = NoteTree::Fr;

Fr NoteTree::node(unsigned height, u64 index) const {
  const auto& level = levels_[height];
  return index < level.size() ? level[index] : Fr::zero();
}

Fr NoteTree::hash_children(unsigned height, u64 index) const {
  const u64 first = index * kArity;
  return crypto::poseidon::merkle4({node(height - 1, first), node(height - 1, first + 1), node(height - 1, first + 2),
                                    node(height - 1, first + 3)});
}

std::optional<NoteTree> NoteTree::from_leaves(std::vector<Fr> leaves) {
  if (leaves.size() > kCapacity) return std::nullopt;
  NoteTree t;
  t.levels_[0] = std::move(leaves);
  for (unsigned h = 1; h <= kDepth; ++h) {
    const u64 count = (t.levels_[h - 1].size() + kArity - 1) / kArity;
    t.levels_[h].resize(count);
    for (u64 i = 0; i < count; ++i) t.levels_[h][i] = t.hash_children(h, i);
  }
  return t;
}

void NoteTree::truncate(u64 new_size) {
  if (new_size >= size()) return;
  levels_[0].resize(new_size);
  for (unsigned h = 1; h <= kDepth; ++h) {
    // Only the last node of each level has children that changed (the last one below).
    const u64 count = (levels_[h - 1].size() + kArity - 1) / kArity;
    levels_[h].resize(count);
    if (count != 0) levels_[h][count - 1] = hash_children(h, count - 1);
  }
}

std::optional<u64> NoteTree::append(const Fr& leaf) {
  const u64 position = size();
  if (position >= kCapacity) return std::nullopt;
  levels_[0].push_back(leaf);
  u64 index = position;
  for (unsigned h = 1; h <= kDepth; ++h) {
    index /= kArity;
    const Fr value = hash_children(h, index);
    auto& level = levels_[h];
    if (index < level.size())
      level[index] = value;
    else
      level.push_back(value);  // index == level.size(): notes only ever append
  }
  return position;
}

Fr NoteTree::root() const { return node(kDepth, 0); }

std::optional<Fr> NoteTree::leaf(u64 position) const {
  if (position >= size()) return std::nullopt;
  return levels_[0][position];
}

std::optional<NoteTree::Opening> NoteTree::open(u64 position) const {
  if (position >= size()) return std::nullopt;
  Opening o;
  o.position = position;
  u64 index = position;
  for (unsigned h = 0; h < kDepth; ++h) {
    const u64 first = (index / kArity) * kArity;
    for (unsigned c = 0; c < kArity; ++c) o.levels[h][c] = node(h, first + c);
    index /= kArity;
  }
  return o;
}

Fr NoteTree::root_of(const Opening& opening, const Fr& leaf) {
  Fr current = leaf;
  u64 index = opening.position;
  for (unsigned h = 0; h < kDepth; ++h) {
    std::array<Fr, kArity> children = opening.levels[h];
    children[index % kArity] = current;
    current = crypto::poseidon::merkle4(children);
    index /= kArity;
  }
  return current;
}

}  // namespace dusk::duskvm::phoenix
