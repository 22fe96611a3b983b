// A SIGKILL while blocks are written leaves DuskEVM's state at a whole block: a child
// process runs block after block through a State over a DbStateBackend and writes each
// block's batch (tries, flat records, root), acknowledging each once write() returned;
// the parent kills it at a random moment, reopens the database and checks that the head
// is the last acknowledged block or the next one, that its root is the root of that
// block's state computed in memory, and that the flat records and the tries (at the
// head root and at the root recorded for the height) both read that state.
//
// DUSK_CRASH_ROUNDS sets the number of kills (default 12).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>

#include "duskevm/db_state_backend.hpp"
#include "duskevm/state.hpp"
#include "support/kill_at_random.hpp"
#include "trie/trie.hpp"

namespace dusk::evm {
namespace {

namespace fs = std::filesystem;

constexpr u64 kAccounts = 10, kSlots = 5;

Address addr(u64 i) {
  Address a{};
  a[0] = 0xcc;
  a[19] = static_cast<u8>(i);
  return a;
}

// Block n's changes (n >= 1): every balance becomes n, a slot of each account n, every
// third block zeroes another slot, every eleventh destroys the last account (the next
// block creates it again, without its old slots), and each block's code differs.
void run_block(State& s, u64 n) {
  s.begin_transaction();
  for (u64 i = 0; i < kAccounts; ++i) {
    s.set_balance(addr(i), Uint256{n});
    s.set_nonce(addr(i), 1);
    s.set_storage(addr(i), Uint256{n % kSlots}, Uint256{n});
    if (n % 3 == 0) s.set_storage(addr(i), Uint256{(n + 1) % kSlots}, Uint256{});
  }
  s.set_code(addr(0), Bytes{0x60, static_cast<u8>(n), 0x00});
  if (n % 11 == 0) s.mark_destructed(addr(kAccounts - 1));
  s.finalize_transaction();
}

[[noreturn]] void writer(const std::string& path, int ack) {
  auto db = storage::Database::open({.path = path, .column_families = DbStateBackend::families()});
  if (!db.ok()) _exit(3);
  DbStateBackend backend(**db);
  u64 n = 0;  // the stored head's block: account 0's balance
  if (auto a = backend.account(addr(0)); !a.ok()) _exit(4);
  else if (a->has_value()) n = (*a)->balance.low64();
  for (;;) {
    ++n;
    State s;
    s.set_backend(&backend);
    run_block(s, n);
    if (s.backend_failure()) _exit(5);
    storage::WriteBatch batch;
    if (!backend.apply(s.take_changes(), n, batch).ok()) _exit(6);
    if (!(*db)->write(batch).ok()) _exit(7);
    if (write(ack, &n, sizeof n) != sizeof n) _exit(8);
  }
}

void expect_state(const StateBackend& b, const State& want, const std::string& where) {
  for (u64 i = 0; i < kAccounts; ++i) {
    auto got = b.account(addr(i));
    ASSERT_TRUE(got.ok()) << where << ": " << got.error().message;
    const Account* w = want.find(addr(i));
    ASSERT_EQ(got->has_value(), w != nullptr) << where << " account " << i;
    if (!w) continue;
    EXPECT_EQ((*got)->balance, w->balance) << where;
    EXPECT_EQ((*got)->code_hash, w->code_hash) << where;
    EXPECT_EQ(*(*got)->code, *w->code) << where;
    for (u64 k = 0; k < kSlots; ++k) EXPECT_EQ(*b.slot(addr(i), Uint256{k}), want.storage(addr(i), Uint256{k})) << where;
  }
}

TEST(EvmStateCrash, KillAtRandomMomentsLeavesAWholeBlock) {
  const int rounds = test::crash_rounds(12);
  const fs::path dir = fs::temp_directory_path() / ("dusk-evm-crash-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::mt19937_64 rng(std::random_device{}());
  u64 acknowledged = 0;
  State reference;  // blocks 1..simulated, in memory
  u64 simulated = 0;
  for (int round = 0; round < rounds; ++round) {
    const auto run = test::kill_at_random<u64>([&](int ack) { writer(dir.string(), ack); }, rng, 20, 119);
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.killed) << "the writer exited by itself with status " << run.exit_status;
    if (!run.acknowledged.empty()) acknowledged = run.acknowledged.back();

    auto db = storage::Database::open({.path = dir.string(), .column_families = DbStateBackend::families()});
    ASSERT_TRUE(db.ok()) << "round " << round << ": " << db.error().message;
    DbStateBackend backend(**db);
    auto head = backend.account(addr(0));
    ASSERT_TRUE(head.ok()) << head.error().message;
    const u64 found = head->has_value() ? (*head)->balance.low64() : 0;
    ASSERT_GE(found, acknowledged) << "round " << round << ": an acknowledged block was lost";
    ASSERT_LE(found, acknowledged + 1) << "round " << round;
    acknowledged = found;
    while (simulated < found) run_block(reference, ++simulated);
    const Hash256 root = *backend.root();
    ASSERT_EQ(root, found == 0 ? trie::kEmptyTrieRoot : reference.root()) << "round " << round << " block " << found;
    if (found == 0) continue;
    ASSERT_EQ(**backend.root_at(found), root);
    const std::string where = "round " + std::to_string(round) + " block " + std::to_string(found);
    expect_state(backend, reference, where + " (flat)");
    expect_state(*backend.at(root), reference, where + " (tries)");
  }
  std::cout << rounds << " kills, " << acknowledged << " blocks\n";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dusk::evm
