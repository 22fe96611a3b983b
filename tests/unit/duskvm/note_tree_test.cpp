// The Phoenix note tree (duskvm/phoenix/note_tree.hpp): roots recomputed here from the
// definition (empty subtrees 0, nodes merkle4 of their children) for small trees,
// openings verify at every position and fail for another leaf, position or root.
#include <gtest/gtest.h>

#include "crypto/poseidon/hash.hpp"
#include "duskvm/phoenix/note_tree.hpp"

namespace dusk::duskvm::phoenix {
namespace {

using Fr = NoteTree::Fr;

Fr leaf(u64 i) { return Fr::from_u64(i * 7919 + 1); }

// The root by the definition: each level hashed from the one below, 0 where no note is.
Fr reference_root(const std::vector<Fr>& leaves) {
  if (leaves.empty()) return Fr::zero();
  std::vector<Fr> level = leaves;
  for (unsigned h = 0; h < NoteTree::kDepth; ++h) {
    std::vector<Fr> up((level.size() + 3) / 4);
    for (size_t i = 0; i < up.size(); ++i) {
      std::array<Fr, 4> c{};
      for (size_t j = 0; j < 4; ++j) c[j] = 4 * i + j < level.size() ? level[4 * i + j] : Fr::zero();
      up[i] = crypto::poseidon::merkle4(c);
    }
    level = std::move(up);
  }
  return level[0];
}

TEST(NoteTree, RootsFollowTheDefinition) {
  NoteTree tree;
  EXPECT_EQ(tree.root(), Fr::zero());
  std::vector<Fr> leaves;
  for (u64 i = 0; i < 70; ++i) {
    leaves.push_back(leaf(i));
    auto pos = tree.append(leaves.back());
    ASSERT_TRUE(pos.has_value());
    EXPECT_EQ(*pos, i);
    if (i < 6 || i == 15 || i == 16 || i == 63 || i == 64 || i == 69) {
      EXPECT_EQ(tree.root(), reference_root(leaves)) << i + 1 << " notes";
    }
  }
  EXPECT_EQ(tree.size(), 70u);
  EXPECT_EQ(*tree.leaf(69), leaf(69));
  EXPECT_FALSE(tree.leaf(70).has_value());
}

TEST(NoteTree, OpeningsVerifyAndBind) {
  NoteTree tree;
  for (u64 i = 0; i < 37; ++i) (void)tree.append(leaf(i));
  const Fr root = tree.root();
  for (u64 pos = 0; pos < 37; ++pos) {
    auto o = tree.open(pos);
    ASSERT_TRUE(o.has_value());
    EXPECT_TRUE(NoteTree::verify(*o, leaf(pos), root)) << pos;
    EXPECT_FALSE(NoteTree::verify(*o, leaf(pos) + Fr::one(), root)) << pos;  // another leaf
    auto moved = *o;
    moved.position = pos ^ 1;  // another position, same siblings
    EXPECT_FALSE(NoteTree::verify(moved, leaf(pos), root)) << pos;
  }
  EXPECT_FALSE(tree.open(37).has_value());
  // An opening is for one root: after another append the old one no longer verifies.
  auto old = *tree.open(3);
  (void)tree.append(leaf(37));
  EXPECT_NE(tree.root(), root);
  EXPECT_FALSE(NoteTree::verify(old, leaf(3), tree.root()));
  EXPECT_TRUE(NoteTree::verify(*tree.open(3), leaf(3), tree.root()));
}

TEST(NoteTree, BuiltFromLeavesEqualsAppended) {
  for (u64 n : {0, 1, 4, 5, 16, 17, 65}) {
    std::vector<Fr> leaves;
    for (u64 i = 0; i < n; ++i) leaves.push_back(leaf(i));
    auto built = NoteTree::from_leaves(leaves);
    ASSERT_TRUE(built.has_value());
    EXPECT_EQ(built->size(), n);
    EXPECT_EQ(built->root(), reference_root(leaves)) << n << " notes";
    if (n != 0) {
      auto o = built->open(n - 1);
      ASSERT_TRUE(o.has_value());
      EXPECT_TRUE(NoteTree::verify(*o, leaf(n - 1), built->root()));
    }
  }
}

TEST(NoteTree, TruncatedTreesAreTheTreesOfTheirPrefix) {
  std::vector<Fr> leaves;
  for (u64 i = 0; i < 70; ++i) leaves.push_back(leaf(i));
  for (u64 keep : {69, 64, 63, 17, 16, 5, 1, 0}) {
    NoteTree tree = *NoteTree::from_leaves(leaves);
    tree.truncate(keep);
    const std::vector<Fr> prefix(leaves.begin(), leaves.begin() + static_cast<long>(keep));
    EXPECT_EQ(tree.size(), keep);
    EXPECT_EQ(tree.root(), reference_root(prefix)) << "kept " << keep;
    // It grows on as if the dropped leaves had never been there.
    ASSERT_TRUE(tree.append(leaf(1000)).has_value());
    std::vector<Fr> grown = prefix;
    grown.push_back(leaf(1000));
    EXPECT_EQ(tree.root(), reference_root(grown)) << "kept " << keep << ", then one more";
  }
  NoteTree tree = *NoteTree::from_leaves(leaves);
  const Fr root = tree.root();
  tree.truncate(70);  // nothing to drop
  tree.truncate(80);
  EXPECT_EQ(tree.root(), root);
}

}  // namespace
}  // namespace dusk::duskvm::phoenix
