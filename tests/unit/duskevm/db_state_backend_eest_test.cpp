// The execution-spec-tests state tests run through the database backend: each case's
// pre-state is written as block 0 by a State with a DbStateBackend, its transaction runs
// as block 1 in a fresh State that loads only what it touches, and the change set is
// applied to the tries. Checked for every case of the selected directories: the roots
// equal the in-memory State's (and so Ethereum's, which evm_state_tests checks), the
// flat records hold the in-memory post-state account by account and slot by slot, and
// block 0's state still reads through the tries at its root.
//
// DUSK_EEST_DIRS (colon-separated, under the extracted state_tests) overrides the
// selection; "." runs every fixture (about four minutes).
#include <pthread.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dusk-evm/state_test.hpp"
#include "duskevm/db_state_backend.hpp"
#include "duskevm/transition.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;

const char* const kDefaultDirs =
    "cancun/eip6780_selfdestruct:prague/eip7702_set_code_tx:static/state_tests/stSystemOperationsTest:"
    "static/state_tests/stCreate2:static/state_tests/stSStoreTest:static/state_tests/stEIP158Specific:"
    "static/state_tests/stRefundTest:static/state_tests/stRevertTest";

struct Db {
  fs::path path;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<DbStateBackend> backend;
  Db() { path = fs::temp_directory_path() / ("dusk-evm-eest-" + std::to_string(getpid())); }
  ~Db() { close(); }
  void close() {
    backend.reset();
    db.reset();
    fs::remove_all(path);
  }
  // An empty database for the next case: every key deleted, and every 100 cases a new
  // database (deleted keys stay as tombstones that each later scan walks over; opening a
  // database for every case costs more).
  void clear() {
    if (db && ++uses_ % 100 != 0) {
      storage::WriteBatch batch;
      for (const auto& name : DbStateBackend::families()) {
        const auto& f = db->family(name);
        auto r = db->scan(f, {}, [&](ByteView key, ByteView) {
          batch.del(f, key);
          return true;
        });
        ASSERT_TRUE(r.ok());
      }
      ASSERT_TRUE(db->write(batch).ok());
      return;
    }
    close();
    auto opened = storage::Database::open({.path = path.string(), .column_families = DbStateBackend::families(),
                                           .sync = false});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db = std::move(opened).value();
    backend = std::make_unique<DbStateBackend>(*db);
  }
  size_t uses_ = 0;
  Hash256 apply(State& s, u64 height) {
    storage::WriteBatch batch;
    auto root = backend->apply(s.take_changes(), height, batch);
    EXPECT_TRUE(root.ok()) << root.error().message;
    EXPECT_TRUE(db->write(batch).ok());
    return root.ok() ? *root : Hash256{};
  }
};

// The backend's account and slots at `a` equal `want` (nullptr: no account), for the
// slot keys of `want` and of `also`.
void expect_account(const StateBackend& b, const Address& a, const Account* want, const Account* also,
                    const std::string& where) {
  auto got = b.account(a);
  ASSERT_TRUE(got.ok()) << where << ": " << got.error().message;
  if (!want) {
    EXPECT_FALSE(got->has_value()) << where << ": " << address_hex(a) << " should be absent";
    return;
  }
  ASSERT_TRUE(got->has_value()) << where << ": " << address_hex(a) << " is missing";
  EXPECT_EQ((*got)->nonce, want->nonce) << where;
  EXPECT_EQ((*got)->balance, want->balance) << where;
  EXPECT_EQ((*got)->code_hash, want->code_hash) << where;
  EXPECT_EQ(*(*got)->code, *want->code) << where;
  EXPECT_EQ((*got)->storage_root, storage_root(*want)) << where;
  auto check_slots = [&](const Account& keys) {
    for (const auto& [k, s] : keys.storage) {
      auto slot = b.slot(a, k);
      ASSERT_TRUE(slot.ok()) << where << ": " << slot.error().message;
      const auto w = want->storage.find(k);
      EXPECT_EQ(*slot, w == want->storage.end() ? Uint256{} : w->second.current)
          << where << ": " << address_hex(a) << " slot " << k.to_hex();
    }
  };
  check_slots(*want);
  if (also) check_slots(*also);
}

// Runs `body` on a thread with a 256 MiB stack, as dusk-evm does: the EVM recurses once
// per call depth (up to 1024), about 10 KiB a level under the sanitizers.
void on_big_stack(const std::function<void()>& body) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto entry = [](void* p) -> void* {
    (*static_cast<const std::function<void()>*>(p))();
    return nullptr;
  };
  const int rc = pthread_create(&thread, &attr, entry, const_cast<std::function<void()>*>(&body));
  pthread_attr_destroy(&attr);
  ASSERT_EQ(rc, 0) << "no thread for the cases";
  pthread_join(thread, nullptr);
}

void run_cases();

TEST(DbStateBackendEest, CasesRunThroughTheDatabase) { on_big_stack(run_cases); }

void run_cases() {
  const fs::path base = DUSK_EEST_STATE_TESTS;
  ASSERT_TRUE(fs::is_directory(base)) << base << " (built by the eest_state_tests target)";
  const char* env_dirs = std::getenv("DUSK_EEST_DIRS");
  std::stringstream dirs(env_dirs ? env_dirs : kDefaultDirs);
  std::vector<fs::path> files;
  for (std::string d; std::getline(dirs, d, ':');) {
    ASSERT_TRUE(fs::is_directory(base / d)) << d;
    for (const auto& e : fs::recursive_directory_iterator(base / d))
      if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Db db;
  CodeCache cache;
  size_t cases = 0, matching_ethereum = 0;
  for (const auto& file : files) {
    std::ifstream in(file);
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) continue;
    auto tests = evm_cli::load_state_tests(doc);
    if (!tests.ok()) continue;  // the statetest runner reports files it cannot load
    for (const auto& test : *tests) {
      for (const auto& post : test.posts) {
        if (post.fork != Fork::kCancun && post.fork != Fork::kPrague) continue;
        const auto tx = test.tx_for(post);
        if (!tx.ok()) continue;
        const std::string where = file.filename().string() + " " + test.name + " d" + std::to_string(post.data) +
                                  " g" + std::to_string(post.gas) + " v" + std::to_string(post.value);
        BlockEnv env = test.env;
        auto bs = test.blob_schedules.find(post.fork);
        env.blobs = bs != test.blob_schedules.end() ? bs->second : default_blob_schedule(post.fork);

        // In memory, the reference.
        State mem = test.pre;
        const bool valid = apply_transaction(mem, env, *tx, post.fork, cache).ok();
        const Hash256 want = mem.root();

        db.clear();
        ASSERT_NE(db.db, nullptr);
        State genesis;
        genesis.set_backend(db.backend.get());
        for (const auto& [a, acc] : test.pre.accounts()) genesis.put(a, acc);
        const Hash256 root0 = db.apply(genesis, 0);
        ASSERT_EQ(root0, test.pre.root()) << where;

        State block;
        block.set_backend(db.backend.get());
        EXPECT_EQ(apply_transaction(block, env, *tx, post.fork, cache).ok(), valid) << where;
        ASSERT_FALSE(block.backend_failure()) << where << ": " << block.backend_failure()->message;
        const Hash256 root1 = db.apply(block, 1);
        ASSERT_EQ(root1, want) << where;
        EXPECT_EQ(*db.backend->root(), root1);
        ++cases;
        matching_ethereum += root1 == post.root;

        // The flat records are the in-memory post-state.
        for (const auto& [a, acc] : mem.accounts()) {
          const Account* pre = test.pre.find(a);
          expect_account(*db.backend, a, &acc, pre, where);
        }
        for (const auto& [a, acc] : test.pre.accounts())
          if (!mem.find(a)) expect_account(*db.backend, a, nullptr, nullptr, where);
        // Block 0's state, through the tries.
        ASSERT_EQ(**db.backend->root_at(0), root0);
        const auto old = db.backend->at(root0);
        for (const auto& [a, acc] : test.pre.accounts()) expect_account(*old, a, &acc, nullptr, where + " at 0");
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
  EXPECT_GT(cases, 1000u);
  // Nearly all agree with Ethereum too (the rest are evm_known_failures.txt's).
  EXPECT_GT(matching_ethereum * 100, cases * 99);
  std::cout << cases << " cases, " << matching_ethereum << " with Ethereum's root\n";
}

}  // namespace
}  // namespace dusk::evm
