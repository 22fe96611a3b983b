// DuskVM's state (src/duskvm/runtime/state.hpp) and its store on disk (state_store.hpp).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

#include "duskvm/runtime/state_store.hpp"
#include "store_census.hpp"

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
  EXPECT_TRUE((*store)->forget(*root).ok());  // already forgotten
  // It was the only commit: nothing it named is left.
  EXPECT_FALSE((*store)->page(hash_of(page_of(2))).ok());
  const auto u = (*store)->usage();
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->commits + u->code + u->memories + u->groups + u->pages, 0u);
}

TEST(VmStateStore, SharedItemsStayUntilTheLastCommitNamingThemGoes) {
  TempDir dir;
  auto store = StateStore::open(dir.path.string());
  ASSERT_TRUE(store.ok());
  // Commit A: the sample. Commit B: the same, with the second contract's memory changed
  // (page 1 now holds page_of(3)): B shares A's code, the first memory and page 2's bytes.
  const auto a = (*store)->write(sample());
  ASSERT_TRUE(a.ok());
  StateStore::NewCommit b = sample();
  const Hash256 h3 = hash_of(page_of(3));
  PageTable changed = b.page_tables[1];
  const std::vector<PageTable::Change> change = {{1, h3}};
  b.groups = changed.update(change);
  b.pages = {{h3, page_of(3)}};
  b.code.clear();  // the store holds it: A names it
  b.base = *a;
  b.page_tables = {changed};
  for (auto& [id, state] : b.contracts)
    if (state.memory_pages == 2) state.memory_root = changed.root();
  const auto broot = (*store)->write(b, true);
  ASSERT_TRUE(broot.ok()) << broot.error().message;
  test::expect_no_leak(**store, "A and B");
  // The head and the final commit cannot be forgotten.
  EXPECT_FALSE((*store)->forget(*broot).ok());
  ASSERT_TRUE((*store)->finalize(*a).ok());
  EXPECT_EQ(*(*store)->finalized(), *a);
  EXPECT_FALSE((*store)->forget(*a).ok());
  Hash256 unknown = *a;
  unknown[5] ^= 1;
  EXPECT_FALSE((*store)->finalize(unknown).ok());
  ASSERT_TRUE((*store)->finalize(*broot).ok());
  // Forgetting A deletes only what B does not name.
  ASSERT_TRUE((*store)->forget(*a).ok());
  test::expect_no_leak(**store, "B alone");
  EXPECT_TRUE((*store)->page(hash_of(page_of(2))).ok());  // B's first contract still has it
  EXPECT_TRUE((*store)->page(h3).ok());
  const auto u = (*store)->usage();
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->commits, 1u);
  EXPECT_EQ(u->pages, 3u);  // page_of(1), page_of(2), page_of(3)
  EXPECT_EQ(u->code, 2u);
}

TEST(VmStateStore, InASharedDatabaseACommitJoinsTheCallersBatch) {
  TempDir dir;
  // A node's database: the VM's families under a prefix, and one of the node's own.
  auto families = StateStore::column_families("vm.");
  families.push_back("node");
  auto db = storage::Database::open(
      {.path = dir.path.string(), .column_families = families, .counter_families = StateStore::counter_families("vm.")});
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto store = StateStore::attach(**db, "vm.");
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto wrong = StateStore::attach(**db, "other.");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("other.code"), std::string::npos) << wrong.error().message;
  {
    // The reference counts must be a counter family.
    auto plain = storage::Database::open(
        {.path = (dir.path / "plain").string(), .column_families = StateStore::column_families("")});
    ASSERT_TRUE(plain.ok());
    auto refused = StateStore::attach(**plain, "");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("counter family"), std::string::npos) << refused.error().message;
  }

  storage::WriteBatch batch;
  StateStore::Changes changes(**store);
  auto root = changes.commit(sample(), true);
  ASSERT_TRUE(root.ok()) << root.error().message;
  ASSERT_TRUE(changes.finish(batch).ok());
  const Bytes tip = {'t', 'i', 'p'};
  batch.put((*db)->family("node"), tip, *root);
  // Staged is not written: the store still has the empty head and no commit.
  EXPECT_EQ(*(*store)->head(), Hash256{});
  EXPECT_FALSE((*store)->has_commit(*root));
  ASSERT_TRUE((*db)->write(batch).ok());
  EXPECT_EQ(*(*store)->head(), *root);
  EXPECT_TRUE((*store)->contracts(*root).ok());
  auto node_tip = (*db)->get((*db)->family("node"), tip);
  ASSERT_TRUE(node_tip.ok() && node_tip->has_value());
  EXPECT_EQ(**node_tip, Bytes(root->begin(), root->end()));
  test::expect_no_leak(**store, "shared database");
  // Finalizing through the caller's batch, likewise.
  storage::WriteBatch second;
  StateStore::Changes more(**store);
  ASSERT_TRUE(more.finalize(*root).ok());
  ASSERT_TRUE(more.finish(second).ok());
  ASSERT_TRUE((*db)->write(second).ok());
  EXPECT_EQ(*(*store)->finalized(), *root);
}

TEST(VmStateStore, AStoreOfAnotherLayoutIsRefused) {
  TempDir dir;
  const Bytes format = {'f', 'o', 'r', 'm', 'a', 't'}, other = {'x', ' ', '9'};
  {
    auto db = storage::Database::open({.path = dir.path.string(),
                                       .column_families = StateStore::column_families(""),
                                       .counter_families = StateStore::counter_families("")});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(StateStore::attach(**db, "").ok());  // a new store takes this layout
    storage::WriteBatch b;
    b.put((*db)->family("meta"), format, other);
    ASSERT_TRUE((*db)->write(b).ok());
  }
  auto store = StateStore::open(dir.path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("layout is 'x 9'"), std::string::npos) << store.error().message;
  {
    // No layout mark but commits: written before the mark existed.
    auto db = storage::Database::open({.path = dir.path.string(),
                                       .column_families = StateStore::column_families(""),
                                       .counter_families = StateStore::counter_families("")});
    ASSERT_TRUE(db.ok());
    storage::WriteBatch b;
    b.del((*db)->family("meta"), format);
    b.put((*db)->family("commits"), Bytes(32, 1), Bytes{0, 0, 0, 0});
    ASSERT_TRUE((*db)->write(b).ok());
  }
  store = StateStore::open(dir.path.string());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find("older layout"), std::string::npos) << store.error().message;
}

TEST(VmStateStore, ACommitNamingWhatNobodyHoldsIsRefusedWhole) {
  TempDir dir;
  auto store = StateStore::open(dir.path.string());
  ASSERT_TRUE(store.ok());
  StateStore::NewCommit c = sample();
  c.pages.pop_back();  // page_of(2) is named by both memories but given by no one
  const auto w = (*store)->write(c);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("neither it nor the store holds"), std::string::npos) << w.error().message;
  const auto u = (*store)->usage();
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->commits + u->code + u->memories + u->groups + u->pages, 0u);
}

}  // namespace
}  // namespace dusk::vm
