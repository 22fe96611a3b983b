// The state in the database (src/duskevm/db_state_backend.hpp) and a State reading it
// lazily: random blocks of journaled changes (balances, nonces, slots set and zeroed,
// code, SELFDESTRUCT, EIP-161 clearing, reverted frames) applied both to an in-memory
// State, the reference, and to a State over the backend, block after block; roots,
// reads during the block, flat records, recorded roots and old states through the
// tries, across reopening the database. Also: a block reads only what it touches, and
// a failing backend is reported.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "crypto/hash/keccak.hpp"
#include "duskevm/db_state_backend.hpp"
#include "duskevm/state.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("dusk-evm-state-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<storage::Database> open_db(const fs::path& p) {
  auto db = storage::Database::open({.path = p.string(), .column_families = DbStateBackend::families()});
  EXPECT_TRUE(db.ok()) << db.error().message;
  return db.ok() ? std::move(db).value() : nullptr;
}

Hash256 write_block(storage::Database& db, const DbStateBackend& backend, State& s, u64 height) {
  EXPECT_FALSE(s.backend_failure());
  storage::WriteBatch batch;
  auto root = backend.apply(s.take_changes(), height, batch);
  EXPECT_TRUE(root.ok()) << root.error().message;
  EXPECT_TRUE(db.write(batch).ok());
  return root.ok() ? *root : Hash256{};
}

Address addr(u64 i) {
  Address a{};
  a[0] = 0xaa;
  a[19] = static_cast<u8>(i);
  a[18] = static_cast<u8>(i >> 8);
  return a;
}

// `b`'s view of every account and slot of `want` (and absence of every other address
// in the pool) equals `want`'s.
void expect_same_state(const StateBackend& b, const State& want, size_t pool, size_t keys, const std::string& where) {
  for (size_t i = 0; i < pool; ++i) {
    const Address a = addr(i);
    auto got = b.account(a);
    ASSERT_TRUE(got.ok()) << where << ": " << got.error().message;
    const Account* w = want.find(a);
    ASSERT_EQ(got->has_value(), w != nullptr) << where << " account " << i;
    if (!w) continue;
    EXPECT_EQ((*got)->nonce, w->nonce) << where;
    EXPECT_EQ((*got)->balance, w->balance) << where;
    EXPECT_EQ((*got)->code_hash, w->code_hash) << where;
    EXPECT_EQ(*(*got)->code, *w->code) << where;
    EXPECT_EQ((*got)->storage_root, storage_root(*w)) << where;
    for (size_t k = 0; k < keys; ++k) {
      auto v = b.slot(a, Uint256{k});
      ASSERT_TRUE(v.ok()) << where;
      EXPECT_EQ(*v, want.storage(a, Uint256{k})) << where << " account " << i << " slot " << k;
    }
  }
}

// Random transactions of journaled changes, applied to both states; the backed state's
// reads must equal the reference's at every step.
class Blocks {
 public:
  static constexpr size_t kPool = 24, kKeys = 6;
  Blocks(State& mem, State& st, std::mt19937_64& rng) : mem_(mem), st_(st), rng_(rng) {}

  void transaction() {
    mem_.begin_transaction();
    st_.begin_transaction();
    const size_t mark = mem_.checkpoint();
    ASSERT_EQ(st_.checkpoint(), mark);
    const int ops = 1 + static_cast<int>(rng_() % 6);
    for (int i = 0; i < ops; ++i) op();
    if (rng_() % 5 == 0) {  // a frame that reverts
      const size_t inner = mem_.checkpoint();
      ASSERT_EQ(st_.checkpoint(), inner);
      for (int i = 0; i < 3; ++i) op();
      mem_.revert_to(inner);
      st_.revert_to(inner);
    }
    mem_.finalize_transaction();
    st_.finalize_transaction();
    for (size_t i = 0; i < kPool; ++i) check_reads(addr(i));
  }

 private:
  void check_reads(const Address& a) {
    ASSERT_EQ(mem_.exists(a), st_.exists(a)) << address_hex(a);
    EXPECT_EQ(mem_.balance(a), st_.balance(a));
    if (const Account* m = mem_.find(a)) {
      EXPECT_EQ(m->nonce, st_.find(a)->nonce);
      EXPECT_EQ(m->code_hash, st_.find(a)->code_hash);
    }
    for (size_t k = 0; k < kKeys; ++k) EXPECT_EQ(mem_.storage(a, Uint256{k}), st_.storage(a, Uint256{k}));
  }

  void op() {
    const Address a = addr(rng_() % kPool);
    switch (rng_() % 9) {
      case 0:
      case 1: {
        const Uint256 v{rng_() % 1000};
        mem_.set_balance(a, v);
        st_.set_balance(a, v);
        break;
      }
      case 2: {
        const u64 n = rng_() % 5;
        mem_.set_nonce(a, n);
        st_.set_nonce(a, n);
        break;
      }
      case 3:
      case 4:
      case 5: {
        const Uint256 k{rng_() % kKeys};
        const Uint256 v{rng_() % 3 == 0 ? 0 : 1 + rng_() % 100000};
        // SSTORE's view: the slot with its original value, then the write.
        EXPECT_EQ(mem_.slot(a, k).original, st_.slot(a, k).original);
        mem_.set_storage(a, k, v);
        st_.set_storage(a, k, v);
        if (mem_.find(a)->nonce == 0) {  // keep accounts with storage from being "empty"
          mem_.set_nonce(a, 1);
          st_.set_nonce(a, 1);
        }
        break;
      }
      case 6: {
        Bytes code(1 + rng_() % 50, static_cast<u8>(rng_()));
        mem_.set_code(a, code);
        st_.set_code(a, code);
        break;
      }
      case 7:  // SELFDESTRUCT: deleted at the end of the transaction
        if (mem_.exists(a)) {
          mem_.mark_destructed(a);
          st_.mark_destructed(a);
        }
        break;
      case 8:  // EIP-161: a touched empty account is deleted
        mem_.touch(a);
        st_.touch(a);
        break;
    }
  }

  State& mem_;
  State& st_;
  std::mt19937_64& rng_;
};

TEST(DbStateBackend, RandomBlocksMatchTheInMemoryState) {
  TempDir dir;
  std::mt19937_64 rng(99);
  State mem;
  std::vector<State> history;  // the reference after each block
  std::vector<Hash256> roots;
  constexpr u64 kBlocks = 30;
  {
    auto db = open_db(dir.path);
    ASSERT_NE(db, nullptr);
    DbStateBackend backend(*db);
    EXPECT_EQ(*backend.root(), trie::kEmptyTrieRoot);
    for (u64 h = 0; h < kBlocks; ++h) {
      State st;
      st.set_backend(&backend);
      Blocks blocks(mem, st, rng);
      const int txs = 1 + static_cast<int>(rng() % 8);
      for (int t = 0; t < txs; ++t) {
        blocks.transaction();
        if (::testing::Test::HasFatalFailure()) return;
      }
      const Hash256 root = write_block(*db, backend, st, h);
      ASSERT_EQ(root, mem.root()) << "block " << h;
      EXPECT_EQ(*backend.root(), root);
      EXPECT_TRUE(st.accounts().empty());  // the block's cache is gone
      expect_same_state(backend, mem, Blocks::kPool, Blocks::kKeys, "block " + std::to_string(h));
      history.push_back(mem);
      roots.push_back(root);
    }
  }
  // Reopened: the head, every recorded root, and every block's state through the tries.
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbStateBackend backend(*db);
  EXPECT_EQ(*backend.root(), roots.back());
  expect_same_state(backend, mem, Blocks::kPool, Blocks::kKeys, "reopened");
  for (u64 h = 0; h < kBlocks; ++h) {
    ASSERT_EQ(**backend.root_at(h), roots[h]);
    const auto old = backend.at(roots[h]);
    expect_same_state(*old, history[h], Blocks::kPool, Blocks::kKeys, "at " + std::to_string(h));
    // A query at that height: a State reading the old root (an eth_call's view).
    State query;
    query.set_backend(old.get());
    for (size_t i = 0; i < Blocks::kPool; ++i) {
      const Address a = addr(i);
      ASSERT_EQ(query.exists(a), history[h].exists(a)) << "height " << h;
      EXPECT_EQ(query.balance(a), history[h].balance(a));
      for (size_t k = 0; k < Blocks::kKeys; ++k) EXPECT_EQ(query.storage(a, Uint256{k}), history[h].storage(a, Uint256{k}));
    }
    EXPECT_FALSE(query.backend_failure());
  }
  EXPECT_FALSE(backend.root_at(kBlocks)->has_value());
}

// Every flat record of the state (accounts, slots, code, recorded roots): what an undo
// must restore exactly (trie nodes are never deleted, so they are left out).
std::map<std::string, std::map<Bytes, Bytes>> flat_records(const storage::Database& db) {
  std::map<std::string, std::map<Bytes, Bytes>> out;
  for (const char* f : {"evm_accounts", "evm_storage", "evm_code", "evm_roots"}) {
    auto& m = out[f];
    EXPECT_TRUE(db.scan(db.family(f), ByteView{}, [&](ByteView k, ByteView v) {
                    m.emplace(Bytes(k.begin(), k.end()), Bytes(v.begin(), v.end()));
                    return true;
                  }).ok());
  }
  return out;
}

// Random blocks (SELFDESTRUCT and EIP-161 deletions, recreated accounts, zeroed slots,
// new code), each with its undo (undo_of, through its encoding); then undone, a few
// blocks in one batch and the rest one at a time: every flat record and the root are
// as they were before each undone block.
TEST(DbStateBackend, UndoRestoresTheFlatRecordsExactly) {
  TempDir dir;
  std::mt19937_64 rng(2024);
  State mem;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbStateBackend backend(*db);
  constexpr u64 kBlocks = 25;
  std::vector<std::map<std::string, std::map<Bytes, Bytes>>> before;  // before block h
  std::vector<Hash256> roots_before;
  std::vector<Bytes> undos;
  for (u64 h = 0; h < kBlocks; ++h) {
    before.push_back(flat_records(*db));
    roots_before.push_back(*backend.root());
    // Before the first block the head is absent, which reads as the empty root; an
    // undo writes it.
    before.back()["evm_roots"].emplace(Bytes{'h', 'e', 'a', 'd'},
                                       Bytes(trie::kEmptyTrieRoot.begin(), trie::kEmptyTrieRoot.end()));
    State st;
    st.set_backend(&backend);
    Blocks blocks(mem, st, rng);
    for (int t = 1 + static_cast<int>(rng() % 8); t > 0; --t) {
      blocks.transaction();
      if (::testing::Test::HasFatalFailure()) return;
    }
    StateChanges changes = st.take_changes();
    auto undo = backend.undo_of(changes);
    ASSERT_TRUE(undo.ok()) << undo.error().message;
    EXPECT_EQ(undo->root, roots_before.back());
    undos.push_back(encode_state_undo(*undo));
    storage::WriteBatch batch;
    ASSERT_TRUE(backend.apply(changes, h, batch).ok());
    ASSERT_TRUE(db->write(batch).ok());
  }
  // The last four blocks in one batch, newest first.
  storage::WriteBatch batch;
  for (u64 h = kBlocks; h-- > kBlocks - 4;) backend.revert(*decode_state_undo(undos[h]), h, batch);
  ASSERT_TRUE(db->write(batch).ok());
  ASSERT_EQ(flat_records(*db), before[kBlocks - 4]);
  EXPECT_EQ(*backend.root(), roots_before[kBlocks - 4]);
  for (u64 h = kBlocks - 4; h-- > 0;) {
    storage::WriteBatch one;
    backend.revert(*decode_state_undo(undos[h]), h, one);
    ASSERT_TRUE(db->write(one).ok());
    ASSERT_EQ(flat_records(*db), before[h]) << "undoing block " << h;
    EXPECT_EQ(*backend.root(), roots_before[h]);
  }
  EXPECT_EQ(*backend.root(), trie::kEmptyTrieRoot);
}

// A backend that counts its reads.
class CountingBackend final : public StateBackend {
 public:
  explicit CountingBackend(const StateBackend& inner) : inner_(inner) {}
  Result<std::optional<StoredAccount>> account(const Address& a) const override {
    ++accounts;
    return inner_.account(a);
  }
  Result<Uint256> slot(const Address& a, const Uint256& key) const override {
    ++slots;
    return inner_.slot(a, key);
  }
  mutable size_t accounts = 0, slots = 0;

 private:
  const StateBackend& inner_;
};

// With 2,000 accounts of 10 slots each stored, a block that moves a balance and writes
// one slot reads two accounts and one slot, and writes a batch the size of its change,
// not of the state.
TEST(DbStateBackend, ABlockLoadsOnlyWhatItTouches) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbStateBackend backend(*db);
  State mem;
  {
    State genesis;
    genesis.set_backend(&backend);
    for (u64 i = 0; i < 2000; ++i) {
      Account acc;
      acc.nonce = 1;
      acc.balance = Uint256{1000 + i};
      for (u64 k = 0; k < 10; ++k) acc.storage[Uint256{k}] = {Uint256{i * 100 + k + 1}, Uint256{i * 100 + k + 1}};
      mem.put(addr(i), acc);
      genesis.put(addr(i), acc);
    }
    ASSERT_EQ(write_block(*db, backend, genesis, 0), mem.root());
  }
  CountingBackend counting(backend);
  State st;
  st.set_backend(&counting);
  for (State* s : {&mem, &st}) {
    s->begin_transaction();
    s->set_balance(addr(7), s->balance(addr(7)) - Uint256{5});
    s->set_balance(addr(1234), s->balance(addr(1234)) + Uint256{5});
    s->set_storage(addr(1234), Uint256{3}, Uint256{42});
    s->finalize_transaction();
  }
  EXPECT_EQ(counting.accounts, 2u);
  EXPECT_EQ(counting.slots, 1u);
  storage::WriteBatch batch;
  auto changes = st.take_changes();
  ASSERT_EQ(changes.accounts.size(), 2u);
  EXPECT_EQ(changes.accounts[1].slots.size(), 1u);
  auto root = backend.apply(changes, 1, batch);
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ(*root, mem.root());
  // Two account records, one slot, the new nodes of two short trie paths, two roots.
  EXPECT_LT(batch.count(), 30u);
  ASSERT_TRUE(db->write(batch).ok());
  EXPECT_EQ(*backend.slot(addr(1234), Uint256{3}), Uint256{42});
}

// Deleted during a block, an account's stored record and slots never show through for
// the rest of that block, even when it is created again; and the next block sees the
// new account without the old slots.
TEST(DbStateBackend, ADeletedAccountStaysDeletedForTheBlock) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbStateBackend backend(*db);
  const Address a = addr(1);
  {
    State genesis;
    genesis.set_backend(&backend);
    Account acc;
    acc.balance = Uint256{9};
    acc.storage[Uint256{1}] = {Uint256{11}, Uint256{11}};
    acc.storage[Uint256{2}] = {Uint256{22}, Uint256{22}};
    genesis.put(a, acc);
    write_block(*db, backend, genesis, 0);
  }
  State st;
  st.set_backend(&backend);
  st.begin_transaction();
  EXPECT_EQ(st.storage(a, Uint256{1}), Uint256{11});  // loaded, then destroyed
  st.mark_destructed(a);
  st.finalize_transaction();
  EXPECT_FALSE(st.exists(a));
  EXPECT_TRUE(st.storage(a, Uint256{2}).is_zero());
  st.begin_transaction();
  st.set_balance(a, Uint256{5});  // created again
  EXPECT_TRUE(st.storage(a, Uint256{2}).is_zero());
  EXPECT_TRUE(st.slot(a, Uint256{1}).original.is_zero());
  st.set_storage(a, Uint256{3}, Uint256{33});
  st.finalize_transaction();
  const Hash256 root = write_block(*db, backend, st, 1);

  State mem;
  Account fresh;
  fresh.balance = Uint256{5};
  fresh.storage[Uint256{3}] = {Uint256{33}, Uint256{33}};
  mem.put(a, fresh);
  EXPECT_EQ(root, mem.root());
  EXPECT_EQ(*backend.slot(a, Uint256{1}), Uint256{});
  EXPECT_EQ(*backend.slot(a, Uint256{2}), Uint256{});
  EXPECT_EQ(*backend.slot(a, Uint256{3}), Uint256{33});
  EXPECT_EQ((*backend.account(a))->balance, Uint256{5});
}

// A backend whose reads fail: the State reads zeros and reports the first failure
// until take_changes.
class FailingBackend final : public StateBackend {
 public:
  Result<std::optional<StoredAccount>> account(const Address&) const override { return Error("disk on fire"); }
  Result<Uint256> slot(const Address&, const Uint256&) const override { return Error("disk on fire"); }
};

TEST(DbStateBackend, FailingReadsAreReported) {
  FailingBackend failing;
  State st;
  st.set_backend(&failing);
  EXPECT_FALSE(st.backend_failure());
  EXPECT_FALSE(st.exists(addr(3)));
  ASSERT_TRUE(st.backend_failure());
  EXPECT_EQ(st.backend_failure()->message, "disk on fire");
  st.take_changes();
  EXPECT_FALSE(st.backend_failure());
}

// Stored records that do not decode are failures, not values.
TEST(DbStateBackend, GarbledRecordsAreErrors) {
  TempDir dir;
  auto db = open_db(dir.path);
  ASSERT_NE(db, nullptr);
  DbStateBackend backend(*db);
  storage::WriteBatch batch;
  const Address a = addr(4);
  batch.put(db->family("evm_accounts"), a, Bytes{0xc1, 0x80});
  Bytes slot_key(a.begin(), a.end());
  slot_key.resize(52, 0);
  batch.put(db->family("evm_storage"), slot_key, Bytes{0x00});  // not canonical RLP of a number
  ASSERT_TRUE(db->write(batch).ok());
  EXPECT_FALSE(backend.account(a).ok());
  EXPECT_FALSE(backend.slot(a, Uint256{0}).ok());
  State st;
  st.set_backend(&backend);
  EXPECT_FALSE(st.exists(a));
  EXPECT_TRUE(st.backend_failure());
}

}  // namespace
}  // namespace dusk::evm
