// DuskVM's state (src/duskvm/runtime/state.hpp) and its store on disk (state_store.hpp).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "duskvm/runtime/state_store.hpp"

namespace dusk::vm {
namespace {

namespace fs = std::filesystem;

Bytes page_of(u8 fill) { return Bytes(kPageBytes, fill); }
Hash256 hash_of(const Bytes& page) { return *page_hash(page); }

struct TempDir {
  fs::path path = fs::temp_directory_path() /
                  ("dusk-vmstate-" + std::to_string(getpid()) + "-" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { fs::remove_all(path); }
  ~TempDir() { fs::remove_all(path); }
};

// Two contracts; the first with pages 0 and 3 written, the second sharing page 3's bytes.
StateStore::NewCommit sample() {
  StateStore::NewCommit c;
  const Bytes code_a = {0, 'a', 's', 'm', 1}, code_b = {0, 'a', 's', 'm', 2};
  const Hash256 ha = hash_of(page_of(1)), hb = hash_of(page_of(2));
  PageTable ta(4), tb(2);
  const std::vector<PageTable::Change> a = {{0, ha}, {3, hb}}, b = {{1, hb}};
  c.groups = ta.update(a);
  for (auto& g : tb.update(b)) c.groups.push_back(g);
  c.page_tables = {ta, tb};
  c.pages = {{ha, page_of(1)}, {hb, page_of(2)}};
  Hash256 code_hash_a{}, code_hash_b{};
  code_hash_a[0] = 0xa;
  code_hash_b[0] = 0xb;
  c.code = {{code_hash_a, code_a}, {code_hash_b, code_b}};
  c.contracts[contract_id(code_a, 0, Bytes{7})] = ContractState{code_hash_a, Bytes{7}, 4, ta.root()};
  c.contracts[contract_id(code_b, 0, Bytes{8, 9})] = ContractState{code_hash_b, Bytes{8, 9}, 2, tb.root()};
  return c;
}

TEST(VmState, EncodingsRoundTripAndRejectDamage) {
  const auto c = sample();
  const Bytes tables = encode(c.contracts);
  EXPECT_EQ(decode_contract_table(tables), std::optional<ContractTable>(c.contracts));
  for (size_t cut = 0; cut < tables.size(); cut += 7)
    EXPECT_FALSE(decode_contract_table(ByteView(tables).first(cut))) << cut;
  Bytes longer = tables;
  longer.push_back(0);
  EXPECT_FALSE(decode_contract_table(longer));
}

TEST(VmState, RootsFollowTheDefinition) {
  EXPECT_EQ(page_hash(page_of(0)), std::nullopt);
  EXPECT_EQ(PageTable{}.root(), Hash256{});
  EXPECT_EQ(state_root({}), Hash256{});
  const Hash256 root = state_root(sample().contracts);
  // Any field of a contract changes the root: code, owner, size, memory.
  for (int field = 0; field < 4; ++field) {
    ContractTable t = sample().contracts;
    ContractState& x = t.begin()->second;
    if (field == 0) x.code_hash[1] ^= 1;
    if (field == 1) x.owner.push_back(0);
    if (field == 2) x.memory_pages += 1;
    if (field == 3) x.memory_root[2] ^= 1;
    EXPECT_NE(state_root(t), root) << field;
  }
}

TEST(VmStateStore, ACommitPersistsAndReadsBack) {
  TempDir dir;
  const auto c = sample();
  Hash256 root;
  {
    auto store = StateStore::open(dir.path.string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto w = (*store)->write(c);
    ASSERT_TRUE(w.ok()) << w.error().message;
    root = *w;
    EXPECT_EQ(root, state_root(c.contracts));
  }
  auto store = StateStore::open(dir.path.string());
  ASSERT_TRUE(store.ok());
  auto contracts = (*store)->contracts(root);
  ASSERT_TRUE(contracts.ok()) << contracts.error().message;
  EXPECT_EQ(*contracts, c.contracts);
  for (const auto& [id, state] : *contracts) {
    auto pt = (*store)->page_table(state.memory_root, state.memory_pages);
    ASSERT_TRUE(pt.ok()) << pt.error().message;
    EXPECT_EQ(pt->root(), state.memory_root);
    EXPECT_EQ(*pt, c.page_tables[state.memory_pages == 4 ? 0 : 1]);
    pt->for_each([&](u32, const Hash256& hash) {
      auto page = (*store)->page(hash);
      ASSERT_TRUE(page.ok());
      EXPECT_EQ(*page_hash(*page), hash);
    });
    EXPECT_TRUE((*store)->code(state.code_hash).ok());
  }
  EXPECT_TRUE((*store)->has_commit(Hash256{}));
  EXPECT_TRUE((*store)->contracts(Hash256{})->empty());
}

TEST(VmStateStore, UnknownAndForgottenCommitsAreClearErrors) {
  TempDir dir;
  auto store = StateStore::open(dir.path.string());
  ASSERT_TRUE(store.ok());
  const auto root = (*store)->write(sample());
  ASSERT_TRUE(root.ok());
  Hash256 other = *root;
  other[0] ^= 1;
  auto missing = (*store)->contracts(other);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("is not in the store"), std::string::npos) << missing.error().message;
  ASSERT_TRUE((*store)->forget(*root).ok());
  EXPECT_FALSE((*store)->has_commit(*root));
  EXPECT_FALSE((*store)->contracts(*root).ok());
  // The pages stay for other commits that share them.
  EXPECT_TRUE((*store)->page(hash_of(page_of(2))).ok());
}

}  // namespace
}  // namespace dusk::vm
