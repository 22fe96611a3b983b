// DuskVM sessions (src/duskvm/runtime/session.hpp) on two test contracts
// (tests/unit/duskvm/contracts): deploy, calls, queries, atomic failure across nested
// calls, re-entrancy and the depth limit, gas, and persistence through commits.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>

#include "duskvm/runtime/host_functions.hpp"
#include "duskvm/runtime/page_proof.hpp"
#include "duskvm/runtime/session.hpp"
#include "store_census.hpp"

namespace dusk::vm {
namespace {

namespace fs = std::filesystem;

Bytes contract(const char* name) {
  std::ifstream in(std::string(DUSK_CONTRACTS_DIR) + "/" + name + ".wasm", std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Bytes u32_bytes(u32 v) {
  Bytes b(4);
  store_le<u32>(b.data(), v);
  return b;
}
u32 as_u32(const Bytes& b, size_t at = 0) { return b.size() >= at + 4 ? load_le<u32>(b.data() + at) : ~0u; }
i32 as_i32(const Bytes& b) { return static_cast<i32>(as_u32(b)); }

constexpr u64 kGas = 10'000'000;
const Bytes kOwner = {0xaa, 0xbb};

struct Fixture : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("dusk-session-" + std::to_string(getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::unique_ptr<StateStore> store;
  std::unique_ptr<Session> session;
  ContractId counter{}, caller{};

  void SetUp() override {
    fs::remove_all(dir);
    auto s = StateStore::open(dir.string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(s).value();
    open(Hash256{});
  }
  void TearDown() override {
    session.reset();
    store.reset();
    fs::remove_all(dir);
  }
  void open(const Hash256& root) {
    auto s = Session::open(*store, root);
    ASSERT_TRUE(s.ok()) << s.error().message;
    session = std::move(s).value();
  }
  void deploy_both() {
    const Receipt a = session->deploy(contract("counter"), kOwner, 0, u32_bytes(41), kGas);
    ASSERT_TRUE(a.ok) << a.error;
    counter = *a.deployed;
    const Receipt b = session->deploy(contract("caller"), kOwner, 0, {}, kGas);
    ASSERT_TRUE(b.ok) << b.error;
    caller = *b.deployed;
  }
  u32 get() {
    const Receipt r = session->call(counter, "get", {}, kGas);
    EXPECT_TRUE(r.ok) << r.error;
    return as_u32(r.result);
  }
  Bytes id_arg(const ContractId& id) { return Bytes(id.begin(), id.end()); }
};

TEST_F(Fixture, DeployCallAndEvents) {
  deploy_both();
  EXPECT_EQ(counter, contract_id(contract("counter"), 0, kOwner));
  EXPECT_EQ(get(), 41u);
  const Receipt r = session->call(counter, "increment", {}, kGas);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(as_u32(r.result), 42u);
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0], (Event{counter, "count", u32_bytes(42)}));
  EXPECT_GT(r.gas_spent, 0u);
  EXPECT_LE(r.gas_spent, r.gas_limit);
  // A second deploy of the same code, owner and nonce is refused.
  EXPECT_FALSE(session->deploy(contract("counter"), kOwner, 0, {}, kGas).ok);
}

TEST_F(Fixture, OriginIsTheTopLevelSendersThroughout) {
  deploy_both();
  const Bytes alice = {1, 2, 3, 4, 5};
  Receipt r = session->call(caller, "origin", {}, kGas, alice);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.result, alice);
  r = session->call(caller, "nested_origin", id_arg(caller), kGas, alice);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.result, alice);
  // Nobody named: empty. The next call does not see the last one's origin.
  r = session->query(caller, "origin", {}, kGas);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.result.empty());
}

TEST_F(Fixture, SessionsShareTranslatedModules) {
  auto cache = std::make_shared<ModuleCache>();
  SessionConfig config;
  config.modules = cache;
  auto first = Session::open(*store, Hash256{}, config);
  ASSERT_TRUE(first.ok());
  const Receipt d = (*first)->deploy(contract("counter"), kOwner, 0, u32_bytes(5), kGas);
  ASSERT_TRUE(d.ok) << d.error;
  auto root = (*first)->commit();
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(cache->stats().size, 1u);
  const u64 misses = cache->stats().misses;
  // Later sessions find the counter translated: no miss, however many there are.
  for (int i = 0; i < 3; ++i) {
    auto next = Session::open(*store, *root, config);
    ASSERT_TRUE(next.ok());
    const Receipt r = (*next)->call(*d.deployed, "increment", {}, kGas);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(as_u32(r.result), 6u);
  }
  EXPECT_EQ(cache->stats().misses, misses);
  EXPECT_GE(cache->stats().hits, 3u);
  // A cache of one keeps the last module used.
  ModuleCache small(1);
  auto m = wasm::compile(contract("counter"), SessionConfig::default_engine_config());
  auto n = wasm::compile(contract("caller"), SessionConfig::default_engine_config());
  ASSERT_TRUE(m.ok() && n.ok());
  Hash256 a{}, b{};
  b[0] = 1;
  small.insert(a, *m);
  small.insert(b, *n);
  EXPECT_EQ(small.find(a), nullptr);
  EXPECT_EQ(small.find(b), *n);
  EXPECT_EQ(small.stats().evictions, 1u);
}

TEST_F(Fixture, OnlyTheOwnerUpgradesKeepingIdAndMemory) {
  deploy_both();
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);  // 42
  auto committed = session->commit();
  ASSERT_TRUE(committed.ok());
  const Bytes v2 = contract("counter_v2");
  // Somebody else, or nobody, may not.
  Receipt r = session->upgrade(counter, v2, Bytes{0xaa}, {}, kGas);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("owner"), std::string::npos) << r.error;
  EXPECT_FALSE(session->upgrade(counter, v2, {}, {}, kGas).ok);
  EXPECT_EQ(session->root(), *committed);
  // Code that breaks the ABI is refused.
  const Bytes empty_module = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  EXPECT_FALSE(session->upgrade(counter, empty_module, kOwner, {}, kGas).ok);
  // A failing migrate changes nothing: the old code still counts by one.
  r = session->upgrade(counter, v2, kOwner, u32_bytes(0xdeadbeef), kGas);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("migrate"), std::string::npos) << r.error;
  EXPECT_EQ(session->root(), *committed);
  EXPECT_EQ(as_u32(session->call(counter, "increment", {}, kGas).result), 43u);

  // The owner: same ID, same memory (data segments not applied), migrate ran once.
  r = session->upgrade(counter, v2, kOwner, {}, kGas);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_GT(r.gas_spent, v2.size());
  ASSERT_EQ(r.calls.size(), 1u);
  EXPECT_EQ(r.calls[0].function, "migrate");
  EXPECT_EQ(get(), 86u);
  Receipt peek = session->query(counter, "peek", {}, kGas);
  ASSERT_TRUE(peek.ok) << peek.error;
  EXPECT_EQ(Bytes(peek.result.begin(), peek.result.begin() + 5), (Bytes{'c', 'o', 'u', 'n', 't'}));
  EXPECT_EQ(as_u32(peek.result, 5), kOwner.size());  // migrate's origin: the owner
  EXPECT_FALSE(session->call(counter, "migrate", {}, kGas).ok);  // nobody calls it
  EXPECT_EQ(as_u32(session->call(counter, "increment", {}, kGas).result), 96u);
  // The caller reaches the new code through the same ID.
  ASSERT_TRUE(session->call(caller, "call_increment", id_arg(counter), kGas).ok);
  EXPECT_EQ(get(), 106u);

  // Committed and reopened: the new code, the memory as it was left.
  auto upgraded = session->commit();
  ASSERT_TRUE(upgraded.ok());
  const Hash256 v2_hash = session->contracts().at(counter).code_hash;
  open(*upgraded);
  EXPECT_EQ(session->contracts().at(counter).code_hash, v2_hash);
  EXPECT_EQ(get(), 106u);
  EXPECT_EQ(as_u32(session->call(counter, "increment", {}, kGas).result), 116u);
  // The old commit still holds the old code.
  open(*committed);
  EXPECT_EQ(as_u32(session->call(counter, "increment", {}, kGas).result), 43u);
}

TEST_F(Fixture, UpgradedCodeHeldOnlyByAForgottenSiblingIsStillStored) {
  // Two sessions from one base upgrade the counter to the same code; the first commits
  // (its commit is then the only one naming the new code), is forgotten, and the second
  // commits: the new code must be in the store (the second commit provides it).
  deploy_both();
  auto base = session->commit(true);
  ASSERT_TRUE(base.ok());
  const Bytes v2 = contract("counter_v2");
  ASSERT_TRUE(session->upgrade(counter, v2, kOwner, {}, kGas).ok);
  auto sibling = session->commit();
  ASSERT_TRUE(sibling.ok());
  open(*base);
  ASSERT_TRUE(session->upgrade(counter, v2, kOwner, {}, kGas).ok);
  ASSERT_TRUE(store->forget(*sibling).ok());
  auto mine = session->commit(true);
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  test::expect_no_leak(*store, "after the sibling");
  open(*mine);
  const Receipt r = session->call(counter, "increment", {}, kGas);
  EXPECT_TRUE(r.ok) << r.error;
}

TEST_F(Fixture, UpgradeKeepsUncommittedWritesAndNewContracts) {
  // Deployed, upgraded and committed in one session: every page is there after reopening.
  deploy_both();
  ASSERT_TRUE(session->call(counter, "big_page", {}, kGas).ok);  // grows, writes page 48
  ASSERT_TRUE(session->upgrade(counter, contract("counter_v2"), kOwner, {}, kGas).ok);
  EXPECT_EQ(get(), 82u);
  auto root = session->commit();
  ASSERT_TRUE(root.ok());
  open(*root);
  EXPECT_EQ(get(), 82u);
  EXPECT_EQ(session->root(), *root);
  // Writes since the last commit, then an upgrade: the commit keeps them.
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);  // 92, uncommitted
  ASSERT_TRUE(session->upgrade(counter, contract("counter"), kOwner, {}, kGas).ok);
  EXPECT_EQ(get(), 92u);  // the first version, on the same memory
  auto again = session->commit();
  ASSERT_TRUE(again.ok());
  open(*again);
  EXPECT_EQ(get(), 92u);
  EXPECT_EQ(as_u32(session->call(counter, "increment", {}, kGas).result), 93u);
}

TEST_F(Fixture, ScatteredPagesOfALargeMemoryPersist) {
  // 4 MiB: 1,024 pages of 4 KiB, each holding its index + 1.
  const Receipt d = session->deploy(contract("scatter"), kOwner, 0, u32_bytes(64), kGas);
  ASSERT_TRUE(d.ok) << d.error;
  const ContractId id = *d.deployed;
  auto first = session->commit();
  ASSERT_TRUE(first.ok());
  Bytes touch = u32_bytes(0xabcdef);
  const u32 pages[] = {16, 17, 300, 511, 512, 1023};
  for (u32 p : pages) {
    const Bytes b = u32_bytes(p);
    touch.insert(touch.end(), b.begin(), b.end());
  }
  ASSERT_TRUE(session->call(id, "touch", touch, kGas).ok);
  auto second = session->commit();
  ASSERT_TRUE(second.ok());
  for (const Hash256& root : {*first, *second}) {
    open(root);
    EXPECT_EQ(session->root(), root);
    for (u32 p : {16u, 17u, 18u, 299u, 300u, 511u, 512u, 1000u, 1023u}) {
      const Receipt r = session->query(id, "read", u32_bytes(p), kGas);
      ASSERT_TRUE(r.ok) << r.error;
      const bool touched = root == *second && std::find(std::begin(pages), std::end(pages), p) != std::end(pages);
      EXPECT_EQ(as_u32(r.result), touched ? 0xabcdefu : p + 1) << "page " << p;
    }
  }
}

TEST_F(Fixture, ForgettingCommitsKeepsExactlyWhatKeptCommitsNeed) {
  // A scatter contract (pages 16 to 127 each holding a word) changed by random commits
  // from random kept bases, and random commits forgotten: every kept commit still opens
  // and reads as the model says, and the store holds exactly what kept commits name.
  std::mt19937_64 rng(2026);
  const Receipt d = session->deploy(contract("scatter"), kOwner, 0, u32_bytes(8), kGas);
  ASSERT_TRUE(d.ok) << d.error;
  const ContractId id = *d.deployed;
  std::map<Hash256, std::vector<u32>> kept;  // root -> the first word of pages 0..127
  std::vector<u32> words(128, 0);
  for (u32 p = 16; p < 128; ++p) words[p] = p + 1;
  auto first = session->commit(true);
  ASSERT_TRUE(first.ok());
  kept[*first] = words;
  Hash256 head = *first;
  for (int step = 0; step < 40; ++step) {
    // From a random kept commit, write some pages: a new value, the page's first value
    // back (its bytes then match other commits' pages), or zero (the page drops out).
    auto base = std::next(kept.begin(), static_cast<long>(rng() % kept.size()));
    open(base->first);
    words = base->second;
    const u32 value = rng() % 3 == 0 ? 0 : static_cast<u32>(rng() % 4);
    Bytes touch = u32_bytes(value);
    for (int k = 0, n = 1 + static_cast<int>(rng() % 12); k < n; ++k) {
      const u32 p = 16 + static_cast<u32>(rng() % 112);
      const Bytes b = u32_bytes(p);
      touch.insert(touch.end(), b.begin(), b.end());
      words[p] = value;
    }
    ASSERT_TRUE(session->call(id, "touch", touch, kGas).ok);
    auto root = session->commit(true);
    ASSERT_TRUE(root.ok()) << root.error().message;
    kept[*root] = words;
    head = *root;
    // Forget one or two commits other than the head.
    for (int f = 0; f < 1 + static_cast<int>(rng() % 2) && kept.size() > 2; ++f) {
      auto victim = std::next(kept.begin(), static_cast<long>(rng() % kept.size()));
      if (victim->first == head) continue;
      ASSERT_TRUE(store->forget(victim->first).ok());
      kept.erase(victim);
    }
    session.reset();
    test::expect_no_leak(*store, "step " + std::to_string(step));
    for (const auto& [r, model] : kept) {
      open(r);
      for (int k = 0; k < 8; ++k) {
        const u32 p = 16 + static_cast<u32>(rng() % 112);
        const Receipt q = session->query(id, "read", u32_bytes(p), kGas);
        ASSERT_TRUE(q.ok) << q.error;
        EXPECT_EQ(as_u32(q.result), model[p]) << "step " << step << " page " << p;
      }
    }
  }
  // Forget all but the head: what is left is the head's own.
  session.reset();
  for (const auto& [r, model] : kept) {
    if (r == head) continue;
    ASSERT_TRUE(store->forget(r).ok());
  }
  test::expect_no_leak(*store, "the head alone");
  EXPECT_EQ(store->usage()->commits, 1u);
}

TEST_F(Fixture, ASessionWhoseBaseWasForgottenCannotCommit) {
  deploy_both();
  auto base = session->commit();
  ASSERT_TRUE(base.ok());
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  auto next = session->commit(true);
  ASSERT_TRUE(next.ok());
  open(*base);
  ASSERT_TRUE(store->forget(*base).ok());
  // Its contracts' code and memory were the base's alone (the head has a new memory for
  // the counter but shares the caller's): a commit that names them fails whole.
  ASSERT_TRUE(session->call(caller, "call_increment", id_arg(counter), kGas).ok);
  const auto before = store->usage();
  auto failed = session->commit();
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("is not kept"), std::string::npos) << failed.error().message;
  EXPECT_EQ(store->usage()->pages, before->pages);
  EXPECT_EQ(store->usage()->commits, 1u);
}

TEST_F(Fixture, AStagedCommitTakesEffectOnlyWhenItsBatchIsWritten) {
  deploy_both();
  ASSERT_TRUE(session->commit(true).ok());
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  const Hash256 expected = session->root();
  // Staged and dropped: nothing is written, the session is as it was.
  {
    StateStore::Changes dropped(*store);
    auto staged = session->stage_commit(dropped, true);
    ASSERT_TRUE(staged.ok()) << staged.error().message;
    EXPECT_EQ((*staged)->root, expected);
  }
  EXPECT_FALSE(store->has_commit(expected));
  EXPECT_EQ(session->root(), expected);
  // Staged, written by the caller, then committed: the session goes on from it.
  StateStore::Changes changes(*store);
  auto staged = session->stage_commit(changes, true);
  ASSERT_TRUE(staged.ok());
  storage::WriteBatch batch;
  ASSERT_TRUE(changes.finish(batch).ok());
  ASSERT_TRUE(store->database().write(batch).ok());
  session->committed(std::move(staged).value());
  EXPECT_EQ(*store->head(), expected);
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  auto next = session->commit(true);
  ASSERT_TRUE(next.ok()) << next.error().message;
  open(*next);
  EXPECT_EQ(get(), 43u);
  open(expected);
  EXPECT_EQ(get(), 42u);
}

TEST_F(Fixture, ABlocksCommitAndTheForgettingOfAnOldOneGoInOneBatch) {
  // Commit N and forget N-2 in one set of changes, block after block: what the new
  // commit shares with the forgotten one stays (it is counted before it is released).
  deploy_both();
  std::vector<Hash256> roots;
  auto first = session->commit(true);
  ASSERT_TRUE(first.ok());
  roots.push_back(*first);
  for (int block = 0; block < 6; ++block) {
    ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
    StateStore::Changes changes(*store);
    auto staged = session->stage_commit(changes, true);
    ASSERT_TRUE(staged.ok()) << staged.error().message;
    if (roots.size() >= 2) {
      ASSERT_TRUE(changes.forget(roots[roots.size() - 2]).ok());
    }
    storage::WriteBatch batch;
    ASSERT_TRUE(changes.finish(batch).ok());
    EXPECT_FALSE(changes.forget(roots.front()).ok());  // a finished set takes nothing more
    ASSERT_TRUE(store->database().write(batch).ok());
    roots.push_back((*staged)->root);
    session->committed(std::move(staged).value());
    test::expect_no_leak(*store, "block " + std::to_string(block));
  }
  EXPECT_EQ(store->usage()->commits, 2u);
  open(roots.back());
  EXPECT_EQ(get(), 47u);
  const Receipt r = session->call(caller, "call_increment", id_arg(counter), kGas);
  EXPECT_TRUE(r.ok) << r.error;
  // A set with a failed change writes nothing at all.
  StateStore::Changes bad(*store);
  Hash256 unknown = roots.back();
  unknown[0] ^= 1;
  EXPECT_FALSE(bad.forget(roots.back()).ok());  // the head
  EXPECT_FALSE(bad.finalize(unknown).ok());
  storage::WriteBatch none;
  EXPECT_FALSE(bad.finish(none).ok());
  EXPECT_EQ(none.count(), 0u);
}

TEST_F(Fixture, CommitReopenSameRootSameMemory) {
  deploy_both();
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  ASSERT_TRUE(session->call(counter, "big_page", {}, kGas).ok);
  const Hash256 expected = session->root();
  auto root = session->commit();
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ(*root, expected);
  // Close everything, reopen from disk.
  session.reset();
  store.reset();
  auto s = StateStore::open(dir.string());
  ASSERT_TRUE(s.ok());
  store = std::move(s).value();
  open(*root);
  EXPECT_EQ(session->root(), *root);
  EXPECT_EQ(get(), 42u);
  // Globals are not state: every top-level call finds the initial values.
  EXPECT_EQ(as_u32(session->call(counter, "touched", {}, kGas).result), 0u);
  // The old commit stays readable beside the new one.
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  auto next = session->commit();
  ASSERT_TRUE(next.ok());
  EXPECT_NE(*next, *root);
  open(*root);
  EXPECT_EQ(get(), 42u);
}

TEST_F(Fixture, FailedCallsChangeNothing) {
  deploy_both();
  const Hash256 before = session->root();
  const Receipt trap = session->call(counter, "fail_after_write", {}, kGas);
  EXPECT_FALSE(trap.ok);
  EXPECT_TRUE(trap.events.empty());
  EXPECT_EQ(trap.gas_spent, kGas);  // a failed call consumes its gas
  const Receipt panic = session->call(counter, "panics", {}, kGas);
  EXPECT_FALSE(panic.ok);
  EXPECT_NE(panic.error.find("boom"), std::string::npos) << panic.error;
  const Receipt gas = session->call(counter, "spin", {}, 100'000);
  EXPECT_FALSE(gas.ok);
  EXPECT_EQ(gas.error, "out of gas");
  EXPECT_EQ(gas.gas_spent, 100'000u);
  EXPECT_FALSE(session->call(counter, "no_such_entry", {}, kGas).ok);
  EXPECT_FALSE(session->call(counter, "get", Bytes(64 * 1024 + 1), kGas).ok);
  EXPECT_EQ(session->root(), before);
  EXPECT_EQ(get(), 41u);
  EXPECT_EQ(as_u32(session->call(counter, "touched", {}, kGas).result), 0u);  // globals undone
}

TEST_F(Fixture, QueriesAreUndone) {
  deploy_both();
  const Receipt q = session->query(counter, "increment", {}, kGas);
  ASSERT_TRUE(q.ok) << q.error;
  EXPECT_EQ(as_u32(q.result), 42u);
  EXPECT_EQ(get(), 41u);
}

TEST_F(Fixture, NestedCallsAreAtomic) {
  deploy_both();
  // A successful inner call.
  const Receipt ok = session->call(caller, "call_increment", id_arg(counter), kGas);
  ASSERT_TRUE(ok.ok) << ok.error;
  EXPECT_EQ(as_i32(ok.result), 4);  // the callee's result length
  EXPECT_EQ(get(), 42u);
  ASSERT_EQ(ok.events.size(), 1u);
  EXPECT_EQ(ok.events[0].source, counter);
  // The inner call succeeds, then the outer one fails: the inner one is undone too.
  const Receipt outer_fails = session->call(caller, "call_then_fail", id_arg(counter), kGas);
  EXPECT_FALSE(outer_fails.ok);
  EXPECT_TRUE(outer_fails.events.empty());
  EXPECT_EQ(get(), 42u);
  // The inner call fails: the caller sees the code, the callee's write and event are gone.
  const Receipt inner_fails = session->call(caller, "call_failing", id_arg(counter), kGas);
  ASSERT_TRUE(inner_fails.ok) << inner_fails.error;
  EXPECT_EQ(as_i32(inner_fails.result), kCallFailed);
  EXPECT_TRUE(inner_fails.events.empty());
  EXPECT_EQ(get(), 42u);
  // No such contract.
  ContractId nobody{};
  nobody[0] = 1;
  const Receipt missing = session->call(caller, "call_increment", id_arg(nobody), kGas);
  ASSERT_TRUE(missing.ok);
  EXPECT_EQ(as_i32(missing.result), kCallNoSuchContract);
}

TEST_F(Fixture, ReentrancyUpToTheDepthLimit) {
  deploy_both();
  const Receipt r = session->call(caller, "recurse", id_arg(caller), 1'000'000'000);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(as_u32(r.result, 0), SessionConfig{}.max_call_depth);  // levels that ran
  EXPECT_EQ(static_cast<i32>(as_u32(r.result, 4)), kCallTooDeep);
  // The call tree: one chain, each call the child of the one before; the last, refused
  // at the limit, failed.
  const u32 depth = SessionConfig{}.max_call_depth;
  ASSERT_EQ(r.calls.size(), depth + 1);
  for (u32 i = 0; i < r.calls.size(); ++i) {
    EXPECT_EQ(r.calls[i].depth, i);
    EXPECT_EQ(r.calls[i].parent, static_cast<i32>(i) - 1);
    EXPECT_EQ(r.calls[i].contract, caller);
    EXPECT_EQ(r.calls[i].function, "recurse");
    EXPECT_EQ(r.calls[i].ok, i < depth);
  }
  // The top-level call's record and the receipt differ by the argument's bytes, paid
  // before the call.
  EXPECT_EQ(r.calls[0].gas_spent + 32 * kHostByteGas, r.gas_spent);
  EXPECT_LT(r.calls[1].gas_spent, r.calls[0].gas_spent);
}

TEST_F(Fixture, ReceiptsCarryTheCallTree) {
  deploy_both();
  // caller -> counter.increment, then the caller traps: the tree shows both calls.
  Receipt r = session->call(caller, "call_then_fail", id_arg(counter), kGas);
  ASSERT_FALSE(r.ok);
  ASSERT_EQ(r.calls.size(), 2u);
  EXPECT_EQ(r.calls[0].contract, caller);
  EXPECT_EQ(r.calls[0].function, "call_then_fail");
  EXPECT_FALSE(r.calls[0].ok);
  EXPECT_FALSE(r.calls[0].error.empty());
  EXPECT_EQ(r.calls[1].contract, counter);
  EXPECT_EQ(r.calls[1].function, "increment");
  EXPECT_EQ(r.calls[1].parent, 0);
  EXPECT_EQ(r.calls[1].depth, 1u);
  EXPECT_TRUE(r.calls[1].ok);
  EXPECT_GT(r.calls[1].gas_spent, 0u);
  EXPECT_LE(r.calls[1].gas_spent, r.calls[1].gas_limit);
  // A failed callee: its record says why, and that it cost its whole limit.
  r = session->call(caller, "call_failing", id_arg(counter), kGas);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.calls.size(), 2u);
  EXPECT_TRUE(r.calls[0].ok);
  EXPECT_FALSE(r.calls[1].ok);
  EXPECT_EQ(r.calls[1].function, "fail_after_write");
  EXPECT_EQ(r.calls[1].gas_spent, r.calls[1].gas_limit);
  // A deploy's tree is its init.
  const Receipt d = session->deploy(contract("counter"), kOwner, 7, u32_bytes(1), kGas);
  ASSERT_TRUE(d.ok) << d.error;
  ASSERT_EQ(d.calls.size(), 1u);
  EXPECT_EQ(d.calls[0].function, "init");
}

TEST_F(Fixture, GasIsExactAndRepeatable) {
  deploy_both();
  ASSERT_TRUE(session->commit().ok());
  const Hash256 root = session->root();
  // The same call from the same state spends the same gas, nested calls included.
  const Receipt a = session->call(caller, "call_increment", id_arg(counter), kGas);
  open(root);
  const Receipt b = session->call(caller, "call_increment", id_arg(counter), kGas);
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.gas_spent, b.gas_spent);
  // Exactly the gas a call spends is enough; one less is not, and then nothing changes.
  // (A nested call gets 93% of what remains, so this holds for calls without one.)
  open(root);
  const Receipt exact = session->call(counter, "increment", {}, kGas);
  ASSERT_TRUE(exact.ok);
  open(root);
  EXPECT_TRUE(session->call(counter, "increment", {}, exact.gas_spent).ok);
  open(root);
  const Receipt short_of = session->call(counter, "increment", {}, exact.gas_spent - 1);
  EXPECT_FALSE(short_of.ok);
  EXPECT_EQ(short_of.gas_spent, exact.gas_spent - 1);
  EXPECT_EQ(get(), 41u);
}

TEST_F(Fixture, DeployingPaysPerByteOfCode) {
  // The same module with a custom section 1,000 bytes longer: deploying it costs
  // exactly 1,000 * kCodeByteGas more, and a limit below the code's price deploys
  // nothing.
  const Bytes code = contract("counter");
  auto with_section = [&](size_t n) {
    Bytes b = code;
    const std::string name = "padding";
    b.push_back(0);  // a custom section: id 0, size (LEB128), name, contents
    const size_t size = 1 + name.size() + n;
    for (size_t v = size;; v >>= 7) {
      b.push_back(static_cast<u8>((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
      if (v < 0x80) break;
    }
    b.push_back(static_cast<u8>(name.size()));
    b.insert(b.end(), name.begin(), name.end());
    b.insert(b.end(), n, 0x5a);
    return b;
  };
  const Bytes small = with_section(200), large = with_section(1200);  // both sizes two LEB128 bytes
  ASSERT_EQ(large.size() - small.size(), 1000u);
  const Receipt a = session->deploy(small, kOwner, 0, u32_bytes(1), kGas);
  const Receipt b = session->deploy(large, kOwner, 0, u32_bytes(1), kGas);
  ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
  EXPECT_EQ(b.gas_spent - a.gas_spent, 1000 * kCodeByteGas);
  const Receipt short_of = session->deploy(code, kOwner, 1, u32_bytes(1), code.size() * kCodeByteGas - 1);
  EXPECT_FALSE(short_of.ok);
  EXPECT_EQ(short_of.error, "out of gas");
  EXPECT_EQ(session->contracts().size(), 2u);
}

TEST_F(Fixture, PagesAreProvenAgainstTheRoot) {
  deploy_both();
  ASSERT_TRUE(session->call(counter, "increment", {}, kGas).ok);
  auto root = session->commit();
  ASSERT_TRUE(root.ok());
  // Page 0 holds the counter (written); page 20 was never written (zeros).
  for (u32 page : {0u, 20u}) {
    auto proof = prove_page(*store, *root, counter, page);
    ASSERT_TRUE(proof.ok()) << proof.error().message;
    EXPECT_TRUE(verify_page_proof(*root, *proof)) << page;
    if (page == 0) {
      EXPECT_EQ(load_le<u32>(proof->bytes.data() + 16), 42u);
    }
    // Through its binary form.
    const Bytes wire = encode(*proof);
    auto back = decode_page_proof(wire);
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(verify_page_proof(*root, *back));
    // Tampered: the bytes, the contract's fields, a sibling, the root.
    PageProof bad = *proof;
    bad.bytes[100] ^= 1;
    EXPECT_FALSE(verify_page_proof(*root, bad));
    bad = *proof;
    bad.state.owner.push_back(0);
    EXPECT_FALSE(verify_page_proof(*root, bad));
    bad = *proof;
    if (!bad.in_state.siblings.empty()) {
      bad.in_state.siblings[0][0] ^= 1;
      EXPECT_FALSE(verify_page_proof(*root, bad));
    }
    Hash256 other = *root;
    other[31] ^= 1;
    EXPECT_FALSE(verify_page_proof(other, *proof));
    Bytes cut = wire;
    cut.pop_back();
    EXPECT_FALSE(decode_page_proof(cut).has_value());
  }
  EXPECT_FALSE(prove_page(*store, *root, counter, 1'000'000).ok());  // beyond the memory
}

TEST_F(Fixture, BadContractsAreRefused) {
  EXPECT_FALSE(session->deploy(Bytes{0, 'a', 's', 'm', 1, 0, 0, 0, 0xff}, kOwner, 0, {}, kGas).ok);
  // A module without the ABI's exports.
  const Bytes empty_module = {0, 'a', 's', 'm', 1, 0, 0, 0};
  const Receipt r = session->deploy(empty_module, kOwner, 0, {}, kGas);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("memory"), std::string::npos) << r.error;
  EXPECT_TRUE(session->contracts().empty());
  EXPECT_EQ(session->root(), Hash256{});
}

}  // namespace
}  // namespace dusk::vm
